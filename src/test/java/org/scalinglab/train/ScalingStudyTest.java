package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.scaling.CompoundScaling;

class ScalingStudyTest {
    private static final CompoundScaling PAPER = new CompoundScaling(1, 1.2, 1.1, 1.15);

    @Test
    void rerunTrainsOnlyTheModelsThatAreNotFinishedAndRefusesAnotherStudy(@TempDir Path dir) throws Exception {
        ImageFolder data = GridSearchTest.shapes(dir.resolve("data"));
        Path out = dir.resolve("study");
        ScalingStudy.Report first = ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, GridSearchTest.ONE_EPOCH, out, p -> { }, () -> false);
        assertEquals(List.of("base", "compound", "width", "depth", "resolution"), first.models().stream().map(ScalingStudy.Entry::kind).toList());
        assertTrue(first.models().stream().allMatch(ScalingStudy.Entry::trained));
        assertEquals(first, ScalingStudy.read(out.resolve("report.json")));

        // the shipped study has no checkpoints: a model whose folder is gone must train again, the others must not
        Path baseModel = out.resolve("base/model.h5");
        Files.setLastModifiedTime(baseModel, FileTime.fromMillis(1_000_000_000_000L));
        deleteTree(out.resolve("compound"));
        Set<String> trained = new HashSet<>();
        ScalingStudy.Report second = ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, GridSearchTest.ONE_EPOCH, out,
                p -> trained.add(p.model()), () -> false);
        assertEquals(Set.of("compound"), trained);
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(baseModel));
        assertTrue(Files.isRegularFile(out.resolve("compound/model.h5")));
        for (int i = 0; i < 5; i++) {
            if (i == 1) continue;
            assertEquals(first.models().get(i), second.models().get(i), "kept as it was: " + first.models().get(i).kind());
        }
        assertTrue(second.models().get(1).trained());
        assertEquals(second, ScalingStudy.read(out.resolve("report.json")));

        // more epochs than a model was trained for: it is not finished (its checkpoint resumes it)
        Set<String> longer = new HashSet<>();
        ScalingStudy.Report third = ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, GridSearchTest.ONE_EPOCH.withEpochs(2), out,
                p -> longer.add(p.model()), () -> false);
        assertEquals(Set.of("base", "compound", "width", "depth", "resolution"), longer);
        assertTrue(third.models().stream().allMatch(m -> m.epochs() == 2), third.toString());

        // the base again with seed 7: only it trains, exactly as the trainer alone trains the base with that seed
        TrainingConfig twoEpochs = GridSearchTest.ONE_EPOCH.withEpochs(2);
        Set<String> repeated = new HashSet<>();
        ScalingStudy.Report fourth = ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, twoEpochs, out, 7L,
                p -> repeated.add(p.model()), () -> false);
        assertEquals(Set.of("base-seed7"), repeated);
        Trainer.Result alone = Trainer.train(ScaleSweepTest.TINY.withClasses(data.classes().size()), data, twoEpochs.withSeed(7),
                dir.resolve("alone"), p -> { }, () -> false);
        assertEquals(1, fourth.repeats().size());
        ScalingStudy.Repeat repeat = fourth.repeats().get(0);
        assertEquals(7, repeat.seed());
        assertEquals(alone.top1(), repeat.top1(), 0);
        assertEquals(alone.history().stream().map(Checkpoint.EpochRecord::loss).toList(),
                repeat.history().stream().map(Checkpoint.EpochRecord::loss).toList());
        assertNotEquals(third.models().get(0).history().get(0).loss(), repeat.history().get(0).loss(), "another seed, another run");
        assertEquals(Math.abs(repeat.top1() - third.models().get(0).top1()), fourth.seedSpread().orElseThrow(), 0);
        assertEquals(Long.valueOf(GridSearchTest.ONE_EPOCH.seed()), fourth.seed());
        assertEquals(fourth, ScalingStudy.read(out.resolve("report.json")));
        // a rerun without the option keeps the repeat; with it, the finished repeat is not trained again
        Set<String> none = new HashSet<>();
        assertEquals(fourth.repeats(), ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, twoEpochs, out, p -> none.add(p.model()), () -> false).repeats());
        assertEquals(fourth.repeats(), ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, twoEpochs, out, 7L,
                p -> { if (!p.isNote()) none.add(p.model()); }, () -> false).repeats());
        assertEquals(Set.of(), none);
        // as shipped, without checkpoints: the finished repeat is still not trained again
        for (String f : List.of("checkpoint.json")) Files.delete(out.resolve("base-seed7").resolve(f));
        assertEquals(fourth.repeats(), ScalingStudy.run(ScaleSweepTest.TINY, PAPER, data, twoEpochs, out, 7L, p -> none.add(p.model()), () -> false).repeats());
        assertEquals(Set.of(), none);

        String before = Files.readString(out.resolve("report.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingStudy.run(ScaleSweepTest.TINY,
                new CompoundScaling(1, 1.3, 1.1, 1.1), data, GridSearchTest.ONE_EPOCH, out, p -> { }, () -> false));
        assertTrue(e.getMessage().contains("belongs to another study (phi, alpha, beta, gamma 1.0, 1.2, 1.1, 1.15 there)"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("report.json")), "a refused run leaves the report alone");
    }

    private static void deleteTree(Path p) throws Exception {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
