package org.scalinglab.ui.explorer;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.scalinglab.ui.Fmt;

/**
 * The formula α^φ, β^φ, γ^φ and the official model at the same φ, one row each, so the difference (B7: d = 3.1 where
 * the formula gives 3.58) is visible at a glance; the row the table shows is marked.
 */
final class ComparisonGrid extends GridPane {
    private final ExplorerViewModel vm;

    ComparisonGrid(ExplorerViewModel vm) {
        this.vm = vm;
        setId("comparison");
        getStyleClass().add("comparison");
        setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // narrow windows shrink the numbers a little rather than cut them
        org.scalinglab.ui.Fit.region(this, 0.7);
        vm.snapshotProperty().addListener(o -> show());
        show();
    }

    private void show() {
        ExplorerViewModel.Snapshot s = vm.snapshot();
        getChildren().clear();
        ExplorerViewModel.Column f = s.comparison().formula();
        ExplorerViewModel.Column o = s.comparison().official();
        boolean officialShown = s.official() != null;
        double b0 = ExplorerViewModel.b0().macs();
        String[] head = {"", "d", "w", "r", "input", "params", "mult-adds", "× B0"};
        for (int c = 0; c < head.length; c++) add(label(head[c], "comparison-header"), c, 0);
        add(name("formula α^φ, β^φ, γ^φ", !officialShown), 0, 1);
        cell(Fmt.fixed(f.depth(), 3), "formula-depth", 1, 1);
        cell(Fmt.fixed(f.width(), 3), "formula-width", 2, 1);
        cell(Fmt.fixed(f.resolutionMultiplier(), 3), "formula-r", 3, 1);
        cell(f.resolution() + " px", "formula-resolution", 4, 1);
        cell(Fmt.millions(f.params()), "formula-params", 5, 1);
        cell(Fmt.giga(f.macs()), "formula-macs", 6, 1);
        cell(Fmt.fixed(f.macs() / b0, 2) + "×", "formula-cost", 7, 1);
        if (o == null) {
            add(name("official", false), 0, 2);
            add(label("published only for whole φ = 0 … 7", "explain"), 1, 2, 7, 1);
            return;
        }
        add(name("official " + o.name(), officialShown), 0, 2);
        cell(Fmt.plain(o.depth()), "official-depth", 1, 2);
        cell(Fmt.plain(o.width()), "official-width", 2, 2);
        cell(Fmt.fixed(o.resolutionMultiplier(), 3), "official-r", 3, 2);
        cell(o.resolution() + " px", "official-resolution", 4, 2);
        cell(Fmt.millions(o.params()), "official-params", 5, 2);
        cell(Fmt.giga(o.macs()), "official-macs", 6, 2);
        cell(Fmt.fixed(o.macs() / b0, 2) + "×", "official-cost", 7, 2);
        add(label("   paper (Table 2)", "comparison-name"), 0, 3);
        Label paper = label(Fmt.plain(o.paper().paramsMillions()) + " M params · " + Fmt.plain(o.paper().flopsBillions())
                + " B FLOPs · top-1 " + Fmt.plain(o.paper().top1()) + "%", "comparison-value");
        paper.setId("official-paper");
        add(paper, 1, 3, 7, 1);
    }

    /** The row name; the row the table shows gets a marker and the accent colour. */
    private static Label name(String text, boolean inTable) {
        Label l = label((inTable ? "▶ " : "   ") + text, "comparison-name");
        if (inTable) {
            l.getStyleClass().add("in-use");
            l.setTooltip(new javafx.scene.control.Tooltip("the table and the charts show this row"));
        }
        return l;
    }

    private void cell(String text, String id, int col, int row) {
        Label l = label(text, "comparison-value");
        l.setId(id);
        add(l, col, row);
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }
}
