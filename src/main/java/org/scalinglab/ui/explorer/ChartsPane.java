package org.scalinglab.ui.explorer;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.scalinglab.export.CostCurveChart;
import org.scalinglab.export.PaperAccuracyChart;
import org.scalinglab.export.ScalingComparisonChart;
import org.scalinglab.ui.ChartBox;

/** The lower half of the explorer: the charts and the MBConv block view, one tab each. */
final class ChartsPane extends TabPane {
    private final ExplorerViewModel vm;
    private final CostCurveChart cost = new CostCurveChart();
    private final PaperAccuracyChart byParams = new PaperAccuracyChart(PaperAccuracyChart.Cost.PARAMS);
    private final PaperAccuracyChart byFlops = new PaperAccuracyChart(PaperAccuracyChart.Cost.FLOPS);
    private final ScalingComparisonChart scaling = new ScalingComparisonChart();
    final ChartBox costBox;
    final ChartBox paramsBox;
    final ChartBox flopsBox;
    final ChartBox scalingBox;
    final Tab costTab;
    final Tab paperTab;
    final Tab scalingTab;
    final Tab blockTab;

    ChartsPane(ExplorerViewModel vm, BooleanProperty presenter) {
        this.vm = vm;
        setId("charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        costBox = new ChartBox("cost-vs-phi", cost.chart(), vm.noticeProperty()::set);
        paramsBox = new ChartBox("accuracy-vs-params", byParams.chart(), vm.noticeProperty()::set);
        flopsBox = new ChartBox("accuracy-vs-flops", byFlops.chart(), vm.noticeProperty()::set);
        scalingBox = new ChartBox("one-dimension-vs-compound", scaling.chart(), vm.noticeProperty()::set);
        costTab = new Tab("Cost vs φ", costBox);
        paperTab = new Tab("Paper: accuracy", new SplitPane(paramsBox, flopsBox));
        scalingTab = new Tab("One dimension vs compound", scalingBox);
        blockTab = new Tab("MBConv block", new BlockDiagram(vm));
        blockTab.setId("block-tab");
        getTabs().addAll(costTab, paperTab, scalingTab, blockTab);

        for (Observable input : List.of(vm.alphaProperty(), vm.betaProperty(), vm.gammaProperty(), vm.baseResolutionProperty())) {
            input.addListener(o -> coefficientsChanged());
        }
        vm.snapshotProperty().addListener(o -> showCurrent());
        presenter.addListener((o, was, now) -> style(now ? ChartBox.PRESENTER_SCALE : 1.0));
        showCurrent();
    }

    private void coefficientsChanged() {
        cost.setCoefficients(vm.alphaProperty().get(), vm.betaProperty().get(), vm.gammaProperty().get(),
                vm.baseResolutionProperty().get());
    }

    private void showCurrent() {
        ExplorerViewModel.Snapshot s = vm.snapshot();
        String label = s.label();
        cost.setCurrent(s.scaling().phi(), s.cost().macs(), s.cost().params(), label);
        byParams.setCurrent(s.cost().params() / 1e6, label);
        byFlops.setCurrent(s.cost().macs() / 1e9, label);
    }

    private void style(double scale) {
        cost.style(scale);
        byParams.style(scale);
        byFlops.style(scale);
        scaling.style(scale);
    }
}
