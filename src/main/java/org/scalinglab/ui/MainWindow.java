package org.scalinglab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.scalinglab.app.Scenario;
import org.scalinglab.ui.cam.CamView;
import org.scalinglab.ui.cam.CamViewModel;
import org.scalinglab.ui.explorer.ExplorerView;
import org.scalinglab.ui.explorer.ExplorerViewModel;
import org.scalinglab.ui.method.MethodView;
import org.scalinglab.ui.train.TrainView;
import org.scalinglab.ui.train.TrainViewModel;

/**
 * The whole window: a tool bar (scenario files, presenter mode, full screen, shortcuts) over one tab per part of the
 * lab: the scaling explorer, how EfficientNet was found (search reward, Step 1, Step 2), the CAM comparison and
 * training. Each tab but the explorer builds its view when it is first shown (or first needed by a scenario or a
 * shortcut), so the window's first frame lays out and styles one tab, not four; the comparison starts its models then.
 */
public final class MainWindow {
    public static final String STYLESHEET = MainWindow.class.getResource("scaling-lab.css").toExternalForm();

    final ExplorerView explorer;
    private CamView cam;
    private MethodView method;
    private TrainView train;
    private final ExplorerViewModel explorerModel;
    private final CamViewModel camModel;
    private final TrainViewModel trainModel;
    final TabPane tabs = new TabPane();
    final Tab explorerTab;
    final Tab methodTab;
    final Tab camTab;
    final Tab trainTab;
    private final BorderPane root = new BorderPane();
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final Density density = new Density(presenter);

    public MainWindow() {
        this(new ExplorerViewModel());
    }

    MainWindow(ExplorerViewModel vm) {
        this(vm, new CamViewModel());
    }

    public MainWindow(ExplorerViewModel vm, CamViewModel camModel) {
        this(vm, camModel, new TrainViewModel());
    }

    public MainWindow(ExplorerViewModel vm, CamViewModel camModel, TrainViewModel trainModel) {
        explorerModel = vm;
        this.camModel = camModel;
        this.trainModel = trainModel;
        explorer = new ExplorerView(vm, density);
        explorerTab = new Tab("Explorer", explorer);
        explorerTab.setId("explorer-tab");
        methodTab = new Tab("How it was found");
        methodTab.setId("method-tab");
        methodTab.setTooltip(new javafx.scene.control.Tooltip("The paper's method: the search reward behind B0, "
                + "Step 1 (the α, β, γ grid) and Step 2 (scaling up)"));
        camTab = new Tab("CAM comparison");
        camTab.setId("cam-tab");
        trainTab = new Tab("Train");
        trainTab.setId("train-tab");
        trainTab.setTooltip(new javafx.scene.control.Tooltip("Train a network of any width, depth and resolution on an image folder"));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == methodTab) method();
            else if (now == trainTab) train();
            else if (now == camTab) {
                cam();
                camModel.activate();
            }
        });
        tabs.getTabs().addAll(explorerTab, methodTab, camTab, trainTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        root.setTop(toolBar());
        root.setCenter(tabs);
        root.getStyleClass().add("main-window");
        presenter.addListener((o, was, now) -> {
            if (now) root.getStyleClass().add("presenter");
            else root.getStyleClass().remove("presenter");
        });
        // the whole window's text follows presenter mode and the window's size (sizes in the stylesheet are in em)
        density.fontSizeProperty().addListener(o -> applyFontSize());
        applyFontSize();
        Fit.tabs(tabs, 0.75);
    }

    /** The "How it was found" view, built on first use. */
    MethodView method() {
        if (method == null) {
            method = new MethodView(density);
            methodTab.setContent(method);
        }
        return method;
    }

    /** The CAM comparison's view, built on first use (its models start only when its tab is shown). */
    CamView cam() {
        if (cam == null) {
            cam = new CamView(camModel, presenter, density);
            camTab.setContent(cam);
        }
        return cam;
    }

    /** The Train tab's view, built on first use. */
    TrainView train() {
        if (train == null) {
            train = new TrainView(trainModel, density);
            trainTab.setContent(train);
        }
        return train;
    }

    private void applyFontSize() {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", density.fontSizeProperty().get()));
    }

    /** The font size and chart scale in force (they follow presenter mode and the window's size). */
    public Density density() {
        return density;
    }

    /** The scene with the stylesheet and the keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        density.setWindowSize(width, height);
        javafx.beans.InvalidationListener resized = o -> density.setWindowSize(scene.getWidth(), scene.getHeight());
        scene.widthProperty().addListener(resized);
        scene.heightProperty().addListener(resized);
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
        return explorerModel;
    }

    public CamViewModel camModel() {
        return camModel;
    }

    public TrainViewModel trainModel() {
        return trainModel;
    }

    /** Stops the comparison's background work and frees its models; cancels a training (its last finished epoch is kept). */
    public void close() {
        camModel.close();
        trainModel.close();
    }

    /**
     * Writes the whole state (sliders, search settings, model, CAM settings, images, the tab in view); problems
     * become a message, not an exception.
     */
    void saveScenario(Path file) {
        try {
            ScenarioFiles.capture(explorerModel, method(), camModel, Scenario.VIEWS.get(tabs.getSelectionModel().getSelectedIndex())).save(file);
            say("Saved the scenario to " + file.toAbsolutePath() + ".");
        } catch (IOException | RuntimeException e) {
            say("Could not save the scenario: " + Message.problem(e));
        }
    }

    void openScenario(Path file) {
        try {
            ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, explorerModel, method(), camModel);
            if (loaded.view() != null) tabs.getSelectionModel().select(Scenario.VIEWS.indexOf(loaded.view()));
            List<String> missing = loaded.missing();
            if (!missing.isEmpty()) say("Loaded " + file.getFileName() + "; these files are missing: " + String.join(", ", missing) + ".");
            else say("Loaded " + file.getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            say("Could not load the scenario: " + Message.problem(e));
        }
    }

    /** A message where the user is looking. */
    private void say(String text) {
        if (tabs.getSelectionModel().getSelectedItem() == trainTab) {
            trainModel.say(text, text.startsWith("Could not") || text.contains("missing"));
        } else if (tabs.getSelectionModel().getSelectedItem() == camTab) {
            boolean problem = text.startsWith("Could not") || text.contains("missing");
            if (problem) camModel.showProblem(text);
            else camModel.showNotice(text);
        } else {
            explorerModel.noticeProperty().set(text);
        }
    }

    void chooseScenarioToSave() {
        FileChooser chooser = scenarioChooser("Save the scenario");
        chooser.setInitialFileName("scenario" + Scenario.EXTENSION);
        File f = Folders.remember(Folders.SCENARIO, chooser.showSaveDialog(window()));
        if (f == null) return;
        Path p = f.toPath();
        if (!p.getFileName().toString().endsWith(Scenario.EXTENSION)) p = p.resolveSibling(p.getFileName() + Scenario.EXTENSION);
        saveScenario(p);
    }

    void chooseScenarioToOpen() {
        File f = Folders.remember(Folders.SCENARIO, scenarioChooser("Open a scenario").showOpenDialog(window()));
        if (f != null) openScenario(f.toPath());
    }

    private static FileChooser scenarioChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scaling Lab scenario", "*" + Scenario.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        Folders.prepare(chooser, Folders.SCENARIO);
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
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
        Button open = new Button("Open scenario…");
        open.setId("open-scenario");
        open.setTooltip(new Tooltip("Load sliders, model, CAM settings and images from a " + Scenario.EXTENSION + " file (Ctrl+O)"));
        open.setOnAction(e -> chooseScenarioToOpen());
        Button save = new Button("Save scenario…");
        save.setId("save-scenario");
        save.setTooltip(new Tooltip("Save sliders, model, CAM settings and images as a small JSON file (Ctrl+S)"));
        save.setOnAction(e -> chooseScenarioToSave());
        Button full = new Button("Full screen (F11)");
        full.setOnAction(e -> toggleFullScreen());
        Button help = new Button("Shortcuts (F1)");
        help.setOnAction(e -> showShortcuts());
        subtitle.setId("app-subtitle");
        // on a narrow screen the subtitle gives way (whole, never cut to "Effic…"), then the buttons take short names
        title.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.setMinWidth(0);
        List<javafx.scene.control.ButtonBase> buttons = List.of(open, save, presenterButton, full, help);
        List<String> longNames = buttons.stream().map(javafx.scene.control.ButtonBase::getText).toList();
        List<String> shortNames = List.of("Open…", "Save…", "Presenter", "Full screen", "Keys");
        for (javafx.scene.control.ButtonBase b : buttons) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, title, subtitle, spacer, open, save, presenterButton, full, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-bar");
        bar.needsLayoutProperty().addListener((o, was, now) -> {
            if (now || bar.getWidth() <= 0) return;
            double fixed = bar.snappedLeftInset() + bar.snappedRightInset() + title.prefWidth(-1)
                    + bar.getSpacing() * (bar.getChildren().size() - 1);
            double wanted = 0;
            for (int i = 0; i < buttons.size(); i++) {
                javafx.scene.control.ButtonBase b = buttons.get(i);
                double chrome = b.prefWidth(-1) - Fit.textWidth(b.getText(), b.getFont());
                wanted += chrome + Fit.textWidth(longNames.get(i), b.getFont());
            }
            boolean useLong = fixed + wanted + 2 <= bar.getWidth();
            boolean showSubtitle = useLong && fixed + wanted + subtitle.prefWidth(-1) + 2 <= bar.getWidth();
            for (int i = 0; i < buttons.size(); i++) {
                String want = useLong ? longNames.get(i) : shortNames.get(i);
                if (!want.equals(buttons.get(i).getText())) buttons.get(i).setText(want);
            }
            if (subtitle.isManaged() != showSubtitle) {
                subtitle.setManaged(showSubtitle);
                subtitle.setVisible(showSubtitle);
            }
        });
        return bar;
    }
}
