package org.scalinglab.compare;

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
import org.scalinglab.cam.CamMethod;
import org.scalinglab.cam.CamMethods;
import org.scalinglab.cam.CamResult;
import org.scalinglab.cam.CamSource;
import org.scalinglab.cam.ClassActivationMap;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.CropGeometry;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.ModelCamSource;
import org.scalinglab.cam.OverlayWriter;
import org.scalinglab.export.ComparisonFigure;
import org.scalinglab.tf.EfficientNetModel;
import org.scalinglab.tf.ImagePreprocessor;
import org.scalinglab.tf.ModelOptions;

/**
 * Runs every model of a line-up on every image: top-5, the CAM of the chosen method, layer and class, one colour
 * scale shared by all maps (or one per map), and overlays on the original images. Models load once, on first use,
 * and stay loaded until {@link #close}. Not thread-safe: one run at a time.
 */
public final class ComparisonRunner implements AutoCloseable {
    /** Overlays are drawn on the original scaled to at most this many pixels per side. */
    static final int DISPLAY_SIDE = 480;

    /**
     * @param targetClass null for each model's own top-1
     */
    public record Settings(String method, String layer, Integer targetClass, Colormap colormap, double alpha,
                           boolean sharedScale, int scoreCamBatch) {
        public Settings {
            CamMethods.create(method, () -> new float[1][1], 1); // validates the name
            if (layer == null || layer.isBlank()) throw new IllegalArgumentException("a CAM layer is required");
            if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            if (scoreCamBatch < 1) throw new IllegalArgumentException("Score-CAM batch must be at least 1");
        }

        public static Settings defaults() {
            return new Settings(CamMethods.DEFAULT, CamMethod.DEFAULT_LAYER, null, Colormap.JET, 0.5, true, 32);
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

    public ComparisonResult run(List<Path> images, Settings s, Progress progress, BooleanSupplier cancelled) throws IOException {
        if (images.isEmpty()) throw new IllegalArgumentException("no images to compare");
        int total = images.size() * lineup.size();
        int done = 0;
        List<String> names = new ArrayList<>();
        List<BufferedImage> originals = new ArrayList<>();
        List<List<Partial>> partials = new ArrayList<>();
        for (Path image : images) {
            BufferedImage original = ImagePreprocessor.read(image); // IllegalArgumentException: not an image, too large
            names.add(image.getFileName().toString());
            originals.add(original);
            List<Partial> row = new ArrayList<>();
            for (int m = 0; m < lineup.size(); m++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("comparison cancelled");
                LineupModel lm = lineup.get(m);
                progress.update(done, total, lm.label() + " on " + image.getFileName());
                row.add(cell(m, lm, original, s));
                done++;
            }
            partials.add(row);
        }
        progress.update(done, total, "colouring");
        List<float[][]> raws = new ArrayList<>();
        for (List<Partial> row : partials) for (Partial p : row) if (p.cam != null) raws.add(p.cam.map());
        // no maps at all (no model has weights yet): every cell is a note
        List<Heatmap> scaled = raws.isEmpty() ? List.of()
                : s.sharedScale() ? HeatmapScaling.shared(raws) : raws.stream().map(HeatmapScaling::perMap).toList();
        int next = 0;
        List<ComparisonResult.Row> rows = new ArrayList<>();
        OverlayWriter.Style style = new OverlayWriter.Style(s.colormap(), s.alpha(), Double.NaN, false);
        for (int i = 0; i < partials.size(); i++) {
            Display display = Display.of(originals.get(i));
            List<ComparisonResult.Cell> cells = new ArrayList<>();
            for (Partial p : partials.get(i)) {
                if (p.cam == null) {
                    cells.add(new ComparisonResult.Cell(p.top5, -1, null, null, null, p.note));
                    continue;
                }
                Heatmap h = scaled.get(next++);
                CropGeometry geometry = display.geometry(p.crop);
                BufferedImage overlay = OverlayWriter.render(display.image, h, geometry, style);
                cells.add(new ComparisonResult.Cell(p.top5, p.cam.classIndex(), h, geometry, overlay, ""));
            }
            rows.add(new ComparisonResult.Row(names.get(i), display.image, cells));
        }
        String scaling = scaled.isEmpty() ? "" : scaled.get(0).scaling().label();
        return new ComparisonResult(lineup, rows, s.method(), s.layer(), scaling);
    }

    private record Partial(List<ComparisonResult.Prediction> top5, CamResult cam, ImagePreprocessor.Crop crop, String note) {
    }

    private Partial cell(int index, LineupModel lm, BufferedImage original, Settings s) {
        if (!lm.hasWeights()) return new Partial(List.of(), null, null, lm.missingReason());
        if (!lm.spec().camLayers().contains(s.layer())) {
            return new Partial(List.of(), null, null, "this network has no layer " + s.layer());
        }
        EfficientNetModel model = loaded.computeIfAbsent(index, i -> lm.load(options));
        ImagePreprocessor.Prepared in = ImagePreprocessor.prepare(original, lm.spec().resolution(), 1.0);
        Integer target = s.targetClass();
        if (target != null && (target < 0 || target >= lm.spec().classes())) {
            float[] probs = model.probabilities(new float[][][][] {in.pixels()})[0];
            return new Partial(top(probs, lm.classNames(), 5), null, null,
                    "class " + target + " is outside this model's " + lm.spec().classes() + " classes");
        }
        CamMethod method = CamMethods.create(s.method(), () -> ClassActivationMap.kernelFromRowMajor(
                lm.weights().get("predictions", "kernel"), lm.spec().headFilters()), s.scoreCamBatch());
        // the CAM run also predicts (and for top-1 picks the class itself): no separate forward pass for the top-5
        CamResult cam = method.compute(new ModelCamSource(model), in.pixels(), s.layer(), target == null ? CamSource.TOP1 : target);
        return new Partial(top(cam.probabilities(), lm.classNames(), 5), cam, in.crop(), "");
    }

    public static List<ComparisonResult.Prediction> top(float[] probs, List<String> names, int k) {
        List<ComparisonResult.Prediction> out = new ArrayList<>();
        boolean[] taken = new boolean[probs.length];
        for (int n = 0; n < Math.min(k, probs.length); n++) {
            int best = -1;
            for (int i = 0; i < probs.length; i++) if (!taken[i] && (best < 0 || probs[i] > probs[best])) best = i;
            taken[best] = true;
            out.add(new ComparisonResult.Prediction(best, best < names.size() ? names.get(best) : "class " + best, probs[best]));
        }
        return out;
    }

    /** The comparison as the paper-style figure. */
    public static ComparisonFigure figure(ComparisonResult r, Colormap colormap) {
        List<ComparisonFigure.Column> columns = new ArrayList<>();
        for (LineupModel m : r.models()) columns.add(new ComparisonFigure.Column(m.label(), m.coefficients(), m.multiplyAdds()));
        List<ComparisonFigure.Row> rows = new ArrayList<>();
        for (ComparisonResult.Row row : r.rows()) {
            List<ComparisonFigure.Cell> cells = new ArrayList<>();
            for (ComparisonResult.Cell c : row.cells()) {
                if (c.overlay() == null) {
                    cells.add(new ComparisonFigure.Cell(null, caption(c), c.note()));
                } else {
                    cells.add(new ComparisonFigure.Cell(c.overlay(), caption(c), ""));
                }
            }
            rows.add(new ComparisonFigure.Row(row.name(), row.original(), cells));
        }
        String title = methodTitle(r.method()) + " at " + r.layer();
        return new ComparisonFigure(columns, rows, new ComparisonFigure.Legend(title, colormap::awtColor, "low", "high",
                r.scaling().isEmpty() ? "" : r.scaling()));
    }

    private static String caption(ComparisonResult.Cell c) {
        if (c.top5().isEmpty()) return "";
        ComparisonResult.Prediction p = c.top5().get(0);
        return String.format(Locale.ROOT, "%s %.0f%%", p.label(), 100 * p.probability());
    }

    /** "gradcam" -> "Grad-CAM": the name papers use. */
    public static String methodTitle(String method) {
        return switch (method) {
            case "gradcam" -> "Grad-CAM";
            case "gradcampp" -> "Grad-CAM++";
            case "xgradcam" -> "XGrad-CAM";
            case "layercam" -> "LayerCAM";
            case "scorecam" -> "Score-CAM";
            case "eigencam" -> "Eigen-CAM";
            case "cam" -> "CAM";
            default -> method;
        };
    }

    /** The original scaled down for display, and the crop geometry in its pixels. */
    private record Display(BufferedImage image, double scale) {
        static Display of(BufferedImage original) {
            double s = Math.min(1.0, DISPLAY_SIDE / (double) Math.max(original.getWidth(), original.getHeight()));
            if (s >= 1.0) return new Display(original, 1.0);
            int w = Math.max(1, (int) Math.round(original.getWidth() * s));
            int h = Math.max(1, (int) Math.round(original.getHeight() * s));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(original.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
            g.dispose();
            return new Display(small, w / (double) original.getWidth());
        }

        CropGeometry geometry(ImagePreprocessor.Crop c) {
            return new CropGeometry(image.getWidth(), image.getHeight(), c.left() * scale, c.top() * scale, c.side() * scale);
        }
    }

    @Override
    public void close() {
        for (EfficientNetModel m : loaded.values()) m.close();
        loaded.clear();
    }
}
