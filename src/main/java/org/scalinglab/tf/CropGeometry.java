package org.scalinglab.tf;

/**
 * Where the model's square input came from in the original image: the square of side {@code cropSize} with its
 * top-left corner at ({@code cropX}, {@code cropY}), in original pixels (pixel x covers [x, x+1)), resized to the
 * model's resolution.
 */
public record CropGeometry(int originalWidth, int originalHeight, double cropX, double cropY, double cropSize) {

    public CropGeometry {
        if (originalWidth <= 0 || originalHeight <= 0) {
            throw new IllegalArgumentException("original size must be positive, got " + originalWidth + "x" + originalHeight);
        }
        if (!(cropSize > 0)) {
            throw new IllegalArgumentException("crop size must be positive, got " + cropSize);
        }
    }

    /** The largest centred square: the short side, centred along the long one. */
    public static CropGeometry centerCrop(int width, int height) {
        return centerCrop(width, height, 1.0);
    }

    /** A centred square whose side is {@code fraction} of the short side (e.g. 0.875 for the common 224/256). */
    public static CropGeometry centerCrop(int width, int height, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("crop fraction must be in (0, 1], got " + fraction);
        }
        double side = Math.min(width, height) * fraction;
        return new CropGeometry(width, height, (width - side) / 2, (height - side) / 2, side);
    }

    /** The whole image is the input (a square image used as is). */
    public static CropGeometry identity(int size) {
        return new CropGeometry(size, size, 0, 0, size);
    }

    /** The same square in another rendition of the image (a display copy {@code width} pixels wide, say). */
    public CropGeometry scaledTo(int width, int height) {
        double s = width / (double) originalWidth;
        return new CropGeometry(width, height, cropX * s, cropY * s, cropSize * s);
    }

    /** Where input column {@code u} (in pixels of an input of side {@code resolution}) lies in the original. */
    public double toOriginalX(double u, int resolution) {
        return cropX + u * cropSize / resolution;
    }

    public double toOriginalY(double v, int resolution) {
        return cropY + v * cropSize / resolution;
    }

    /** A box in original pixels as pixels of the model input of side {@code resolution} (rounded outwards). */
    public Box toInput(Box original, int resolution) {
        double s = resolution / cropSize;
        return Box.clipped((int) Math.floor((original.x0() - cropX) * s), (int) Math.floor((original.y0() - cropY) * s),
                (int) Math.ceil((original.x1() - cropX) * s), (int) Math.ceil((original.y1() - cropY) * s),
                resolution, resolution);
    }

    /** A box in model-input pixels as original pixels (rounded outwards). */
    public Box toOriginal(Box input, int resolution) {
        double s = cropSize / resolution;
        return Box.clipped((int) Math.floor(cropX + input.x0() * s), (int) Math.floor(cropY + input.y0() * s),
                (int) Math.ceil(cropX + input.x1() * s), (int) Math.ceil(cropY + input.y1() * s),
                originalWidth, originalHeight);
    }
}
