package org.scalinglab.cam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colormaps from their published definitions. Values outside [0, 1] are clamped.
 * <ul>
 * <li>jet: matplotlib's piecewise-linear segment data ({@code _jet_data} in matplotlib/_cm.py), evaluated
 * exactly rather than through a 256-entry table.</li>
 * <li>turbo: Mikhailov (2019), "Turbo, An Improved Rainbow Colormap for Visualization", Google AI Blog; the
 * 256-entry table, Apache-2.0.</li>
 * <li>viridis, inferno: Smith and van der Walt (2015), the 256-entry tables, CC0.</li>
 * <li>gray: black to white.</li>
 * </ul>
 * The tables are resources made by {@code colormaps/make_colormaps.py} from matplotlib's copies; entry i sits at
 * value i/255 and values in between are interpolated linearly.
 */
public enum Colormap {
    JET, TURBO, VIRIDIS, INFERNO, GRAY;

    // matplotlib _jet_data: (x, value) break points per channel
    private static final double[][] JET_RED = {{0, 0}, {0.35, 0}, {0.66, 1}, {0.89, 1}, {1, 0.5}};
    private static final double[][] JET_GREEN = {{0, 0}, {0.125, 0}, {0.375, 1}, {0.64, 1}, {0.91, 0}, {1, 0}};
    private static final double[][] JET_BLUE = {{0, 0.5}, {0.11, 1}, {0.34, 1}, {0.65, 0}, {1, 0}};

    private volatile float[][] table;

    /** Parse a CLI name (case-insensitive). */
    public static Colormap parse(String name) {
        for (Colormap c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colormap '" + name + "'; expected one of jet, turbo, viridis, inferno, gray");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** r, g, b in [0, 1]. */
    public double[] color(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return switch (this) {
            case GRAY -> new double[] {v, v, v};
            case JET -> new double[] {segment(JET_RED, v), segment(JET_GREEN, v), segment(JET_BLUE, v)};
            default -> lookup(v);
        };
    }

    /** Packed 0xRRGGBB. */
    public int rgb(double value) {
        double[] c = color(value);
        return (to8(c[0]) << 16) | (to8(c[1]) << 8) | to8(c[2]);
    }

    /** For AWT drawing (legends, figure export). */
    public java.awt.Color awtColor(double value) {
        return new java.awt.Color(rgb(value));
    }

    static int to8(double x) {
        return (int) Math.round(Math.max(0, Math.min(1, x)) * 255);
    }

    private static double segment(double[][] points, double v) {
        for (int i = 1; i < points.length; i++) {
            if (v <= points[i][0]) {
                double x0 = points[i - 1][0];
                double t = (v - x0) / (points[i][0] - x0);
                return points[i - 1][1] + t * (points[i][1] - points[i - 1][1]);
            }
        }
        return points[points.length - 1][1];
    }

    private double[] lookup(double v) {
        float[][] t = table();
        double pos = v * (t.length - 1);
        int i = Math.min((int) Math.floor(pos), t.length - 2);
        double f = pos - i;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = t[i][c] * (1 - f) + t[i + 1][c] * f;
        }
        return out;
    }

    private float[][] table() {
        float[][] t = table;
        if (t == null) {
            t = load(cliName() + ".txt");
            table = t;
        }
        return t;
    }

    private static float[][] load(String file) {
        try (InputStream in = Colormap.class.getResourceAsStream("colormaps/" + file)) {
            if (in == null) {
                throw new IllegalStateException("colormap table missing: " + file);
            }
            List<float[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\s+");
                rows.add(new float[] {Float.parseFloat(p[0]), Float.parseFloat(p[1]), Float.parseFloat(p[2])});
            }
            return rows.toArray(new float[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
