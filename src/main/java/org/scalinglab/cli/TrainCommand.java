package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.train.ImageFolder;
import org.scalinglab.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an EfficientNet of any width, depth and resolution from scratch on an image folder. "
                + "Checkpoints after every epoch in --out; run the same command again to resume.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "1.0", description = "width multiplier (default ${DEFAULT-VALUE})") double width;
    @Option(names = "--depth", defaultValue = "1.0", description = "depth multiplier (default ${DEFAULT-VALUE})") double depth;
    @Option(names = "--resolution", defaultValue = "224", description = "input size in pixels (default ${DEFAULT-VALUE})") int resolution;
    @Option(names = "--dropout", defaultValue = "0.2", description = "dropout before the classifier (default ${DEFAULT-VALUE})") double dropout;
    @Option(names = "--extend", description = "train a finished or started run in --out on to more --epochs (its cosine learning rate"
            + " is then spread over the new total); without it a rerun must use the run's own settings") boolean extend;
    @Mixin TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        ImageFolder data = options.dataset();
        NetworkSpec net = new NetworkSpec("model", width, depth, resolution, dropout, data.classes().size());
        CostModel cost = CostModel.of(net);
        out.printf("Training %s: %,d parameters, %,d multiply-adds; %d classes, %d training and %d validation images%n",
                net, cost.params(), cost.macs(), data.classes().size(), data.train().size(), data.validation().size());
        out.flush();
        return options.run("the training", stop -> {
            Trainer.Result r = Trainer.train(net, data, options.config(), options.outDir(), TrainingOptions.printTo(options.err()), stop, extend);
            out.printf("Done: validation top-1 %.2f%%, top-5 %.2f%%, %.0f s, %.1f images/s; weights in %s%n",
                    100 * r.top1(), 100 * r.top5(), r.seconds(), r.imagesPerSecond(), r.weights());
        });
    }
}
