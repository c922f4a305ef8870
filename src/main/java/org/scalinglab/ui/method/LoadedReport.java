package org.scalinglab.ui.method;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scalinglab.app.AppHome;
import org.scalinglab.ui.Message;

/**
 * A search report shown in a panel (grid.json or sweep.json): the report, the file it came from, and a one-line
 * problem when a file could not be read. A bad file leaves the last good report on screen.
 */
final class LoadedReport<T> {
    /** Reads a report file, or says why it cannot. */
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    static final String BUNDLED_FOLDER = "assets/search";

    private final String fileName;
    private final Reader<T> reader;
    private final ReadOnlyObjectWrapper<T> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper shownSource = new ReadOnlyStringWrapper(this, "shownSource", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    LoadedReport(String fileName, Reader<T> reader) {
        this.fileName = fileName;
        this.reader = reader;
    }

    ReadOnlyObjectProperty<T> reportProperty() { return report.getReadOnlyProperty(); }
    /** Where the report came from, as the panel shows it: the bundled copy by name, any other file by its path. */
    ReadOnlyStringProperty shownSourceProperty() { return shownSource.getReadOnlyProperty(); }
    ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    T get() {
        return report.get();
    }

    /** Reads the file; true when it was read. */
    boolean load(Path file) {
        try {
            T r = reader.read(file);
            problem.set("");
            source.set(file.toAbsolutePath().normalize().toString());
            shownSource.set(isBundled(source.get()) ? "the bundled search, " + BUNDLED_FOLDER + "/" + fileName : source.get());
            report.set(r);
            return true;
        } catch (IOException | RuntimeException e) {
            problem.set("Could not read " + file.getFileName() + ": " + Message.problem(e));
            return false;
        }
    }

    /** The copy bundled under assets/search/, if the app was shipped with one; nothing (no message) otherwise. */
    void loadBundled() {
        bundled().ifPresent(this::load);
    }

    /** The loaded file as a scenario stores it: null for the bundled copy or when nothing is loaded. */
    String scenarioSource() {
        if (source.get().isEmpty()) return null;
        return isBundled(source.get()) ? null : source.get();
    }

    private boolean isBundled(String path) {
        return bundled().map(p -> p.toAbsolutePath().normalize().toString().equals(path)).orElse(false);
    }

    private Optional<Path> bundled() {
        return AppHome.find(BUNDLED_FOLDER).map(d -> d.resolve(fileName)).filter(Files::isRegularFile);
    }
}
