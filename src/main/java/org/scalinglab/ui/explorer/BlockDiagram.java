package org.scalinglab.ui.explorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scalinglab.arch.BlockSpec;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.MbConvBreakdown.Kind;
import org.scalinglab.export.BlockFigure;
import org.scalinglab.export.BlockFigure.Box;
import org.scalinglab.ui.ExportBar;

/**
 * One MBConv block as a diagram read left to right (wrapping to the next line where the window is narrow): input,
 * expand, depthwise, squeeze-and-excitation, project, residual, output; each box with its output shape, parameters
 * and multiply-adds at the current scaling. Hovering a box explains it, in a tooltip and in the line under the diagram,
 * which stays readable from the back of a lecture hall.
 */
final class BlockDiagram extends VBox {
    static final String HINT = "Click a stage row (2–8) in the table to see its block; hover a box for what it does.";

    private final ExplorerViewModel vm;
    private final Label heading = new Label();
    private final FlowPane blockChooser = new FlowPane(4, 4);
    private final FlowPane flow = new FlowPane();
    private final Label residualBar = new Label();
    private final Label explanation = new Label(HINT);
    private final ExportBar exportBar;
    private BlockFigure figure;

    BlockDiagram(ExplorerViewModel vm) {
        this.vm = vm;
        setId("block-diagram");
        getStyleClass().add("block-diagram");
        setSpacing(8);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.setId("block-heading");
        blockChooser.setAlignment(Pos.CENTER_LEFT);
        flow.setId("block-flow");
        flow.getStyleClass().add("block-flow");
        flow.setAlignment(Pos.CENTER_LEFT);
        residualBar.getStyleClass().add("residual-bar");
        residualBar.setMaxWidth(Double.MAX_VALUE);
        residualBar.setWrapText(true);
        explanation.getStyleClass().add("block-explanation");
        explanation.setId("block-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        exportBar = new ExportBar("mbconv-block", () -> "this block as a figure (same boxes and numbers, laid out in two rows)",
                file -> figure.write(file), vm.noticeProperty()::set);
        exportBar.setId("block-export");
        VBox content = new VBox(8, heading, blockChooser, residualBar, flow, explanation, exportBar);
        content.getStyleClass().add("block-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("block-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(scroll);
        vm.blockProperty().addListener(o -> show());
        vm.validProperty().addListener(o -> showValidity());
        show();
        showValidity();
    }

    private void show() {
        MbConvBreakdown b = vm.blockProperty().get();
        if (b == null) return;
        BlockSpec spec = b.block();
        List<BlockSpec> siblings = MbConvBreakdown.blocksOf(vm.snapshot().network(), spec.stage());
        int index = siblings.indexOf(spec);
        figure = BlockFigure.of(b, vm.snapshot().network(), BlockFigure.modelName(vm.snapshot().official(), vm.snapshot().scaling()));
        heading.setText((vm.validProperty().get() ? "" : "Last valid network (greyed out: the inputs give none). ")
                + figure.heading());
        chooser(siblings, index);

        flow.getChildren().clear();
        FlowPane se = null;
        for (Box box : figure.boxes()) {
            Node node = box(box);
            if (box.step() != null && isSe(box.step())) {
                if (se == null) {
                    // the squeeze-excite boxes wrap inside their group where the window is narrow
                    se = new FlowPane(4, 6);
                    se.setAlignment(Pos.CENTER_LEFT);
                    Label cap = new Label(BlockFigure.SE_CAPTION);
                    cap.getStyleClass().add("se-caption");
                    VBox group = new VBox(4, cap, se);
                    group.getStyleClass().add("se-group");
                    flow.getChildren().add(withArrow(group));
                    se.getChildren().add(node);
                } else {
                    se.getChildren().add(withArrow(node));
                }
            } else {
                flow.getChildren().add(flow.getChildren().isEmpty() ? node : withArrow(node));
            }
        }
        residualBar.setText(figure.residualNote());
        residualBar.getStyleClass().remove("absent");
        if (!figure.hasResidual()) residualBar.getStyleClass().add("absent");
    }

    /** Greyed out, with the heading saying so, while the inputs give no network (it is the last valid one's block). */
    private void showValidity() {
        boolean stale = !vm.validProperty().get();
        if (stale && !getStyleClass().contains("stale")) getStyleClass().add("stale");
        if (!stale) getStyleClass().remove("stale");
        if (figure != null) heading.setText((stale ? "Last valid network (greyed out: the inputs give none). " : "") + figure.heading());
    }

    /** The diagram on screen as a figure file (PNG, SVG or PDF by extension), drawn from the same texts. */
    void export(Path file) throws IOException {
        exportBar.export(file);
    }

    BlockFigure figure() {
        return figure;
    }

    String headingText() {
        return heading.getText();
    }

    private void chooser(List<BlockSpec> siblings, int index) {
        blockChooser.getChildren().clear();
        blockChooser.getChildren().add(new Label("Block:"));
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < siblings.size(); i++) {
            BlockSpec s = siblings.get(i);
            ToggleButton t = new ToggleButton(String.valueOf(i + 1));
            t.setId("block-" + (i + 1));
            t.setToggleGroup(group);
            t.setSelected(i == index);
            t.setTooltip(new Tooltip(s.name().substring(0, s.name().length() - 1) + (s.residual() ? ": with residual"
                    : ": stride " + s.stride() + ", channels " + s.filtersIn() + " → " + s.filtersOut() + ", no residual")));
            int target = i;
            t.setOnAction(e -> vm.selectedBlockProperty().set(target));
            blockChooser.getChildren().add(t);
        }
        if (siblings.size() > 1) {
            Label note = new Label("block 1 changes the size; the others keep it and add the residual");
            note.getStyleClass().add("explain");
            blockChooser.getChildren().add(note);
        }
    }

    private VBox box(Box b) {
        Label t = new Label(b.title());
        t.getStyleClass().add("step-title");
        Label d = new Label(b.detail());
        d.getStyleClass().add("step-detail");
        Label sh = new Label(b.shape());
        sh.getStyleClass().add("step-shape");
        VBox v = new VBox(1, t, d, sh);
        if (b.params() != null) v.getChildren().add(new Label(b.params()));
        if (b.macs() != null) v.getChildren().add(new Label(b.macs()));
        for (Node n : v.getChildren()) {
            ((Label) n).setWrapText(true);
            ((Label) n).setMinHeight(Region.USE_PREF_SIZE);
        }
        v.getStyleClass().addAll("step", b.kind());
        Tooltip tip = new Tooltip(b.explanation() + (b.layers().isEmpty() ? "" : "\nKeras layers: " + String.join(", ", b.layers())));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        Tooltip.install(v, tip);
        v.setOnMouseEntered(e -> explanation.setText(b.title() + " (" + b.detail() + "): " + b.explanation()));
        v.setOnMouseExited(e -> explanation.setText(HINT));
        return v;
    }

    private static HBox withArrow(Node n) {
        HBox h = new HBox(4, arrow(), n);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Label arrow() {
        Label a = new Label("→");
        a.getStyleClass().add("flow-arrow");
        return a;
    }

    private static boolean isSe(Kind k) {
        return k == Kind.SQUEEZE || k == Kind.SE_REDUCE || k == Kind.SE_EXPAND || k == Kind.EXCITE;
    }
}
