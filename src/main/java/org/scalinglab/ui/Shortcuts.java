package org.scalinglab.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.ui.explorer.ControlsPanel;
import org.scalinglab.ui.explorer.ExplorerViewModel;

/** The window's keyboard shortcuts, and the list the help shows. Keys typed into a text field stay in the field. */
final class Shortcuts {
    record Entry(String keys, String action) {
    }

    static final List<Entry> HELP = List.of(
            new Entry("0 … 7", "official EfficientNet-B0 … B7"),
            new Entry("F", "formula α^φ, β^φ, γ^φ at the current φ"),
            new Entry("+  /  −", "φ up / down by 0.1"),
            new Entry("Ctrl+→  /  Ctrl+←", "φ up / down by 1 (next / previous B-model)"),
            new Entry("P  A  B  G  R", "focus the φ, α, β, γ or base-resolution slider; then ← → move it"),
            new Entry("Ctrl+P", "presenter mode: large fonts for a lecture hall"),
            new Entry("Ctrl+S  /  Ctrl+O", "save / open a scenario (sliders, model, CAM settings, images)"),
            new Entry("Ctrl+V", "CAM comparison: add the image or image file on the clipboard"),
            new Entry("F11", "full screen (Esc leaves it)"),
            new Entry("F1  or  ?", "this list"));

    private Shortcuts() {
    }

    static void install(Scene scene, MainWindow window) {
        ExplorerViewModel vm = window.explorerModel();
        ControlsPanel c = window.explorer.controls;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F11) {
                window.toggleFullScreen();
            } else if (e.getCode() == KeyCode.F1) {
                window.showShortcuts();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.P) {
                window.presenterProperty().set(!window.presenterProperty().get());
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                window.chooseScenarioToSave();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
                window.chooseScenarioToOpen();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.V && camShown(window) && !typing(scene)) {
                window.cam().paste(javafx.scene.input.Clipboard.getSystemClipboard());
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT && !typing(scene)) {
                vm.nudgePhi(1);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.LEFT && !typing(scene)) {
                vm.nudgePhi(-1);
            } else {
                return;
            }
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || typing(scene) || e.getCharacter().isEmpty() || !explorerShown(window)) return;
            char ch = e.getCharacter().charAt(0);
            if (ch >= '0' && ch <= '7') {
                vm.selectPreset(OfficialModel.values()[ch - '0']);
            } else if (ch == '+' || ch == '=') {
                vm.nudgePhi(0.1);
            } else if (ch == '-' || ch == '−') {
                vm.nudgePhi(-0.1);
            } else if (ch == 'f' || ch == 'F') {
                vm.useFormula();
            } else if (ch == '?') {
                window.showShortcuts();
            } else if (ch == 'p' || ch == 'P') {
                focus(c.phi.slider());
            } else if (ch == 'a' || ch == 'A') {
                focus(c.alpha.slider());
            } else if (ch == 'b' || ch == 'B') {
                focus(c.beta.slider());
            } else if (ch == 'g' || ch == 'G') {
                focus(c.gamma.slider());
            } else if (ch == 'r' || ch == 'R') {
                focus(c.base.slider());
            } else {
                return;
            }
            e.consume();
        });
    }

    private static boolean camShown(MainWindow window) {
        return window.tabs.getSelectionModel().getSelectedItem() == window.camTab;
    }

    /** The one-key shortcuts move the explorer's sliders, so they rest while another tab is in front. */
    private static boolean explorerShown(MainWindow window) {
        return window.tabs.getSelectionModel().getSelectedItem() == window.explorerTab;
    }

    /** True while the user types into a field; an editable spinner keeps the focus itself, not its text field. */
    private static boolean typing(Scene scene) {
        Node owner = scene.getFocusOwner();
        return owner instanceof TextInputControl
                || owner instanceof Spinner<?> s && s.isEditable()
                || owner instanceof ComboBoxBase<?> c && c.isEditable();
    }

    private static void focus(Node n) {
        window(n);
        n.requestFocus();
    }

    /** Scrolls the control into view if the left column is scrolled away from it. */
    private static void window(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
        if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
            double viewport = sp.getViewportBounds().getHeight();
            if (contentHeight > viewport) {
                double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                sp.setVvalue(Math.max(0, Math.min(1, (y - 40) / (contentHeight - viewport))));
            }
        }
    }
}
