package org.scalinglab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * What a lecturer cannot read, found by walking the scene graph of a laid-out window: a label, button or table cell
 * whose drawn text is not its text (JavaFX cut it and put "…" in), a tab header pushed out of its tab strip, a table
 * that hides columns behind a sideways scroll bar, a window whose content is wider than the window. Only what is shown
 * counts (nodes whose every ancestor is visible).
 */
public final class Readability {
    private Readability() {
    }

    /** Every problem found under the scene's root, one line each ("" when none). */
    public static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        if (root.getLayoutBounds().getWidth() > scene.getWidth() + 1) {
            out.add("the window's content is " + root.getLayoutBounds().getWidth() + " px wide in a " + scene.getWidth() + " px window");
        }
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l) checkLabel(l, out);
        if (n instanceof TableView<?> t) checkTable(t, out);
        if (n.getStyleClass().contains("tab-header-area")) checkTabs(n, out);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, out);
    }

    /** The text node a label's skin draws, compared with the label's text. */
    static void checkLabel(Labeled l, List<String> out) {
        String text = l.getText();
        if (text == null || text.isEmpty()) return;
        Text drawn = null;
        for (Node c : l.getChildrenUnmodifiable()) if (c instanceof Text t && c.isVisible()) drawn = t;
        if (drawn == null) return;   // graphic only
        String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        String shown = drawn.getText();
        boolean cut = !expected.equals(shown)
                || (shown.endsWith(l.getEllipsisString()) && !expected.endsWith(l.getEllipsisString()));
        if (cut) out.add(describe(l) + " shows \"" + shown + "\" for \"" + text + "\"");
    }

    private static void checkTable(TableView<?> t, List<String> out) {
        for (Node n : t.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible() && visibleUpTo(b, t)) {
                out.add(describe(t) + " scrolls sideways (" + b.getMax() + " px more than it shows)");
            }
        }
    }

    private static void checkTabs(Node area, List<String> out) {
        Bounds strip = area.localToScene(area.getLayoutBounds());
        Node headers = area.lookup(".headers-region");
        if (!(headers instanceof Parent h)) return;
        for (Node tab : h.getChildrenUnmodifiable()) {
            if (!tab.isVisible()) continue;
            Bounds b = tab.localToScene(tab.getLayoutBounds());
            if (b.getMaxX() > strip.getMaxX() + 1 || b.getMinX() < strip.getMinX() - 1) {
                out.add("tab " + describe(tab) + " lies outside its tab strip (" + (int) b.getMinX() + ".." + (int) b.getMaxX()
                        + " in " + (int) strip.getMinX() + ".." + (int) strip.getMaxX() + ")");
            }
        }
    }

    private static boolean visibleUpTo(Node n, Node top) {
        for (Node p = n; p != null && p != top; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) sb.append('#').append(n.getId());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                sb.append(" in #").append(p.getId());
                break;
            }
        }
        return sb.toString();
    }
}
