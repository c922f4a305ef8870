package org.scalinglab.tf;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation of a JPEG (tag 0x0112, 1..8) and turning a decoded image upright with it, so a portrait photo
 * from a phone reaches the network, and the overlay, the way every photo viewer shows it.
 */
final class ExifOrientation {
    private ExifOrientation() {
    }

    /** 1 (as stored) when the file is not a JPEG, has no EXIF orientation, or the EXIF block is unreadable. */
    static int read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readUnsignedShort() != 0xFFD8) return 1;
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) return 1; // start of scan: no EXIF before it
                int length = in.readUnsignedShort() - 2;
                if (length < 0) return 1;
                byte[] segment = in.readNBytes(length);
                if (marker == 0xFFE1 && segment.length > 14 && new String(segment, 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                    return fromTiff(ByteBuffer.wrap(segment, 6, segment.length - 6).slice());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static int fromTiff(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int at = ifd + 2 + 12 * i;
            if ((tiff.getShort(at) & 0xFFFF) == 0x0112 && (tiff.getShort(at + 2) & 0xFFFF) == 3) {
                int v = tiff.getShort(at + 8) & 0xFFFF;
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /** Whether the orientation swaps width and height (5..8: a quarter turn). */
    static boolean transposes(int orientation) {
        return orientation >= 5;
    }

    /** The image as it should be displayed; the same object for orientation 1. */
    static BufferedImage upright(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) return img;
        int w = img.getWidth();
        int h = img.getHeight();
        int nw = transposes(orientation) ? h : w;
        int nh = transposes(orientation) ? w : h;
        WritableRaster src = img.getRaster();
        WritableRaster dst = img.getColorModel().createCompatibleWritableRaster(nw, nh);
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = src.getDataElements(x, y, pixel);
                // where stored pixel (x, y) is displayed (EXIF 2.3, tag Orientation)
                int dx, dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }          // mirrored
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }  // upside down
                    case 4 -> { dx = x; dy = h - 1 - y; }          // mirrored upside down
                    case 5 -> { dx = y; dy = x; }                  // transposed
                    case 6 -> { dx = h - 1 - y; dy = x; }          // needs a quarter turn clockwise
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }  // transverse
                    default -> { dx = y; dy = w - 1 - x; }         // 8: needs a quarter turn counter-clockwise
                }
                dst.setDataElements(dx, dy, pixel);
            }
        }
        return new BufferedImage(img.getColorModel(), dst, img.isAlphaPremultiplied(), null);
    }
}
