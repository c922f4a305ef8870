package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.GridCandidates;

class GridSearchTest {
    /** One block per stage, 32 px: each candidate trains for one epoch in about a second. */
    static final NetworkSpec TINY = new NetworkSpec("tiny", 0.25, 0.25, 32, 0.1, 3);
    /** One epoch of three steps of 8 images, no warm-up; a gentle rate, since deep networks at 32 px diverge at 0.05. */
    static final TrainingConfig ONE_EPOCH = new TrainingConfig(1, 8, 0.01, 0, 0.9, 0.1, 1e-5, 0.9, 7, 1);

    static ImageFolder shapes(Path dir) throws Exception {
        SyntheticShapes.write(dir, 3, 10, 40, 17);
        return ImageFolder.open(dir, 0.2, 0, 3);
    }

    @Test
    void orderStartsAtThePapersChoiceAndSpreadsOut() {
        List<GridCandidates.Candidate> order = new GridSearch(TINY, 0.1, 0.05, true).candidates();
        List<GridCandidates.Candidate> grid = GridCandidates.enumerate(0.1, 0.05);
        // gamma 1.15 is not on a grid of step 0.1: the paper's point is added, and trained first
        assertEquals(grid.size() + 1, order.size());
        assertTrue(order.get(0).isPaperChoice());
        assertEquals(new HashSet<>(grid), new HashSet<>(order.subList(1, order.size())));
        // each next candidate is one of the farthest from all those before it
        for (int k = 1; k < order.size(); k++) {
            List<GridCandidates.Candidate> before = order.subList(0, k);
            double chosen = nearest(order.get(k), before);
            for (GridCandidates.Candidate other : order.subList(k, order.size())) {
                assertTrue(chosen >= nearest(other, before) - 1e-12, "step " + k + ": " + order.get(k) + " before " + other);
            }
        }
        // without the paper's point the search starts at its nearest grid neighbour (1.2, 1.1, 1.2 is 0.05 away)
        GridCandidates.Candidate first = new GridSearch(TINY, 0.1, 0.05, false).candidates().get(0);
        assertEquals(new GridCandidates.Candidate(1.2, 1.1, 1.2), first);
        // on a grid of step 0.05 the paper's point is already there and is not added twice
        List<GridCandidates.Candidate> fine = new GridSearch(TINY, 0.05, 0.05, true).candidates();
        assertEquals(GridCandidates.enumerate(0.05, 0.05).size(), fine.size());
        assertTrue(fine.get(0).isPaperChoice());
    }

    @Test
    void idsReadAsTheCoefficients() {
        assertEquals("a1.20-b1.10-g1.15", GridSearch.id(new GridCandidates.Candidate(1.2, 1.1, 1.15)));
        assertEquals("a2.00-b1.00-g1.00", GridSearch.id(new GridCandidates.Candidate(2, 1, 1)));
        assertEquals("a1.025-b1.00-g1.30", GridSearch.id(new GridCandidates.Candidate(1.025, 1, 1.3)));
    }

    @Test
    void badGridsAreRefusedWithAHint() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new GridSearch(TINY, 0.3, 0, true).candidates());
        assertTrue(empty.getMessage().contains("raise --tolerance"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GridSearch(TINY, 0.005, 0.05, true).candidates());
    }

    @Test
    void searchRunsResumesAfterCancelAndRefusesOtherSettings(@TempDir Path dir) throws Exception {
        ImageFolder data = shapes(dir.resolve("data"));
        Path out = dir.resolve("grid");
        // step 0.25 and tolerance 1%: the grid holds only (2, 1, 1); the paper's point makes two candidates
        GridSearch search = new GridSearch(TINY, 0.25, 0.01, true);
        List<GridSearchReport> updates = new ArrayList<>();

        // first run: cancelled as soon as one candidate is finished
        assertThrows(CancellationException.class, () -> search.run(data, 0, ONE_EPOCH, out, p -> { }, () -> anyTrained(updates), updates::add));
        GridSearchReport partial = GridSearchReport.read(out.resolve(GridSearch.REPORT));
        // the plan lists GridCandidates' enumeration plus the paper's point, which is off this grid
        Set<GridCandidates.Candidate> expected = new HashSet<>(GridCandidates.enumerate(0.25, 0.01));
        expected.add(new GridCandidates.Candidate(1.2, 1.1, 1.15));
        assertEquals(Set.of(new GridCandidates.Candidate(2, 1, 1), new GridCandidates.Candidate(1.2, 1.1, 1.15)), expected);
        assertEquals(expected, coefficients(partial));
        assertEquals(1, partial.candidates().stream().filter(GridSearchReport.Candidate::trained).count());
        GridSearchReport.Candidate first = partial.candidates().get(0);
        assertTrue(first.trained(), "the paper's choice trains first");
        assertEquals("a1.20-b1.10-g1.15/model.h5", first.weights());
        for (GridSearchReport.Candidate c : partial.candidates().subList(1, 2)) {
            assertNull(c.top1());
            assertNull(c.top5());
            assertNull(c.weights());
        }
        // each candidate is the base at phi = 1: width 0.25 beta, depth 0.25 alpha, 32 gamma pixels
        for (GridSearchReport.Candidate c : partial.candidates()) {
            assertEquals(0.25 * c.beta(), c.width(), 1e-12);
            assertEquals(0.25 * c.alpha(), c.depth(), 1e-12);
            assertEquals(Math.round(32 * c.gamma()), c.resolution());
            assertEquals(CostModel.of(new NetworkSpec("x", c.width(), c.depth(), c.resolution(), 0.1, 3)).macs(), c.macs());
        }
        assertEquals(37, first.resolution());
        Path firstModel = out.resolve("a1.20-b1.10-g1.15/model.h5");
        Files.setLastModifiedTime(firstModel, FileTime.fromMillis(1_000_000_000_000L));

        // second run: the finished candidate is not trained again, the others are
        List<String> trainedModels = new ArrayList<>();
        GridSearchReport done = search.run(data, 0, ONE_EPOCH, out, p -> trainedModels.add(p.model()), () -> false, r -> { });
        assertTrue(done.candidates().stream().allMatch(GridSearchReport.Candidate::trained));
        assertEquals(first, done.candidates().get(0), "the first result is kept as it was");
        assertFalse(trainedModels.contains("a1.20-b1.10-g1.15"), trainedModels.toString());
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(firstModel));
        assertEquals(done, GridSearchReport.read(out.resolve(GridSearch.REPORT)));
        for (GridSearchReport.Candidate c : done.candidates()) {
            assertTrue(Files.isRegularFile(out.resolve(c.weights())), c.weights());
            assertTrue(c.top1() >= 0 && c.top1() <= 1 && c.top5() >= c.top1());
        }

        // a different budget on the same folder would mix results: refused, naming the difference
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search.run(data, 0, ONE_EPOCH.withEpochs(2), out, p -> { }, () -> false, r -> { }));
        assertTrue(e.getMessage().contains("epochs 2 now, 1 there"), e.getMessage());
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> new GridSearch(TINY, 0.5, 0.01, true).run(data, 0, ONE_EPOCH, out, p -> { }, () -> false, r -> { }));
        assertTrue(step.getMessage().contains("step 0.5 now, 0.25 there"), step.getMessage());
    }

    private static boolean anyTrained(List<GridSearchReport> updates) {
        return !updates.isEmpty() && updates.get(updates.size() - 1).candidates().stream().anyMatch(GridSearchReport.Candidate::trained);
    }

    private static Set<GridCandidates.Candidate> coefficients(GridSearchReport r) {
        Set<GridCandidates.Candidate> s = new HashSet<>();
        for (GridSearchReport.Candidate c : r.candidates()) s.add(new GridCandidates.Candidate(c.alpha(), c.beta(), c.gamma()));
        return s;
    }

    private static double nearest(GridCandidates.Candidate c, List<GridCandidates.Candidate> others) {
        double best = Double.POSITIVE_INFINITY;
        for (GridCandidates.Candidate o : others) {
            best = Math.min(best, Math.sqrt(Math.pow(c.alpha() - o.alpha(), 2) + Math.pow(c.beta() - o.beta(), 2) + Math.pow(c.gamma() - o.gamma(), 2)));
        }
        return best;
    }
}
