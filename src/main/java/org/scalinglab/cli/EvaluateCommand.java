package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.scalinglab.export.ConfusionFigure;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.train.Evaluator;
import org.scalinglab.train.ImageFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Accuracy of a model on an image folder (one sub-folder per class, or the val/ folder of a train/val "
                + "root): top-1, top-5, per-class top-1 and the confusion matrix, with the trainer's own validation code, so "
                + "a study model's figure in report.json is reproduced to the last digit. --out writes evaluation.json, "
                + "per-class.csv, confusion.csv and confusion.png/.svg. Ctrl+C stops cleanly.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin ModelArguments models;
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "image folder: class sub-folders, or train/ and val/ (then val/ is evaluated)")
    Path data;
    @Option(names = "--limit", paramLabel = "N", description = "evaluate at most N images (spread over the classes in folder order), 0 = all (default ${DEFAULT-VALUE})", defaultValue = "0")
    int limit;
    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "images per run (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--loader-threads", defaultValue = "2", paramLabel = "N", description = "image decoding threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Option(names = "--out", paramLabel = "DIR", description = "write evaluation.json, per-class.csv, confusion.csv, confusion.png and confusion.svg here")
    Path out;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1 || batch > 1024) throw new IllegalArgumentException("--batch must be between 1 and 1024, got " + batch);
        if (limit < 0) throw new IllegalArgumentException("--limit must be 0 (all) or more, got " + limit);
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("--loader-threads must be between 1 and 64, got " + threads);
        if (out != null) AtomicFiles.checkWritable(out.resolve("evaluation.json"));
        ModelArguments.Resolved m = models.resolve(err);
        ImageFolder folder = ImageFolder.forEvaluation(data);
        checkClasses(folder.classes(), m);
        List<ImageFolder.Item> items = limit == 0 ? folder.validation() : spread(folder.validation(), limit, folder.classes().size());
        var net = m.spec().withResolution(m.resolution());

        Evaluator.Result r;
        long t0 = System.nanoTime();
        ProgressBar bar = new ProgressBar(err, "images");
        try (StopOnInterrupt stop = new StopOnInterrupt(err, "the evaluation")) {
            try {
                r = Evaluator.evaluate(net, m.weights(), items, batch, threads, bar::update, stop);
            } catch (CancellationException e) {
                bar.end();
                err.println(e.getMessage() + "; nothing written");
                err.flush();
                return 130;
            }
        }
        bar.end();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> report = report(m, folder, items, r, seconds);
        if (out != null) write(report, folder.classes(), r, m);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(report));
        } else {
            print(o, report, folder.classes(), r);
        }
        o.flush();
        return 0;
    }

    /** The folder must hold the model's classes: by name for a study model, by number otherwise (then in folder order). */
    private void checkClasses(List<String> folderClasses, ModelArguments.Resolved m) {
        List<String> trained = m.classFolders();
        if (trained != null && !trained.equals(folderClasses)) {
            throw new IllegalArgumentException(data + " holds the classes " + shortList(folderClasses) + ", but " + m.label()
                    + " was trained on " + shortList(trained) + " (same names, same order needed)");
        }
        if (folderClasses.size() != m.spec().classes()) {
            throw new IllegalArgumentException(data + " holds " + folderClasses.size() + " classes, " + m.label() + " has "
                    + m.spec().classes() + ": the folder's sorted sub-folders must be the model's classes in its order");
        }
    }

    private static String shortList(List<String> names) {
        return names.size() <= 4 ? names.toString() : "[" + String.join(", ", names.subList(0, 4)) + ", … " + names.size() + " in all]";
    }

    /** At most n items, taking each class in turn so every class is represented. */
    static List<ImageFolder.Item> spread(List<ImageFolder.Item> items, int n, int classes) {
        List<List<ImageFolder.Item>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) byClass.add(new ArrayList<>());
        for (ImageFolder.Item i : items) byClass.get(i.label()).add(i);
        List<ImageFolder.Item> out = new ArrayList<>();
        for (int k = 0; out.size() < Math.min(n, items.size()); k++) {
            for (List<ImageFolder.Item> ofClass : byClass) if (k < ofClass.size() && out.size() < n) out.add(ofClass.get(k));
        }
        return out;
    }

    private Map<String, Object> report(ModelArguments.Resolved m, ImageFolder folder, List<ImageFolder.Item> items, Evaluator.Result r,
                                       double seconds) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", m.label());
        report.put("weights", m.weightsSource());
        report.put("resolution", m.resolution());
        report.put("data", data.toString());
        report.put("images", r.images());
        report.put("skipped", items.size() - r.images());
        if (r.skipped() != null) report.put("skipped_note", r.skipped());
        report.put("top1", r.top1());
        report.put("top5", r.top5Rate());
        report.put("top1_correct", r.top1Correct());
        report.put("top5_correct", r.top5());
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (int c = 0; c < folder.classes().size(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", folder.classes().get(c));
            row.put("name", m.className(c));
            row.put("images", r.classImages(c));
            row.put("top1", r.classImages(c) == 0 ? null : r.classAccuracy(c));
            perClass.add(row);
        }
        report.put("per_class", perClass);
        report.put("confusion", r.confusion());
        report.put("seconds", seconds);
        report.put("images_per_second", r.images() / Math.max(1e-9, seconds));
        return report;
    }

    private void write(Map<String, Object> report, List<String> classes, Evaluator.Result r, ModelArguments.Resolved m) throws IOException {
        AtomicFiles.writeString(out.resolve("evaluation.json"), Json.write(report) + "\n");
        StringBuilder perClass = new StringBuilder("class,name,images,top1\n");
        for (int c = 0; c < classes.size(); c++) {
            perClass.append(csv(classes.get(c))).append(',').append(csv(m.className(c))).append(',').append(r.classImages(c)).append(',')
                    .append(r.classImages(c) == 0 ? "" : String.format(Locale.ROOT, "%.6f", r.classAccuracy(c))).append('\n');
        }
        AtomicFiles.writeString(out.resolve("per-class.csv"), perClass.toString());
        StringBuilder confusion = new StringBuilder("true\\predicted");
        for (String c : classes) confusion.append(',').append(csv(c));
        confusion.append('\n');
        for (int i = 0; i < classes.size(); i++) {
            confusion.append(csv(classes.get(i)));
            for (int v : r.confusion()[i]) confusion.append(',').append(v);
            confusion.append('\n');
        }
        AtomicFiles.writeString(out.resolve("confusion.csv"), confusion.toString());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) names.add(m.className(c));
        ConfusionFigure figure = new ConfusionFigure(String.format(Locale.ROOT, "%s on %s: top-1 %.1f %%, top-5 %.1f %% (%d images)",
                m.label(), data.getFileName(), 100 * r.top1(), 100 * r.top5Rate(), r.images()), names, r.confusion());
        for (String f : List.of("confusion.png", "confusion.svg")) {
            FigureWriter.write(out.resolve(f), figure.width(), figure.height(), FigureWriter.CHART_DPI, figure.title(), figure::draw);
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void print(PrintWriter o, Map<String, Object> report, List<String> classes, Evaluator.Result r) {
        o.printf(Locale.ROOT, "%s on %s: %d images, %d classes at %d px%n", report.get("model"), report.get("data"), r.images(),
                classes.size(), (Integer) report.get("resolution"));
        o.printf(Locale.ROOT, "top-1 %.2f %% (%d), top-5 %.2f %% (%d)%n", 100 * r.top1(), r.top1Correct(), 100 * r.top5Rate(), r.top5());
        if (r.skipped() != null) o.println(r.skipped());
        if (classes.size() <= 50) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("per_class");
            for (Map<String, Object> row : rows) {
                Double acc = (Double) row.get("top1");
                o.printf(Locale.ROOT, "  %-24s %5d images  %s%n", row.get("name"), (Integer) row.get("images"),
                        acc == null ? "–" : String.format(Locale.ROOT, "%6.2f %%", 100 * acc));
            }
        }
        if (out != null) o.println("written: " + out.resolve("evaluation.json") + ", per-class.csv, confusion.csv, confusion.png, confusion.svg");
        o.printf(Locale.ROOT, "%.1f s, %.1f images/s%n", (Double) report.get("seconds"), (Double) report.get("images_per_second"));
    }
}
