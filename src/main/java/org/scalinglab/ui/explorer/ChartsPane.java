package org.scalinglab.ui.explorer;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.scalinglab.export.CostCurveChart;
import org.scalinglab.export.PaperAccuracyChart;
import org.scalinglab.export.ScalingComparisonChart;
import org.scalinglab.ui.ChartBox;
import org.scalinglab.ui.Fit;
import org.scalinglab.ui.LazyTab;

/**
 * The lower half of the explorer: the charts and the MBConv block view, one tab each. The two accuracy charts sit side
 * by side where each gets {@value #PAPER_CHART_EM} em of width, one above the other otherwise. While the inputs give
 * no network, the charts mark none (the last valid network is not current).
 */
final class ChartsPane extends TabPane {
    static final double PAPER_CHART_EM = 34;

    private final ExplorerViewModel vm;
    private final CostCurveChart cost = new CostCurveChart();
    private final PaperAccuracyChart byParams = new PaperAccuracyChart(PaperAccuracyChart.Cost.PARAMS);
    private final PaperAccuracyChart byFlops = new PaperAccuracyChart(PaperAccuracyChart.Cost.FLOPS);
    private final ScalingComparisonChart scaling = new ScalingComparisonChart();
    final ChartBox costBox;
    final ChartBox paramsBox;
    final ChartBox flopsBox;
    final ChartBox scalingBox;
    final SplitPane paperPair;
    final Tab costTab;
    final Tab paperTab;
    final Tab scalingTab;
    final Tab blockTab;
    private final ObservableDoubleValue scale;

    ChartsPane(ExplorerViewModel vm, ObservableDoubleValue chartScale) {
        this.vm = vm;
        this.scale = chartScale;
        setId("charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        costBox = new ChartBox("cost-vs-phi", cost.chart(), vm.noticeProperty()::set);
        paramsBox = new ChartBox("accuracy-vs-params", byParams.chart(), vm.noticeProperty()::set);
        flopsBox = new ChartBox("accuracy-vs-flops", byFlops.chart(), vm.noticeProperty()::set);
        scalingBox = new ChartBox("one-dimension-vs-compound", scaling.chart(), vm.noticeProperty()::set);
        paperPair = new SplitPane(paramsBox, flopsBox);
        paperPair.setId("paper-charts");
        costTab = new Tab("Cost vs φ", costBox);
        costTab.setId("cost-tab");
        costTab.setTooltip(new Tooltip("Multiply-adds and parameters against φ: the formula, its prediction, B0–B7"));
        paperTab = new Tab("Paper: accuracy");
        LazyTab.content(paperTab, () -> paperPair);
        paperTab.setId("paper-tab");
        paperTab.setTooltip(new Tooltip("ImageNet top-1 against parameters and FLOPs (the paper's Table 2)"));
        scalingTab = new Tab("One dim. vs compound");
        LazyTab.content(scalingTab, () -> scalingBox);
        scalingTab.setId("scaling-tab");
        scalingTab.setTooltip(new Tooltip("Scaling one dimension (width, depth or resolution) against compound scaling "
                + "(the paper's Tables 3 and 5)"));
        blockTab = new Tab("MBConv block");
        LazyTab.content(blockTab, () -> new BlockDiagram(vm));
        blockTab.setId("block-tab");
        getTabs().addAll(costTab, paperTab, scalingTab, blockTab);
        Fit.tabs(this, 0.7);

        for (Observable input : List.of(vm.alphaProperty(), vm.betaProperty(), vm.gammaProperty(), vm.baseResolutionProperty())) {
            input.addListener(o -> coefficientsChanged());
        }
        vm.snapshotProperty().addListener(o -> showCurrent());
        vm.validProperty().addListener(o -> showCurrent());
        chartScale.addListener(o -> style(chartScale.get()));
        if (chartScale.get() != 1) style(chartScale.get());
        widthProperty().addListener(o -> orientPaperCharts());
        showCurrent();
    }

    /** Side by side where both get {@value #PAPER_CHART_EM} em (at the charts' scale), stacked otherwise. */
    private void orientPaperCharts() {
        double em = 12.5 * Math.max(1, scale.get());
        Orientation o = getWidth() >= 2 * PAPER_CHART_EM * em ? Orientation.HORIZONTAL : Orientation.VERTICAL;
        if (paperPair.getOrientation() != o) {
            paperPair.setOrientation(o);
            paperPair.setDividerPositions(0.5);
        }
    }

    private void coefficientsChanged() {
        cost.setCoefficients(vm.alphaProperty().get(), vm.betaProperty().get(), vm.gammaProperty().get(),
                vm.baseResolutionProperty().get());
    }

    private void showCurrent() {
        if (!vm.validProperty().get()) {
            cost.clearCurrent();
            byParams.clearCurrent();
            byFlops.clearCurrent();
            return;
        }
        ExplorerViewModel.Snapshot s = vm.snapshot();
        String label = s.label();
        cost.setCurrent(s.scaling().phi(), s.cost().macs(), s.cost().params(), label);
        byParams.setCurrent(s.cost().params() / 1e6, label);
        byFlops.setCurrent(s.cost().macs() / 1e9, label);
    }

    boolean marksCurrent() {
        return cost.hasCurrent() || byParams.hasCurrent() || byFlops.hasCurrent();
    }

    private void style(double scale) {
        cost.style(scale);
        byParams.style(scale);
        byFlops.style(scale);
        scaling.style(scale);
        orientPaperCharts();
    }
}
