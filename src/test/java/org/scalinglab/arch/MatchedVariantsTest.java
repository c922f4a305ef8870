package org.scalinglab.arch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

class MatchedVariantsTest {
    private static final NetworkSpec B0 = NetworkSpec.official(OfficialModel.B0);

    @Test
    void variantsLandWithinFivePercentForSeveralPhi() {
        for (double phi : new double[] {0.5, 1, 1.5, 2}) {
            List<MatchedVariants.Variant> v = MatchedVariants.of(B0, CompoundScaling.paper(phi));
            long target = v.get(1).macs();
            for (MatchedVariants.Variant x : v.subList(1, 5)) {
                // recompute independently of the reported difference
                long macs = CostModel.of(x.spec()).macs();
                assertEquals(macs, x.macs());
                assertTrue(Math.abs(macs / (double) target - 1) <= 0.05, "phi " + phi + " " + MatchedVariants.describe(x));
            }
        }
    }

    @Test
    void eachVariantChangesOnlyItsOwnDimension() {
        List<MatchedVariants.Variant> v = MatchedVariants.of(B0, CompoundScaling.paper(1));
        assertEquals(MatchedVariants.Kind.WIDTH, v.get(2).kind());
        assertEquals(1.0, v.get(2).spec().depth());
        assertEquals(224, v.get(2).spec().resolution());
        assertEquals(1.0, v.get(3).spec().width());
        assertEquals(224, v.get(3).spec().resolution());
        assertEquals(1.0, v.get(4).spec().width());
        assertEquals(1.0, v.get(4).spec().depth());
        // compound: d = 1.2, w = 1.1, r = round(224 * 1.15) = 258
        assertEquals(1.2, v.get(1).spec().depth(), 1e-12);
        assertEquals(1.1, v.get(1).spec().width(), 1e-12);
        assertEquals(258, v.get(1).spec().resolution());
    }

    /** The paper's Table 5: compound (d=1.4, w=1.2, r=1.3) of B0 costs about as much as d=4, w=2 or r=2 alone. */
    @Test
    void paperTable5LineUpIsReproduced() {
        // phi = 1 with alpha 1.4, beta 1.2, gamma 1.3 gives exactly the compound model of Table 5
        List<MatchedVariants.Variant> v = MatchedVariants.of(B0, new CompoundScaling(1, 1.4, 1.2, 1.3));
        assertEquals(1.8, v.get(1).macs() / 1e9, 0.15);
        assertEquals(2.0, v.get(2).spec().width(), 0.25);
        assertEquals(4.0, v.get(3).spec().depth(), 0.6);
        assertEquals(2.0, v.get(4).spec().resolution() / 224.0, 0.2);
    }

    @Test
    void unreachableTargetIsReportedNotHidden() {
        // depth alone cannot reach phi = 3 within the depth limit of 6.5
        MatchedVariants.Variant depth = MatchedVariants.of(B0, CompoundScaling.paper(3)).get(3);
        assertFalse(depth.withinTolerance());
        assertTrue(depth.relativeDifference() < -0.05);
    }
}
