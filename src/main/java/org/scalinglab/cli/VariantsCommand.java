package org.scalinglab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.arch.MatchedVariants;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "The compound-scaled network and the width-only, depth-only and resolution-only networks of equal "
                + "multiply-adds (the paper's Figure 7 line-up), with how close each landed.")
final class VariantsCommand implements Callable<Integer> {
    @Option(names = "--phi", required = true, description = "compound coefficient phi, 0..8") double phi;
    @Mixin ScalingBases bases;
    @Option(names = "--base", defaultValue = "b0",
            description = "base network: b0..b7, or WIDTH,DEPTH,RESOLUTION[,CLASSES] such as 0.5,0.5,160,10 (default ${DEFAULT-VALUE})")
    String base;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CompoundScaling scaling = bases.at(phi);
        NetworkSpec baseSpec = BaseSpecs.parse(base);
        List<MatchedVariants.Variant> variants = MatchedVariants.of(baseSpec, scaling);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MatchedVariants.Variant v : variants) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
                m.put("width", v.spec().width());
                m.put("depth", v.spec().depth());
                m.put("resolution", v.spec().resolution());
                m.put("macs", v.macs());
                m.put("params_total", v.params());
                m.put("macs_difference", v.relativeDifference());
                m.put("within_tolerance", v.withinTolerance());
                rows.add(m);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("phi", scaling.phi());
            o.put("alpha", scaling.alpha());
            o.put("beta", scaling.beta());
            o.put("gamma", scaling.gamma());
            o.put("tolerance", MatchedVariants.TOLERANCE);
            o.put("variants", rows);
            out.println(Json.write(o));
        } else {
            out.printf("Base %s, phi=%s alpha=%s beta=%s gamma=%s; target = compound multiply-adds, tolerance ±%.0f%%%n",
                    baseSpec, scaling.phi(), scaling.alpha(), scaling.beta(), scaling.gamma(), 100 * MatchedVariants.TOLERANCE);
            for (MatchedVariants.Variant v : variants) {
                out.println("  " + MatchedVariants.describe(v) + (v.withinTolerance() ? "" : "  <- outside tolerance"));
            }
        }
        out.flush();
        return 0;
    }
}
