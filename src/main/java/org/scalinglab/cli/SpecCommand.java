package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.StageCost;
import org.scalinglab.export.BlockFigure;
import org.scalinglab.export.FigureWriter;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.scaling.PaperTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.scalinglab.io.AtomicFiles;

@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "The architecture (the paper's Table 1), parameters and multiply-adds of an EfficientNet: "
                + "an official model (--model b0..b7) or the compound rule (--phi, --alpha, --beta, --gamma).")
final class SpecCommand implements Callable<Integer> {

    static final class Formula {
        @Option(names = "--phi", required = true, description = "compound coefficient phi, 0..8") double phi;
        @Option(names = "--alpha", defaultValue = "1.2", description = "depth base alpha >= 1 (default ${DEFAULT-VALUE})") double alpha;
        @Option(names = "--beta", defaultValue = "1.1", description = "width base beta >= 1 (default ${DEFAULT-VALUE})") double beta;
        @Option(names = "--gamma", defaultValue = "1.15", description = "resolution base gamma >= 1 (default ${DEFAULT-VALUE})") double gamma;
        @Option(names = "--base-resolution", defaultValue = "224", description = "baseline input size, 32..1024 (default ${DEFAULT-VALUE})") int baseResolution;
    }

    static final class Choice {
        @Option(names = "--model", required = true, description = "official model b0..b7") String model;
        @ArgGroup(exclusive = false) Formula formula;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Choice choice;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Option(names = "--block-diagram", paramLabel = "STAGE", description = "write the MBConv block diagram of this stage "
            + "(2..8) to --out (.svg, .png or .pdf) instead of printing the table") Integer blockStage;
    @Option(names = "--block", defaultValue = "1", description = "with --block-diagram: which block of the stage, 1 = the first "
            + "(default ${DEFAULT-VALUE})") int blockIndex;
    @Option(names = "--out", description = "with --block-diagram: the figure file (.svg, .png at 2x, or .pdf)") Path figureOut;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        NetworkSpec net;
        CompoundScaling formula;
        OfficialModel official = null;
        double resolutionMultiplier;
        if (choice.model != null) {
            official = OfficialModel.parse(choice.model);
            net = NetworkSpec.official(official);
            formula = official.formula();
            resolutionMultiplier = official.resolution() / (double) OfficialModel.BASE_RESOLUTION;
        } else {
            Formula f = choice.formula;
            formula = new CompoundScaling(f.phi, f.alpha, f.beta, f.gamma);
            net = NetworkSpec.compound(formula, f.baseResolution);
            resolutionMultiplier = formula.resolutionMultiplier();
        }
        CostModel cost = CostModel.of(net);
        if (blockStage != null || figureOut != null) {
            writeBlockDiagram(figureOut, cost, net, official, formula);
            return 0;
        }
        if (json) {
            out.println(Json.write(toJson(net, cost, formula, official, resolutionMultiplier)));
        } else {
            out.print(toText(net, cost, formula, official, resolutionMultiplier));
        }
        out.flush();
        return 0;
    }

    private void writeBlockDiagram(Path file, CostModel cost, NetworkSpec net, OfficialModel official, CompoundScaling formula)
            throws IOException {
        if (blockStage == null || file == null) throw new IllegalArgumentException("--block-diagram STAGE and --out FILE go together");
        if (json) throw new IllegalArgumentException("--json and --block-diagram do not go together");
        FigureWriter.Format.of(file);
        AtomicFiles.checkWritable(file);
        if (blockStage < 2 || blockStage > 8) throw new IllegalArgumentException("--block-diagram takes an MBConv stage, 2..8, got " + blockStage);
        int blocks = MbConvBreakdown.blocksOf(net, blockStage).size();
        if (blockIndex < 1 || blockIndex > blocks) {
            throw new IllegalArgumentException("stage " + blockStage + " of this network has blocks 1.." + blocks + ", got --block " + blockIndex);
        }
        BlockFigure figure = BlockFigure.of(MbConvBreakdown.of(cost, blockStage, blockIndex - 1), net,
                BlockFigure.modelName(official, formula));
        figure.write(file);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + file + " (" + figure.width() + "x" + figure.height() + " points): " + figure.heading());
        w.flush();
    }

    static Map<String, Object> toJson(NetworkSpec net, CostModel cost, CompoundScaling formula, OfficialModel official,
                                      double resolutionMultiplier) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", official == null ? "compound" : official.id());
        m.put("phi", formula.phi());
        m.put("alpha", formula.alpha());
        m.put("beta", formula.beta());
        m.put("gamma", formula.gamma());
        m.put("depth", net.depth());
        m.put("width", net.width());
        m.put("resolution_multiplier", resolutionMultiplier);
        m.put("resolution", net.resolution());
        m.put("constraint", formula.constraint());
        m.put("cost_multiplier", formula.costMultiplier());
        m.put("params_total", cost.params());
        m.put("params_trainable", cost.trainableParams());
        m.put("macs", cost.macs());
        m.put("activation_bytes", cost.activationBytes());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageCost s : cost.stages()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", s.stage());
            row.put("operator", s.operator());
            row.put("resolution", s.resolution());
            row.put("channels", s.channels());
            row.put("layers", s.layers());
            row.put("params", s.params());
            row.put("macs", s.macs());
            stages.add(row);
        }
        m.put("stages", stages);
        if (official != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("depth", formula.depth());
            f.put("width", formula.width());
            f.put("resolution", formula.resolution(OfficialModel.BASE_RESOLUTION));
            m.put("formula", f);
            PaperTables.ImageNetResult p = PaperTables.table2(official);
            Map<String, Object> paper = new LinkedHashMap<>();
            paper.put("params_millions", p.paramsMillions());
            paper.put("flops_billions", p.flopsBillions());
            paper.put("macs_difference_percent", 100.0 * (cost.macs() / 1e9 / p.flopsBillions() - 1));
            paper.put("top1", p.top1());
            m.put("paper", paper);
        }
        return m;
    }

    static String toText(NetworkSpec net, CostModel cost, CompoundScaling formula, OfficialModel official,
                         double resolutionMultiplier) {
        StringBuilder sb = new StringBuilder();
        String title = official == null
                ? String.format(Locale.ROOT, "Compound scaling: phi=%s alpha=%s beta=%s gamma=%s",
                        num(formula.phi()), num(formula.alpha()), num(formula.beta()), num(formula.gamma()))
                : "EfficientNet-" + official.name() + " (official)";
        sb.append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "  depth d = %.4f   width w = %.4f   resolution r = %.4f (%d px)%n",
                net.depth(), net.width(), resolutionMultiplier, net.resolution()));
        sb.append(String.format(Locale.ROOT, "  alpha*beta^2*gamma^2 = %.4f   cost multiplier (alpha*beta^2*gamma^2)^phi = %.3f%n",
                formula.constraint(), formula.costMultiplier()));
        if (official != null) {
            sb.append(String.format(Locale.ROOT, "  formula at phi=%d: d = %.4f, w = %.4f, resolution = %d px (official: %.1f, %.1f, %d)%n",
                    official.phi(), formula.depth(), formula.width(), formula.resolution(OfficialModel.BASE_RESOLUTION),
                    official.depth(), official.width(), official.resolution()));
        }
        sb.append('\n');
        String fmt = "%-5s  %-22s  %-10s  %8s  %6s  %12s  %14s%n";
        sb.append(String.format(Locale.ROOT, fmt, "Stage", "Operator", "Resolution", "Channels", "Layers", "Params", "Multiply-adds"));
        for (StageCost s : cost.stages()) {
            sb.append(String.format(Locale.ROOT, fmt, s.stage(), s.operator(), s.resolution() + "x" + s.resolution(),
                    s.channels(), s.layers(), String.format(Locale.ROOT, "%,d", s.params()),
                    String.format(Locale.ROOT, "%,d", s.macs())));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Parameters:     %,d total, %,d trainable%n", cost.params(), cost.trainableParams()));
        sb.append(String.format(Locale.ROOT, "Multiply-adds:  %,d (%.3f G)%n", cost.macs(), cost.macs() / 1e9));
        sb.append(String.format(Locale.ROOT, "Activations:    %.1f MB (all layer outputs, batch 1, float32)%n", cost.activationBytes() / 1e6));
        if (official != null) {
            PaperTables.ImageNetResult p = PaperTables.table2(official);
            sb.append(String.format(Locale.ROOT, "Paper Table 2:  %sM params, %sB FLOPs (multiply-adds here are %+.1f%% of it), top-1 %.1f%%%n",
                    num(p.paramsMillions()), num(p.flopsBillions()), 100.0 * (cost.macs() / 1e9 / p.flopsBillions() - 1), p.top1()));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
