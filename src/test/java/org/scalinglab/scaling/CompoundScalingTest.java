package org.scalinglab.scaling;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CompoundScalingTest {

    @Test
    void paperCoefficientsAtPhiOne() {
        CompoundScaling s = CompoundScaling.paper(1);
        assertEquals(1.2, s.depth(), 1e-12);
        assertEquals(1.1, s.width(), 1e-12);
        assertEquals(1.15, s.resolutionMultiplier(), 1e-12);
        // 1.2 * 1.21 * 1.3225 = 1.92027
        assertEquals(1.92027, s.constraint(), 1e-9);
        assertTrue(s.satisfiesConstraint(0.05));
        assertFalse(s.satisfiesConstraint(0.03));
    }

    @Test
    void powersAndCostMultiplier() {
        CompoundScaling s = new CompoundScaling(3, 1.2, 1.1, 1.15);
        assertEquals(1.728, s.depth(), 1e-12);
        assertEquals(1.331, s.width(), 1e-12);
        assertEquals(1.520875, s.resolutionMultiplier(), 1e-12);
        assertEquals(Math.pow(1.92027, 3), s.costMultiplier(), 1e-9);
        // 224 * 1.520875 = 340.676 -> 341
        assertEquals(341, s.resolution(224));
        assertEquals(1.0, new CompoundScaling(0, 2, 2, 2).costMultiplier(), 0);
    }

    @Test
    void rejectsOutOfRangeWithNamedArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CompoundScaling(1, 0.9, 1.1, 1.15))
                .getMessage().startsWith("alpha must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CompoundScaling(-1, 1.2, 1.1, 1.15))
                .getMessage().startsWith("phi must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CompoundScaling(Double.NaN, 1.2, 1.1, 1.15))
                .getMessage().startsWith("phi must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CompoundScaling(1, 1.2, Double.POSITIVE_INFINITY, 1.15))
                .getMessage().startsWith("beta must be"));
        // 3^8 is far beyond any sensible depth
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CompoundScaling(8, 3, 1, 1))
                .getMessage().contains("depth multiplier"));
        assertThrows(IllegalArgumentException.class, () -> CompoundScaling.paper(1).resolution(16));
    }

    @Test
    void officialModelsDifferFromFormula() {
        assertEquals(OfficialModel.B7, OfficialModel.parse("efficientnet-B7"));
        assertEquals(3.1, OfficialModel.B7.depth());
        // 1.2^7 = 3.5832, not the official 3.1
        assertEquals(3.5831808, OfficialModel.B7.formula().depth(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> OfficialModel.parse("b8"));
    }

    @Test
    void paperTablesLoad() {
        assertEquals(24, PaperTables.table2().size());
        assertEquals(66, PaperTables.table2(OfficialModel.B7).paramsMillions());
        assertTrue(Double.isNaN(PaperTables.table2().get(23).flopsBillions()));
        assertEquals(14, PaperTables.table3().size());
        assertEquals(81.1, PaperTables.table5().get(4).top1());
    }
}
