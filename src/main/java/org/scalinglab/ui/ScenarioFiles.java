package org.scalinglab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.export.Scenario;
import org.scalinglab.scaling.OfficialModel;

/** The window's state as a scenario file and back: the explorer's sliders and the CAM comparison's settings and images. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static Scenario capture(ExplorerViewModel e, CamViewModel c) {
        OfficialModel preset = e.presetProperty().get();
        return new Scenario(Scenario.CURRENT_VERSION, e.phiProperty().get(), e.alphaProperty().get(), e.betaProperty().get(),
                e.gammaProperty().get(), e.baseResolutionProperty().get(), preset == null ? null : preset.id(), c.modelKey(),
                c.methodProperty().get(), c.layerProperty().get(), c.targetClassProperty().get(),
                c.colormapProperty().get().cliName(), c.alphaProperty().get(),
                c.images().stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    static void save(Path file, ExplorerViewModel e, CamViewModel c) throws IOException {
        capture(e, c).save(file);
    }

    /**
     * Loads a scenario into both views. Image paths relative to the scenario file's folder are resolved there.
     *
     * @return the images the file names that do not exist (they are left out)
     */
    static List<String> load(Path file, ExplorerViewModel e, CamViewModel c) throws IOException {
        Scenario s = Scenario.load(file);
        Path base = file.toAbsolutePath().getParent();
        List<String> images = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String i : s.images()) {
            Path p = Path.of(i);
            if (!p.isAbsolute() && base != null) p = base.resolve(p);
            if (Files.isRegularFile(p)) images.add(p.normalize().toString());
            else missing.add(i);
        }
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
        c.apply(new Scenario(s.version(), s.phi(), s.alpha(), s.beta(), s.gamma(), s.baseResolution(), s.preset(), s.model(),
                s.method(), s.layer(), s.targetClass(), s.colormap(), s.overlayAlpha(), images));
        return missing;
    }
}
