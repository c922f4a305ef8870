package org.scalinglab.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapScalingTest {
    private static final float[][] A = {{0, 2}, {4, 8}};
    private static final float[][] B = {{1, 1}, {1, 16}};

    @Test
    void perMapUsesEachMapsOwnRange() {
        Heatmap a = HeatmapScaling.perMap(A);
        CamMethodsTest.assertMap(new float[][] {{0, 0.25f}, {0.5f, 1}}, a.values(), 1e-7f);
        assertEquals(Heatmap.Scaling.PER_MAP, a.scaling());
        assertEquals(0, a.low());
        assertEquals(8, a.high());
        Heatmap b = HeatmapScaling.perMap(B);
        CamMethodsTest.assertMap(new float[][] {{0, 0}, {0, 1}}, b.values(), 1e-7f);
    }

    @Test
    void sharedUsesOneRangeForAll() {
        List<Heatmap> maps = HeatmapScaling.shared(List.of(A, B));
        CamMethodsTest.assertMap(new float[][] {{0, 0.125f}, {0.25f, 0.5f}}, maps.get(0).values(), 1e-7f);
        CamMethodsTest.assertMap(new float[][] {{1 / 16f, 1 / 16f}, {1 / 16f, 1}}, maps.get(1).values(), 1e-7f);
        for (Heatmap h : maps) {
            assertEquals(Heatmap.Scaling.SHARED, h.scaling());
            assertEquals(0, h.low());
            assertEquals(16, h.high());
        }
        assertEquals("shared min-max, raw range [0, 16] -> [0, 1]", maps.get(0).describe());
        assertEquals("per-map min-max, raw range [0.1, 0.333333] -> [0, 1]", HeatmapScaling.perMap(new float[][] {{0.1f, 1 / 3f}}).describe());
        CamMethodsTest.assertMap(maps.get(1).values(), HeatmapScaling.scale(List.of(A, B), Heatmap.Scaling.SHARED).get(1).values(), 0);
        CamMethodsTest.assertMap(HeatmapScaling.perMap(B).values(), HeatmapScaling.scale(List.of(A, B), Heatmap.Scaling.PER_MAP).get(1).values(), 0);
    }

    @Test
    void aGridIsScaledPerImagePerMapOrOverEverything() {
        float[][] c = {{0, 32}};
        List<List<float[][]>> rows = List.of(List.of(A, B), List.<float[][]>of(c), List.<float[][]>of());
        List<List<Heatmap>> image = HeatmapScaling.grid(rows, Heatmap.Scaling.PER_IMAGE);
        assertEquals(16, image.get(0).get(0).high(), "a row shares its own range");
        assertEquals(16, image.get(0).get(1).high());
        assertEquals(32, image.get(1).get(0).high());
        assertEquals(List.of(), image.get(2), "a row without maps");
        assertEquals(Heatmap.Scaling.PER_IMAGE, image.get(0).get(0).scaling());
        // the first row does not depend on the others
        CamMethodsTest.assertMap(HeatmapScaling.grid(List.of(List.of(A, B)), Heatmap.Scaling.PER_IMAGE).get(0).get(0).values(),
                image.get(0).get(0).values(), 0);
        List<List<Heatmap>> all = HeatmapScaling.grid(rows, Heatmap.Scaling.SHARED);
        assertEquals(32, all.get(0).get(0).high(), "over everything");
        assertEquals(8, HeatmapScaling.grid(rows, Heatmap.Scaling.PER_MAP).get(0).get(0).high());
        assertEquals(Heatmap.Scaling.PER_IMAGE, Heatmap.Scaling.parse(" Image "));
        assertEquals("one colour scale per image (models comparable within a row)", Heatmap.Scaling.PER_IMAGE.phrase());
    }

    @Test
    void aFlatMapScalesToZeros() {
        Heatmap h = HeatmapScaling.perMap(new float[][] {{3, 3}, {3, 3}});
        CamMethodsTest.assertMap(new float[][] {{0, 0}, {0, 0}}, h.values(), 0);
    }
}
