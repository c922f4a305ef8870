package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.ValueMarker;

/** One look for every chart: white, light grid, a sans-serif font scaled for a screen or a lecture hall. */
public final class ChartStyle {
    public static final String FONT = Font.SANS_SERIF;
    public static final Color FORMULA = new Color(0x1f77b4);
    public static final Color OFFICIAL = new Color(0xd62728);
    public static final Color PEERS = new Color(0x7f7f7f);
    public static final Color CURRENT = new Color(0xff7f0e);
    public static final Color PREDICTED = new Color(0x2ca02c);

    private ChartStyle() {
    }

    /** Applies the theme; scale 1 is for a desktop screen, about 1.6 for a projector. */
    public static void apply(JFreeChart chart, double scale) {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(font(Font.BOLD, 16, scale));
        t.setLargeFont(font(Font.BOLD, 13, scale));
        t.setRegularFont(font(Font.PLAIN, 12, scale));
        t.setSmallFont(font(Font.PLAIN, 11, scale));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xdddddd));
        t.setRangeGridlinePaint(new Color(0xdddddd));
        t.setPlotOutlinePaint(new Color(0xbbbbbb));
        t.setShadowVisible(false);
        t.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        t.apply(chart);
    }

    /** Replaces the chart's explanatory subtitle (keeps the legend, which is a subtitle too). */
    public static void setNote(JFreeChart chart, String text, double scale) {
        for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle) chart.removeSubtitle(chart.getSubtitle(i));
        }
        chart.addSubtitle(0, new org.jfree.chart.title.TextTitle(text, font(Font.PLAIN, 11, scale)));
    }

    public static Font font(int style, float size, double scale) {
        return new Font(FONT, style, (int) Math.round(size * scale));
    }

    /** A vertical line for "this network", labelled at the top. */
    public static ValueMarker currentMarker(String label) {
        ValueMarker m = new ValueMarker(0, CURRENT, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(CURRENT.darker());
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        return m;
    }
}
