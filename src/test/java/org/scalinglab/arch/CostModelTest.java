package org.scalinglab.arch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

class CostModelTest {

    @Test
    void b0MatchesKerasCountParams() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        assertEquals(5_330_571, c.params());
        assertEquals(5_288_548, c.trainableParams());
        assertEquals(0.386, c.macs() / 1e9, 0.0005);
    }

    @Test
    void b7MatchesKerasCountParams() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B7));
        assertEquals(66_658_687, c.params());
        assertEquals(66_347_960, c.trainableParams());
    }

    /** torchvision builds B0..B7 with its own code; its parameter and multiply-add counts are an independent reference. */
    @Test
    void allOfficialModelsMatchTorchvisionReference() throws Exception {
        List<String> lines;
        try (var in = getClass().getResourceAsStream("/reference/torchvision-costs.csv")) {
            assertNotNull(in, "reference file missing");
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1).toList();
        }
        assertEquals(8, lines.size());
        for (String line : lines) {
            String[] f = line.split(",");
            OfficialModel m = OfficialModel.parse(f[0]);
            CostModel c = CostModel.of(NetworkSpec.official(m));
            assertEquals(Integer.parseInt(f[1]), c.spec().resolution(), m + " resolution");
            long trainable = Long.parseLong(f[2]);
            long bnRunning = Long.parseLong(f[3]);
            assertEquals(trainable, c.trainableParams(), m + " trainable");
            // Keras adds the BN moving statistics and the 7 values of the Normalization layer
            assertEquals(trainable + bnRunning + 7, c.params(), m + " total");
            assertEquals(Long.parseLong(f[4]), c.macs(), m + " multiply-adds");
        }
    }

    @Test
    void stageTableOfB0IsThePapersTable1() {
        List<StageCost> s = CostModel.of(NetworkSpec.official(OfficialModel.B0)).stages();
        int[] res = {224, 112, 112, 56, 28, 14, 14, 7, 7};
        int[] ch = {32, 16, 24, 40, 80, 112, 192, 320, 1280};
        int[] layers = {1, 1, 2, 2, 3, 3, 4, 1, 1};
        String[] ops = {"Conv3x3", "MBConv1, k3x3", "MBConv6, k3x3", "MBConv6, k5x5", "MBConv6, k3x3", "MBConv6, k5x5",
                "MBConv6, k5x5", "MBConv6, k3x3", "Conv1x1 & Pooling & FC"};
        assertEquals(9, s.size());
        for (int i = 0; i < 9; i++) {
            assertEquals(i + 1, s.get(i).stage());
            assertEquals(ops[i], s.get(i).operator());
            assertEquals(res[i], s.get(i).resolution(), "stage " + (i + 1));
            assertEquals(ch[i], s.get(i).channels(), "stage " + (i + 1));
            assertEquals(layers[i], s.get(i).layers(), "stage " + (i + 1));
        }
    }

    @Test
    void stemCostsByHand() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        StageCost stem = c.stages().get(0);
        // normalization 7 + conv 3*3*3*32 = 864 + BN 4*32 = 128
        assertEquals(7 + 864 + 128, stem.params());
        // 112*112 outputs * 864 multiply-adds
        assertEquals(112L * 112 * 864, stem.macs());
        // head: top_conv 320*1280 + BN 4*1280 + dense 1280*1000 + 1000
        assertEquals(320L * 1280 + 4 * 1280 + 1280L * 1000 + 1000, c.stages().get(8).params());
        long stageSum = c.stages().stream().mapToLong(StageCost::params).sum();
        assertEquals(c.params(), stageSum);
    }

    @Test
    void oddResolutionRoundsUp() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0).withResolution(225));
        // SAME / correct_pad: ceil(225/2)=113, 57, 29, 15, 8
        assertEquals(113, c.outputSize("stem_conv"));
        assertEquals(8, c.outputSize("top_activation"));
    }

    @Test
    void activationMemoryOfTheStemByHand() {
        CostModel c = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        // rescaling + normalization outputs 224*224*3 each; stem conv, bn, activation 112*112*32 each
        long firstFive = c.layers().subList(0, 5).stream().mapToLong(LayerCost::outputElements).sum();
        assertEquals(2L * 224 * 224 * 3 + 3L * 112 * 112 * 32, firstFive);
        assertTrue(c.activationBytes() > 4 * firstFive);
    }

    /** Doubling the resolution quadruples every spatial conv; the SE convs and the dense layer act on 1x1 and stay. */
    @Test
    void doublingResolutionQuadruplesSpatialMultiplyAdds() {
        CostModel low = CostModel.of(NetworkSpec.official(OfficialModel.B0));
        CostModel high = CostModel.of(NetworkSpec.official(OfficialModel.B0).withResolution(448));
        long fixed = low.layers().stream().filter(l -> l.outHeight() == 1).mapToLong(LayerCost::macs).sum();
        assertEquals(4 * (low.macs() - fixed) + fixed, high.macs());
        assertEquals(low.params(), high.params());
    }

    @Test
    void compoundCostIncreasesWithPhi() {
        long previous = 0;
        for (double phi = 0; phi <= 6; phi += 0.5) {
            long macs = CostModel.of(NetworkSpec.compound(CompoundScaling.paper(phi), 224)).macs();
            assertTrue(macs > previous, "phi " + phi);
            previous = macs;
        }
    }

    @Test
    void blockNamesAndSqueezeWidthFollowKeras() {
        NetworkSpec b0 = NetworkSpec.official(OfficialModel.B0);
        BlockSpec b2a = b0.blocks().get(1);
        assertEquals("block2a_", b2a.name());
        assertEquals(16, b2a.filtersIn());
        assertEquals(96, b2a.expandedFilters());
        assertEquals(4, b2a.seFilters()); // 16 * 0.25 from the block input, not 96 * 0.25
        assertFalse(b2a.residual());
        BlockSpec b2b = b0.blocks().get(2);
        assertEquals("block2b_", b2b.name());
        assertTrue(b2b.residual());
        assertEquals("block2b_add", b2b.outputLayer());
        assertEquals(16, b0.blocks().size());
        assertEquals("top_activation", b0.camLayers().get(b0.camLayers().size() - 1));
    }
}
