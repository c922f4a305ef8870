package org.scalinglab.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Published values: entries 0, 128 and 255 of the tables in matplotlib's _cm_listed.py (viridis, inferno: Smith and
 * van der Walt; turbo: Mikhailov, Google), the hex codes quoted in their documentation, and jet worked out by hand from
 * matplotlib's _jet_data segments.
 */
class ColormapTest {
    private static final double MID = 128 / 255.0;

    @Test
    void viridis() {
        assertArrayEquals(new double[] {0.267004, 0.004874, 0.329415}, Colormap.VIRIDIS.color(0), 1e-6);
        assertArrayEquals(new double[] {0.127568, 0.566949, 0.550556}, Colormap.VIRIDIS.color(MID), 1e-6);
        assertArrayEquals(new double[] {0.993248, 0.906157, 0.143936}, Colormap.VIRIDIS.color(1), 1e-6);
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1));
    }

    @Test
    void inferno() {
        assertArrayEquals(new double[] {0.001462, 0.000466, 0.013866}, Colormap.INFERNO.color(0), 1e-6);
        assertArrayEquals(new double[] {0.735683, 0.215906, 0.330245}, Colormap.INFERNO.color(MID), 1e-6);
        assertArrayEquals(new double[] {0.988362, 0.998364, 0.644924}, Colormap.INFERNO.color(1), 1e-6);
        assertEquals(0x000004, Colormap.INFERNO.rgb(0));
        assertEquals(0xFCFFA4, Colormap.INFERNO.rgb(1));
    }

    @Test
    void turbo() {
        assertArrayEquals(new double[] {0.18995, 0.07176, 0.23217}, Colormap.TURBO.color(0), 1e-6);
        assertArrayEquals(new double[] {0.64362, 0.98999, 0.23356}, Colormap.TURBO.color(MID), 1e-6);
        assertArrayEquals(new double[] {0.47960, 0.01583, 0.01055}, Colormap.TURBO.color(1), 1e-6);
        assertEquals(0x30123B, Colormap.TURBO.rgb(0));
        assertEquals(0x7A0403, Colormap.TURBO.rgb(1));
    }

    @Test
    void jetFromItsSegments() {
        assertArrayEquals(new double[] {0, 0, 0.5}, Colormap.JET.color(0), 1e-12);
        assertArrayEquals(new double[] {0.5, 0, 0}, Colormap.JET.color(1), 1e-12);
        // 0.5: red rises 0 -> 1 over [0.35, 0.66], green is 1 on [0.375, 0.64], blue falls 1 -> 0 over [0.34, 0.65]
        assertArrayEquals(new double[] {0.15 / 0.31, 1, 1 - 0.16 / 0.31}, Colormap.JET.color(0.5), 1e-12);
        // matplotlib's 256-entry table at entry 128 (value 128/255): (0.490196, 1, 0.477546)
        assertArrayEquals(new double[] {0.490196, 1, 0.477546}, Colormap.JET.color(MID), 1e-6);
    }

    @Test
    void grayAndClamping() {
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, Colormap.GRAY.color(0.25), 0);
        assertEquals(0xFFFFFF, Colormap.GRAY.rgb(7));
        assertEquals(0x000000, Colormap.GRAY.rgb(-1));
        assertEquals(Colormap.VIRIDIS.rgb(1), Colormap.VIRIDIS.rgb(1.5));
        assertEquals(new java.awt.Color(0x44, 0x01, 0x54), Colormap.VIRIDIS.awtColor(0));
    }

    @Test
    void parsesCliNames() {
        assertEquals(Colormap.TURBO, Colormap.parse("Turbo"));
        assertEquals("inferno", Colormap.INFERNO.cliName());
        assertThrows(IllegalArgumentException.class, () -> Colormap.parse("rainbow"));
    }
}
