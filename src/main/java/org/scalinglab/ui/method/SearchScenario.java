package org.scalinglab.ui.method;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.scalinglab.app.Scenario;

/** The "How it was found" tab in a scenario file: the search reward, Step 1's grid step and tolerance, the reports shown. */
public final class SearchScenario {
    private SearchScenario() {
    }

    public static Scenario.Search capture(MethodView m) {
        RewardViewModel r = m.reward.vm;
        GridViewModel g = m.grid.vm;
        return new Scenario.Search(r.formProperty().get() == RewardViewModel.Form.EFFICIENTNET ? "efficientnet" : "piecewise",
                r.target(), r.wProperty().get(), r.belowProperty().get(), r.aboveProperty().get(), g.step(), g.tolerance(),
                g.scenarioSource(), m.sweep.report.scenarioSource());
    }

    /**
     * Applies a scenario's search settings; {@code resolve} turns a report path of the scenario into a file. Returns
     * the report paths whose files are missing (those reports stay as they are).
     */
    public static List<String> apply(MethodView m, Scenario.Search s, Function<String, Path> resolve) {
        List<String> missing = new ArrayList<>();
        RewardViewModel r = m.reward.vm;
        r.wProperty().set(s.w());
        r.belowProperty().set(s.below());
        r.aboveProperty().set(s.above());
        r.setTarget(s.target());
        r.formProperty().set(s.reward().equals("efficientnet") ? RewardViewModel.Form.EFFICIENTNET : RewardViewModel.Form.PIECEWISE);
        // the report first: loading one moves the grid controls to its grid, and the scenario's controls win
        if (s.gridReport() == null) m.grid.vm.loadBundled();
        else if (Files.isRegularFile(resolve.apply(s.gridReport()))) m.grid.vm.load(resolve.apply(s.gridReport()));
        else missing.add(s.gridReport());
        if (s.sweepReport() == null) m.sweep.report.loadBundled();
        else if (Files.isRegularFile(resolve.apply(s.sweepReport()))) m.sweep.report.load(resolve.apply(s.sweepReport()));
        else missing.add(s.sweepReport());
        m.grid.vm.stepProperty().set(s.gridStep());
        m.grid.vm.toleranceProperty().set(s.gridTolerance());
        return missing;
    }
}
