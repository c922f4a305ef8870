package org.scalinglab.arch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.arch.MbConvBreakdown.Kind;
import org.scalinglab.arch.MbConvBreakdown.Step;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

class MbConvBreakdownTest {

    /** B0's first block (paper stage 2, Keras block1a): MBConv1, k3, 32 -> 16 at 112x112, worked out by hand. */
    @Test
    void firstBlockOfB0ByHand() {
        MbConvBreakdown b = MbConvBreakdown.of(CostModel.of(NetworkSpec.official(OfficialModel.B0)), 2, 0);
        assertEquals("block1a_", b.block().name());
        assertEquals("112×112×32", b.inShape());
        assertNull(b.step(Kind.EXPAND), "expand ratio 1 has no expansion");
        assertNull(b.step(Kind.RESIDUAL), "32 -> 16 channels cannot be added");
        Step dw = b.step(Kind.DEPTHWISE);
        assertEquals("112×112×32", dw.shape());
        assertEquals(3 * 3 * 32 + 4 * 32, dw.params());            // kernel + BN (gamma, beta, mean, variance)
        assertEquals(112L * 112 * 9 * 32, dw.macs());
        assertEquals("1×1×32", b.step(Kind.SQUEEZE).shape());
        assertEquals(32 * 8 + 8, b.step(Kind.SE_REDUCE).params());  // SE width max(1, int(32 * 0.25)) = 8, with bias
        assertEquals("1×1×8", b.step(Kind.SE_REDUCE).shape());
        assertEquals(8 * 32 + 32, b.step(Kind.SE_EXPAND).params());
        assertEquals("112×112×32", b.step(Kind.EXCITE).shape());
        Step project = b.step(Kind.PROJECT);
        assertEquals("112×112×16", project.shape());
        assertEquals(32 * 16 + 4 * 16, project.params());
        assertEquals(112L * 112 * 32 * 16, project.macs());
    }

    /** B0 stage 3: the first block halves the map and has no residual, the second keeps it and adds. */
    @Test
    void strideAndResidualOfStageThree() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        MbConvBreakdown first = MbConvBreakdown.of(c, 3, 0);
        assertEquals("112×112×96", first.step(Kind.EXPAND).shape());      // 16 * 6
        assertEquals("56×56×96", first.step(Kind.DEPTHWISE).shape());      // stride 2
        assertEquals("1×1×4", first.step(Kind.SE_REDUCE).shape());         // int(16 * 0.25) of the block INPUT
        assertNull(first.step(Kind.RESIDUAL));
        MbConvBreakdown second = MbConvBreakdown.of(c, 3, 1);
        assertEquals("56×56×24", second.inShape());
        assertEquals("56×56×144", second.step(Kind.EXPAND).shape());
        assertEquals("1×1×6", second.step(Kind.SE_REDUCE).shape());
        assertNotNull(second.step(Kind.RESIDUAL));
        assertEquals("56×56×24", second.step(Kind.RESIDUAL).shape());
    }

    /** For several scalings: every block's steps add up to its layers, and the shapes follow the block rules. */
    @Test
    void everyBlockMatchesTheCostModelAtSeveralScalings() {
        List<NetworkSpec> specs = List.of(
                NetworkSpec.official(OfficialModel.B0),
                NetworkSpec.official(OfficialModel.B7),
                NetworkSpec.compound(new CompoundScaling(2.3, 1.3, 1.15, 1.1), 192),
                NetworkSpec.compound(CompoundScaling.paper(5.5), 224));
        for (NetworkSpec spec : specs) {
            CostModel c = CostModel.of(spec);
            for (BlockSpec block : spec.blocks()) {
                MbConvBreakdown b = MbConvBreakdown.of(c, block);
                long params = c.layers().stream().filter(l -> l.name().startsWith(block.name())).mapToLong(LayerCost::params).sum();
                long macs = c.layers().stream().filter(l -> l.name().startsWith(block.name())).mapToLong(LayerCost::macs).sum();
                String where = spec + " " + block.name();
                assertEquals(params, b.params(), where);
                assertEquals(macs, b.macs(), where);
                assertEquals(block.filtersIn(), b.inChannels(), where);
                int outSide = (b.inHeight() + block.stride() - 1) / block.stride();
                Step last = b.steps().get(b.steps().size() - 1);
                assertEquals(outSide, last.outHeight(), where);
                assertEquals(block.filtersOut(), last.outChannels(), where);
                assertEquals(block.residual(), b.step(Kind.RESIDUAL) != null, where);
                assertEquals(block.seFilters(), b.step(Kind.SE_REDUCE).outChannels(), where);
                assertEquals(block.filtersIn() * block.expandRatio(), b.step(Kind.DEPTHWISE).outChannels(), where);
                assertEquals(1, b.step(Kind.SQUEEZE).outHeight(), where);
            }
        }
    }

    @Test
    void badStageOrBlockIsRefused() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        assertThrows(IllegalArgumentException.class, () -> MbConvBreakdown.of(c, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> MbConvBreakdown.of(c, 2, 1));
    }
}
