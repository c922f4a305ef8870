package org.scalinglab.ui;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Text that shrinks before it is cut. A table keeps every column as wide as its widest cell and header (bold, so a
 * highlighted row fits too); when the columns do not fit the table's width, the table's font shrinks in steps, down
 * to a given fraction of the window's font, and only then does the table scroll sideways (it never shows "1…").
 * The same for a block of labels (its preferred width against the width it gets) and for a tab strip (its tabs'
 * widths against the strip).
 *
 * <p>Each check runs after the node's own layout pass and changes the font only when the fit changes, so it settles
 * in one more pass.
 */
public final class Fit {
    private static final String KEY = "scalinglab.fit";
    /** Fonts shrink in steps of 1/STEPS, so a table does not restyle for every pixel of a resize. */
    private static final int STEPS = 50;
    private static final Text PROBE = new Text();

    private Fit() {
    }

    /** Sizes a table's columns to their content and shrinks its font (to {@code minScale} at the least) to fit its width. */
    public static void table(TableView<?> table, double minScale) {
        // the widths are set here (content first, the rest shared out), not by a resize policy
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (TableColumn<?, ?> c : table.getColumns()) c.setResizable(false);
        TableFitter f = new TableFitter(table, minScale);
        install(table, f::fit);
    }

    /** Shrinks the font of a block of labels (to {@code minScale} at the least) while it is wider than it is given. */
    public static void region(Region region, double minScale) {
        RegionFitter f = new RegionFitter(region, minScale);
        install(region, f::fit);
    }

    /** Shrinks the tab titles (to {@code minScale} at the least) while they do not fit the tab strip. */
    public static void tabs(TabPane tabs, double minScale) {
        TabFitter f = new TabFitter(tabs, minScale);
        install(tabs, f::fit);
        tabs.getTabs().addListener((InvalidationListener) o -> tabs.requestLayout());
    }

    /** The font scale a fitted node uses now (1 = the window's font). */
    public static double scaleOf(Node node) {
        return node.getProperties().get(KEY) instanceof Fitter f ? f.scale : 1;
    }

    private static void install(Region node, Runnable fit) {
        node.needsLayoutProperty().addListener((o, was, now) -> {
            if (!now) fit.run();
        });
        node.widthProperty().addListener(o -> fit.run());
    }

    /** The width of a text in a font, as a label would draw it. */
    public static double textWidth(String text, Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }

    private static String emStyle(double scale) {
        return scale >= 1 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.2fem;", scale);
    }

    private abstract static class Fitter {
        final double minScale;
        double scale = 1;
        boolean busy;

        Fitter(Node node, double minScale) {
            this.minScale = minScale;
            node.getProperties().put(KEY, this);
        }

        /** The largest step not above {@code natural}-to-{@code available}, within [minScale, 1]. */
        double target(double available, double natural) {
            if (!(natural > 0) || !(available > 0)) return scale;
            double s = Math.floor(available / natural * STEPS) / STEPS;
            return Math.max(minScale, Math.min(1, s));
        }
    }

    private static final class TableFitter extends Fitter {
        private final TableView<?> table;

        TableFitter(TableView<?> table, double minScale) {
            super(table, minScale);
            this.table = table;
        }

        void fit() {
            if (busy || table.getScene() == null || table.getWidth() <= 0) return;
            busy = true;
            try {
                table.applyCss();
                Map<TableColumn<?, ?>, Double> need = measure();
                if (need.isEmpty()) return;
                double natural = need.values().stream().mapToDouble(Double::doubleValue).sum() / scale;
                // a pixel per column for rounding each width up, and a little for text widths that do not scale exactly
                double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBar() - 2
                        - need.size();
                double s = target(available - 4, natural);
                if (s != scale) {
                    scale = s;
                    table.setStyle(emStyle(s));
                    table.applyCss();
                    need = measure();
                }
                // every column gets its content's width; what is left over is shared in proportion (none if it scrolls)
                double sum = need.values().stream().mapToDouble(Double::doubleValue).sum();
                double spare = Math.max(0, available - sum);
                for (Map.Entry<TableColumn<?, ?>, Double> e : need.entrySet()) {
                    TableColumn<?, ?> c = e.getKey();
                    double min = Math.ceil(e.getValue());
                    double w = Math.floor(e.getValue() + spare * e.getValue() / sum);
                    if (Math.abs(c.getMinWidth() - min) > 0.5) c.setMinWidth(min);
                    if (Math.abs(c.getPrefWidth() - w) > 0.5) c.setPrefWidth(Math.max(min, w));
                }
            } finally {
                busy = false;
            }
        }

        /** Each visible column's width for its header and its widest rendered cell (as bold), at the current font. */
        private Map<TableColumn<?, ?>, Double> measure() {
            Map<TableColumn<?, ?>, Double> need = new IdentityHashMap<>();
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) need.put(c, 24.0);
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof TableColumnHeader h) || !(h.getTableColumn() instanceof TableColumn<?, ?> c)
                        || !need.containsKey(c)) continue;
                double w = h.snappedLeftInset() + h.snappedRightInset() + 4;
                if (h.lookup(".label") instanceof Label l) w += l.prefWidth(-1);
                if (table.getSortOrder().contains(c)) w += 14;
                need.merge(c, w, Math::max);
            }
            for (Node n : table.lookupAll(".table-cell")) {
                if (!(n instanceof TableCell<?, ?> cell) || cell.isEmpty() || !need.containsKey(cell.getTableColumn())) continue;
                String text = cell.getText();
                if (text == null || text.isEmpty()) continue;
                Font f = cell.getFont();
                double t = Math.max(textWidth(text, f), textWidth(text, Font.font(f.getFamily(), FontWeight.BOLD, f.getSize())));
                double w = t + cell.snappedLeftInset() + cell.snappedRightInset() + 4;
                if (cell.getGraphic() != null) w += cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
                need.merge(cell.getTableColumn(), w, Math::max);
            }
            return need;
        }

        private double verticalBar() {
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b.isVisible()) return b.getWidth();
            }
            return 0;
        }
    }

    private static final class RegionFitter extends Fitter {
        private final Region region;

        RegionFitter(Region region, double minScale) {
            super(region, minScale);
            this.region = region;
        }

        void fit() {
            if (busy || region.getScene() == null || region.getWidth() <= 0) return;
            busy = true;
            try {
                region.applyCss();
                double available = region.getWidth();
                if (region.getParent() instanceof Region p && p.getWidth() > 0) {
                    available = Math.min(available, p.getWidth() - p.snappedLeftInset() - p.snappedRightInset());
                }
                double s = target(available - 1, region.prefWidth(-1) / scale);
                if (s != scale) {
                    scale = s;
                    region.setStyle(emStyle(s));
                    region.applyCss();
                    region.requestLayout();
                }
            } finally {
                busy = false;
            }
        }
    }

    private static final class TabFitter extends Fitter {
        private final TabPane tabs;

        TabFitter(TabPane tabs, double minScale) {
            super(tabs, minScale);
            this.tabs = tabs;
        }

        void fit() {
            if (busy || tabs.getScene() == null || tabs.getWidth() <= 0) return;
            busy = true;
            try {
                tabs.applyCss();
                Node area = tabs.lookup(".tab-header-area");
                Node headers = tabs.lookup(".headers-region");
                if (!(area instanceof Region a) || !(headers instanceof Parent h)) return;
                double used = 0;
                for (Node t : h.getChildrenUnmodifiable()) if (t.isVisible()) used += t.prefWidth(-1);
                double available = tabs.getWidth() - a.snappedLeftInset() - a.snappedRightInset() - 8;
                double s = target(available, used / scale);
                boolean changed = s != scale;
                scale = s;
                for (Tab t : List.copyOf(tabs.getTabs())) {
                    if (!emStyle(s).equals(t.getStyle() == null ? "" : t.getStyle())) {
                        t.setStyle(emStyle(s));
                        changed = true;
                    }
                }
                if (changed) {
                    tabs.applyCss();
                    tabs.requestLayout();
                }
            } finally {
                busy = false;
            }
        }
    }
}
