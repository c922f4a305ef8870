package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.scalinglab.io.AtomicFiles;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The data and optimisation options shared by {@code train}, {@code study}, {@code grid-search} and {@code sweep}, and
 * the way they run: the output folder checked before anything trains, Ctrl+C as a clean stop with a message.
 */
final class TrainingOptions {
    /** Training work that stops when asked. */
    interface Work {
        void run(BooleanSupplier stop) throws Exception;
    }

    @Spec(Spec.Target.MIXEE) CommandSpec command;
    @Option(names = "--data", required = true, description = "image folder: one sub-folder per class, or train/ and val/ holding them")
    Path data;
    @Option(names = "--epochs", required = true, description = "epochs to train (a resumed run continues up to this)") int epochs;
    @Option(names = "--out", required = true, description = "output folder: checkpoints, model.h5, report") Path outDir;
    @Option(names = "--batch", defaultValue = "" + TrainingConfig.DEFAULT_BATCH, description = "batch size (default ${DEFAULT-VALUE})") int batch;
    @Option(names = "--lr", defaultValue = "" + TrainingConfig.DEFAULT_LEARNING_RATE, description = "peak learning rate (default ${DEFAULT-VALUE})") double lr;
    @Option(names = "--warmup", defaultValue = "" + TrainingConfig.DEFAULT_WARMUP_EPOCHS, description = "warm-up epochs (default ${DEFAULT-VALUE})") double warmup;
    @Option(names = "--per-class", defaultValue = "0", description = "at most this many training images per class, 0 = all (default ${DEFAULT-VALUE})") int perClass;
    @Option(names = "--held-out", defaultValue = "" + TrainingConfig.DEFAULT_HELD_OUT, description = "validation fraction when there is no val/ folder (default ${DEFAULT-VALUE})") double heldOut;
    @Option(names = "--seed", defaultValue = "" + TrainingConfig.DEFAULT_SEED, description = "random seed (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--clip-norm", defaultValue = "0", description = "scale the gradients down to this global norm when larger; 0 = off (default ${DEFAULT-VALUE}); the progress line shows the norm as |g|") double clipNorm;
    @Option(names = "--loader-threads", defaultValue = "" + TrainingConfig.DEFAULT_LOADER_THREADS, description = "image decoding threads (default ${DEFAULT-VALUE})") int loaderThreads;

    /** The trainer's progress, one line per report on stderr. */
    static java.util.function.Consumer<org.scalinglab.train.TrainingProgress> printTo(java.io.PrintWriter err) {
        return p -> {
            err.println(p.line());
            err.flush();
        };
    }

    TrainingConfig config() {
        return TrainingConfig.standard(epochs, batch, lr, warmup, seed, loaderThreads, clipNorm);
    }

    ImageFolder dataset() {
        if (perClass < 0) throw new IllegalArgumentException("--per-class must be 0 or more");
        return ImageFolder.open(data, heldOut, perClass, seed);
    }

    Path outDir() {
        return outDir;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Runs the work, Ctrl+C asking it to stop: exit code 0, or 130 after saying what was kept. */
    int run(String what, Work work) throws Exception {
        AtomicFiles.checkWritable(outDir.resolve(".write-check"));
        try (StopOnInterrupt stop = new StopOnInterrupt(err(), what)) {
            try {
                work.run(stop);
            } catch (CancellationException e) {
                err().println(e.getMessage());
                err().flush();
                return 130;
            }
        }
        out().flush();
        return 0;
    }
}
