package org.scalinglab.export;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;

/**
 * PDF figures keep their symbols: the text read back from the file (PDFBox's text extraction, as a reader's search or
 * copy would) has φ, α, β, γ, ×, · and ^ exactly as drawn, and every font in the file is embedded, so the page looks
 * the same on any machine.
 */
class PdfTextTest {
    @TempDir Path dir;

    /**
     * The text of a one-page PDF, the fonts its page uses (in the page, its forms and nested forms) and its properties.
     * The text is each glyph's own Unicode as the file maps it (the stripper's output would turn a ligature back into
     * letters, hiding it), one line per drawn string.
     */
    record Read(String text, List<PDFont> fonts, String title, String author) {
    }

    static Read read(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) collectFonts(page.getResources(), fonts, new HashSet<>());
            StringBuilder glyphs = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    glyphs.append(p.getUnicode());
                    super.processTextPosition(p);
                }

                @Override
                public void endText() throws IOException {
                    glyphs.append('\n');
                    super.endText();
                }
            };
            String stripped = stripper.getText(doc);
            assertFalse(stripped.isBlank(), "PDFTextStripper finds text");
            return new Read(glyphs.toString(), fonts, doc.getDocumentInformation().getTitle(), doc.getDocumentInformation().getAuthor());
        }
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<Object> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) return;
        for (COSName name : resources.getFontNames()) fonts.add(resources.getFont(name));
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), fonts, seen);
        }
    }

    static void assertAllEmbedded(Read r) {
        assertFalse(r.fonts().isEmpty(), "the text is drawn as text, with fonts, not as outlines");
        for (PDFont f : r.fonts()) {
            assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
            assertTrue(f.getName().contains("DejaVu"), f.getName());
        }
    }

    static void assertHas(Read r, String... drawn) {
        for (String s : drawn) assertTrue(r.text().contains(s), "'" + s + "' not in the PDF's text:\n" + r.text());
    }

    @Test
    void chartKeepsGreekLettersTimesDotAndPower() throws Exception {
        CostCurveChart chart = new CostCurveChart();
        chart.style(1.0);
        Path pdf = dir.resolve("cost.pdf");
        FigureWriter.write(chart.chart(), pdf, 640, 480);
        Read r = read(pdf);
        assertHas(r, "Cost against φ", "compound coefficient φ", "formula: d=α^φ, w=β^φ, r=γ^φ", "prediction: B0 × (α·β²·γ²)^φ",
                "official B0–B7");
        assertFalse(r.text().contains("?"), "no character was replaced:\n" + r.text());
        assertTrue(r.text().chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), "no ligature glyphs (ﬁ, ﬃ):\n" + r.text());
        assertAllEmbedded(r);
        assertEquals("Cost against φ", r.title());
        assertEquals("Scaling Lab", r.author());
    }

    @Test
    void blockDiagramKeepsItsSymbols() throws Exception {
        CompoundScaling formula = new CompoundScaling(1.5, 1.2, 1.1, 1.15);
        NetworkSpec net = NetworkSpec.compound(formula, 224);
        MbConvBreakdown block = MbConvBreakdown.of(CostModel.of(net), 4, 0);
        BlockFigure f = BlockFigure.of(block, net, BlockFigure.modelName(null, formula));
        Path pdf = dir.resolve("block.pdf");
        f.write(pdf);
        Read r = read(pdf);
        assertHas(r, "Compound φ = 1.5 (α = 1.2, β = 1.1, γ = 1.15)", block.inShape(), "×", "→", BlockFigure.SE_CAPTION);
        assertTrue(block.inShape().contains("×"), block.inShape());
        for (BlockFigure.Box b : f.boxes()) assertHas(r, b.title(), b.shape());
        assertAllEmbedded(r);
        assertTrue(r.title().startsWith("Compound φ = 1.5"), r.title());
    }

    @Test
    void comparisonFigureKeepsItsSymbols() throws Exception {
        List<ComparisonFigure.Column> cols = List.of(
                new ComparisonFigure.Column("Compound φ=1", "d=α^φ w=β^φ r=γ^φ", "2 × 0.39 G multiply-adds"),
                new ComparisonFigure.Column("Width only", "d=1.00 w=1.65 r=224", "α·β²·γ² ≈ 2"));
        List<ComparisonFigure.Row> rows = List.of(new ComparisonFigure.Row("château-φ.jpg", ComparisonFigureTest.solid(320, 240, Color.GRAY), List.of(
                new ComparisonFigure.Cell(ComparisonFigureTest.solid(224, 224, Color.RED), "tabby 71% · tiger cat 12%", ""),
                ComparisonFigure.Cell.missing("no trained weights for this variant"))));
        ComparisonFigure figure = new ComparisonFigure(cols, rows, new ComparisonFigure.Legend("Grad-CAM, top_activation",
                v -> new Color((float) v, 0f, (float) (1 - v)), "low", "high", "shared min-max"));
        Path pdf = dir.resolve("cam.pdf");
        FigureWriter.write(pdf, figure, 72);
        Read r = read(pdf);
        assertHas(r, "Compound φ=1", "d=α^φ w=β^φ r=γ^φ", "2 × 0.39 G multiply-adds", "α·β²·γ² ≈ 2", "château-φ.jpg",
                "tabby 71% · tiger cat 12%", "Grad-CAM, top_activation · shared min-max", "no trained weights");
        assertAllEmbedded(r);
        assertEquals("Grad-CAM, top_activation", r.title());
    }

    /** Java's logical families and their styles each get their own embedded face. */
    @Test
    void logicalFamiliesMapToEmbeddedFaces() throws Exception {
        String[] families = {Font.SANS_SERIF, Font.DIALOG, Font.SERIF, Font.MONOSPACED, Font.DIALOG_INPUT};
        Path pdf = dir.resolve("fonts.pdf");
        FigureWriter.write(pdf, 400, 40 + 60 * families.length, 72, "fonts", g -> {
            g.setColor(Color.BLACK);
            int y = 20;
            for (String family : families) {
                for (int style : new int[] {Font.PLAIN, Font.BOLD, Font.ITALIC, Font.BOLD | Font.ITALIC}) {
                    g.setFont(new Font(family, style, 10));
                    g.drawString(family + " " + style + ": φ α β γ × · ^ ² ≈ → ±", 10, y += 14);
                }
            }
        });
        Read r = read(pdf);
        for (String family : families) {
            for (int style = 0; style < 4; style++) assertHas(r, family + " " + style + ": φ α β γ × · ^ ² ≈ → ±");
        }
        assertAllEmbedded(r);
        Set<String> faces = new HashSet<>();
        for (PDFont f : r.fonts()) faces.add(f.getName().substring(f.getName().indexOf('+') + 1));
        assertEquals(Set.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique",
                "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic",
                "DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSansMono-Oblique", "DejaVuSansMono-BoldOblique"), faces);
    }

    /** A character DejaVu lacks does not make the text vanish: that string is drawn as outlines, the rest stays text. */
    @Test
    void textTheFontLacksIsStillDrawn() throws Exception {
        Path pdf = dir.resolve("cjk.pdf");
        FigureWriter.write(pdf, 300, 80, 72, "cjk", g -> {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("γ = 1.15", 10, 20);
            g.drawString("寺院.jpg", 10, 50);
        });
        Read r = read(pdf);
        assertHas(r, "γ = 1.15");
        assertAllEmbedded(r);
        assertFalse(r.text().contains("?"), r.text());
    }
}
