package org.scalinglab.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.io.Messages;

/**
 * The bundled map-quality result ({@code quality.json} of the {@code map-quality} command) as the window shows it: one
 * row per model with its means and 95 % intervals, one row per paired difference (compound minus each other model),
 * whether each difference is clear (its interval leaves out zero) and in which direction that is better, and a
 * one-line reading derived from those verdicts alone. Or, when there is no file, what is missing and the command that
 * makes it.
 */
public final class MapQualityNumbers {
    /** Where the study keeps its measurement, relative to the study folder. */
    public static final String FILE = "map-quality/quality.json";
    /** Below this many images the reading warns that the intervals are wide. */
    static final int FEW_IMAGES = 100;

    /** A measure of a map and which way is better ({@code higherIsBetter} null: neither, e.g. concentration). */
    public enum Measure {
        DELETION("Deletion AUC", "lower is better", false, MapQualityStudy.ModelSummary::deletionAuc, MapQualityStudy.Difference::deletionAuc),
        INSERTION("Insertion AUC", "higher is better", true, MapQualityStudy.ModelSummary::insertionAuc, MapQualityStudy.Difference::insertionAuc),
        DROP("Average drop (%)", "lower is better", false, MapQualityStudy.ModelSummary::averageDropPercent,
                MapQualityStudy.Difference::averageDropPercent),
        TOP_SHARE("Share in top 20 %", "higher: more concentrated", null, MapQualityStudy.ModelSummary::topShare,
                MapQualityStudy.Difference::topShare);

        private final String title;
        private final String note;
        private final Boolean higherIsBetter;
        private final Function<MapQualityStudy.ModelSummary, Bootstrap.Interval> ofModel;
        private final Function<MapQualityStudy.Difference, Bootstrap.Interval> ofDifference;

        Measure(String title, String note, Boolean higherIsBetter, Function<MapQualityStudy.ModelSummary, Bootstrap.Interval> ofModel,
                Function<MapQualityStudy.Difference, Bootstrap.Interval> ofDifference) {
            this.title = title;
            this.note = note;
            this.higherIsBetter = higherIsBetter;
            this.ofModel = ofModel;
            this.ofDifference = ofDifference;
        }

        public String title() { return title; }
        public String note() { return note; }
        /** True: higher is better; false: lower is better; null: no better way (how concentrated a map is). */
        public Boolean higherIsBetter() { return higherIsBetter; }
    }

    /** What a paired difference says: its interval is above zero, below it, or holds it. */
    public enum Verdict {
        /** The interval leaves out zero on the better side for the compound model. */
        BETTER,
        WORSE,
        /** Higher, for a measure without a better way (more concentrated). */
        HIGHER,
        LOWER,
        /** The interval holds zero (or there is none): no difference at this sample size. */
        UNCLEAR
    }

    /** A mean and its interval, formatted; {@code verdict} only for differences (UNCLEAR for model rows). */
    public record Cell(double mean, double low, double high, String text, Verdict verdict) {
    }

    /** One row: a label, one cell per {@link Measure} in order. */
    public record Row(String label, String detail, List<Cell> cells) {
    }

    /**
     * @param report  the measurement, or null when {@code missing} says why there is none
     * @param missing "" when there is a report; else one sentence
     * @param command the command that makes (or remakes) the file
     * @param stale   "" when the measurement is of the study's models as they are (or that cannot be told); else one
     *                sentence: it was made with weights the models no longer have
     */
    public record View(Path file, MapQualityStudy.Report report, String missing, String command, String title, String subtitle,
                       String reading, List<Row> models, List<Row> differences, String compound, String stale) {
        public boolean present() {
            return report != null;
        }
    }

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private MapQualityNumbers() {
    }

    /** The file of the study in {@code studyDir}. */
    public static Path fileOf(Path studyDir) {
        return studyDir.resolve(FILE);
    }

    /** The command that measures the bundled study on Imagenette's validation images into {@code file}'s folder. */
    public static String command(Path file, Path imagenette) {
        return "./scaling-lab datasets --download && ./scaling-lab map-quality --data " + imagenette + " --per-class 50 --out "
                + file.getParent();
    }

    /** The command that measures again with the settings of {@code s}. */
    static String command(Path file, Path imagenette, MapQualityStudy.Settings s) {
        return "./scaling-lab datasets --download && ./scaling-lab map-quality --data " + imagenette + " --per-class " + s.perClass()
                + " --steps " + s.steps() + (s.method().equals(CamMethods.DEFAULT) ? "" : " --method " + s.method())
                + " --layer " + s.layer() + " --out " + file.getParent();
    }

    /** Reads {@code file}; a missing or unreadable file gives a view that says so, never an exception. */
    public static View load(Path file, Path imagenette) {
        String command = command(file, imagenette);
        MapQualityStudy.Report report;
        try {
            report = GSON.fromJson(Files.readString(file), MapQualityStudy.Report.class);
            if (report == null || report.models() == null || report.settings() == null) throw new JsonParseException("no report in it");
        } catch (NoSuchFileException e) {
            return missing(file, command, "No map-quality measurement for this study yet (" + file + " is not there).");
        } catch (IOException e) {
            return missing(file, command, "Could not read " + file + ": " + Messages.firstLine(e.getMessage()) + ".");
        } catch (JsonParseException e) {
            return missing(file, command, file + " is damaged: " + Messages.firstLine(e.getMessage()) + ".");
        }
        return of(file, report, command(file, imagenette, report.settings()), stale(file, report.settings()));
    }

    /**
     * Whether the study beside the file ({@code <study>/map-quality/quality.json}) still has the weights the measurement
     * was made with; "" when it has, or when that cannot be told (no digests in the file, no readable study report).
     */
    static String stale(Path file, MapQualityStudy.Settings s) {
        Path study = file.toAbsolutePath().getParent().getParent();
        if (s.weights() == null || study == null || !Files.isRegularFile(study.resolve("report.json"))) return "";
        try {
            if (MapQualityStudy.weightDigests(study).equals(s.weights())) return "";
        } catch (IOException | RuntimeException e) {
            return ""; // the Study view says when the report cannot be read
        }
        return "These numbers describe earlier weights of the models: the study was trained again since it was measured. The command "
                + "below measures the models trained again anew and keeps the others' results.";
    }

    private static View missing(Path file, String command, String why) {
        return new View(file, null, why, command, "The numbers behind the maps", "", "", List.of(), List.of(), "", "");
    }

    static View of(Path file, MapQualityStudy.Report r, String command, String stale) {
        MapQualityStudy.Settings s = r.settings();
        String compound = s.models().size() > 1 ? s.models().get(1) : "";
        List<Row> models = new ArrayList<>();
        for (MapQualityStudy.ModelSummary m : r.models()) {
            List<Cell> cells = new ArrayList<>();
            for (Measure measure : Measure.values()) cells.add(cell(measure.ofModel.apply(m), null));
            models.add(new Row(m.model(), m.correct() + " of " + m.images() + " right", cells));
        }
        List<Row> differences = new ArrayList<>();
        for (MapQualityStudy.Difference d : r.compoundMinus()) {
            List<Cell> cells = new ArrayList<>();
            for (Measure measure : Measure.values()) cells.add(cell(measure.ofDifference.apply(d), measure));
            differences.add(new Row(compound + " − " + d.minus(), "", cells));
        }
        String method = CamMethods.NAMES.contains(s.method()) ? CamMethods.describe(s.method()).title() : s.method();
        String title = "The numbers behind the maps: " + method + " at " + s.layer();
        String subtitle = String.format(Locale.ROOT, "%d images (%d per class), the same for every model, each explained for its true class; "
                + "means over the images each model gets right, with 95 %% bootstrap intervals; %d deletion/insertion steps",
                r.images(), s.perClass(), s.steps());
        return new View(file, r, "", command, title, subtitle, reading(compound, r.images(), differences), models, differences, compound, stale);
    }

    /** "0.237 [0.174, 0.307]"; three significant digits, as many decimals for the interval as for the mean. */
    static String format(double mean, double low, double high) {
        if (!Double.isFinite(mean)) return "–";
        int decimals = decimals(mean, low, high);
        String m = String.format(Locale.ROOT, "%." + decimals + "f", mean);
        if (!Double.isFinite(low) || !Double.isFinite(high)) return m + " (one image)";
        return m + String.format(Locale.ROOT, " [%." + decimals + "f, %." + decimals + "f]", low, high);
    }

    /** Enough decimals for three significant digits of the largest of the three numbers, from 0 to 3. */
    private static int decimals(double... values) {
        double largest = 0;
        for (double v : values) if (Double.isFinite(v)) largest = Math.max(largest, Math.abs(v));
        if (largest >= 100) return 0;
        if (largest >= 10) return 1;
        if (largest >= 1) return 2;
        return 3;
    }

    static Cell cell(Bootstrap.Interval i, Measure difference) {
        Verdict v = Verdict.UNCLEAR;
        if (difference != null && Double.isFinite(i.low()) && Double.isFinite(i.high())) {
            boolean above = i.low() > 0;
            boolean below = i.high() < 0;
            if (above || below) {
                Boolean better = difference.higherIsBetter();
                if (better == null) v = above ? Verdict.HIGHER : Verdict.LOWER;
                else v = above == better ? Verdict.BETTER : Verdict.WORSE;
            }
        }
        return new Cell(i.mean(), i.low(), i.high(), format(i.mean(), i.low(), i.high()), v);
    }

    /**
     * One line, from the verdicts only: against how many of the other models the compound model's maps are clearly
     * more or less faithful (by which measures), whether they are more concentrated, and that the rest is no
     * difference at this sample size.
     */
    static String reading(String compound, int images, List<Row> differences) {
        if (differences.isEmpty()) return "Only one model was measured: there is nothing to compare.";
        int others = differences.size();
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        Measure[] measures = Measure.values();
        for (int k = 0; k < measures.length; k++) {
            if (measures[k].higherIsBetter() == null) continue;
            int b = count(differences, k, Verdict.BETTER);
            int w = count(differences, k, Verdict.WORSE);
            if (b > 0) better.add(shortName(measures[k]) + " (" + b + " of " + others + ")");
            if (w > 0) worse.add(shortName(measures[k]) + " (" + w + " of " + others + ")");
        }
        int k = Measure.TOP_SHARE.ordinal();
        int higher = count(differences, k, Verdict.HIGHER);
        int lower = count(differences, k, Verdict.LOWER);
        StringBuilder s = new StringBuilder(compound).append(" against the ").append(others).append(others == 1 ? " other model" : " other models")
                .append(" on the same ").append(images).append(" images: ");
        List<String> parts = new ArrayList<>();
        parts.add(better.isEmpty() ? "clearly more faithful by no measure" : "clearly more faithful by " + String.join(", ", better));
        if (!worse.isEmpty()) parts.add("clearly less faithful by " + String.join(", ", worse));
        if (higher > 0 || lower > 0) {
            List<String> c = new ArrayList<>();
            if (higher > 0) c.add("more concentrated than " + higher);
            if (lower > 0) c.add("less concentrated than " + lower);
            parts.add(String.join(", ", c));
        }
        s.append(String.join("; ", parts)).append("; every other difference is within chance");
        s.append(images < FEW_IMAGES ? " (few images, so the intervals are wide)." : ".");
        return s.toString();
    }

    private static String shortName(Measure m) {
        return switch (m) {
            case DELETION -> "deletion";
            case INSERTION -> "insertion";
            case DROP -> "average drop";
            case TOP_SHARE -> "concentration";
        };
    }

    private static int count(List<Row> rows, int measure, Verdict v) {
        int n = 0;
        for (Row r : rows) if (r.cells().get(measure).verdict() == v) n++;
        return n;
    }
}
