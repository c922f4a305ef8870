package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.train.TrainingProgress;

/**
 * A training run as it goes: the training loss (left axis) and training accuracy (right axis) against the step, and
 * the validation top-1 of every finished epoch as a labelled marker. The trainer reports the loss and accuracy as
 * running means since the start of the epoch, so each epoch's curve starts afresh.
 */
public final class TrainingChart {
    static final Color LOSS = new Color(0x1f77b4);
    static final Color ACCURACY = new Color(0xff7f0e);
    static final Color VALIDATION = new Color(0x2ca02c);

    private final XYSeries loss = new XYSeries("training loss (left)", true, false);
    private final XYSeries accuracy = new XYSeries("training accuracy % (right)", true, false);
    private final XYSeries validation = new XYSeries("validation top-1 % after each epoch (right)", true, false);
    private final JFreeChart chart;
    private final XYPlot plot;
    private final double scale;

    /** @param scale 1 for a desktop screen, about 1.6 for a projector */
    public TrainingChart(double scale) {
        this.scale = scale;
        NumberAxis steps = new NumberAxis("Step");
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        steps.setAutoRangeIncludesZero(true);
        NumberAxis lossAxis = new NumberAxis("Loss");
        lossAxis.setAutoRangeIncludesZero(true);
        NumberAxis percent = new NumberAxis("Accuracy (%)");
        percent.setRange(0, 105);
        percent.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));

        XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, false);
        lossRenderer.setSeriesPaint(0, LOSS);
        lossRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lossRenderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: step {1}, {2}",
                new java.text.DecimalFormat("0"), new java.text.DecimalFormat("0.0000")));
        XYLineAndShapeRenderer percentRenderer = new XYLineAndShapeRenderer();
        percentRenderer.setSeriesPaint(0, ACCURACY);
        percentRenderer.setSeriesStroke(0, new BasicStroke(2f));
        percentRenderer.setSeriesShapesVisible(0, false);
        percentRenderer.setSeriesPaint(1, VALIDATION);
        percentRenderer.setSeriesLinesVisible(1, true);
        percentRenderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        double d = 9 * scale;
        percentRenderer.setSeriesShape(1, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        percentRenderer.setSeriesShapesVisible(1, true);
        percentRenderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: step {1}, {2} %",
                new java.text.DecimalFormat("0"), new java.text.DecimalFormat("0.0")));

        plot = new XYPlot(new XYSeriesCollection(loss), steps, lossAxis, lossRenderer);
        plot.setNoDataMessage("Start a training: its loss and accuracy appear here as it goes");
        plot.setNoDataMessageFont(ChartStyle.font(Font.PLAIN, 14, scale));
        XYSeriesCollection percents = new XYSeriesCollection(accuracy);
        percents.addSeries(validation);
        plot.setRangeAxis(1, percent);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, percents);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, percentRenderer);
        chart = new JFreeChart("Training progress", ChartStyle.font(Font.BOLD, 15, scale), plot, true);
        ChartStyle.apply(chart, scale);
        // the theme resets the series colours: set them again
        lossRenderer.setSeriesPaint(0, LOSS);
        percentRenderer.setSeriesPaint(0, ACCURACY);
        percentRenderer.setSeriesPaint(1, VALIDATION);
        ChartStyle.setNote(chart, "Loss and accuracy are running means over the current epoch; validation on the held-out images", scale);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Adds one progress report; an epoch's end adds its validation top-1 as well. */
    public void add(TrainingProgress p) {
        if (Double.isFinite(p.loss())) loss.addOrUpdate(p.step(), p.loss());
        if (Double.isFinite(p.accuracy())) accuracy.addOrUpdate(p.step(), 100 * p.accuracy());
        if (p.epochEnd() && Double.isFinite(p.validationTop1())) {
            validation.addOrUpdate(p.step(), 100 * p.validationTop1());
            XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, "%.1f %%", 100 * p.validationTop1()), p.step(),
                    100 * p.validationTop1());
            a.setFont(ChartStyle.font(Font.BOLD, 11, scale));
            a.setPaint(VALIDATION.darker());
            a.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            ((XYLineAndShapeRenderer) plot.getRenderer(1)).addAnnotation(a);
        }
    }

    /** Removes every point (a new run). */
    public void clear() {
        loss.clear();
        accuracy.clear();
        validation.clear();
        ((XYLineAndShapeRenderer) plot.getRenderer(1)).removeAnnotations();
    }
}
