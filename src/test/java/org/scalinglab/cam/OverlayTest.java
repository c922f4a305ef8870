package org.scalinglab.cam;

import org.scalinglab.tf.Box;
import org.scalinglab.tf.CropGeometry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {

    @Test
    void blendsByAlphaAndLeavesNaNAlone() {
        BufferedImage img = gray(4, 3, 100); // 4 wide, 3 high
        float[][] heat = {{Float.NaN, 1, 1, 0}, {Float.NaN, 1, 1, 0}, {Float.NaN, 1, 1, 0}};
        BufferedImage out = Overlay.blend(img, heat, Colormap.JET, 0.5);
        assertEquals(0x646464, out.getRGB(0, 1) & 0xFFFFFF, "no heat: image unchanged");
        // jet(1) = (0.5, 0, 0) -> (128, 0, 0); half of each: (114, 50, 50)
        assertEquals((114 << 16) | (50 << 8) | 50, out.getRGB(1, 1) & 0xFFFFFF);
        // jet(0) = (0, 0, 0.5) -> (0, 0, 128): (50, 50, 114)
        assertEquals((50 << 16) | (50 << 8) | 114, out.getRGB(3, 2) & 0xFFFFFF);
    }

    @Test
    void refusesSwappedWidthAndHeight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Overlay.blend(gray(4, 3, 0), new float[4][3], Colormap.GRAY, 0.5));
        assertTrue(e.getMessage().contains("3 wide x 4 high"), e.getMessage());
    }

    @Test
    void boxOfTheLargestThresholdedRegion() {
        float[][] heat = new float[8][10];
        heat[1][1] = 0.9f; // a lone pixel
        for (int y = 4; y <= 6; y++) {
            for (int x = 5; x <= 8; x++) {
                heat[y][x] = 0.6f; // a 4 x 3 block
            }
        }
        heat[0][9] = Float.NaN;
        assertEquals(new Box(5, 4, 9, 7), ThresholdRegion.largestRegionBox(heat, 0.5));
        assertEquals(new Box(1, 1, 2, 2), ThresholdRegion.largestRegionBox(heat, 0.7));
        assertEquals(null, ThresholdRegion.largestRegionBox(heat, 0.95));
    }

    @Test
    void contourIsTheRegionsBorder() {
        BufferedImage img = gray(5, 5, 0);
        float[][] heat = new float[5][5];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                heat[y][x] = 1;
            }
        }
        Overlay.drawContour(img, heat, 0.5, Color.WHITE);
        assertEquals(0xFFFFFF, img.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(3, 2) & 0xFFFFFF);
        assertEquals(0, img.getRGB(2, 2) & 0xFFFFFF, "inside stays");
        assertEquals(0, img.getRGB(0, 0) & 0xFFFFFF, "outside stays");
    }

    @Test
    void writesAnOverlayOfTheWholeOriginal(@TempDir Path dir) throws Exception {
        BufferedImage original = gray(320, 240, 120);
        CropGeometry crop = CropGeometry.centerCrop(320, 240);
        Heatmap heat = HeatmapScaling.perMap(BilinearTest.oneHot(7, 7, 1, 5));
        OverlayWriter.Style style = new OverlayWriter.Style(Colormap.JET, 0.6, 0.5, true);
        Path file = dir.resolve("sub/overlay.png");
        OverlayWriter.writePng(OverlayWriter.render(original, heat, crop, style), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertNotNull(back);
        assertEquals(320, back.getWidth());
        assertEquals(240, back.getHeight());
        assertEquals(0x787878, back.getRGB(10, 100) & 0xFFFFFF, "left of the crop: untouched");
        assertEquals(0x787878, back.getRGB(300, 100) & 0xFFFFFF, "right of the crop: untouched");
        int peak = back.getRGB(228, 51);
        int red = (peak >> 16) & 0xFF;
        int green = (peak >> 8) & 0xFF;
        int blue = peak & 0xFF;
        // jet's top is dark red (128, 0, 0): 0.6 of it over gray 120 is about (125, 48, 48)
        assertTrue(red > green + 60 && red > blue + 60, "hot at the cell centre (228, 51): " + Integer.toHexString(peak));
        int cold = back.getRGB(60, 200);
        assertTrue((cold & 0xFF) > ((cold >> 16) & 0xFF), "cold elsewhere in the crop is blue: " + Integer.toHexString(cold));
    }

    static BufferedImage gray(int w, int h, int level) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (level << 16) | (level << 8) | level);
            }
        }
        return img;
    }
}
