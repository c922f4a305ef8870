package org.scalinglab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalinglab.export.ChartStyle;
import org.scalinglab.train.Checkpoint;
import org.scalinglab.train.ScalingStudy;

/** The study's training as curves: each model's validation top-1 after every epoch, in the study's colours. */
public final class StudyCurvesChart {
    private StudyCurvesChart() {
    }

    public static JFreeChart chart(ScalingStudy.Report report) {
        return chart(report, 1);
    }

    /** @param scale font scale (presenter mode draws larger) */
    public static JFreeChart chart(ScalingStudy.Report report, double scale) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        int epochs = 0;
        for (ScalingStudy.Entry e : report.models()) {
            XYSeries series = new XYSeries(e.label() + (e.top1() == null || e.top1().isNaN() ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100 * e.top1())));
            for (Checkpoint.EpochRecord r : e.history()) series.add(r.epoch() + 1, 100 * r.validationTop1());
            epochs = Math.max(epochs, e.history().size());
            data.addSeries(series);
            s++;
        }
        for (ScalingStudy.Repeat r : report.repeats()) {
            if (!r.trained()) continue;
            XYSeries series = new XYSeries(String.format(Locale.ROOT, "Base, seed %d (%.1f %%)", r.seed(), 100 * r.top1()));
            for (Checkpoint.EpochRecord e : r.history()) series.add(e.epoch() + 1, 100 * e.validationTop1());
            epochs = Math.max(epochs, r.history().size());
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, Math.max(1, epochs) + 0.5);
        NumberAxis y = new NumberAxis("validation top-1 (%)");
        // from the lowest point's ten down, so the last epochs, where the models part, get the height
        double lowest = epochs == 0 ? 0 : 100;
        for (int i = 0; i < data.getSeriesCount(); i++) if (data.getSeries(i).getItemCount() > 0) lowest = Math.min(lowest, data.getSeries(i).getMinY());
        y.setRange(Math.max(0, Math.min(90, Math.floor(lowest / 10) * 10)), 100);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("The study's training: validation top-1 after each epoch", new Font(Font.SANS_SERIF, Font.BOLD, 14),
                plot, true);
        ChartStyle.apply(chart, scale);
        // the theme resets the renderer: colours and strokes after it
        for (int i = 0; i < s; i++) {
            renderer.setSeriesPaint(i, StudyChart.COLOURS.getOrDefault(report.models().get(i).kind(), Color.DARK_GRAY));
            renderer.setSeriesStroke(i, new BasicStroke(report.models().get(i).kind().equals("compound") ? 3f : 1.8f));
        }
        // a repeat: the base's grey, dashed
        for (int i = s; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, StudyChart.COLOURS.get("base"));
            renderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        ChartStyle.setNote(chart, epochs == 0 ? "this report keeps no per-epoch history (made before reports kept one)"
                : String.format(Locale.ROOT, "%d classes; chance %.0f %%; every model trained with the same recipe",
                report.classes().size(), 100.0 / Math.max(1, report.classes().size())), scale);
        return chart;
    }
}
