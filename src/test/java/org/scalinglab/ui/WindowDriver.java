package org.scalinglab.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/** How the tab tests in the sub-packages drive the window: bring a tab to the front, type into a spinner. */
public final class WindowDriver {
    private WindowDriver() {
    }

    /** On the FX thread: selects the tab with this id, as a click would, and returns the view it shows. */
    public static <T extends Node> T showTab(MainWindow window, String tabId, Class<T> view) {
        Tab tab = window.tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
        window.tabs.getSelectionModel().select(tab);
        return view.cast(tab.getContent());
    }

    /** Focuses a spinner, selects its text and types over it, then Enter (as a user would, without mouse travel). */
    public static void typeInto(FxRobot robot, String spinner, String text) {
        javafx.scene.control.Spinner<?> s = robot.lookup(spinner).queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> {
            s.requestFocus();
            s.getEditor().selectAll();
        });
        robot.write(text).type(KeyCode.ENTER);
    }
}
