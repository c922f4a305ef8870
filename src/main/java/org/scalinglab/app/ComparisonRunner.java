package org.scalinglab.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.LayerCost;
import org.scalinglab.export.ComparisonFigure;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ImagePreprocessor.DecodedImage;
import org.scalinglab.tf.ModelOptions;
import org.scalinglab.tf.Signatures;

/**
 * Runs every model of a line-up on every image: top-5, the CAM of the chosen method, layer and class, the colour
 * scale chosen (per image by default, so the models of a row compare; per map; or over everything), and overlays on
 * the original images. Before a slow method runs, {@link #estimate} says how long it will take. Models load once, on first use,
 * and stay loaded until {@link #close}. Not thread-safe: one run at a time.
 */
public final class ComparisonRunner implements AutoCloseable {
    /** Overlays are drawn on the original scaled to at most this many pixels per side. */
    static final int DISPLAY_SIDE = 480;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComparisonRunner.class);

    /**
     * @param targetClass null for each model's own top-1
     */
    public record Settings(String method, String layer, Integer targetClass, Colormap colormap, double alpha,
                           Heatmap.Scaling scale, int scoreCamBatch) {
        public Settings {
            CamMethods.describe(method); // validates the name
            java.util.Objects.requireNonNull(scale, "scale");
            if (layer == null || layer.isBlank()) throw new IllegalArgumentException("a CAM layer is required");
            if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            if (scoreCamBatch < 1) throw new IllegalArgumentException("Score-CAM batch must be at least 1");
        }

        public static Settings defaults() {
            return new Settings(CamMethods.DEFAULT, Signatures.DEFAULT_CAM_LAYER, null, Colormap.JET, 0.5, Heatmap.Scaling.PER_IMAGE, 32);
        }
    }

    /** Reports (cells done, cells in all, what is running). */
    public interface Progress {
        void update(int done, int total, String message);
    }

    private final List<LineupModel> lineup;
    private final ModelOptions options;
    private final Map<Integer, EfficientNetModel> loaded = new LinkedHashMap<>();

    public ComparisonRunner(List<LineupModel> lineup, ModelOptions options) {
        if (lineup.isEmpty()) throw new IllegalArgumentException("the line-up has no models");
        this.lineup = List.copyOf(lineup);
        this.options = options;
    }

    public List<LineupModel> lineup() {
        return lineup;
    }

    /** An image of the comparison: its name and its pixels, decoded once. */
    /** @param trueClass the image's class from its folder, or null when not known */
    public record Input(String name, DecodedImage image, TrueClass trueClass) {
        public Input(String name, DecodedImage image) {
            this(name, image, null);
        }

        /** Decodes the file (IllegalArgumentException with one line for a file that is not an image). */
        public static Input read(Path file) throws IOException {
            return new Input(file.getFileName().toString(), ImagePreprocessor.decode(file));
        }
    }

    public ComparisonResult run(List<Input> images, Settings s, Progress progress, BooleanSupplier cancelled) {
        if (images.isEmpty()) throw new IllegalArgumentException("no images to compare");
        int total = images.size() * lineup.size();
        int done = 0;
        List<List<Partial>> partials = new ArrayList<>();
        for (Input image : images) {
            List<Partial> row = new ArrayList<>();
            for (int m = 0; m < lineup.size(); m++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("comparison cancelled");
                LineupModel lm = lineup.get(m);
                progress.update(done, total, lm.label() + " on " + image.name());
                long t0 = System.nanoTime();
                row.add(cell(m, lm, image, s));
                LOG.debug("{} on {}: {} ms", lm.label(), image.name(), (System.nanoTime() - t0) / 1_000_000);
                done++;
            }
            partials.add(row);
        }
        progress.update(done, total, "colouring");
        List<ComparisonResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            BufferedImage display = displayCopy(images.get(i).image().image());
            List<ComparisonResult.Cell> cells = new ArrayList<>();
            for (Partial p : partials.get(i)) {
                if (p.explanation == null) {
                    cells.add(new ComparisonResult.Cell(p.top5, -1, null, null, null, null, p.note));
                    continue;
                }
                Explainer.Explanation e = p.explanation;
                cells.add(new ComparisonResult.Cell(e.top(), e.cam().classIndex(), e.cam().map(), null,
                        e.input().crop().scaledTo(display.getWidth(), display.getHeight()), null, ""));
            }
            TrueClass t = images.get(i).trueClass();
            rows.add(new ComparisonResult.Row(images.get(i).name(), display, cells, t == null ? "" : t.label()));
        }
        // scaled and drawn in one place, so a redraw in another scale or colormap gives exactly what a run gives
        return new ComparisonResult(lineup, rows, s.method(), s.layer(), s.scale()).recoloured(s.scale(), s.colormap(), s.alpha());
    }

    private final java.util.Set<String> warm = new java.util.HashSet<>();

    /**
     * Loads every model and runs its CAM at the layer once on a blank image, so that the first photo runs at full speed
     * (TensorFlow loads a signature and plans its graph on the first run). A model that fails here is left for
     * {@link #run} to report.
     */
    public void warmUp(Settings s, BooleanSupplier cancelled) {
        for (int m = 0; m < lineup.size(); m++) {
            if (cancelled.getAsBoolean()) return;
            LineupModel lm = lineup.get(m);
            if (!lm.hasWeights() || !lm.spec().camLayers().contains(s.layer()) || !warm.add(m + "@" + s.layer())) continue;
            long t0 = System.nanoTime();
            try {
                int r = lm.spec().resolution();
                loaded.computeIfAbsent(m, i -> lm.load(options)).camData(new float[r][r][3], s.layer(), EfficientNetModel.TOP1);
            } catch (RuntimeException e) {
                LOG.debug("{} did not warm up: {}", lm.label(), e.toString());
            }
            LOG.debug("{} warmed up in {} ms", lm.label(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * How long {@link #run} will take on {@code images} photos: each model's time per image through the network (measured
     * here once per model and batch size, on a blank image: a model that is not loaded yet is loaded first) × the images
     * one map needs at the layer × the photos. Models without weights or without the layer cost nothing.
     */
    public RunEstimate estimate(int images, Settings s) {
        double seconds = 0;
        long forward = 0;
        int cells = 0;
        for (int m = 0; m < lineup.size(); m++) {
            LineupModel lm = lineup.get(m);
            if (!lm.hasWeights() || !lm.spec().camLayers().contains(s.layer())) continue;
            int passes = CamMethods.describe(s.method()).forwardImages(channelsAt(lm, s.layer()));
            int batch = passes > 1 ? Math.min(s.scoreCamBatch(), passes - 1) : 1;
            seconds += images * passes * millisPerImage(m, lm, batch) / 1000;
            forward += (long) images * passes;
            cells += images;
        }
        return new RunEstimate(s.method(), seconds, forward, cells);
    }

    /** Channels of a layer's output (the cost model knows every layer's shape). */
    static int channelsAt(LineupModel lm, String layer) {
        for (LayerCost l : CostModel.of(lm.spec()).layers()) if (l.name().equals(layer)) return l.outChannels();
        throw new IllegalArgumentException(lm.label() + " has no layer " + layer);
    }

    private final Map<String, Double> measured = new java.util.HashMap<>();

    /** Milliseconds per image through model m at this batch size: the second of two timed passes (the first warms up). */
    private double millisPerImage(int m, LineupModel lm, int batch) {
        return measured.computeIfAbsent(m + "@" + batch, k -> {
            EfficientNetModel model = loaded.computeIfAbsent(m, i -> lm.load(options));
            int r = lm.spec().resolution();
            float[][][][] blank = new float[batch][r][r][3];
            model.probabilities(blank);
            long t0 = System.nanoTime();
            model.probabilities(blank);
            return (System.nanoTime() - t0) / 1e6 / batch;
        });
    }

    /** A cell before colouring: the explanation, or the top-5 and a note saying why there is no map. */
    private record Partial(List<LineupModel.Prediction> top5, Explainer.Explanation explanation, String note) {
    }

    private Partial cell(int index, LineupModel lm, Input input, Settings s) {
        DecodedImage image = input.image();
        if (!lm.hasWeights()) return new Partial(List.of(), null, lm.missingReason());
        if (!lm.spec().camLayers().contains(s.layer())) {
            return new Partial(List.of(), null, "this network has no layer " + s.layer());
        }
        EfficientNetModel model = loaded.computeIfAbsent(index, i -> lm.load(options));
        Integer target = s.targetClass();
        if (target != null && target == TargetClass.TRUE_CLASS) {
            if (input.trueClass() == null) {
                return new Partial(List.of(), null, "the true class of " + input.name() + " is not known: it is not in a class folder these models know");
            }
            target = input.trueClass().index();
        }
        if (target != null && (target < 0 || target >= lm.spec().classes())) {
            ImagePreprocessor.Prepared in = ImagePreprocessor.prepare(image, lm.spec().resolution(), 1.0);
            float[] probs = model.probabilities(new float[][][][] {in.pixels()})[0];
            return new Partial(lm.top(probs, Explainer.TOP), null,
                    "class " + target + " is outside this model's " + lm.spec().classes() + " classes");
        }
        int batch;
        try {
            batch = MemoryPlan.current().batchFor(lm.spec(), lm.spec().resolution(), s.scoreCamBatch(), lm.label());
        } catch (IllegalArgumentException tooLarge) {
            return new Partial(List.of(), null, tooLarge.getMessage());
        }
        Explainer.Explanation e = Explainer.explain(model, lm, image, lm.spec().resolution(), lm.camMethod(s.method(), batch),
                s.layer(), target == null ? EfficientNetModel.TOP1 : target);
        return new Partial(e.top(), e, "");
    }

    /** The comparison as the paper-style figure. */
    public static ComparisonFigure figure(ComparisonResult r, Colormap colormap) {
        return figure(r, colormap, java.util.Collections.nCopies(r.rows().size(), null));
    }

    /**
     * The comparison as the paper-style figure, each photo captioned with what it shows: its class from its folder,
     * else what {@code verdicts} (one per row, null for nothing known) says of a sample photo. Each model's top-1 is
     * marked right or wrong where the class is known.
     */
    public static ComparisonFigure figure(ComparisonResult r, Colormap colormap, List<PhotoClasses.Verdict> verdicts) {
        List<ComparisonFigure.Column> columns = new ArrayList<>();
        for (LineupModel m : r.models()) columns.add(new ComparisonFigure.Column(m.label(), m.coefficients(), m.multiplyAdds()));
        List<ComparisonFigure.Row> rows = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            ComparisonResult.Row row = r.rows().get(i);
            PhotoClasses.Verdict v = i < verdicts.size() ? verdicts.get(i) : null;
            String known = !row.trueLabel().isEmpty() ? row.trueLabel() : v != null && v.kind() == PhotoClasses.Kind.KNOWN ? v.shown() : "";
            String about = !row.trueLabel().isEmpty() ? "true class: " + row.trueLabel()
                    : v == null ? "" : switch (v.kind()) {
                        case KNOWN -> "shows " + v.shown();
                        case OUTSIDE -> "⚠ not one of the " + v.classes() + " classes";
                        case UNKNOWN -> "";
                    };
            List<ComparisonFigure.Cell> cells = new ArrayList<>();
            for (ComparisonResult.Cell c : row.cells()) {
                cells.add(new ComparisonFigure.Cell(c.overlay(), caption(c, known), c.overlay() == null ? c.note() : ""));
            }
            rows.add(new ComparisonFigure.Row(row.name(), row.original(), cells, about));
        }
        String title = CamMethods.describe(r.method()).title() + " at " + r.layer();
        return new ComparisonFigure(columns, rows, new ComparisonFigure.Legend(title, colormap::awtColor, "low", "high",
                r.hasMaps() ? r.scaling().phrase() : ""));
    }

    /** "church 71%"; with the photo's true class known, marked right (✓) or wrong (✗). */
    static String caption(ComparisonResult.Cell c, String trueLabel) {
        if (c.top5().isEmpty()) return "";
        LineupModel.Prediction p = c.top5().get(0);
        String mark = trueLabel == null || trueLabel.isEmpty() ? "" : p.label().equals(trueLabel) ? "✓ " : "✗ ";
        return String.format(Locale.ROOT, "%s%s %.0f%%", mark, p.label(), 100 * p.probability());
    }


    /** The image scaled down to at most {@value #DISPLAY_SIDE} pixels per side, for the grid and the figure. */
    static BufferedImage displayCopy(BufferedImage original) {
        double s = Math.min(1.0, DISPLAY_SIDE / (double) Math.max(original.getWidth(), original.getHeight()));
        if (s >= 1.0) return original;
        int w = Math.max(1, (int) Math.round(original.getWidth() * s));
        int h = Math.max(1, (int) Math.round(original.getHeight() * s));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(original.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return small;
    }

    @Override
    public void close() {
        for (EfficientNetModel m : loaded.values()) m.close();
        loaded.clear();
    }
}
