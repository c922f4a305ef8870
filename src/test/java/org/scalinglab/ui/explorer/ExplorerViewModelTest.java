package org.scalinglab.ui.explorer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.StageCost;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

/** The explorer's logic without a window (JavaFX properties need no toolkit). */
class ExplorerViewModelTest {

    @Test
    void startsAtB0WithKerasCounts() {
        ExplorerViewModel vm = new ExplorerViewModel();
        ExplorerViewModel.Snapshot s = vm.snapshot();
        assertEquals(OfficialModel.B0, s.official());
        assertEquals(5_330_571, s.cost().params());           // Keras count_params() of EfficientNetB0
        assertEquals(5_288_548, s.cost().trainableParams());
        assertEquals(9, vm.rows().size());
        assertTrue(vm.rows().stream().noneMatch(r -> r.resolutionChanged() || r.channelsChanged() || r.layersChanged()
                || r.paramsChanged() || r.macsChanged()), "B0 differs from B0 nowhere");
        assertEquals("", vm.error());
    }

    @Test
    void presetB7SetsTheOfficialValues() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.selectPreset(OfficialModel.B7);
        ExplorerViewModel.Snapshot s = vm.snapshot();
        assertEquals(7.0, vm.phiProperty().get());
        assertEquals(600, s.resolution());
        assertEquals(3.1, s.depth());
        assertEquals(2.0, s.width());
        assertEquals(66_658_687, s.cost().params());
        assertEquals(600, vm.rows().get(0).now().resolution());
        assertEquals(64, vm.rows().get(0).now().channels());   // stem: round_filters(32 * 2.0)
        // beside it, the formula at the same phi: 1.2^7 = 3.583...
        assertEquals(Math.pow(1.2, 7), s.comparison().formula().depth(), 1e-12);
        assertEquals(3.1, s.comparison().official().depth());
        assertEquals(84.3, s.comparison().official().paper().top1());
    }

    @Test
    void movingPhiSwitchesToTheFormulaAndMatchesTheCostModel() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.phiProperty().set(2.5);
        assertNull(vm.presetProperty().get());
        CostModel expected = CostModel.of(NetworkSpec.compound(new CompoundScaling(2.5, 1.2, 1.1, 1.15), 224));
        CostModel shown = vm.snapshot().cost();
        assertEquals(expected.params(), shown.params());
        assertEquals(expected.macs(), shown.macs());
        List<StageCost> stages = expected.stages();
        for (int i = 0; i < 9; i++) assertEquals(stages.get(i), vm.rows().get(i).now());

        // by hand at phi = 1: r = round(224 * 1.15) = 258, stage 3 has ceil(1.2 * 2) = 3 layers
        vm.phiProperty().set(1.0);
        assertEquals(258, vm.snapshot().resolution());
        assertEquals(3, vm.rows().get(2).now().layers());
        assertTrue(vm.rows().get(2).layersChanged());
        assertTrue(vm.rows().get(1).layersChanged());           // stage 2: ceil(1.2 * 1) = 2 > 1
        assertFalse(vm.rows().get(0).layersChanged());          // the stem stays one layer
    }

    @Test
    void officialModeFollowsWholeStepsOfPhi() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.selectPreset(OfficialModel.B3);
        vm.nudgePhi(1);
        assertEquals(OfficialModel.B4, vm.presetProperty().get());
        assertEquals(380, vm.snapshot().resolution());
        vm.nudgePhi(0.1);
        assertNull(vm.presetProperty().get());
        assertEquals(4.1, vm.phiProperty().get(), 1e-12);
        vm.alphaProperty().set(1.3);
        vm.useFormula();
        assertNull(vm.presetProperty().get());
    }

    @Test
    void invalidCombinationKeepsTheLastNetworkAndSaysWhy() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.phiProperty().set(3);
        ExplorerViewModel.Snapshot before = vm.snapshot();
        vm.alphaProperty().set(2.0);                            // 2^3 = 8 layers per layer: above the 6.5 limit
        assertTrue(vm.error().contains("depth multiplier"), vm.error());
        assertSame(before, vm.snapshot());
        assertEquals(Math.log(6.5) / Math.log(2), vm.maxPhi(), 1e-12);
        vm.phiProperty().set(2);
        assertEquals("", vm.error());
        assertEquals(Math.pow(2, 2), vm.snapshot().depth(), 1e-12);
    }

    @Test
    void constraintIsFlaggedWhenOffTwo() {
        ExplorerViewModel vm = new ExplorerViewModel();
        assertEquals(1.2 * 1.1 * 1.1 * 1.15 * 1.15, vm.constraintProperty().get(), 1e-12);   // 1.920, 4% off
        assertTrue(vm.constraintOkProperty().get());
        vm.alphaProperty().set(1.5);                                                          // 1.5 * 1.21 * 1.3225 = 2.4003
        assertEquals(2.4003, vm.constraintProperty().get(), 1e-4);
        assertFalse(vm.constraintOkProperty().get());
    }

    @Test
    void blockViewFollowsTheSelectedStage() {
        ExplorerViewModel vm = new ExplorerViewModel();
        vm.selectedStageProperty().set(4);
        assertEquals("block3a_", vm.blockProperty().get().block().name());
        vm.selectedBlockProperty().set(1);
        assertEquals("block3b_", vm.blockProperty().get().block().name());
        vm.selectedBlockProperty().set(5);                      // B0's stage 4 has two blocks: show the last
        assertEquals("block3b_", vm.blockProperty().get().block().name());
        vm.selectPreset(OfficialModel.B7);                      // B7's stage 4 has ceil(3.1 * 2) = 7
        assertEquals("block3f_", vm.blockProperty().get().block().name());
        assertEquals(600 / 8, vm.blockProperty().get().inHeight());   // after block 3a's stride 2: 600/2/2/2
    }
}
