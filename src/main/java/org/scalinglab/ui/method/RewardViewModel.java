package org.scalinglab.ui.method;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.scalinglab.scaling.PaperTables;
import org.scalinglab.scaling.SearchObjective;
import org.scalinglab.scaling.SearchObjective.Scored;
import org.scalinglab.scaling.SearchReward;

/**
 * The search objective panel's state: the target T (on a log slider), the form of the reward and its exponents;
 * derived: the objective and Table 2 ranked by it. Recomputing is cheap (24 models), so it follows every change.
 */
final class RewardViewModel {
    enum Form { EFFICIENTNET, PIECEWISE }

    /** log10 of the target in FLOPs: 100 M .. 50 B. */
    static final double MIN_LOG_TARGET = 8;
    static final double MAX_LOG_TARGET = Math.log10(5e10);
    static final double B0_TARGET = 4e8;

    private final DoubleProperty logTarget = new SimpleDoubleProperty(this, "logTarget", Math.log10(B0_TARGET));
    private final ObjectProperty<Form> form = new SimpleObjectProperty<>(this, "form", Form.EFFICIENTNET);
    private final DoubleProperty w = new SimpleDoubleProperty(this, "w", SearchReward.EFFICIENTNET_EXPONENT);
    private final DoubleProperty below = new SimpleDoubleProperty(this, "below", -0.07);
    private final DoubleProperty above = new SimpleDoubleProperty(this, "above", -0.07);
    private final ReadOnlyObjectWrapper<SearchObjective> objective = new ReadOnlyObjectWrapper<>(this, "objective");
    private final ReadOnlyObjectWrapper<List<Scored>> ranking = new ReadOnlyObjectWrapper<>(this, "ranking");

    RewardViewModel() {
        for (javafx.beans.Observable o : List.of(logTarget, form, w, below, above)) o.addListener(x -> update());
        update();
    }

    DoubleProperty logTargetProperty() { return logTarget; }
    ObjectProperty<Form> formProperty() { return form; }
    DoubleProperty wProperty() { return w; }
    DoubleProperty belowProperty() { return below; }
    DoubleProperty aboveProperty() { return above; }
    ReadOnlyObjectProperty<SearchObjective> objectiveProperty() { return objective.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<List<Scored>> rankingProperty() { return ranking.getReadOnlyProperty(); }

    SearchObjective objective() {
        return objective.get();
    }

    Scored best() {
        return ranking.get().get(0);
    }

    /** The target in FLOPs, rounded to two significant digits so the slider lands on 400 M, 1.5 B, 4 B. */
    double target() {
        return roundTwoDigits(Math.pow(10, logTarget.get()));
    }

    void setTarget(double flops) {
        logTarget.set(Math.max(MIN_LOG_TARGET, Math.min(MAX_LOG_TARGET, Math.log10(flops))));
    }

    /** EfficientNet's objective: one exponent w = −0.07. */
    void efficientNet() {
        w.set(SearchReward.EFFICIENTNET_EXPONENT);
        form.set(Form.EFFICIENTNET);
    }

    /** MnasNet's soft constraint, α = β = −0.07. */
    void mnasSoft() {
        SearchObjective o = SearchObjective.mnasSoft(1);
        below.set(o.below());
        above.set(o.above());
        form.set(Form.PIECEWISE);
    }

    /** MnasNet's hard constraint, α = 0, β = −1. */
    void mnasHard() {
        SearchObjective o = SearchObjective.mnasHard(1);
        below.set(o.below());
        above.set(o.above());
        form.set(Form.PIECEWISE);
    }

    private void update() {
        double t = target();
        SearchObjective o = form.get() == Form.EFFICIENTNET ? SearchObjective.efficientNet(t, round(w.get()))
                : new SearchObjective(t, round(below.get()), round(above.get()));
        if (o.equals(objective.get())) return;
        ranking.set(o.rank(PaperTables.table2()));   // first: listeners of the objective read the ranking
        objective.set(o);
    }

    /** Slider positions to two decimals, as the spinners show them. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double roundTwoDigits(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(v / p) * p;
    }
}
