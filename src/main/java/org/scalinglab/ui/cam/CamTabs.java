package org.scalinglab.ui.cam;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The middle of the CAM tab: the grid of maps first, and beside it, one tab each, the views that read the maps as
 * numbers (the study's measurement, the agreement between the models). Tabs rather than panes beside the grid, so that
 * the grid keeps the whole width at 1280×720.
 */
final class CamTabs extends TabPane {
    final Tab maps;

    CamTabs(Node grid) {
        setId("cam-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getStyleClass().add("cam-tabs");
        maps = add("Maps", "cam-maps-tab", grid);
    }

    Tab add(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        getTabs().add(t);
        return t;
    }

    /** Selects the tab with this id ("cam-numbers-tab", …). */
    void show(String id) {
        for (Tab t : getTabs()) if (id.equals(t.getId())) getSelectionModel().select(t);
    }
}
