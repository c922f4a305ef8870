package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessorTest {
    @TempDir Path dir;

    static BufferedImage random(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(1 << 24));
        return img;
    }

    Path png(BufferedImage img, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, "png", p.toFile()));
        return p;
    }

    static int channel(BufferedImage img, int x, int y, int c) {
        return (img.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
    }

    @Test
    void anImageOfTheModelSizeIsCopiedExactly() throws IOException {
        BufferedImage img = random(224, 224, 1);
        ImagePreprocessor.Prepared p = ImagePreprocessor.load(png(img, "a.png"), 224);
        for (int y = 0; y < 224; y++) for (int x = 0; x < 224; x++) for (int c = 0; c < 3; c++) {
            assertEquals(channel(img, x, y, c), p.pixels()[y][x][c]);
        }
        assertEquals(new CropGeometry(224, 224, 0, 0, 224), p.crop());
        assertEquals(224, p.resolution());
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() throws IOException {
        BufferedImage img = random(448, 448, 2);
        float[][][] px = ImagePreprocessor.load(png(img, "b.png"), 224).pixels();
        for (int y = 0; y < 224; y++) for (int x = 0; x < 224; x++) for (int c = 0; c < 3; c++) {
            int sum = channel(img, 2 * x, 2 * y, c) + channel(img, 2 * x + 1, 2 * y, c)
                    + channel(img, 2 * x, 2 * y + 1, c) + channel(img, 2 * x + 1, 2 * y + 1, c);
            assertEquals(sum / 4f, px[y][x][c], "at " + x + "," + y);
        }
    }

    @Test
    void aWideImageIsCroppedToItsCentreSquare() throws IOException {
        BufferedImage img = random(300, 200, 3);
        ImagePreprocessor.Prepared p = ImagePreprocessor.load(png(img, "c.png"), 100);
        assertEquals(new CropGeometry(300, 200, 50, 0, 200), p.crop());
        assertEquals(2.0, p.crop().cropSize() / p.resolution());
        for (int y = 0; y < 100; y += 7) for (int x = 0; x < 100; x += 5) {
            int x0 = 50 + 2 * x;
            int y0 = 2 * y;
            int sum = channel(img, x0, y0, 1) + channel(img, x0 + 1, y0, 1) + channel(img, x0, y0 + 1, 1) + channel(img, x0 + 1, y0 + 1, 1);
            assertEquals(sum / 4f, p.pixels()[y][x][1]);
        }
        ImagePreprocessor.Prepared tall = ImagePreprocessor.prepare(random(40, 90, 4), 20, 1.0);
        assertEquals(new CropGeometry(40, 90, 0, 25, 40), tall.crop());
        ImagePreprocessor.Prepared fraction = ImagePreprocessor.prepare(random(256, 256, 5), 224, 0.875);
        assertEquals(new CropGeometry(256, 256, 16, 16, 224), fraction.crop());
    }

    @Test
    void aSquareLandsWhereTheCropGeometrySays() throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.RED);
        g.fillRect(400, 200, 80, 80); // centre (440, 240)
        g.dispose();
        ImagePreprocessor.Prepared p = ImagePreprocessor.load(png(img, "square.png"), 224);
        double sx = 0, sy = 0, n = 0;
        for (int y = 0; y < 224; y++) for (int x = 0; x < 224; x++) {
            float redness = (255 - p.pixels()[y][x][1]) / 255f; // white -> 0, red -> 1
            sx += redness * (x + 0.5);
            sy += redness * (y + 0.5);
            n += redness;
        }
        assertEquals(440, p.crop().toOriginalX(sx / n, p.resolution()), 1.0);
        assertEquals(240, p.crop().toOriginalY(sy / n, p.resolution()), 1.0);
        assertEquals(80 * 80, n * Math.pow(p.crop().cropSize() / p.resolution(), 2), 80 * 80 * 0.01);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        BufferedImage img = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        int[] column = {0, 100, 200};
        for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) img.setRGB(x, y, column[x] * 0x010101);
        float[][][] px = ImagePreprocessor.prepare(img, 6, 1.0).pixels();
        // output u samples input x = (u + 0.5) / 2 - 0.5, clamped to [0, 2]
        float[] expected = {0, 25, 75, 125, 175, 200};
        for (int y = 0; y < 6; y++) for (int u = 0; u < 6; u++) assertEquals(expected[u], px[y][u][0], 1e-4);
    }

    @Test
    void shrinkingDoesNotAlias() {
        BufferedImage img = new BufferedImage(700, 700, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 700; y++) for (int x = 0; x < 700; x++) img.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
        float[][][] px = ImagePreprocessor.prepare(img, 200, 1.0).pixels(); // 3.5 input pixels per output pixel
        for (float[][] row : px) for (float[] p : row) assertEquals(127.5, p[0], 6.0); // a 3.5x3.5 box is at most 1/49 off balance
    }

    @Test
    void grayscaleJpegIsReplicatedWithoutAGammaShift() throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) img.getRaster().setSample(x, y, 0, 60);
        Path p = dir.resolve("gray.jpg");
        assertTrue(ImageIO.write(img, "jpeg", p.toFile()));
        float[] px = ImagePreprocessor.load(p, 32).pixels()[16][16];
        assertEquals(60, px[0], 1.5); // the JDK's colour conversion (getRGB) turns "linear" gray 60 into 133
        assertEquals(px[0], px[1]);
        assertEquals(px[0], px[2]);
    }

    @Test
    void cmykJpegKeepsItsColours() throws IOException {
        ImagePreprocessor.Prepared p = ImagePreprocessor.load(Path.of("src/test/resources/images/cmyk-red-blue.jpg"), 48);
        assertEquals(new CropGeometry(64, 48, 8, 0, 48), p.crop());
        float[] red = p.pixels()[24][4];   // image x = 12
        float[] blue = p.pixels()[24][44]; // image x = 52
        assertArrayEquals(new float[] {220, 30, 30}, red, 8f, Arrays.toString(red));
        assertArrayEquals(new float[] {30, 60, 200}, blue, 8f, Arrays.toString(blue));
    }

    @Test
    void sixteenBitPngIsScaledTo255() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(8, 8);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) raster.setPixel(x, y, new int[] {65535, 0, 32896});
        Path p = png(new BufferedImage(cm, raster, false, null), "deep.png");
        assertEquals(16, ImageIO.read(p.toFile()).getColorModel().getComponentSize(0), "the file really is 16-bit");
        assertArrayEquals(new float[] {255, 0, 32896 * 255f / 65535}, ImagePreprocessor.load(p, 8).pixels()[3][3], 1e-3f);

        BufferedImage gray16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) gray16.getRaster().setSample(x, y, 0, 257 * 77);
        assertArrayEquals(new float[] {77, 77, 77}, ImagePreprocessor.load(png(gray16, "gray16.png"), 8).pixels()[0][0], 1e-3f);
    }

    @Test
    void transparencyIsCompositedOverWhite() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00000000); // fully transparent black
        img.setRGB(1, 0, 0x80000000); // half transparent black (alpha 128)
        img.setRGB(2, 0, 0xFF336699); // opaque
        float[][][] px = ImagePreprocessor.load(png(img, "alpha.png"), 4).pixels();
        assertArrayEquals(new float[] {255, 255, 255}, px[0][0], 1e-3f);
        float half = 255 * (1 - 128 / 255f);
        assertArrayEquals(new float[] {half, half, half}, px[0][1], 1e-3f);
        assertArrayEquals(new float[] {0x33, 0x66, 0x99}, px[0][2], 1e-3f);
    }

    @Test
    void bmpAndIndexedPngAreExact() throws IOException {
        BufferedImage img = random(16, 16, 6);
        Path bmp = dir.resolve("x.bmp");
        assertTrue(ImageIO.write(img, "bmp", bmp.toFile()));
        assertEquals(channel(img, 5, 7, 2), ImagePreprocessor.load(bmp, 16).pixels()[7][5][2]);

        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {10, (byte) 200}, new byte[] {20, 0}, new byte[] {30, 100});
        BufferedImage indexed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSample(2, 3, 0, 1);
        float[][][] px = ImagePreprocessor.load(png(indexed, "indexed.png"), 8).pixels();
        assertArrayEquals(new float[] {200, 0, 100}, px[3][2]);
        assertArrayEquals(new float[] {10, 20, 30}, px[0][0]);
    }

    @Test
    void animatedGifGivesTheFirstFrame() throws IOException {
        Path gif = dir.resolve("anim.gif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(gif.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int colour : new int[] {0xFF0000, 0x0000FF}) {
                BufferedImage frame = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) frame.setRGB(x, y, colour);
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
                IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(meta.getNativeMetadataFormatName());
                meta.setFromTree(meta.getNativeMetadataFormatName(), root);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        }
        writer.dispose();
        assertEquals(2, frames(gif), "the file has two frames");
        assertArrayEquals(new float[] {255, 0, 0}, ImagePreprocessor.load(gif, 10).pixels()[5][5], 1f);
    }

    private static int frames(Path gif) throws IOException {
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    @Test
    void badFilesAreRefusedInOneLine() throws IOException {
        assertRefused(Files.createFile(dir.resolve("empty.jpg")), "empty.jpg is empty (0 bytes), not an image");
        assertRefused(Files.writeString(dir.resolve("notes.txt"), "hello, not a picture\n"), "notes.txt is not an image this program can read (supported: JPEG, PNG, BMP, GIF)");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(Files.write(dir.resolve("x.webp"), webp), "WebP is not supported");
        assertRefused(dir.resolve("missing.png"), "image not found");

        byte[] pngBytes = Files.readAllBytes(png(random(200, 200, 7), "full.png"));
        assertRefused(Files.write(dir.resolve("cut.png"), Arrays.copyOf(pngBytes, pngBytes.length / 2)), "cut.png is truncated or damaged");

        Path jpg = dir.resolve("full.jpg");
        ImageIO.write(random(200, 200, 8), "jpeg", jpg.toFile());
        byte[] jpgBytes = Files.readAllBytes(jpg);
        assertRefused(Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpgBytes, jpgBytes.length / 2)), "cut.jpg is truncated or damaged");
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        Path huge = Files.write(dir.resolve("huge.png"), pngHeaderOnly(20000, 20000));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertRefused(huge, "image is 20000x20000, larger than the supported 16384 px per side / 150 megapixels");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 200_000_000L, "nothing big was allocated");
        assertRefused(Files.write(dir.resolve("wide.png"), pngHeaderOnly(16000, 12000)), "image is 16000x12000"); // 192 MP
    }

    @Test
    void veryLargeImagesAreDecodedSubsampled() throws IOException {
        assertEquals(1, ImagePreprocessor.subsampling(4000, 3000, 224));
        assertEquals(3, ImagePreprocessor.subsampling(12000, 9000, 224)); // 108 MP: ceil(sqrt(108 / 25)) = 3
        assertEquals(2, ImagePreprocessor.subsampling(12000, 9000, 2048)); // the shorter side stays >= 2 x 2048
    }

    @Test
    void aSubsampledDecodeReportsTheCropInOriginalPixels() throws IOException {
        BufferedImage img = new BufferedImage(600, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 450);
        g.setColor(Color.BLACK);
        g.fillRect(360, 150, 90, 90); // centre (405, 195)
        g.dispose();
        Path file = png(img, "big.png");
        long budget = ImagePreprocessor.decodePixelBudget;
        ImagePreprocessor.decodePixelBudget = 30_000; // 270000 px -> k = ceil(sqrt(9)) = 3, 450 / 3 >= 2 x 50
        try {
            assertEquals(3, ImagePreprocessor.subsampling(600, 450, 50));
            ImagePreprocessor.Prepared p = ImagePreprocessor.load(file, 50);
            assertEquals(600, p.crop().originalWidth());
            assertEquals(450, p.crop().cropSize(), 1e-9); // decoded 200x150, square 150 -> 450 original pixels
            assertEquals(75, p.crop().cropX(), 1e-9);
            double sx = 0, sy = 0, n = 0;
            for (int y = 0; y < 50; y++) for (int x = 0; x < 50; x++) {
                float dark = (255 - p.pixels()[y][x][0]) / 255f;
                sx += dark * (x + 0.5);
                sy += dark * (y + 0.5);
                n += dark;
            }
            assertEquals(405, p.crop().toOriginalX(sx / n, p.resolution()), 3.0);
            assertEquals(195, p.crop().toOriginalY(sy / n, p.resolution()), 3.0);
        } finally {
            ImagePreprocessor.decodePixelBudget = budget;
        }
    }

    @Test
    void aPortraitPhotoIsTurnedUprightByItsExifOrientation() throws IOException {
        // stored 80x40 landscape: left half red, right half blue; orientation 6 = "turn a quarter clockwise to view"
        BufferedImage stored = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 80; x++) stored.setRGB(x, y, x < 40 ? 0xDC1E1E : 0x1E3CC8);
        Path plain = dir.resolve("plain.jpg");
        ImageIO.write(stored, "jpeg", plain.toFile());
        Path rotated = Files.write(dir.resolve("portrait.jpg"), withOrientation(Files.readAllBytes(plain), 6));
        assertEquals(6, ExifOrientation.read(rotated));
        assertEquals(1, ExifOrientation.read(plain));

        ImagePreprocessor.Prepared p = ImagePreprocessor.load(rotated, 40);
        assertEquals(new CropGeometry(40, 80, 0, 20, 40), p.crop(), "upright: 40 wide, 80 tall");
        assertTrue(p.pixels()[5][20][0] > 180 && p.pixels()[5][20][2] < 80, "stored left (red) is now on top: " + Arrays.toString(p.pixels()[5][20]));
        assertTrue(p.pixels()[34][20][2] > 160 && p.pixels()[34][20][0] < 80, "blue below: " + Arrays.toString(p.pixels()[34][20]));

        // all eight orientations against the EXIF definitions of where row 0 and column 0 end up
        BufferedImage tiny = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) tiny.setRGB(x, y, 10 * y + x); // value = 10*row + column
        int[][][] expected = {
                {{0, 1, 2}, {10, 11, 12}},          // 1
                {{2, 1, 0}, {12, 11, 10}},          // 2 mirrored
                {{12, 11, 10}, {2, 1, 0}},          // 3 rotated 180
                {{10, 11, 12}, {0, 1, 2}},          // 4 flipped
                {{0, 10}, {1, 11}, {2, 12}},        // 5 transposed
                {{10, 0}, {11, 1}, {12, 2}},        // 6 quarter turn clockwise
                {{12, 2}, {11, 1}, {10, 0}},        // 7 transverse
                {{2, 12}, {1, 11}, {0, 10}}};       // 8 quarter turn counter-clockwise
        for (int o = 1; o <= 8; o++) {
            BufferedImage up = ExifOrientation.upright(tiny, o);
            int[][] e = expected[o - 1];
            assertEquals(e.length, up.getHeight(), "orientation " + o);
            for (int y = 0; y < e.length; y++) for (int x = 0; x < e[y].length; x++) {
                assertEquals(e[y][x], up.getRGB(x, y) & 0xFFFFFF, "orientation " + o + " at " + x + "," + y);
            }
        }
    }

    /** Inserts an APP1 EXIF segment with only the Orientation tag right after the JPEG's SOI marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tiff);
        t.writeBytes("MM");
        t.writeShort(42);
        t.writeInt(8);          // IFD0 offset
        t.writeShort(1);        // one entry
        t.writeShort(0x0112);   // Orientation
        t.writeShort(3);        // SHORT
        t.writeInt(1);
        t.writeShort(orientation);
        t.writeShort(0);
        t.writeInt(0);          // no next IFD
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.write(jpeg, 0, 2);
        o.writeShort(0xFFE1);
        o.writeShort(2 + 6 + body.length);
        o.writeBytes("Exif\0\0");
        o.write(body);
        o.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG signature and IHDR chunk claiming w x h RGB, then IEND: enough for the header, nothing to decode. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", new byte[] {(byte) (w >>> 24), (byte) (w >>> 16), (byte) (w >>> 8), (byte) w,
                (byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h, 8, 2, 0, 0, 0});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static void assertRefused(Path file, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePreprocessor.load(file, 224));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** A transparent PNG: the overlay is drawn on the same white-composited picture the network classifies. */
    @Test
    void aTransparentImageIsCompositedOverWhiteOnceForNetworkAndOverlay() throws IOException {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) img.setRGB(x, y, x < 10 ? 0x00ff0000 : 0x80ff0000);
        ImagePreprocessor.DecodedImage d = ImagePreprocessor.decode(png(img, "transparent.png"));
        assertFalse(d.image().getColorModel().hasAlpha());
        assertEquals(0xffffff, d.image().getRGB(2, 2) & 0xffffff, "fully transparent: white");
        int half = d.image().getRGB(15, 2);
        assertEquals(255, (half >> 16) & 0xff);
        assertEquals(127, (half >> 8) & 0xff, 1);
        float[] px = ImagePreprocessor.prepare(d, 20, 1.0).pixels()[2][15];
        assertEquals((half >> 8) & 0xff, px[1], 0.5, "the network sees the same composited pixel");
    }
}
