package org.scalinglab.ui.explorer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.ui.Fmt;
import org.scalinglab.ui.ParameterControl;

/**
 * The left column: preset buttons, the five inputs with what they mean, the constraint α·β²·γ² ≈ 2 flagged live,
 * the formula and official values side by side, and any message about the inputs.
 */
public final class ControlsPanel extends VBox {
    public final ParameterControl phi;
    public final ParameterControl alpha;
    public final ParameterControl beta;
    public final ParameterControl gamma;
    public final ParameterControl base;
    private final ExplorerViewModel vm;
    private final Label message = new Label();
    private final Label constraintValue = new Label();
    private final Label constraintVerdict = new Label();
    private final Label costMultiplier = new Label();
    private final Label officialCost = new Label();
    private final Label phiLimit = new Label();
    // the base resolution is an integer in the view model; the control edits a double
    private final DoubleProperty baseAsDouble = new SimpleDoubleProperty();

    ControlsPanel(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("controls");
        setSpacing(10);
        phi = new ParameterControl("φ", "compound coefficient",
                "How many times to double the compute: cost grows by (α·β²·γ²)^φ ≈ 2^φ. B0 is φ = 0, B7 is φ = 7.",
                vm.phiProperty(), 0, ExplorerViewModel.MAX_PHI, 0.1, 2, vm.noticeProperty()::set).ticks(1, 1);
        alpha = new ParameterControl("α", "depth base",
                "Layers per stage multiply by d = α^φ (rounded up). Paper: α = 1.2.",
                vm.alphaProperty(), ExplorerViewModel.MIN_COEFFICIENT, ExplorerViewModel.MAX_COEFFICIENT, 0.01, 2,
                vm.noticeProperty()::set).ticks(0.25, 4);
        beta = new ParameterControl("β", "width base",
                "Channels multiply by w = β^φ (rounded to multiples of 8). Paper: β = 1.1.",
                vm.betaProperty(), ExplorerViewModel.MIN_COEFFICIENT, ExplorerViewModel.MAX_COEFFICIENT, 0.01, 2,
                vm.noticeProperty()::set).ticks(0.25, 4);
        gamma = new ParameterControl("γ", "resolution base",
                "The input image side multiplies by r = γ^φ. Paper: γ = 1.15.",
                vm.gammaProperty(), ExplorerViewModel.MIN_COEFFICIENT, ExplorerViewModel.MAX_COEFFICIENT, 0.01, 2,
                vm.noticeProperty()::set).ticks(0.25, 4);
        baseAsDouble.set(vm.baseResolutionProperty().get());
        baseAsDouble.addListener((o, was, now) -> vm.baseResolutionProperty().set((int) Math.round(now.doubleValue())));
        vm.baseResolutionProperty().addListener((o, was, now) -> baseAsDouble.set(now.intValue()));
        base = new ParameterControl("r₀", "base resolution (px)",
                "The input side of B0, 224 px; the network sees r₀·γ^φ pixels.",
                baseAsDouble, ExplorerViewModel.MIN_BASE_RESOLUTION, ExplorerViewModel.MAX_BASE_RESOLUTION, 8, 0,
                vm.noticeProperty()::set).ticks(192, 0);

        message.getStyleClass().add("message");
        message.setId("explorer-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(Bindings.createStringBinding(
                () -> !vm.errorProperty().get().isEmpty() ? vm.errorProperty().get() : vm.noticeProperty().get(),
                vm.errorProperty(), vm.noticeProperty()));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        vm.errorProperty().addListener(o -> styleMessage());
        styleMessage();

        getChildren().addAll(new PresetBar(vm), message, phi, alpha, beta, gamma, constraintBox(), base);
        vm.snapshotProperty().addListener(o -> showCost());
        vm.validProperty().addListener(o -> showCost());
        // the limit on φ depends on α, β, γ alone: it stays live while the inputs give no network
        for (javafx.beans.Observable input : java.util.List.of(vm.phiProperty(), vm.alphaProperty(), vm.betaProperty(),
                vm.gammaProperty())) {
            input.addListener(o -> showPhiLimit());
        }
        vm.constraintProperty().addListener(o -> showConstraint());
        vm.constraintOkProperty().addListener(o -> showConstraint());
        showConstraint();
        showCost();
        showPhiLimit();
    }

    private void styleMessage() {
        message.getStyleClass().removeAll("error", "notice");
        message.getStyleClass().add(vm.errorProperty().get().isEmpty() ? "notice" : "error");
    }

    private VBox constraintBox() {
        Label title = new Label("α·β²·γ² ≈ 2");
        title.getStyleClass().add("section-title");
        constraintValue.setId("constraint-value");
        constraintValue.getStyleClass().add("big-number");
        constraintVerdict.setId("constraint-verdict");
        constraintVerdict.setWrapText(true);
        constraintVerdict.setMinHeight(Region.USE_PREF_SIZE);
        Label why = new Label("Depth costs linearly, width and resolution quadratically, so α·β²·γ² is the cost factor per step "
                + "of φ; the paper keeps it near 2.");
        why.getStyleClass().add("explain");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        for (Label l : new Label[] {costMultiplier, officialCost, phiLimit}) {
            l.getStyleClass().add("explain");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        costMultiplier.setId("cost-multiplier");
        officialCost.setId("official-cost");
        officialCost.managedProperty().bind(officialCost.visibleProperty());
        phiLimit.setId("phi-limit");
        VBox box = new VBox(2, title, constraintValue, constraintVerdict, why, costMultiplier, officialCost, phiLimit);
        box.getStyleClass().add("constraint-box");
        return box;
    }

    private void showConstraint() {
        double c = vm.constraintProperty().get();
        constraintValue.setText("α·β²·γ² = " + Fmt.fixed(c, 3));
        constraintVerdict.getStyleClass().removeAll("constraint-ok", "constraint-off");
        if (vm.constraintOkProperty().get()) {
            constraintVerdict.setText("✔ within " + Math.round(ExplorerViewModel.CONSTRAINT_TOLERANCE * 100)
                    + "% of 2: each step of φ about doubles the cost");
            constraintVerdict.getStyleClass().add("constraint-ok");
        } else {
            double off = 100 * (c / 2 - 1);
            constraintVerdict.setText(String.format(java.util.Locale.ROOT,
                    "✘ %+.0f%% off 2: each step of φ multiplies the cost by %.2f, not 2", off, c));
            constraintVerdict.getStyleClass().add("constraint-off");
        }
    }

    /**
     * The cost against B0, saying which network each number belongs to: the formula's network (α^φ, β^φ, γ^φ) has a
     * predicted cost (α·β²·γ²)^φ and a counted one; an official Bn (its published d, w, r, shown in the table) has
     * only a counted one. With no network for the inputs, no number is shown, and the line says why.
     */
    private void showCost() {
        costMultiplier.getStyleClass().remove("stale-value");
        if (!vm.validProperty().get()) {
            costMultiplier.setText("Cost against B0: none, there is no network for these inputs (see the message above).");
            costMultiplier.getStyleClass().add("stale-value");
            officialCost.setVisible(false);
            officialCost.setText("");
            return;
        }
        ExplorerViewModel.Snapshot s = vm.snapshot();
        double b0 = ExplorerViewModel.b0().macs();
        ExplorerViewModel.Column formula = s.comparison().formula();
        String predicted = Fmt.fixed(s.scaling().costMultiplier(), 2);
        String counted = Fmt.fixed(formula.macs() / b0, 2);
        if (s.official() == null) {
            costMultiplier.setText("Cost of this formula network against B0: predicted (α·β²·γ²)^φ = " + predicted
                    + "×; counted layer by layer " + counted + "×.");
            officialCost.setVisible(false);
            officialCost.setText("");
        } else {
            costMultiplier.setText("Formula network at φ = " + Fmt.plain(s.scaling().phi()) + " (α^φ, β^φ, γ^φ): predicted "
                    + "(α·β²·γ²)^φ = " + predicted + "× B0; counted " + counted + "× B0.");
            officialCost.setText("Official " + s.label() + " (published d, w, r; in the table): counted "
                    + Fmt.fixed(s.cost().macs() / b0, 2) + "× B0.");
            officialCost.setVisible(true);
        }
    }

    private void showPhiLimit() {
        double max = vm.maxPhi();
        String text = "largest φ for these α, β, γ: " + Fmt.fixed(max, 2) + " (d ≤ " + Fmt.plain(CompoundScaling.MAX_DEPTH)
                + ", w ≤ " + Fmt.plain(CompoundScaling.MAX_WIDTH) + ", r ≤ " + Fmt.plain(CompoundScaling.MAX_RESOLUTION) + ")";
        boolean above = vm.phiProperty().get() > max + 1e-9;
        if (above) text += "; φ = " + Fmt.fixed(vm.phiProperty().get(), 2) + " is above it";
        phiLimit.setText(text);
        phiLimit.getStyleClass().remove("constraint-off");
        if (above) phiLimit.getStyleClass().add("constraint-off");
    }

}
