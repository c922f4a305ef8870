package org.scalinglab.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.scalinglab.ui.cam.CamFixtures.LINEUP;
import static org.scalinglab.ui.cam.CamFixtures.photo;
import static org.scalinglab.ui.cam.CamFixtures.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.cam.Colormap;
import org.scalinglab.app.Scenario;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.ui.cam.CamFixtures;
import org.scalinglab.ui.cam.CamViewModel;
import org.scalinglab.ui.explorer.ExplorerViewModel;
import org.scalinglab.ui.method.SearchScenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A scenario saved from the whole window and opened again, headless, with the CAM tab's tiny test line-up. */
@ExtendWith(ApplicationExtension.class)
class ScenarioFilesTest {
    @TempDir static Path cache;
    @TempDir Path dir;
    private MainWindow window;
    private CamViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = CamFixtures.offlineModel(cache, "Tiny test line-up", LINEUP);
        window = CamFixtures.showCamTab(stage, vm, 1260, 780);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void aScenarioRoundTripsThroughTheWindow(FxRobot robot) throws Exception {
        Path png = photo(dir, "shapes.png", 96, 64);
        ExplorerViewModel explorer = window.explorerModel();
        // MnasNet's hard constraint (α = 0, β = −1) at 4 B FLOPs, grid step 0.1 and tolerance 0.03
        Scenario.Search search = new Scenario.Search("piecewise", 4e9, -0.07, 0, -1, 0.1, 0.03, null, null);
        robot.interact(() -> {
            explorer.useFormula();
            explorer.alphaProperty().set(1.25);
            explorer.phiProperty().set(2.5);
            vm.methodProperty().set("gradcampp");
            vm.colormapProperty().set(Colormap.VIRIDIS);
            vm.alphaProperty().set(0.7);
            vm.scaleProperty().set(org.scalinglab.cam.Heatmap.Scaling.PER_MAP);
            vm.addImages(List.of(png));
            SearchScenario.apply(window.method(), search, Path::of);
        });
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());
        robot.interact(() -> window.tabs.getSelectionModel().select(window.methodTab));
        Path file = dir.resolve("lesson.sclab");
        robot.interact(() -> window.saveScenario(file));
        assertTrue(Files.readString(file).contains("\"gradcampp\""));

        robot.interact(() -> {
            explorer.selectPreset(OfficialModel.B3);
            vm.methodProperty().set("eigencam");
            vm.colormapProperty().set(Colormap.JET);
            vm.scaleProperty().set(org.scalinglab.cam.Heatmap.Scaling.SHARED);
            vm.clearImages();
            SearchScenario.apply(window.method(), Scenario.Search.defaults(), Path::of);
            window.tabs.getSelectionModel().select(window.explorerTab);
        });
        assertTrue(vm.images().isEmpty());
        assertEquals("efficientnet", SearchScenario.capture(window.method()).reward());
        robot.interact(() -> window.openScenario(file));
        waitUntil(() -> vm.resultProperty().get() != null && !vm.runningProperty().get());

        assertSame(window.methodTab, window.tabs.getSelectionModel().getSelectedItem(), "the scenario opens on its tab");
        Scenario.Search loaded = SearchScenario.capture(window.method());
        assertEquals("piecewise", loaded.reward());
        assertEquals(0, loaded.below());
        assertEquals(-1, loaded.above());
        assertEquals(4e9, loaded.target(), 1e3);
        assertEquals(0.1, loaded.gridStep());
        assertEquals(0.03, loaded.gridTolerance());

        assertNull(explorer.presetProperty().get());
        assertEquals(2.5, explorer.phiProperty().get());
        assertEquals(1.25, explorer.alphaProperty().get());
        assertEquals("gradcampp", vm.methodProperty().get());
        assertEquals("gradcampp", vm.resultProperty().get().method());
        assertEquals(Colormap.VIRIDIS, vm.colormapProperty().get());
        assertEquals(0.7, vm.alphaProperty().get());
        assertEquals(org.scalinglab.cam.Heatmap.Scaling.PER_MAP, vm.scaleProperty().get(), "the colour scale comes back too");
        assertEquals(List.of(png.toAbsolutePath()), vm.images());
        assertEquals(1, vm.resultProperty().get().rows().size());

        // a scenario that names a grid report that is gone: the rest loads, and the message names the file
        Files.writeString(file, Files.readString(file).replace("\"gridStep\"", "\"gridReport\": \"gone/grid.json\", \"gridStep\""));
        robot.interact(() -> window.openScenario(file));
        waitUntil(() -> !vm.runningProperty().get());
        assertTrue(window.explorerModel().noticeProperty().get().contains("these files are missing: gone/grid.json"),
                window.explorerModel().noticeProperty().get());
    }
}
