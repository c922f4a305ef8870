package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.scaling.PaperTables;

/**
 * Multiply-adds and parameters against φ: the compound formula for the current α, β, γ as a curve, the
 * prediction B0 × (α·β²·γ²)^φ, the official B0–B7 as points, and the network on screen marked. Log axes of base 2,
 * so "cost doubles per step of φ" is a straight line.
 */
public final class CostCurveChart {
    public static final double MAX_PHI = CompoundScaling.MAX_PHI;
    private static final double STEP = 0.1;

    private final XYSeries formulaMacs = new XYSeries("formula: d=α^φ, w=β^φ, r=γ^φ", false);
    private final XYSeries predictedMacs = new XYSeries("prediction: B0 × (α·β²·γ²)^φ", false);
    private final XYSeries officialMacs = new XYSeries("official B0–B7", false);
    private final XYSeries currentMacs = new XYSeries("this network", false);
    private final XYSeries formulaParams = new XYSeries("formula (params)", false);
    private final XYSeries officialParams = new XYSeries("official (params)", false);
    private final XYSeries currentParams = new XYSeries("this network (params)", false);
    private final List<OfficialModel> officialOrder = new ArrayList<>();
    private final ValueMarker macsMarker = ChartStyle.currentMarker(null);
    private final ValueMarker paramsMarker = ChartStyle.currentMarker(null);
    private final XYPlot macsPlot;
    private final XYPlot paramsPlot;
    private final JFreeChart chart;
    private String currentLabel = "";

    public CostCurveChart() {
        for (OfficialModel m : OfficialModel.values()) {
            CostModel c = CostModel.of(NetworkSpec.official(m));
            officialMacs.add(m.phi(), c.macs() / 1e9);
            officialParams.add(m.phi(), c.params() / 1e6);
            officialOrder.add(m);
        }
        NumberAxis phiAxis = new NumberAxis("compound coefficient φ");
        phiAxis.setRange(-0.2, MAX_PHI + 0.2);
        phiAxis.setTickUnit(new NumberTickUnit(1));

        macsPlot = new XYPlot(new XYSeriesCollection(), null, logAxis("multiply-adds (G)"), null);
        XYSeriesCollection macsData = (XYSeriesCollection) macsPlot.getDataset();
        macsData.addSeries(formulaMacs);
        macsData.addSeries(predictedMacs);
        macsData.addSeries(officialMacs);
        macsData.addSeries(currentMacs);
        macsPlot.setRenderer(renderer(tooltips("G multiply-adds", true)));
        macsPlot.addDomainMarker(macsMarker);

        paramsPlot = new XYPlot(new XYSeriesCollection(), null, logAxis("parameters (M)"), null);
        XYSeriesCollection paramsData = (XYSeriesCollection) paramsPlot.getDataset();
        paramsData.addSeries(formulaParams);
        paramsData.addSeries(officialParams);
        paramsData.addSeries(currentParams);
        paramsPlot.setRenderer(renderer(tooltips("M parameters", false)));
        paramsPlot.addDomainMarker(paramsMarker);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(phiAxis);
        plot.setGap(12);
        plot.add(macsPlot, 1);
        plot.add(paramsPlot, 1);
        chart = new JFreeChart("Cost against φ", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(1.0);
        setCoefficients(CompoundScaling.PAPER_ALPHA, CompoundScaling.PAPER_BETA, CompoundScaling.PAPER_GAMMA,
                OfficialModel.BASE_RESOLUTION);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Redraws the formula curve and the prediction for new coefficients; φ where the rule is invalid is left out. */
    public void setCoefficients(double alpha, double beta, double gamma, int baseResolution) {
        formulaMacs.setNotify(false);
        predictedMacs.setNotify(false);
        formulaParams.setNotify(false);
        formulaMacs.clear();
        predictedMacs.clear();
        formulaParams.clear();
        double b0Macs = Double.NaN;
        for (int i = 0; i * STEP <= MAX_PHI + 1e-9; i++) {
            double phi = i * STEP;
            try {
                CompoundScaling s = new CompoundScaling(phi, alpha, beta, gamma);
                CostModel c = CostModel.of(NetworkSpec.compound(s, baseResolution));
                if (i == 0) b0Macs = c.macs() / 1e9;
                formulaMacs.add(phi, c.macs() / 1e9);
                formulaParams.add(phi, c.params() / 1e6);
                predictedMacs.add(phi, b0Macs * s.costMultiplier());
            } catch (IllegalArgumentException outOfRange) {
                break;  // every larger φ is out of range too
            }
        }
        formulaMacs.setNotify(true);
        predictedMacs.setNotify(true);
        formulaParams.setNotify(true);
    }

    /** Marks the network on screen. */
    public void setCurrent(double phi, long macs, long params, String label) {
        currentLabel = label;
        currentMacs.clear();
        currentParams.clear();
        currentMacs.add(phi, macs / 1e9);
        currentParams.add(phi, params / 1e6);
        macsMarker.setValue(phi);
        paramsMarker.setValue(phi);
        macsMarker.setLabel(String.format(Locale.ROOT, " %s: %.3f G", label, macs / 1e9));
        paramsMarker.setLabel(String.format(Locale.ROOT, " %.2f M", params / 1e6));
    }

    /**
     * Removes the network's point and markers (the inputs give no network: the last valid one must not look current).
     */
    public void clearCurrent() {
        currentLabel = "";
        currentMacs.clear();
        currentParams.clear();
        macsMarker.setLabel(null);
        paramsMarker.setLabel(null);
        macsMarker.setValue(Double.NaN);
        paramsMarker.setValue(Double.NaN);
    }

    /** Whether a network is marked (see {@link #clearCurrent()}). */
    public boolean hasCurrent() {
        return currentMacs.getItemCount() > 0;
    }

    /** Fonts for a screen (1) or a lecture hall (about 1.6). */
    public void style(double scale) {
        ChartStyle.apply(chart, scale);
        ChartStyle.setNote(chart, "log scale, base 2: one grid step = twice the cost", scale);
        for (ValueMarker m : List.of(macsMarker, paramsMarker)) m.setLabelFont(ChartStyle.font(java.awt.Font.BOLD, 12, scale));
        styleRenderer((XYLineAndShapeRenderer) macsPlot.getRenderer(), true, scale);
        styleRenderer((XYLineAndShapeRenderer) paramsPlot.getRenderer(), false, scale);
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(2);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setSmallestValue(0.01);
        return axis;
    }

    private static XYLineAndShapeRenderer renderer(XYToolTipGenerator tips) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDefaultToolTipGenerator(tips);
        return r;
    }

    private static void styleRenderer(XYLineAndShapeRenderer r, boolean withPrediction, double scale) {
        int i = 0;
        float w = (float) (2.5 * scale);
        // formula curve
        r.setSeriesPaint(i, ChartStyle.FORMULA);
        r.setSeriesStroke(i, new BasicStroke(w));
        r.setSeriesShapesVisible(i, false);
        r.setSeriesLinesVisible(i, true);
        r.setSeriesVisibleInLegend(i, withPrediction);
        i++;
        if (withPrediction) {
            r.setSeriesPaint(i, ChartStyle.PREDICTED);
            r.setSeriesStroke(i, new BasicStroke((float) (1.5 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {(float) (6 * scale), (float) (4 * scale)}, 0f));
            r.setSeriesShapesVisible(i, false);
            r.setSeriesLinesVisible(i, true);
            i++;
        }
        r.setSeriesPaint(i, ChartStyle.OFFICIAL);
        r.setSeriesShape(i, ShapeUtils.createDiamond((float) (6 * scale)));
        r.setSeriesShapesVisible(i, true);
        r.setSeriesLinesVisible(i, false);
        r.setSeriesVisibleInLegend(i, withPrediction);
        i++;
        double d = 14 * scale;
        Shape circle = new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        r.setSeriesPaint(i, ChartStyle.CURRENT);
        r.setSeriesShape(i, circle);
        r.setSeriesShapesVisible(i, true);
        r.setSeriesLinesVisible(i, false);
        r.setSeriesVisibleInLegend(i, withPrediction);
    }

    private XYToolTipGenerator tooltips(String unit, boolean macs) {
        return (dataset, series, item) -> {
            double phi = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            String key = String.valueOf(dataset.getSeriesKey(series));
            if (key.startsWith("official")) {
                OfficialModel m = officialOrder.get(item);
                PaperTables.ImageNetResult p = PaperTables.table2(m);
                return String.format(Locale.ROOT, "EfficientNet-%s: %.3f %s (paper Table 2: %s)", m.name(), y, unit,
                        macs ? fmt(p.flopsBillions()) + " B FLOPs" : fmt(p.paramsMillions()) + " M params");
            }
            if (key.startsWith("this network")) {
                return String.format(Locale.ROOT, "%s at φ = %.2f: %.3f %s", currentLabel, phi, y, unit);
            }
            return String.format(Locale.ROOT, "%s at φ = %.1f: %.3f %s", key.replace(" (params)", ""), phi, y, unit);
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
