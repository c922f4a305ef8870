package org.scalinglab.tf;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file into the network's input: decode (JPEG incl. grayscale and CMYK through TwelveMonkeys, PNG incl.
 * 16-bit and alpha, BMP, GIF first frame, whatever else ImageIO reads), convert to RGB 0..255 (grayscale replicated,
 * 16-bit scaled by 255/65535, transparency composited over white), take the centred square of the shorter side
 * ({@code cropFraction} of it, 1 by default) and resize it to the model resolution: area averaging when shrinking,
 * bilinear when enlarging, an exact copy when the image already is that size.
 *
 * <p>The image's size is read from its header before anything is decoded: more than {@value #MAX_SIDE} px per side or
 * {@value #MAX_MEGAPIXELS} megapixels is refused. Images above {@value #DECODE_MEGAPIXELS} megapixels are decoded with
 * integer subsampling (every k-th pixel, keeping the shorter side at least {@value #DECODE_SHORT_SIDE} px) so memory stays
 * bounded. A JPEG's EXIF orientation is applied, so the network and the overlay see the photo upright as viewers show
 * it (Keras' and PIL's loaders ignore it); the crop geometry refers to that upright image.
 */
public final class ImagePreprocessor {
    public static final int MAX_SIDE = 16384;
    public static final int MAX_MEGAPIXELS = 150;
    static final int DECODE_MEGAPIXELS = 25;
    static final int MAX_PIPE_BYTES = 200_000_000;
    /** The shorter side a subsampled decode keeps at least: twice the largest official resolution and more. */
    static final int DECODE_SHORT_SIDE = 2048;
    /** Pixels above which decoding subsamples; a field so tests can lower it. */
    static long decodePixelBudget = DECODE_MEGAPIXELS * 1_000_000L;

    /**
     * An image decoded once for every model that looks at it: upright, subsampled when very large (see the class
     * comment); {@code fileWidth} x {@code fileHeight} is the upright size of the file itself.
     */
    public record DecodedImage(BufferedImage image, int fileWidth, int fileHeight) {
    }

    /**
     * The network input, pixels[y][x][rgb] in 0..255, and the square of the file it came from ({@code crop}, in the
     * file's upright pixels).
     */
    public record Prepared(float[][][] pixels, CropGeometry crop) {
        public int resolution() {
            return pixels.length;
        }
    }

    private ImagePreprocessor() {
    }

    public static Prepared load(Path file, int resolution) throws IOException {
        return load(file, resolution, 1.0);
    }

    /**
     * @param cropFraction the centred square's side as a fraction of the shorter side, in (0, 1]
     * @throws IllegalArgumentException with a one-line reason for files that are not (readable) images or too large
     */
    public static Prepared load(Path file, int resolution, double cropFraction) throws IOException {
        return prepare(decode(file), resolution, cropFraction);
    }

    /**
     * Decodes an image file once, for display and for every model: subsampled only above {@value #DECODE_MEGAPIXELS}
     * megapixels, keeping the shorter side at least {@value #DECODE_SHORT_SIDE} pixels.
     *
     * @throws IllegalArgumentException with a one-line reason for files that are not (readable) images or too large
     */
    public static DecodedImage decode(Path file) throws IOException {
        return decode(file, DECODE_SHORT_SIDE / 2);
    }

    /** An image already in memory (a paste), as a decoded file would be: transparency composited over white. */
    public static DecodedImage of(BufferedImage image) {
        return new DecodedImage(overWhite(image), image.getWidth(), image.getHeight());
    }

    /** Crops and resizes an image already in memory (its own pixels are the file's). */
    public static Prepared prepare(BufferedImage image, int resolution, double cropFraction) {
        return prepare(of(image), resolution, cropFraction);
    }

    /**
     * A transparent image composited over white, once, so the network and the overlay see the same picture; an
     * opaque one as it is (16-bit samples keep their precision).
     */
    static BufferedImage overWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) return image;
        int w = image.getWidth();
        BufferedImage flat = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        RowReader reader = new RowReader(image); // composites over white without the JDK's colour conversion of gray
        float[] rgb = new float[w * 3];
        int[] packed = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            reader.read(y, rgb);
            for (int x = 0; x < w; x++) {
                packed[x] = Math.round(rgb[3 * x]) << 16 | Math.round(rgb[3 * x + 1]) << 8 | Math.round(rgb[3 * x + 2]);
            }
            flat.setRGB(0, y, w, 1, packed, 0, w);
        }
        return flat;
    }

    /** The centred square ({@code cropFraction} of the shorter side) resized to the network's input. */
    public static Prepared prepare(DecodedImage decoded, int resolution, double cropFraction) {
        if (resolution < 1 || resolution > 8192) throw new IllegalArgumentException("resolution must be 1..8192, got " + resolution);
        if (!(cropFraction > 0 && cropFraction <= 1)) throw new IllegalArgumentException("crop fraction must be in (0, 1], got " + cropFraction);
        BufferedImage image = decoded.image();
        int w = image.getWidth();
        int h = image.getHeight();
        double side = Math.min(w, h) * cropFraction;
        double left = (w - side) / 2;
        double top = (h - side) / 2;
        Resample horizontal = Resample.of(w, left, side, resolution);
        Resample vertical = Resample.of(h, top, side, resolution);

        // horizontal pass row by row, then the vertical pass: the full image never exists as floats
        int rowsFrom = vertical.first[0];
        int rowsTo = vertical.first[resolution - 1] + vertical.weights[resolution - 1].length;
        float[] narrow = new float[(rowsTo - rowsFrom) * resolution * 3];
        RowReader reader = new RowReader(image);
        float[] row = new float[w * 3];
        for (int y = rowsFrom; y < rowsTo; y++) {
            reader.read(y, row);
            horizontal.apply(row, 0, 3, narrow, (y - rowsFrom) * resolution * 3, 3, 3);
        }
        float[] column = new float[resolution * 3];
        float[][][] pixels = new float[resolution][resolution][3];
        Resample shifted = vertical.shifted(-rowsFrom);
        for (int x = 0; x < resolution; x++) {
            shifted.apply(narrow, x * 3, resolution * 3, column, 0, 3, 3);
            for (int y = 0; y < resolution; y++) {
                float[] p = pixels[y][x];
                for (int c = 0; c < 3; c++) p[c] = Math.max(0f, Math.min(255f, column[y * 3 + c]));
            }
        }
        // the square in the file's pixels: the decoded image may be subsampled
        double k = decoded.fileWidth() / (double) w;
        return new Prepared(pixels, new CropGeometry(decoded.fileWidth(), decoded.fileHeight(), left * k, top * k, side * k));
    }

    // ---- decoding

    private static DecodedImage decode(Path file, int resolution) throws IOException {
        if (!Files.exists(file)) throw new IllegalArgumentException("image not found: " + file);
        if (Files.isDirectory(file)) throw new IllegalArgumentException(file + " is a folder, not an image");
        if (!Files.isRegularFile(file)) {
            // a pipe (--image <(curl ...)) can be read once and has no size: take it into a temporary file first
            Path copy = Files.createTempFile("scaling-lab-image-", ".tmp");
            try {
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes(MAX_PIPE_BYTES + 1);
                    if (bytes.length > MAX_PIPE_BYTES) throw new IllegalArgumentException(file + " holds more than " + MAX_PIPE_BYTES / 1_000_000 + " MB");
                    if (bytes.length == 0) throw new IllegalArgumentException(file + " gave no data (an empty pipe), not an image");
                    Files.write(copy, bytes);
                }
                return decodeFile(copy, file.toString(), resolution);
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        return decodeFile(file, file.getFileName().toString(), resolution);
    }

    private static DecodedImage decodeFile(Path file, String name, int resolution) throws IOException {
        if (Files.size(file) == 0) throw new IllegalArgumentException(name + " is empty (0 bytes), not an image");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IllegalArgumentException(name + " is not an image this program can read" + guessFormat(file));
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1) throw new IllegalArgumentException(name + " has no pixels (" + w + "x" + h + ")");
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_MEGAPIXELS * 1_000_000L) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "image is %dx%d, larger than the supported %d px per side / %d megapixels", w, h, MAX_SIDE, MAX_MEGAPIXELS));
                }
                int k = subsampling(w, h, resolution);
                ImageReadParam param = reader.getDefaultReadParam();
                if (k > 1) param.setSourceSubsampling(k, k, 0, 0);
                BufferedImage image = reader.read(0, param);
                for (String warning : warnings) {
                    String lower = warning.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature") || lower.contains("truncat") || lower.contains("corrupt") || lower.contains("end of")) {
                        throw new IllegalArgumentException(name + " is truncated or damaged (" + warning + ")");
                    }
                }
                int orientation = ExifOrientation.read(file);
                image = overWhite(ExifOrientation.upright(image, orientation));
                return ExifOrientation.transposes(orientation) ? new DecodedImage(image, h, w) : new DecodedImage(image, w, h);
            } catch (IIOException | java.io.EOFException | IndexOutOfBoundsException | IllegalStateException
                     | java.awt.color.CMMException | NegativeArraySizeException e) {
                throw new IllegalArgumentException(name + " is truncated or damaged: " + reader.getFormatName() + " decoding failed ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** 1 up to {@link #DECODE_MEGAPIXELS}; above, the largest k keeping the shorter side >= 2 x resolution. */
    static int subsampling(int w, int h, int resolution) {
        long pixels = (long) w * h;
        if (pixels <= decodePixelBudget) return 1;
        int k = (int) Math.ceil(Math.sqrt(pixels / (double) decodePixelBudget));
        return Math.max(1, Math.min(k, Math.min(w, h) / (2 * resolution)));
    }

    private static String guessFormat(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String ascii = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (n >= 12 && ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) return " (WebP is not supported: convert it to PNG or JPEG)";
        if (n >= 12 && ascii.startsWith("ftyp", 4)) return " (HEIC/AVIF is not supported: convert it to JPEG or PNG)";
        return " (supported: JPEG, PNG, BMP, GIF)";
    }

    /** One row of any BufferedImage as interleaved RGB floats 0..255, alpha composited over white. */
    static final class RowReader {
        private final BufferedImage image;
        private final Raster raster;
        private final boolean direct;
        private final int bands;
        private final boolean alpha;
        private final float[] scale;
        private final int[] samples;
        private final int[] argb;

        RowReader(BufferedImage image) {
            ColorModel cm = image.getColorModel();
            if (cm.isAlphaPremultiplied()) image.coerceData(false);
            this.image = image;
            this.raster = image.getRaster();
            int type = cm.getColorSpace().getType();
            // sample values are sRGB (or gray) values already: read them directly, without the JDK's colour conversion,
            // which would treat 8-bit gray as linear light and brighten it
            boolean plain = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                    && (cm.getColorSpace().isCS_sRGB() || type == ColorSpace.TYPE_GRAY)
                    && raster.getNumBands() == cm.getNumComponents()
                    && (cm.getTransferType() == DataBuffer.TYPE_BYTE || cm.getTransferType() == DataBuffer.TYPE_USHORT
                        || cm.getTransferType() == DataBuffer.TYPE_INT);
            this.direct = plain;
            this.bands = raster.getNumBands();
            this.alpha = cm.hasAlpha();
            this.scale = new float[bands];
            for (int b = 0; b < bands; b++) scale[b] = 255f / ((1L << cm.getComponentSize(b)) - 1);
            this.samples = new int[image.getWidth() * bands];
            this.argb = new int[image.getWidth()];
        }

        void read(int y, float[] rgb) {
            int w = image.getWidth();
            if (direct) {
                raster.getPixels(0, y, w, 1, samples);
                int colours = alpha ? bands - 1 : bands;
                for (int x = 0; x < w; x++) {
                    int s = x * bands;
                    float a = alpha ? samples[s + bands - 1] * scale[bands - 1] / 255f : 1f;
                    for (int c = 0; c < 3; c++) {
                        int b = colours == 1 ? 0 : c;
                        float v = samples[s + b] * scale[b];
                        rgb[x * 3 + c] = alpha ? a * v + (1 - a) * 255f : v;
                    }
                }
            } else {
                image.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = argb[x];
                    float a = (p >>> 24) / 255f;
                    for (int c = 0; c < 3; c++) {
                        float v = (p >> (16 - 8 * c)) & 0xff;
                        rgb[x * 3 + c] = a * v + (1 - a) * 255f;
                    }
                }
            }
        }
    }
}
