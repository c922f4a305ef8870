package org.scalinglab.ui.cam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.scalinglab.app.AppHome;
import org.scalinglab.io.Messages;
import org.scalinglab.app.StudyChart;
import org.scalinglab.app.StudyCurvesChart;
import org.scalinglab.train.ScalingStudy;
import org.scalinglab.ui.ChartBox;

/**
 * The study behind the comparison's default line-up: how well each of its five networks classifies (validation top-1
 * beside its cost) and how it got there (validation top-1 after each epoch), from the study folder's report.json. A
 * teacher can show how good the models are before showing where they look. The two charts stand side by side when
 * the window is wide enough, one above the other otherwise.
 */
final class StudyPane extends ScrollPane {
    /** Below this width of the pane (times the presenter scale) a chart takes the whole width (the two stack). */
    static final double SIDE_BY_SIDE = 860;
    private static final double GAP = 12;

    private final Path dir;
    private final ObservableBooleanValue presenter;
    private final Consumer<String> onError;
    private final VBox content = new VBox(10);
    private ScalingStudy.Report report;
    private final java.util.List<ChartBox> boxes = new java.util.ArrayList<>();

    StudyPane(Path dir, ObservableBooleanValue presenter, Consumer<String> onError) {
        this.dir = dir;
        this.presenter = presenter;
        this.onError = onError;
        setId("cam-study");
        getStylesheets().add(CamStyles.URL);
        content.getStyleClass().add("cam-study");
        setContent(content);
        setFitToWidth(true);
        presenter.addListener(o -> show());
        viewportBoundsProperty().addListener(o -> size());
        read();
        show();
    }

    /** The pane of the bundled study (or the one configured, see {@link AppHome#studyDir}). */
    static StudyPane bundled(ObservableBooleanValue presenter, Consumer<String> onError) {
        return new StudyPane(AppHome.studyDir(), presenter, onError);
    }

    private void read() {
        Path file = dir.resolve("report.json");
        if (!Files.isRegularFile(file)) return;
        try {
            report = ScalingStudy.read(file);
        } catch (IOException | RuntimeException e) {
            onError.accept("Could not read the study's report " + file.getFileName() + ": " + Messages.firstLine(e.getMessage()));
        }
    }

    private void show() {
        content.getChildren().clear();
        if (report == null || report.models().isEmpty()) {
            Label none = new Label("No study here: " + dir.resolve("report.json") + " is missing or unreadable. Train one with "
                    + "./scaling-lab study (see the README), or choose the official models above.");
            none.setId("cam-study-missing");
            none.setWrapText(true);
            content.getChildren().add(none);
            return;
        }
        Label intro = new Label(summary(report));
        intro.setId("cam-study-summary");
        intro.setWrapText(true);
        intro.getStyleClass().add("explain");
        double scale = presenter.get() ? ChartBox.PRESENTER_SCALE : 1;
        ChartBox accuracy = new ChartBox("cam-study-accuracy", StudyChart.chart(report, scale), onError);
        ChartBox curves = new ChartBox("cam-study-curves", StudyCurvesChart.chart(report, scale), onError);
        boxes.clear();
        boxes.addAll(java.util.List.of(accuracy, curves));
        content.getChildren().addAll(intro, new FlowPane(Orientation.HORIZONTAL, GAP, GAP, accuracy, curves));
        size();
    }

    /** Two charts side by side, each half the width, on a wide pane; one above the other on a narrow one. */
    private void size() {
        double width = getViewportBounds().getWidth() - 2 * GAP;
        if (width <= 0) return;
        double scale = presenter.get() ? ChartBox.PRESENTER_SCALE : 1;
        double each = width >= SIDE_BY_SIDE * scale ? (width - GAP) / 2 : width;
        double height = Math.max(320 * scale, Math.min(600 * scale, each * 0.62));
        for (ChartBox b : boxes) {
            b.setPrefSize(each, height);
            b.setMinSize(each, height);
            b.setMaxWidth(each);
        }
    }

    /** One sentence: what was trained, how, and the compound model against the others. */
    static String summary(ScalingStudy.Report r) {
        ScalingStudy.Entry compound = r.models().stream().filter(e -> e.kind().equals("compound")).findFirst().orElse(null);
        long trained = r.models().stream().filter(ScalingStudy.Entry::trained).count();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "The models of the study line-up: %d networks trained with one recipe on the same %d classes%s.", r.models().size(),
                r.classes().size(), trained < r.models().size() ? " (" + trained + " of them trained so far)" : ""));
        if (compound != null && compound.trained()) {
            ScalingStudy.Entry best = r.models().stream().filter(e -> e != compound && !e.kind().equals("base") && e.trained())
                    .max(java.util.Comparator.comparingDouble(ScalingStudy.Entry::top1)).orElse(null);
            s.append(String.format(Locale.ROOT, " Compound scaling reaches %.1f %% top-1", 100 * compound.top1()));
            if (best != null) s.append(String.format(Locale.ROOT, "; the best single-dimension model, %s, %.1f %%", best.label().toLowerCase(Locale.ROOT), 100 * best.top1()));
            s.append(" at about the same cost.");
            ScalingStudy.Entry base = r.model("base").orElseThrow();
            ScalingStudy.Repeat repeat = r.repeats().stream().filter(x -> x.kind().equals("base") && x.trained()).findFirst().orElse(null);
            if (repeat != null && base.trained()) {
                double spread = 100 * r.seedSpread().orElseThrow();
                s.append(String.format(Locale.ROOT, " Run-to-run noise: the base trained again with seed %d reaches %.1f %%%s, %.1f points apart",
                        repeat.seed(), 100 * repeat.top1(), r.seed() == null ? "" : String.format(Locale.ROOT, " (seed %d: %.1f %%)", r.seed(),
                                100 * base.top1()), spread));
                if (best != null) {
                    double lead = 100 * (compound.top1() - best.top1());
                    s.append(String.format(Locale.ROOT, "; compound's %s over %s, %.1f points, is %s that.", lead >= 0 ? "lead" : "gap",
                            best.label().toLowerCase(Locale.ROOT), Math.abs(lead), Math.abs(lead) > spread ? "larger than" : "no larger than"));
                } else {
                    s.append('.');
                }
            }
        }
        return s.toString();
    }
}
