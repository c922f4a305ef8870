package org.scalinglab.ui.method;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.scalinglab.export.RewardLandscapeChart;
import org.scalinglab.scaling.SearchObjective;
import org.scalinglab.scaling.SearchObjective.Scored;
import org.scalinglab.ui.ChartBox;
import org.scalinglab.ui.Explanation;
import org.scalinglab.ui.ParameterControl;
import org.scalinglab.ui.Throttle;

/**
 * How B0 was found: the search reward ACC × (FLOPs/T)^w with sliders for T and the exponent(s), the paper's Table 2
 * placed on the reward landscape and ranked by reward, the winner highlighted, and a line on what T and w do.
 */
final class RewardPanel extends SplitPane {
    final RewardViewModel vm;
    final RewardLandscapeChart landscape;
    final ChartBox chartBox;
    final Slider target = new Slider(RewardViewModel.MIN_LOG_TARGET, RewardViewModel.MAX_LOG_TARGET,
            Math.log10(RewardViewModel.B0_TARGET));
    final ParameterControl w;
    final ParameterControl below;
    final ParameterControl above;
    final TableView<Scored> ranking = new TableView<>();
    private final Label targetValue = new Label();
    private final Label best = new Label();
    private final Label insight = new Label();
    private final ToggleButton effForm = new ToggleButton("EfficientNet: one w");
    private final ToggleButton mnasForm = new ToggleButton("MnasNet: α below T, β above");
    private final Throttle redraw;

    RewardPanel(RewardViewModel vm, java.util.function.Consumer<String> notice) {
        this.vm = vm;
        setId("reward-panel");
        landscape = new RewardLandscapeChart(vm.objective());
        chartBox = new ChartBox("search-reward", landscape.chart(), notice);

        Label title = new Label("Finding B0: the search reward");
        title.getStyleClass().add("section-title");
        Label intro = Explanation.of("B0 came out of an architecture search (MnasNet's) that scored each candidate network m by "
                + "ACC(m) × (FLOPS(m) / T)^w: its accuracy, discounted by its cost relative to a target T. Here the "
                + "networks of the paper's Table 2 stand in for the candidates: move T and w and see which one the search "
                + "would keep.");

        ToggleGroup forms = new ToggleGroup();
        effForm.setToggleGroup(forms);
        mnasForm.setToggleGroup(forms);
        effForm.setId("reward-form-efficientnet");
        mnasForm.setId("reward-form-mnasnet");
        effForm.setTooltip(new Tooltip("ACC × (FLOPs/T)^w with one exponent on both sides of T"));
        mnasForm.setTooltip(new Tooltip("ACC × (FLOPs/T)^α when FLOPs ≤ T, ^β above (MnasNet's latency reward)"));
        effForm.setOnAction(e -> vm.formProperty().set(RewardViewModel.Form.EFFICIENTNET));
        mnasForm.setOnAction(e -> vm.formProperty().set(RewardViewModel.Form.PIECEWISE));
        FlowPane formBar = new FlowPane(6, 6, new Label("Reward:"), effForm, mnasForm);
        formBar.setAlignment(Pos.CENTER_LEFT);
        FlowPane presets = new FlowPane(6, 6, new Label("Presets:"),
                preset("EfficientNet (w = −0.07)", "reward-preset-efficientnet", vm::efficientNet),
                preset("MnasNet soft (α = β = −0.07)", "reward-preset-soft", vm::mnasSoft),
                preset("MnasNet hard (α = 0, β = −1)", "reward-preset-hard", vm::mnasHard));
        presets.setAlignment(Pos.CENTER_LEFT);

        targetValue.getStyleClass().add("big-number");
        targetValue.setId("reward-target-value");
        target.setId("reward-target-slider");
        target.setMajorTickUnit(1);
        target.setMinorTickCount(0);
        target.setShowTickMarks(true);
        target.setShowTickLabels(true);
        target.setBlockIncrement(0.05);
        target.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return RewardLandscapeChart.flops(Math.pow(10, v));
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        target.valueProperty().bindBidirectional(vm.logTargetProperty());
        FlowPane quick = new FlowPane(6, 6, new Label("T:"), targetButton("400 M (B0's)", 4e8), targetButton("1 B", 1e9),
                targetButton("4 B", 4e9), targetButton("20 B", 2e10));
        quick.setAlignment(Pos.CENTER_LEFT);
        VBox targetBox = new VBox(2, targetValue, target, quick,
                Explanation.of("The cost the search aimed at, log scale. B0's search used 400 M FLOPs."));
        targetBox.getStyleClass().add("parameter");

        w = new ParameterControl("w", "cost exponent", "Reward × 2^w when the cost doubles. EfficientNet: w = −0.07.",
                vm.wProperty(), -1, 0, 0.01, 2, notice).ticks(0.25, 4);
        below = new ParameterControl("α", "exponent at or below T", "MnasNet soft: −0.07; hard: 0 (no bonus for being cheaper).",
                vm.belowProperty(), -1, 0, 0.01, 2, notice).ticks(0.25, 4);
        above = new ParameterControl("β", "exponent above T", "MnasNet soft: −0.07; hard: −1 (twice T halves the reward).",
                vm.aboveProperty(), -1, 0, 0.01, 2, notice).ticks(0.25, 4);
        w.setId("reward-w");
        below.setId("reward-below");
        above.setId("reward-above");

        best.getStyleClass().addAll("big-number", "reward-best");
        best.setId("reward-best");
        best.setWrapText(true);
        best.setMinHeight(Region.USE_PREF_SIZE);
        insight.setId("reward-insight");
        insight.getStyleClass().add("reward-insight");
        insight.setWrapText(true);
        insight.setMinHeight(Region.USE_PREF_SIZE);
        buildRanking();

        VBox controls = new VBox(10, title, intro, formBar, presets, targetBox, w, below, above, best, insight, ranking);
        controls.getStyleClass().add("controls");
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("method-side");
        getItems().addAll(left, chartBox);
        setDividerPositions(0.34);

        redraw = new Throttle(60, () -> landscape.setObjective(vm.objective()));
        vm.objectiveProperty().addListener(o -> {
            show();
            redraw.request();
        });
        vm.formProperty().addListener(o -> showForm());
        showForm();
        show();
    }

    /** Draws the chart for the current objective now rather than after the throttle's pause. */
    void redrawNow() {
        redraw.runNow();
    }

    void style(double scale) {
        landscape.style(scale);
    }

    private void showForm() {
        boolean one = vm.formProperty().get() == RewardViewModel.Form.EFFICIENTNET;
        effForm.setSelected(one);
        mnasForm.setSelected(!one);
        for (ParameterControl c : List.of(w, below, above)) {
            boolean shown = (c == w) == one;
            c.setVisible(shown);
            c.setManaged(shown);
        }
    }

    private void show() {
        SearchObjective o = vm.objective();
        targetValue.setText("Target T = " + RewardLandscapeChart.flops(o.target()) + " FLOPs");
        Scored top = vm.best();
        best.setText(String.format(Locale.ROOT, "Best reward: %s (%.3f)", top.model().model(), top.reward()));
        insight.setText(insight(o, vm.rankingProperty().get()));
        ranking.setItems(FXCollections.observableArrayList(vm.rankingProperty().get()));
    }

    /** What this objective does, in one or two sentences with its numbers. */
    static String insight(SearchObjective o, List<Scored> ranked) {
        Scored second = ranked.size() > 1 ? ranked.get(1) : null;
        String runnerUp = second == null ? "" : String.format(Locale.ROOT, " Runner-up: %s (%.3f).", second.model().model(),
                second.reward());
        if (o.singleExponent()) {
            double w = o.below();
            if (w == 0) return "w = 0: cost does not count, the most accurate network wins." + runnerUp;
            double factor = Math.pow(2, w);
            return String.format(Locale.ROOT, "One exponent: doubling the cost multiplies the reward by 2^w = %.3f, so a network "
                    + "twice as expensive must be %.1f%% more accurate to tie. T multiplies every reward by the same "
                    + "factor: moving it changes the numbers, never the order.", factor, 100 * (1 / factor - 1)) + runnerUp;
        }
        String under = o.below() == 0 ? "at or under T, α = 0: being cheaper than T earns nothing"
                : String.format(Locale.ROOT, "at or under T, half of T multiplies the reward by 0.5^α = %.3f", Math.pow(0.5, o.below()));
        String over = String.format(Locale.ROOT, "above T, twice T multiplies it by 2^β = %.3f", Math.pow(2, o.above()));
        return "Two exponents: " + under + "; " + over + ". Now T can change the winner." + runnerUp;
    }

    private void buildRanking() {
        ranking.setId("reward-ranking");
        TableColumn<Scored, String> model = new TableColumn<>("Model");
        model.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().model().model().replace("EfficientNet-", "EffNet-")));
        TableColumn<Scored, Number> top1 = new TableColumn<>("Top-1 %");
        top1.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().model().top1()));
        TableColumn<Scored, Number> flops = new TableColumn<>("B FLOPs");
        flops.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().model().flopsBillions()));
        TableColumn<Scored, Number> reward = new TableColumn<>("Reward");
        reward.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reward()));
        reward.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.3f", v.doubleValue()));
            }
        });
        ranking.getColumns().addAll(List.of(model, top1, flops, reward));
        ranking.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Scored s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("best-row");
                if (!empty && s != null && s == vm.best()) getStyleClass().add("best-row");
            }
        });
        ranking.setPrefHeight(330);
        ranking.setMinHeight(200);
        org.scalinglab.ui.Fit.table(ranking, 0.7);
        ranking.setTooltip(new Tooltip("Table 2's networks (GPipe has no FLOPs), best reward first; click a header to sort"));
    }

    private Button preset(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Button targetButton(String text, double flops) {
        Button b = new Button(text);
        b.setId("reward-target-" + text.split(" ")[0] + text.split(" ")[1].charAt(0));
        b.setOnAction(e -> vm.setTarget(flops));
        return b;
    }
}
