package org.scalinglab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.app.Scenario;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.ui.cam.CamViewModel;
import org.scalinglab.ui.explorer.ExplorerViewModel;
import org.scalinglab.ui.method.MethodView;
import org.scalinglab.ui.method.SearchScenario;

/**
 * The window's state as a scenario file and back: the explorer's sliders, the "How it was found" settings, the CAM
 * comparison's settings and images, and the tab in view.
 */
final class ScenarioFiles {
    /** What a loaded scenario asked for that the window does itself: its tab, and the files it names that are missing. */
    record Loaded(String view, List<String> missing) {
    }

    private ScenarioFiles() {
    }

    static Scenario capture(ExplorerViewModel e, MethodView m, CamViewModel c, String view) {
        OfficialModel preset = e.presetProperty().get();
        return new Scenario(Scenario.CURRENT_VERSION, e.phiProperty().get(), e.alphaProperty().get(), e.betaProperty().get(),
                e.gammaProperty().get(), e.baseResolutionProperty().get(), preset == null ? null : preset.id(), c.modelKey(),
                c.methodProperty().get(), c.layerProperty().get(), c.targetClassProperty().get(),
                c.colormapProperty().get().cliName(), c.alphaProperty().get(), c.scaleProperty().get().cliName(),
                c.images().stream().map(p -> p.toAbsolutePath().toString()).toList(), view, SearchScenario.capture(m));
    }

    /**
     * Loads a scenario into the views. Image and report paths relative to the scenario file's folder (as saved since
     * scenarios moved with their images) are resolved there, absolute ones (older files) taken as they are; the files
     * that are missing are left out and named in the result as the scenario writes them.
     */
    static Loaded load(Path file, ExplorerViewModel e, MethodView m, CamViewModel c) throws IOException {
        Scenario s = Scenario.load(file);
        List<String> images = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String i : s.images()) {
            Path p = Scenario.resolve(file, i);
            if (Files.isRegularFile(p)) images.add(p.toString());
            else missing.add(i);
        }
        if (s.search() != null) missing.addAll(SearchScenario.apply(m, s.search(), f -> Scenario.resolve(file, f)));
        if (s.preset() != null) {
            e.selectPreset(OfficialModel.parse(s.preset()));
        } else {
            e.useFormula();
            e.alphaProperty().set(s.alpha());
            e.betaProperty().set(s.beta());
            e.gammaProperty().set(s.gamma());
            e.baseResolutionProperty().set(s.baseResolution());
            e.phiProperty().set(s.phi());
        }
        c.apply(s.withImages(images));
        return new Loaded(s.view(), missing);
    }
}
