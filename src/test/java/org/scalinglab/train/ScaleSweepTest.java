package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;

class ScaleSweepTest {
    /** A tiny base whose width-, depth- and resolution-only scalings at phi = 1 all land within 5% of the compound cost. */
    static final NetworkSpec TINY = new NetworkSpec("tiny", 0.15, 0.25, 44, 0.1, 3);

    @Test
    void phisAreSortedAndCheckedAndIdsReadAsModeAndPhi() {
        ScaleSweep s = new ScaleSweep(TINY, 1.2, 1.1, 1.15, List.of(2.0, 0.0, 1.0, 1.0));
        assertEquals(List.of(0.0, 1.0, 2.0), s.phis());
        assertEquals(List.of("base-phi0", "compound-phi1", "width-phi1", "depth-phi1", "resolution-phi1",
                "compound-phi2", "width-phi2", "depth-phi2", "resolution-phi2"), s.points(3).stream().map(ScaleSweep.Planned::id).toList());
        assertEquals("width-phi1.5", ScaleSweep.id("width", 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ScaleSweep(TINY, 1.2, 1.1, 1.15, List.of(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> new ScaleSweep(TINY, 1.2, 1.1, 1.15, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScaleSweep(TINY, 0.9, 1.1, 1.15, List.of(1.0)));
    }

    @Test
    void sweepRunsResumesAfterCancelAndRefusesOtherSettings(@TempDir Path dir) throws Exception {
        ImageFolder data = GridSearchTest.shapes(dir.resolve("data"));
        Path out = dir.resolve("sweep");
        ScaleSweep sweep = new ScaleSweep(TINY, 1.2, 1.1, 1.15, List.of(0.0, 1.0));
        List<SweepReport> updates = new ArrayList<>();

        assertThrows(CancellationException.class, () -> sweep.run(data, 0, GridSearchTest.ONE_EPOCH, out, p -> { },
                () -> !updates.isEmpty() && updates.get(updates.size() - 1).points().stream().anyMatch(SweepReport.Point::trained), updates::add));
        SweepReport partial = SweepReport.read(out.resolve(ScaleSweep.REPORT));
        assertEquals(List.of("base", "compound", "width", "depth", "resolution"), partial.points().stream().map(SweepReport.Point::mode).toList());
        assertEquals(List.of(0.0, 1.0, 1.0, 1.0, 1.0), partial.points().stream().map(SweepReport.Point::phi).toList());
        assertTrue(partial.points().get(0).trained(), "the base (smallest phi) trains first");
        assertEquals("base-phi0/model.h5", partial.points().get(0).weights());
        assertTrue(partial.points().subList(1, 5).stream().noneMatch(SweepReport.Point::trained));

        // the base is the base; compound is w 0.15*1.1, d 0.25*1.2, round(44*1.15) = 51 px
        SweepReport.Point base = partial.points().get(0);
        SweepReport.Point compound = partial.points().get(1);
        assertEquals(CostModel.of(TINY).macs(), base.macs());
        assertEquals(0.165, compound.width(), 1e-12);
        assertEquals(0.3, compound.depth(), 1e-12);
        assertEquals(51, compound.resolution());
        // each single-dimension point changes only its own dimension and matches the compound multiply-adds
        for (SweepReport.Point p : partial.points().subList(1, 5)) {
            long macs = CostModel.of(new NetworkSpec("x", p.width(), p.depth(), p.resolution(), 0.1, 3)).macs();
            assertEquals(macs, p.macs(), p.mode());
            assertTrue(Math.abs(macs / (double) compound.macs() - 1) <= MatchedVariants.TOLERANCE, p.mode() + " " + macs + " vs " + compound.macs());
            assertTrue(macs > 1.5 * base.macs(), "phi = 1 costs about twice the base");
        }
        SweepReport.Point width = partial.points().get(2);
        SweepReport.Point depth = partial.points().get(3);
        SweepReport.Point resolution = partial.points().get(4);
        assertTrue(width.width() > 0.15 && width.depth() == 0.25 && width.resolution() == 44, width.toString());
        assertTrue(depth.width() == 0.15 && depth.depth() > 0.25 && depth.resolution() == 44, depth.toString());
        assertTrue(resolution.width() == 0.15 && resolution.depth() == 0.25 && resolution.resolution() > 44, resolution.toString());

        Path baseModel = out.resolve("base-phi0/model.h5");
        Files.setLastModifiedTime(baseModel, FileTime.fromMillis(1_000_000_000_000L));
        List<String> trainedModels = new ArrayList<>();
        SweepReport done = sweep.run(data, 0, GridSearchTest.ONE_EPOCH, out, p -> trainedModels.add(p.model()), () -> false, r -> { });
        assertTrue(done.points().stream().allMatch(SweepReport.Point::trained));
        assertEquals(base, done.points().get(0));
        assertFalse(trainedModels.contains("base-phi0"), trainedModels.toString());
        assertTrue(trainedModels.contains("resolution-phi1"));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(baseModel));
        assertEquals(done, SweepReport.read(out.resolve(ScaleSweep.REPORT)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScaleSweep(TINY, 1.2, 1.1, 1.15, List.of(0.0, 1.0, 2.0))
                .run(data, 0, GridSearchTest.ONE_EPOCH, out, p -> { }, () -> false, r -> { }));
        assertTrue(e.getMessage().contains("phis [0.0, 1.0, 2.0] now, [0.0, 1.0] there"), e.getMessage());
        assertTrue(e.getMessage().contains("another --out folder"), e.getMessage());
    }
}
