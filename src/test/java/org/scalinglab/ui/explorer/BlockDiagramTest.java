package org.scalinglab.ui.explorer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The explorer's MBConv block view, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class BlockDiagramTest {
    @TempDir Path dir;

    /** The explorer's block view writes the figure it shows; its heading is the figure's. */
    @Test
    void blockViewExportsTheFigure(FxRobot robot) throws Exception {
        ExplorerViewModel vm = new ExplorerViewModel();
        BlockDiagram[] view = new BlockDiagram[1];
        Path svg = dir.resolve("block.svg");
        robot.interact(() -> {
            vm.selectedStageProperty().set(5);
            view[0] = new BlockDiagram(vm);
            try {
                view[0].export(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BlockDiagram block = view[0];
        String heading = block.headingText();
        assertEquals(block.figure().heading(), heading);
        String figureText = org.scalinglab.export.SvgText.of(svg);
        assertTrue(figureText.contains("EfficientNet-B0: Stage 5, block 1 of 3 (Keras block4a)"), figureText);
        for (org.scalinglab.export.BlockFigure.Box b : block.figure().boxes()) {
            assertTrue(figureText.contains(b.shape()), b.title());
            if (b.params() != null) assertTrue(figureText.contains(b.params()), b.title());
        }
    }
}
