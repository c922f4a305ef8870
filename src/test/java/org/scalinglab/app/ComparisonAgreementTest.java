package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.cam.DivergingColors;
import org.scalinglab.cam.Heatmap;

/**
 * Agreement over the images of a comparison, on maps whose answer is known by hand. The maps are 56×56 (the common grid
 * itself, so nothing is resampled) and every value is distinct: "by columns" numbers the cells down each column
 * (a = 56·col + row), "by rows" along each row (c = 56·row + col).
 *
 * <p>Rank correlation: the ranks are the values, so ρ = cov(a, c) / var(a). With row and col independent and uniform
 * on 0..55 (variance V), var(a) = (56² + 1)·V and cov(56·col + row, 56·row + col) = 56·V + 56·V, so ρ = 112 / 3137.
 *
 * <p>Top 20 %: 0.2 · 3136 = 627.2, rounded up to 628 cells. "By columns" takes columns 45–55 (616 cells) and the 12
 * highest cells of column 44 (rows 44–55); "by rows" takes rows 45–55 and row 44, columns 44–55. Both: rows and columns
 * 45–55 (121), column 44 rows 45–55 (11), row 44 columns 45–55 (11) and the cell (44, 44): 144; union 628 + 628 − 144 =
 * 1112; IoU = 144 / 1112 = 18 / 139.
 */
class ComparisonAgreementTest {
    static final int N = MapAgreement.GRID;
    static final NetworkSpec SPEC = new NetworkSpec("tiny", 0.25, 0.25, 64, 0.1, 4);

    static Heatmap byColumns() {
        float[][] v = new float[N][N];
        for (int r = 0; r < N; r++) for (int c = 0; c < N; c++) v[r][c] = N * c + r;
        return new Heatmap(v, Heatmap.Scaling.PER_MAP, 0, 1);
    }

    static Heatmap byRows() {
        float[][] v = new float[N][N];
        for (int r = 0; r < N; r++) for (int c = 0; c < N; c++) v[r][c] = N * r + c;
        return new Heatmap(v, Heatmap.Scaling.PER_MAP, 0, 1);
    }

    static ComparisonResult result(List<List<Heatmap>> rows) {
        List<LineupModel> models = new ArrayList<>();
        for (String m : List.of("Base", "Compound", "Width only")) models.add(LineupModel.missing(m, SPEC, ""));
        List<ComparisonResult.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<ComparisonResult.Cell> cells = new ArrayList<>();
            for (Heatmap h : rows.get(i)) cells.add(new ComparisonResult.Cell(List.of(), 0, null, h, null, null, ""));
            out.add(new ComparisonResult.Row("image " + i, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), cells));
        }
        return new ComparisonResult(models, out, "gradcam", "top_activation", org.scalinglab.cam.Heatmap.Scaling.SHARED);
    }

    @Test
    void theMatricesHaveOnesOnTheDiagonalAreSymmetricAndGiveTheHandComputedValues() {
        ComparisonAgreement.Agreement a = ComparisonAgreement.of(result(List.of(List.of(byColumns(), byRows(), byColumns()))));
        MapAgreement.Matrix m = a.mean();
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, m.rankCorrelation()[i][i], 1e-12);
            assertEquals(1.0, m.topRegionIoU()[i][i], 1e-12);
            for (int j = 0; j < 3; j++) {
                assertEquals(m.rankCorrelation()[i][j], m.rankCorrelation()[j][i], 1e-12);
                assertEquals(m.topRegionIoU()[i][j], m.topRegionIoU()[j][i], 1e-12);
            }
        }
        assertEquals(112.0 / 3137, m.rankCorrelation()[0][1], 1e-9);
        assertEquals(18.0 / 139, m.topRegionIoU()[0][1], 1e-12);
        assertEquals(1.0, m.rankCorrelation()[0][2], 1e-12, "the same map twice");
        assertEquals("0.04", ComparisonAgreement.format(m.rankCorrelation()[0][1]));
    }

    @Test
    void theMeanIsOverTheImagesWhereBothModelsHaveAMap() {
        // image 0: base and compound identical; image 1: they differ as by columns and by rows; image 2: compound has no map
        ComparisonAgreement.Agreement a = ComparisonAgreement.of(result(List.of(
                List.of(byColumns(), byColumns(), byRows()),
                List.of(byColumns(), byRows(), byRows()),
                java.util.Arrays.asList(byColumns(), null, byRows()))));
        assertEquals(3, a.perImage().size());
        assertEquals((1 + 112.0 / 3137) / 2, a.mean().rankCorrelation()[0][1], 1e-9);
        assertEquals((1 + 18.0 / 139) / 2, a.mean().topRegionIoU()[0][1], 1e-12);
        assertTrue(Double.isNaN(a.perImage().get(2).rankCorrelation()[1][1]), "no map, no value");
        assertEquals(1.0, a.mean().rankCorrelation()[1][1], 1e-12, "the diagonal over the images that have a map");
        assertEquals("–", ComparisonAgreement.format(Double.NaN));
    }

    @Test
    void theDifferenceOfIdenticalMapsIsNeutralEverywhere() {
        ComparisonResult r = result(List.of(List.of(byColumns(), byColumns(), byRows())));
        BufferedImage same = ComparisonAgreement.difference(r, 0, 1, 0, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) assertEquals(DivergingColors.NEUTRAL, same.getRGB(x, y) & 0xffffff, "at " + x + "," + y);
        }
        // by rows minus by columns: high minus low in the bottom-left corner (red), low minus high in the top-right (blue)
        BufferedImage differ = ComparisonAgreement.difference(r, 0, 2, 0, 40);
        int bottomLeft = differ.getRGB(0, 39);
        int topRight = differ.getRGB(39, 0);
        assertTrue(((bottomLeft >> 16) & 0xff) > (bottomLeft & 0xff) + 100, Integer.toHexString(bottomLeft));
        assertTrue((topRight & 0xff) > ((topRight >> 16) & 0xff) + 100, Integer.toHexString(topRight));
        assertNull(ComparisonAgreement.difference(result(List.of(java.util.Arrays.asList(byColumns(), null, byRows()))), 0, 1, 0, 40));
    }

    @Test
    void theDivergingScaleIsBlueNeutralRed() {
        assertEquals(DivergingColors.NEUTRAL, DivergingColors.rgb(0));
        assertEquals(0x2166ac, DivergingColors.rgb(-1));
        assertEquals(0xb2182b, DivergingColors.rgb(1));
        assertEquals(0xb2182b, DivergingColors.rgb(7), "clamped");
        int red = DivergingColors.rgb(0.5);
        assertTrue(((red >> 16) & 0xff) > (red & 0xff), "positive is red");
    }
}
