package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.MbConvBreakdown.Kind;
import org.scalinglab.arch.MbConvBreakdown.Step;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

class BlockFigureTest {
    @TempDir Path dir;

    /** Every step's title, output shape, parameters and multiply-adds are in the SVG as the cost model gives them. */
    @Test
    void svgCarriesEveryStepOfTheBlock() throws Exception {
        for (NetworkSpec net : new NetworkSpec[] {NetworkSpec.official(OfficialModel.B0), NetworkSpec.official(OfficialModel.B4),
                NetworkSpec.compound(new CompoundScaling(1.5, 1.2, 1.1, 1.15), 224)}) {
            CostModel cost = CostModel.of(net);
            MbConvBreakdown b = MbConvBreakdown.of(cost, 4, 1);
            BlockFigure f = BlockFigure.of(b, net, "test network");
            Path svg = dir.resolve(net.name() + ".svg");
            f.write(svg);
            String text = SvgText.of(svg);
            assertTrue(text.contains("test network: Stage 4, block 2 of"), text);
            assertTrue(text.contains(b.inShape()), "input shape");
            for (Step s : b.steps()) {
                assertTrue(text.contains(s.title()), s.title());
                assertTrue(text.contains(s.shape()), s.title() + " " + s.shape());
                assertTrue(text.contains(String.format(Locale.ROOT, "%,d params", s.params())), s.title() + " params");
                assertTrue(text.contains(Numbers.macs(s.macs()) + " mult-adds"), s.title() + " macs");
            }
            assertTrue(text.contains(BlockFigure.SE_CAPTION));
            assertTrue(text.contains("residual: the input is added back"), "the second block of a stage has the residual");
        }
    }

    /**
     * B0 stage 4 (Keras block3b, 28×28, 40 channels, expand ×6 = 240, kernel 5) by hand: depthwise 5·5·240 + 4·240 (BN)
     * = 6,960 params and 28·28·25·240 = 4,704,000 multiply-adds ("4.7 M"); SE reduces to max(1, int(40·0.25)) = 10
     * channels: 240·10 + 10 = 2,410 params; project 240·40 + 4·40 = 9,760 params.
     */
    @Test
    void numbersByHand() throws Exception {
        NetworkSpec net = NetworkSpec.official(OfficialModel.B0);
        BlockFigure f = BlockFigure.of(MbConvBreakdown.of(CostModel.of(net), 4, 1), net, "EfficientNet-B0");
        Path svg = dir.resolve("b0.svg");
        f.write(svg);
        String text = SvgText.of(svg);
        assertTrue(text.contains("Depthwise 5×5"));
        assertTrue(text.contains("6,960 params"));
        assertTrue(text.contains("4.7 M mult-adds"));
        assertTrue(text.contains("1×1×10"));
        assertTrue(text.contains("2,410 params"));
        assertTrue(text.contains("9,760 params"));
        assertTrue(text.contains("28×28×40"));
        assertEquals(4_704_000, f.block().step(Kind.DEPTHWISE).macs());
    }

    /** A first block (stride 2, no residual) says so; the PNG has the requested pixels; the PDF is a PDF. */
    @Test
    void pngSizeAndPdf() throws Exception {
        NetworkSpec net = NetworkSpec.official(OfficialModel.B0);
        BlockFigure f = BlockFigure.of(MbConvBreakdown.of(CostModel.of(net), 4, 0), net, "EfficientNet-B0");
        assertFalse(f.hasResidual());
        assertTrue(f.residualNote().startsWith("No residual"));
        Path png = dir.resolve("block.png");
        FigureWriter.write(f, "figure", png, 900, 300);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1800, img.getWidth());
        assertEquals(600, img.getHeight());
        Path natural = dir.resolve("natural.png");
        f.write(natural);
        BufferedImage n = ImageIO.read(natural.toFile());
        assertEquals(2 * f.width(), n.getWidth());
        assertEquals(2 * f.height(), n.getHeight());
        int ink = 0;
        for (int y = 0; y < n.getHeight(); y += 5) for (int x = 0; x < n.getWidth(); x += 5) if (n.getRGB(x, y) != 0xffffffff) ink++;
        assertTrue(ink > 500, "drawn, not blank: " + ink);
        Path pdf = dir.resolve("block.pdf");
        f.write(pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.ISO_8859_1));
    }

    /** The window's heading is the figure's, word for word (the explorer test checks the window side). */
    @Test
    void headingNamesStageBlockAndCost() {
        NetworkSpec net = NetworkSpec.official(OfficialModel.B0);
        BlockFigure f = BlockFigure.of(MbConvBreakdown.of(CostModel.of(net), 4, 0), net, "");
        assertTrue(f.heading().startsWith("Stage 4, block 1 of 2 (Keras block3a): MBConv6, k5×5,  56×56×24 → 28×28×40,  "),
                f.heading());
        assertEquals("EfficientNet-B3", BlockFigure.modelName(OfficialModel.B3, OfficialModel.B3.formula()));
        assertEquals("Compound φ = 1.5 (α = 1.2, β = 1.1, γ = 1.15)",
                BlockFigure.modelName(null, new CompoundScaling(1.5, 1.2, 1.1, 1.15)));
    }
}
