package org.scalinglab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.scaling.PaperTables;

/**
 * The scaling explorer's state: the inputs (φ, α, β, γ, base resolution, official preset or formula) and everything
 * derived from them, recomputed synchronously on every change (a full recompute takes well under a millisecond).
 *
 * <p>Official mode shows a published B0..B7 (its own d, w, resolution); it holds while φ is a whole number 0..7 with
 * the paper's α, β, γ and base 224 px, and any other input switches to formula mode. An input combination the rule
 * rejects (e.g. α^φ above 6.5) keeps the last valid network on screen and sets {@link #errorProperty()}.
 */
public final class ExplorerViewModel {
    /** α·β²·γ² counts as ≈ 2 within this relative tolerance (the paper's 1.92 is 4% off). */
    public static final double CONSTRAINT_TOLERANCE = 0.05;
    public static final double MIN_COEFFICIENT = 1.0;
    public static final double MAX_COEFFICIENT = 2.0;
    public static final double MAX_PHI = CompoundScaling.MAX_PHI;
    public static final int MIN_BASE_RESOLUTION = 32;
    public static final int MAX_BASE_RESOLUTION = 1024;

    /** Both columns of the formula-vs-official comparison; official is null where φ is not a whole number 0..7. */
    public record Comparison(Column formula, Column official) {
    }

    /** One column: d, w, r (as a multiplier and in pixels), parameters, multiply-adds; paper figures for official. */
    public record Column(String name, double depth, double width, double resolutionMultiplier, int resolution,
                         long params, long macs, PaperTables.ImageNetResult paper) {
    }

    /** Everything on screen for one valid input. */
    public record Snapshot(CompoundScaling scaling, OfficialModel official, NetworkSpec network, CostModel cost,
                           double resolutionMultiplier, List<StageRow> rows, Comparison comparison) {
        public String label() {
            return official != null ? "B" + official.phi() : String.format(Locale.ROOT, "φ=%.2f", scaling.phi());
        }

        public double depth() { return network.depth(); }
        public double width() { return network.width(); }
        public int resolution() { return network.resolution(); }
    }

    private static final CostModel B0 = CostModel.of(NetworkSpec.official(OfficialModel.B0));
    private static final List<CostModel> OFFICIAL = officialCosts();

    private final DoubleProperty phi = new SimpleDoubleProperty(this, "phi", 0);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", CompoundScaling.PAPER_ALPHA);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", CompoundScaling.PAPER_BETA);
    private final DoubleProperty gamma = new SimpleDoubleProperty(this, "gamma", CompoundScaling.PAPER_GAMMA);
    private final IntegerProperty baseResolution = new SimpleIntegerProperty(this, "baseResolution", OfficialModel.BASE_RESOLUTION);
    private final ReadOnlyObjectWrapper<OfficialModel> preset = new ReadOnlyObjectWrapper<>(this, "preset", OfficialModel.B0);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ReadOnlyDoubleWrapper constraint = new ReadOnlyDoubleWrapper(this, "constraint");
    private final ReadOnlyBooleanWrapper constraintOk = new ReadOnlyBooleanWrapper(this, "constraintOk");
    private final ObservableList<StageRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty selectedStage = new SimpleIntegerProperty(this, "selectedStage", 2);
    private final IntegerProperty selectedBlock = new SimpleIntegerProperty(this, "selectedBlock", 0);
    private final ReadOnlyObjectWrapper<MbConvBreakdown> block = new ReadOnlyObjectWrapper<>(this, "block");
    private boolean applying;

    public ExplorerViewModel() {
        for (Observable input : List.of(phi, alpha, beta, gamma, baseResolution)) {
            input.addListener(o -> inputChanged());
        }
        selectedStage.addListener(o -> updateBlock());
        selectedBlock.addListener(o -> updateBlock());
        recompute();
    }

    // ---- inputs

    public DoubleProperty phiProperty() { return phi; }
    public DoubleProperty alphaProperty() { return alpha; }
    public DoubleProperty betaProperty() { return beta; }
    public DoubleProperty gammaProperty() { return gamma; }
    public IntegerProperty baseResolutionProperty() { return baseResolution; }
    /** The MBConv stage (2..8) whose block the block view shows. */
    public IntegerProperty selectedStageProperty() { return selectedStage; }
    /** The block within that stage (0 = its first, "a"). */
    public IntegerProperty selectedBlockProperty() { return selectedBlock; }
    /** A transient message about an input that was corrected (e.g. a typed value clamped to its range). */
    public StringProperty noticeProperty() { return notice; }

    /** Switches to an official model: its φ, the paper's α, β, γ, base 224 px, and its own d, w, resolution. */
    public void selectPreset(OfficialModel m) {
        applying = true;
        try {
            preset.set(m);
            phi.set(m.phi());
            alpha.set(CompoundScaling.PAPER_ALPHA);
            beta.set(CompoundScaling.PAPER_BETA);
            gamma.set(CompoundScaling.PAPER_GAMMA);
            baseResolution.set(OfficialModel.BASE_RESOLUTION);
        } finally {
            applying = false;
        }
        notice.set("");
        recompute();
    }

    /** Switches to the formula α^φ, β^φ, γ^φ at the current inputs. */
    public void useFormula() {
        preset.set(null);
        recompute();
    }

    /** Moves φ by a step (rounded to 0.1), kept within 0..MAX_PHI; in official mode a whole step moves to the next preset. */
    public void nudgePhi(double step) {
        double next = Math.max(0, Math.min(MAX_PHI, Math.round((phi.get() + step) * 10) / 10.0));
        OfficialModel p = preset.get();
        if (p != null && isWhole(next) && next <= 7) {
            selectPreset(OfficialModel.values()[(int) Math.round(next)]);
        } else {
            phi.set(next);
        }
    }

    // ---- outputs

    /** The official model on screen, or null in formula mode. */
    public ReadOnlyObjectProperty<OfficialModel> presetProperty() { return preset.getReadOnlyProperty(); }
    /** The last valid state; never null. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    /** Why the current inputs give no network ("" when they do); the last valid network stays on screen. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /**
     * Whether {@link #snapshotProperty()} is the network of the current inputs. While it is not (an invalid combination),
     * the snapshot is the last valid network: views grey it out or clear what they derive from it, and say why.
     */
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** α·β²·γ², live even while the rule rejects φ. */
    public ReadOnlyDoubleProperty constraintProperty() { return constraint.getReadOnlyProperty(); }
    /** α·β²·γ² within {@link #CONSTRAINT_TOLERANCE} of 2. */
    public ReadOnlyBooleanProperty constraintOkProperty() { return constraintOk.getReadOnlyProperty(); }
    /** The nine rows of the paper's Table 1 for the network on screen. */
    public ObservableList<StageRow> rows() { return FXCollections.unmodifiableObservableList(rows); }
    /** The selected MBConv block taken apart, at the current scaling. */
    public ReadOnlyObjectProperty<MbConvBreakdown> blockProperty() { return block.getReadOnlyProperty(); }

    public Snapshot snapshot() { return snapshot.get(); }
    public String error() { return error.get(); }

    /** The largest φ the rule accepts for the current α, β, γ (depth, width and resolution limits). */
    public double maxPhi() {
        double max = MAX_PHI;
        max = Math.min(max, limit(alpha.get(), CompoundScaling.MAX_DEPTH));
        max = Math.min(max, limit(beta.get(), CompoundScaling.MAX_WIDTH));
        max = Math.min(max, limit(gamma.get(), CompoundScaling.MAX_RESOLUTION));
        return max;
    }

    /** The B0 cost model the table highlights against. */
    public static CostModel b0() {
        return B0;
    }

    // ---- the recompute

    private void inputChanged() {
        if (applying) return;
        OfficialModel p = preset.get();
        if (p != null) {
            boolean stillOfficial = isWhole(phi.get()) && phi.get() <= 7 && alpha.get() == CompoundScaling.PAPER_ALPHA
                    && beta.get() == CompoundScaling.PAPER_BETA && gamma.get() == CompoundScaling.PAPER_GAMMA
                    && baseResolution.get() == OfficialModel.BASE_RESOLUTION;
            preset.set(stillOfficial ? OfficialModel.values()[(int) Math.round(phi.get())] : null);
        }
        recompute();
    }

    private void recompute() {
        double c = alpha.get() * beta.get() * beta.get() * gamma.get() * gamma.get();
        constraintOk.set(Math.abs(c - 2.0) <= 2.0 * CONSTRAINT_TOLERANCE);
        constraint.set(c);
        try {
            snapshot.set(compute());
            error.set("");
            valid.set(true);
        } catch (IllegalArgumentException e) {
            // error first: a listener of valid reads the reason
            error.set("No network for these inputs: " + greek(e.getMessage()) + ".");
            valid.set(false);
        }
        updateBlock();
    }

    private Snapshot compute() {
        CompoundScaling scaling = new CompoundScaling(phi.get(), alpha.get(), beta.get(), gamma.get());
        OfficialModel official = preset.get();
        Column formulaColumn = formulaColumn(scaling);
        Column officialColumn = isWhole(scaling.phi()) && scaling.phi() <= 7
                ? officialColumn(OfficialModel.values()[(int) Math.round(scaling.phi())]) : null;
        NetworkSpec network;
        CostModel cost;
        double rMultiplier;
        if (official != null) {
            network = NetworkSpec.official(official);
            cost = OFFICIAL.get(official.ordinal());
            rMultiplier = official.resolution() / (double) OfficialModel.BASE_RESOLUTION;
        } else {
            network = NetworkSpec.compound(scaling, baseResolution.get());
            cost = CostModel.of(network);
            rMultiplier = scaling.resolutionMultiplier();
        }
        List<StageRow> table = new ArrayList<>();
        for (int i = 0; i < cost.stages().size(); i++) table.add(new StageRow(cost.stages().get(i), B0.stages().get(i)));
        rows.setAll(table);
        return new Snapshot(scaling, official, network, cost, rMultiplier, List.copyOf(table),
                new Comparison(formulaColumn, officialColumn));
    }

    private Column formulaColumn(CompoundScaling s) {
        NetworkSpec net = NetworkSpec.compound(s, baseResolution.get());
        CostModel c = CostModel.of(net);
        return new Column("formula", s.depth(), s.width(), s.resolutionMultiplier(), net.resolution(), c.params(), c.macs(), null);
    }

    private static Column officialColumn(OfficialModel m) {
        CostModel c = OFFICIAL.get(m.ordinal());
        return new Column("B" + m.phi(), m.depth(), m.width(), m.resolution() / (double) OfficialModel.BASE_RESOLUTION,
                m.resolution(), c.params(), c.macs(), PaperTables.table2(m));
    }

    private void updateBlock() {
        Snapshot s = snapshot.get();
        if (s == null) return;
        int stage = Math.max(2, Math.min(8, selectedStage.get()));
        int count = MbConvBreakdown.blocksOf(s.network(), stage).size();
        int index = Math.max(0, Math.min(count - 1, selectedBlock.get()));
        block.set(MbConvBreakdown.of(s.cost(), stage, index));
    }

    /** The headless layers name the symbols in ASCII; the window shows them as on the sliders. */
    private static String greek(String message) {
        return message.replace("alpha", "α").replace("beta", "β").replace("gamma", "γ").replace("phi", "φ");
    }

    private static List<CostModel> officialCosts() {
        List<CostModel> out = new ArrayList<>();
        for (OfficialModel m : OfficialModel.values()) out.add(CostModel.of(NetworkSpec.official(m)));
        return List.copyOf(out);
    }

    private static double limit(double base, double max) {
        return base <= 1 ? Double.POSITIVE_INFINITY : Math.log(max) / Math.log(base);
    }

    static boolean isWhole(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9;
    }
}
