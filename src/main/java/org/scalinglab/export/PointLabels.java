package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Labels for the points of a scatter plot, placed where they are drawn, in pixels: each label tries the places around
 * its point (right, above, below, left and the corners, then farther out with a leader line) and takes the first
 * that stays inside the plot and clear of every point, every label already placed and the given keep-out boxes. Labels
 * are placed in the order given (the important ones first); one that finds no free place is left out, its point still
 * carries its name in the tooltip. No two labels ever overprint, at any size.
 */
public final class PointLabels extends AbstractXYAnnotation {
    /** One label: its point in data coordinates, its text, font and colour. */
    public record Label(double x, double y, String text, Font font, Paint paint) {
    }

    /** Where a label went in the last drawing (pixels), or null when it found no place. */
    public record Placed(Label label, Rectangle2D box) {
    }

    /** Supplies boxes (pixels) that labels must keep clear of, such as a marker's label, for a plot area. */
    public interface KeepOut {
        List<Rectangle2D> boxes(Graphics2D g2, XYPlot plot, Rectangle2D area);
    }

    private final List<Label> labels = new ArrayList<>();
    private double pointRadius = 5;
    private KeepOut keepOut = (g, p, a) -> List.of();
    private final List<Placed> placed = new ArrayList<>();

    public PointLabels() {
    }

    public void setLabels(List<Label> labels) {
        this.labels.clear();
        this.labels.addAll(labels);
        fireAnnotationChanged();
    }

    /** The radius (pixels) of the points' marks, which labels keep clear of. */
    public void setPointRadius(double r) {
        pointRadius = r;
        fireAnnotationChanged();
    }

    public void setKeepOut(KeepOut keepOut) {
        this.keepOut = keepOut;
    }

    /** Every label of the last drawing with its box, null for those left out (for tests and for checking by eye). */
    public List<Placed> lastPlacement() {
        return List.copyOf(placed);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range, int index,
                     PlotRenderingInfo info) {
        placed.clear();
        List<double[]> points = new ArrayList<>();
        for (Label l : labels) {
            double px = domain.valueToJava2D(l.x(), area, plot.getDomainAxisEdge());
            double py = range.valueToJava2D(l.y(), area, plot.getRangeAxisEdge());
            points.add(new double[] {px, py});
        }
        List<Rectangle2D> taken = new ArrayList<>(keepOut.boxes(g2, plot, area));
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            double[] p = points.get(i);
            if (l.text() == null || l.text().isEmpty() || !area.contains(p[0], p[1])) {
                placed.add(new Placed(l, null));
                continue;
            }
            g2.setFont(l.font());
            FontMetrics fm = g2.getFontMetrics();
            double w = fm.stringWidth(l.text()) + 2;
            double h = fm.getAscent() + fm.getDescent();
            Rectangle2D box = find(p, w, h, area, points, taken);
            placed.add(new Placed(l, box));
            if (box == null) continue;
            taken.add(box);
            g2.setPaint(l.paint());
            double near = pointRadius + 4;
            if (box.getMinX() - p[0] > near + 6 || p[0] - box.getMaxX() > near + 6 || box.getMinY() - p[1] > near + 6
                    || p[1] - box.getMaxY() > near + 6) {
                // a leader line from the point to the nearest edge of its label
                double ex = Math.max(box.getMinX(), Math.min(p[0], box.getMaxX()));
                double ey = Math.max(box.getMinY(), Math.min(p[1], box.getMaxY()));
                g2.setStroke(new BasicStroke(0.8f));
                g2.draw(new Line2D.Double(p[0], p[1], ex, ey));
            }
            g2.drawString(l.text(), (float) (box.getMinX() + 1), (float) (box.getMinY() + fm.getAscent()));
        }
    }

    /** The first free place for a w×h box around point p, or null. */
    private Rectangle2D find(double[] p, double w, double h, Rectangle2D area, List<double[]> points, List<Rectangle2D> taken) {
        for (double gap : new double[] {pointRadius + 3, pointRadius + 3 + h, pointRadius + 3 + 2.5 * h}) {
            for (Rectangle2D box : candidates(p[0], p[1], w, h, gap)) {
                if (free(box, area, points, taken)) return box;
            }
        }
        return null;
    }

    private static List<Rectangle2D> candidates(double x, double y, double w, double h, double gap) {
        return List.of(
                new Rectangle2D.Double(x + gap, y - h / 2, w, h),            // right
                new Rectangle2D.Double(x - w / 2, y - gap - h, w, h),        // above
                new Rectangle2D.Double(x + gap * 0.7, y - gap * 0.7 - h, w, h), // upper right
                new Rectangle2D.Double(x + gap * 0.7, y + gap * 0.7, w, h),     // lower right
                new Rectangle2D.Double(x - w / 2, y + gap, w, h),            // below
                new Rectangle2D.Double(x - gap - w, y - h / 2, w, h),        // left
                new Rectangle2D.Double(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h), // upper left
                new Rectangle2D.Double(x - gap * 0.7 - w, y + gap * 0.7, w, h));    // lower left
    }

    private boolean free(Rectangle2D box, Rectangle2D area, List<double[]> points, List<Rectangle2D> taken) {
        if (!area.contains(box)) return false;
        for (Rectangle2D t : taken) if (t.intersects(box)) return false;
        for (double[] q : points) {
            if (new Ellipse2D.Double(q[0] - pointRadius, q[1] - pointRadius, 2 * pointRadius, 2 * pointRadius).intersects(box)) {
                return false;
            }
        }
        return true;
    }
}
