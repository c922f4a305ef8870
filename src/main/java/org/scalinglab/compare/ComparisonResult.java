package org.scalinglab.compare;

import java.awt.image.BufferedImage;
import java.util.List;
import org.scalinglab.cam.Heatmap;

/** The comparison grid: for every image, one cell per model of the line-up. */
public record ComparisonResult(List<LineupModel> models, List<Row> rows, String method, String layer, String scaling) {

    /** A prediction: class index, its name and probability. */
    public record Prediction(int index, String label, double probability) {
    }

    /** One model on one image; heatmap and overlay are null when the model has no weights or failed (note says why). */
    public record Cell(List<Prediction> top5, int targetClass, Heatmap heatmap, BufferedImage overlay, String note) {
    }

    public record Row(String name, BufferedImage original, List<Cell> cells) {
    }
}
