package org.scalinglab.ui.explorer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.ui.Fmt;

/** "Formula" and B0..B7 as one row of toggle buttons; exactly one is always on. */
final class PresetBar extends VBox {
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton formula = new ToggleButton("Formula");
    private final ToggleButton[] official = new ToggleButton[OfficialModel.values().length];

    PresetBar(ExplorerViewModel vm) {
        getStyleClass().add("preset-bar");
        Label title = new Label("Model");
        title.getStyleClass().add("section-title");
        formula.setToggleGroup(group);
        formula.setId("preset-formula");
        formula.setTooltip(new Tooltip("The rule d = α^φ, w = β^φ, r = γ^φ at the current φ (key F)"));
        formula.setOnAction(e -> vm.useFormula());
        // Formula and B0..B7 share a line where there is room; otherwise B0..B7 stay together on the next one
        javafx.scene.layout.HBox officialRow = new javafx.scene.layout.HBox(4);
        officialRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(4, 4, formula, officialRow);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (OfficialModel m : OfficialModel.values()) {
            ToggleButton b = new ToggleButton(m.name());
            b.setToggleGroup(group);
            b.setId("preset-" + m.id());
            b.getStyleClass().add("preset");
            b.setTooltip(new Tooltip("Official EfficientNet-" + m.name() + ": d = " + Fmt.plain(m.depth()) + ", w = "
                    + Fmt.plain(m.width()) + ", " + m.resolution() + " px (key " + m.phi() + ")"));
            b.setOnAction(e -> vm.selectPreset(m));
            official[m.ordinal()] = b;
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            officialRow.getChildren().add(b);
        }
        // a click on the button that is already on must not leave none selected
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) group.selectToggle(was);
        });
        vm.presetProperty().addListener((o, was, now) -> show(now));
        show(vm.presetProperty().get());
        Label note = new Label("B0–B7 use the published d, w and resolution; Formula uses α^φ, β^φ, γ^φ.");
        note.getStyleClass().add("explain");
        note.setWrapText(true);
        getChildren().addAll(title, buttons, note);
        setSpacing(4);
    }

    private void show(OfficialModel m) {
        group.selectToggle(m == null ? formula : official[m.ordinal()]);
    }
}
