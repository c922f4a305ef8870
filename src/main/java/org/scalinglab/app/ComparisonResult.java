package org.scalinglab.app;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.cam.Colormap;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.HeatmapScaling;
import org.scalinglab.cam.OverlayWriter;
import org.scalinglab.tf.CropGeometry;

/**
 * The comparison grid: for every image, one cell per model of the line-up, and the colour scale the maps share
 * ({@link Heatmap.Scaling#PER_IMAGE}: the models of a row; per map; or over everything).
 */
public record ComparisonResult(List<LineupModel> models, List<Row> rows, String method, String layer, Heatmap.Scaling scaling) {

    /**
     * One model on one image; raw, heatmap, geometry and overlay are null when the model has no weights or failed (note
     * says why). The raw map (at the layer's size, after ReLU) and the geometry let the overlay be drawn again in another
     * colour scale, colormap or opacity without running the model.
     */
    public record Cell(List<LineupModel.Prediction> top5, int targetClass, float[][] raw, Heatmap heatmap, CropGeometry geometry,
                       BufferedImage overlay, String note) {
        /** The name of the class the map explains, as this model calls it ("" when there is no map). */
        public String targetLabel(List<String> classNames) {
            if (heatmap == null || targetClass < 0) return "";
            for (LineupModel.Prediction p : top5) if (p.index() == targetClass) return p.label();
            return targetClass < classNames.size() ? classNames.get(targetClass) : "class " + targetClass;
        }
    }

    /** @param trueLabel the image's true class as the models call it ("" when it is not known) */
    public record Row(String name, BufferedImage original, List<Cell> cells, String trueLabel) {
        public Row(String name, BufferedImage original, List<Cell> cells) {
            this(name, original, cells, "");
        }
    }

    /** Whether any cell has a map (a line-up without weights has none). */
    public boolean hasMaps() {
        return rows.stream().anyMatch(r -> r.cells().stream().anyMatch(c -> c.heatmap() != null));
    }

    /**
     * The same maps on {@code scale}, drawn with another colormap and opacity (the models do not run again). With one
     * scale per image or per map, the rows that were there come out exactly as they were.
     */
    public ComparisonResult recoloured(Heatmap.Scaling scale, Colormap colormap, double alpha) {
        List<List<float[][]>> raws = new ArrayList<>();
        for (Row row : rows) {
            List<float[][]> maps = new ArrayList<>();
            for (Cell c : row.cells()) if (c.raw() != null) maps.add(c.raw());
            raws.add(maps);
        }
        List<List<Heatmap>> scaled = HeatmapScaling.grid(raws, scale);
        OverlayWriter.Style style = new OverlayWriter.Style(colormap, alpha, Double.NaN, false);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<Cell> cells = new ArrayList<>();
            int next = 0;
            for (Cell c : row.cells()) {
                if (c.raw() == null) {
                    cells.add(c);
                    continue;
                }
                Heatmap h = scaled.get(r).get(next++);
                cells.add(new Cell(c.top5(), c.targetClass(), c.raw(), h, c.geometry(), OverlayWriter.render(row.original(), h, c.geometry(), style),
                        c.note()));
            }
            out.add(new Row(row.name(), row.original(), cells, row.trueLabel()));
        }
        return new ComparisonResult(models, out, method, layer, scale);
    }
}
