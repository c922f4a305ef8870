package org.scalinglab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void roundFiltersByHand() {
        assertEquals(32, Rounding.roundFilters(32, 1.0));
        // 32*1.1 = 35.2; int(39.2)//8*8 = 32; 32 >= 0.9*35.2 = 31.68 -> 32
        assertEquals(32, Rounding.roundFilters(32, 1.1));
        // 16*1.1 = 17.6; int(21.6)//8*8 = 16; 16 >= 15.84 -> 16
        assertEquals(16, Rounding.roundFilters(16, 1.1));
        // 24*1.2 = 28.8; int(32.8)//8*8 = 32
        assertEquals(32, Rounding.roundFilters(24, 1.2));
        // 40*1.4 = 56
        assertEquals(56, Rounding.roundFilters(40, 1.4));
        // 112*1.8 = 201.6; int(205.6)//8*8 = 200
        assertEquals(200, Rounding.roundFilters(112, 1.8));
        // 1280*1.1 = 1408
        assertEquals(1408, Rounding.roundFilters(1280, 1.1));
        // tiny widths never go below 8
        assertEquals(8, Rounding.roundFilters(16, 0.25));
        // 10% rule: 20*0.5 = 10 -> int(14)//8*8 = 8 < 9 -> 16
        assertEquals(16, Rounding.roundFilters(20, 0.5));
    }

    @Test
    void roundRepeatsIsCeil() {
        assertEquals(1, Rounding.roundRepeats(1, 1.0));
        assertEquals(2, Rounding.roundRepeats(1, 1.1));
        assertEquals(4, Rounding.roundRepeats(3, 1.2)); // 3.6
        assertEquals(13, Rounding.roundRepeats(4, 3.1)); // 12.4
        assertEquals(3, Rounding.roundRepeats(2, 1.4)); // 2.8
        // 1.8 * 3 = 5.4 in double precision -> 6
        assertEquals(6, Rounding.roundRepeats(3, 1.8));
    }
}
