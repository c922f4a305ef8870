package org.scalinglab.app;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scalinglab.cam.Colormap;
import org.scalinglab.tf.CropGeometry;
import org.scalinglab.cam.Heatmap;
import org.scalinglab.cam.OverlayWriter;

/** The comparison grid: for every image, one cell per model of the line-up. */
public record ComparisonResult(List<LineupModel> models, List<Row> rows, String method, String layer, String scaling) {

    /**
     * One model on one image; heatmap, geometry and overlay are null when the model has no weights or failed (note
     * says why). The geometry places the heatmap on the row's original, so the overlay can be drawn again in another
     * colormap or opacity without running the model.
     */
    public record Cell(List<LineupModel.Prediction> top5, int targetClass, Heatmap heatmap, CropGeometry geometry, BufferedImage overlay,
                       String note) {
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

    /** The same maps drawn again with another colormap and opacity (the models do not run again). */
    public ComparisonResult recoloured(Colormap colormap, double alpha) {
        OverlayWriter.Style style = new OverlayWriter.Style(colormap, alpha, Double.NaN, false);
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            List<Cell> cells = new ArrayList<>();
            for (Cell c : row.cells()) {
                cells.add(c.heatmap() == null ? c : new Cell(c.top5(), c.targetClass(), c.heatmap(), c.geometry(),
                        OverlayWriter.render(row.original(), c.heatmap(), c.geometry(), style), c.note()));
            }
            out.add(new Row(row.name(), row.original(), cells, row.trueLabel()));
        }
        return new ComparisonResult(models, out, method, layer, scaling);
    }
}
