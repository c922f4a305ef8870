package org.scalinglab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The whole window: a tool bar (presenter mode, full screen, shortcuts) over one tab per part of the lab. The explorer
 * is here now; the CAM comparison tab is a plain placeholder until the model runtime exists.
 */
public final class MainWindow {
    public static final String STYLESHEET = MainWindow.class.getResource("scaling-lab.css").toExternalForm();

    final ExplorerView explorer;
    final TabPane tabs = new TabPane();
    final Tab explorerTab;
    final Tab camTab;
    private final BorderPane root = new BorderPane();
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);

    public MainWindow() {
        this(new ExplorerViewModel());
    }

    MainWindow(ExplorerViewModel vm) {
        explorer = new ExplorerView(vm, presenter);
        explorerTab = new Tab("Explorer", explorer);
        explorerTab.setId("explorer-tab");
        camTab = CamPlaceholder.create();
        tabs.getTabs().addAll(explorerTab, camTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        root.setTop(toolBar());
        root.setCenter(tabs);
        root.getStyleClass().add("main-window");
        presenter.addListener((o, was, now) -> {
            if (now) root.getStyleClass().add("presenter");
            else root.getStyleClass().remove("presenter");
        });
    }

    /** The scene with the stylesheet and the keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        Shortcuts.install(scene, this);
        return scene;
    }

    public BorderPane root() {
        return root;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public ExplorerViewModel explorerModel() {
        return explorer.vm;
    }

    void toggleFullScreen() {
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (w instanceof Stage s) s.setFullScreen(!s.isFullScreen());
    }

    void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int r = 0;
        for (Shortcuts.Entry e : Shortcuts.HELP) {
            Label k = new Label(e.keys());
            k.getStyleClass().add("shortcut-keys");
            grid.add(k, 0, r);
            grid.add(new Label(e.action()), 1, r++);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().getStylesheets().add(STYLESHEET);
        if (presenter.get()) a.getDialogPane().getStyleClass().add("presenter");
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.show();
    }

    private HBox toolBar() {
        Label title = new Label("Scaling Lab");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("EfficientNet compound scaling: d = α^φ, w = β^φ, r = γ^φ");
        subtitle.getStyleClass().add("app-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton presenterButton = new ToggleButton("Presenter mode (Ctrl+P)");
        presenterButton.setId("presenter-button");
        presenterButton.selectedProperty().bindBidirectional(presenter);
        presenterButton.setTooltip(new Tooltip("Large fonts for a lecture hall"));
        Button full = new Button("Full screen (F11)");
        full.setOnAction(e -> toggleFullScreen());
        Button help = new Button("Shortcuts (F1)");
        help.setOnAction(e -> showShortcuts());
        HBox bar = new HBox(12, title, subtitle, spacer, presenterButton, full, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-bar");
        return bar;
    }
}
