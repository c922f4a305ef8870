package org.scalinglab.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalinglab.cam.Bilinear;
import org.scalinglab.cam.DivergingColors;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.tf.CropGeometry;

/**
 * Agreement between the models of a comparison on the images in view: per image the matrices of {@link MapAgreement},
 * their mean over the images (a pair counts the images where both models have a map), and the signed difference map of
 * two models on one image drawn in a diverging scale over the square the models see.
 */
public final class ComparisonAgreement {
    /** How strongly the difference colours cover the grey photo. */
    static final double DIFFERENCE_ALPHA = 0.75;

    /**
     * @param perImage one matrix per row of the comparison
     * @param mean     the mean of each pair over the images where both have a map (NaN where none)
     */
    public record Agreement(List<String> models, List<String> images, List<MapAgreement.Matrix> perImage, MapAgreement.Matrix mean) {
    }

    private ComparisonAgreement() {
    }

    public static Agreement of(ComparisonResult r) {
        List<String> models = r.models().stream().map(LineupModel::label).toList();
        List<MapAgreement.Matrix> perImage = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (ComparisonResult.Row row : r.rows()) {
            List<Heatmap> maps = row.cells().stream().map(ComparisonResult.Cell::heatmap).toList();
            perImage.add(MapAgreement.of(models, maps));
            images.add(row.name());
        }
        return new Agreement(models, images, perImage, mean(models, perImage));
    }

    /** The mean of every entry over the matrices where it is a number. */
    static MapAgreement.Matrix mean(List<String> models, List<MapAgreement.Matrix> matrices) {
        int n = models.size();
        double[][] rho = new double[n][n];
        double[][] iou = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final int a = i, b = j;
                rho[i][j] = meanOf(matrices.stream().mapToDouble(m -> m.rankCorrelation()[a][b]).toArray());
                iou[i][j] = meanOf(matrices.stream().mapToDouble(m -> m.topRegionIoU()[a][b]).toArray());
            }
        }
        return new MapAgreement.Matrix(models, rho, iou);
    }

    private static double meanOf(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** "0.84", "-0.12", or "–" for no value. */
    public static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "–";
    }

    /**
     * Model {@code a}'s map minus model {@code b}'s on row {@code row}, each scaled to [0, 1] by its own range first, as a
     * {@code side}×{@code side} picture of the square the models see: red where {@code a} looks more, blue where
     * {@code b} does, neutral grey where they agree, over a grey copy of the photo. Null when either has no map.
     */
    public static BufferedImage difference(ComparisonResult r, int row, int a, int b, int side) {
        ComparisonResult.Row rw = r.rows().get(row);
        ComparisonResult.Cell ca = rw.cells().get(a);
        ComparisonResult.Cell cb = rw.cells().get(b);
        if (ca.heatmap() == null || cb.heatmap() == null) return null;
        BufferedImage photo = ca.geometry() == null ? null : squareOf(rw.original(), ca.geometry(), side);
        return render(MapAgreement.difference(ca.heatmap(), cb.heatmap()), photo, side);
    }

    /** The difference in [-1, 1] upsampled to {@code side}, coloured, over the grey photo (or on its own when null). */
    static BufferedImage render(float[][] difference, BufferedImage photo, int side) {
        float[][] d = Bilinear.resize(difference, side, side);
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int c = DivergingColors.rgb(d[y][x]);
                if (photo != null) {
                    int p = photo.getRGB(x, y);
                    int grey = (int) Math.round(0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff));
                    c = blend(c, grey);
                }
                out.setRGB(x, y, c);
            }
        }
        return out;
    }

    private static int blend(int colour, int grey) {
        int r = (int) Math.round(((colour >> 16) & 0xff) * DIFFERENCE_ALPHA + grey * (1 - DIFFERENCE_ALPHA));
        int g = (int) Math.round(((colour >> 8) & 0xff) * DIFFERENCE_ALPHA + grey * (1 - DIFFERENCE_ALPHA));
        int b = (int) Math.round((colour & 0xff) * DIFFERENCE_ALPHA + grey * (1 - DIFFERENCE_ALPHA));
        return (r << 16) | (g << 8) | b;
    }

    /** The crop square of the photo, scaled to side×side. */
    private static BufferedImage squareOf(BufferedImage image, CropGeometry g, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = out.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x0 = (int) Math.round(g.cropX());
        int y0 = (int) Math.round(g.cropY());
        int s = (int) Math.round(g.cropSize());
        gr.drawImage(image, 0, 0, side, side, x0, y0, x0 + s, y0 + s, null);
        gr.dispose();
        return out;
    }
}
