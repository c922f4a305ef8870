package org.scalinglab.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.scalinglab.io.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.scalinglab.io.AtomicFiles;

/**
 * The JSON reports of the study, the grid search and the sweep: pretty-printed, written atomically (a crash
 * never leaves half a report), untrained results as {@code null} (standard JSON has no NaN).
 */
public final class ReportJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private ReportJson() {
    }

    public static void write(Path file, Object report) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(report));
    }

    /** Reads a report; a missing, empty or malformed file is an IOException naming the file. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        }
        try {
            T r = GSON.fromJson(text, type);
            if (r == null) throw new IOException(file + " is empty");
            return r;
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IOException(file + " is damaged: " + Messages.jsonProblem(e), e);
        }
    }
}
