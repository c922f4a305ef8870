package org.scalinglab.ui.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalinglab.train.BaseSize;
import org.scalinglab.train.GridSearchReport;
import org.scalinglab.train.GridSearchReport.Candidate;

/** The one-line summary of a grid search, against numbers worked out by hand. */
class GridSummaryTest {

    private static Candidate c(double a, double b, double g, Double top1) {
        return new Candidate(a, b, g, 0.5 * b, 0.6 * a, 184, 1_000_000, 100_000_000, top1, top1 == null ? null : top1 + 0.4, 60,
                top1 == null ? null : "w.h5");
    }

    /**
     * Top-1 34.1, 33.0, 30.0 (and one untrained): best (1.25, 1.05, 1.15); the paper's choice second of three; mean
     * 32.367, squared deviations 3.004 + 0.401 + 5.601 = 9.007, sample variance 4.503, sd 2.12 → "±2.1".
     */
    @Test
    void bestPaperAndSpreadByHand() {
        List<Candidate> list = new ArrayList<>(List.of(c(1.25, 1.05, 1.15, 0.341), c(1.2, 1.1, 1.15, 0.330), c(1.4, 1.0, 1.2, 0.300),
                c(2.0, 1.0, 1.0, null)));
        GridSearchReport r = new GridSearchReport(new BaseSize(0.5, 0.6, 160), 0.05, 0.05, 2, 100, List.of("a", "b"), list);
        assertEquals("Best: (1.25, 1.05, 1.15) 34.1% top-1; the paper's choice (1.2, 1.1, 1.15) 33.0% (rank 2 of 3); "
                + "the 3 trained: 30.0–34.1%, spread (sd) ±2.1 points (1 not trained yet). One short run each (2 epochs, "
                + "2 classes): gaps within the spread are noise, not a ranking.", GridViewModel.summary(r));
    }

    @Test
    void paperChoiceMissingOrUntrainedAndNothingTrained() {
        GridSearchReport off = new GridSearchReport(new BaseSize(0.5, 0.6, 160), 0.1, 0.05, 1, 10, null,
                List.of(c(2.0, 1.0, 1.0, 0.2), c(1.0, 1.0, 1.4, 0.25)));
        String s = GridViewModel.summary(off);
        assertTrue(s.startsWith("Best: (1, 1, 1.4) 25.0% top-1; the paper's choice (1.2, 1.1, 1.15) is not on this grid;"), s);
        assertTrue(s.contains("(1 epoch)"), s);
        GridSearchReport untrained = new GridSearchReport(new BaseSize(0.5, 0.6, 160), 0.05, 0.05, 1, 10, null,
                List.of(c(1.2, 1.1, 1.15, null), c(1.0, 1.0, 1.4, 0.25)));
        assertTrue(GridViewModel.summary(untrained).contains("the paper's choice (1.2, 1.1, 1.15) is not trained yet"));
        GridSearchReport none = new GridSearchReport(new BaseSize(0.5, 0.6, 160), 0.05, 0.05, 1, 10, null,
                List.of(c(1.2, 1.1, 1.15, null)));
        assertEquals("None of the 1 candidates is trained yet: run grid-search again to resume.", GridViewModel.summary(none));
    }
}
