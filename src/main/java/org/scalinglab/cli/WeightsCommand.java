package org.scalinglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.ModelStore;
import org.scalinglab.tf.OfficialWeights;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"The official Keras ImageNet weights of EfficientNet-B0..B7 in the local cache.",
                "Without options: what is cached where. Cache folder: ~/.scaling-lab/models (Windows: %%LOCALAPPDATA%%\\ScalingLab\\models),",
                "or -D" + ModelStore.DIR_PROPERTY + "=DIR / " + ModelStore.DIR_ENV + "=DIR."})
final class WeightsCommand implements Callable<Integer> {

    static final class Action {
        @Option(names = "--download", paramLabel = "MODEL", description = "download b0..b7 (or 'all') into the cache, md5-checked; resumes a broken download")
        String download;
        @Option(names = "--import", paramLabel = "FILE", description = "copy an official .h5 you downloaded by hand into the cache (md5-checked)")
        Path importFile;
    }

    @ArgGroup(exclusive = true) Action action;
    @Option(names = "--notop", description = "with --download: the file without the classifier (efficientnetbN_notop.h5)") boolean notop;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelStore store = ModelStore.standard();
        List<Path> done = new ArrayList<>();
        if (action != null && action.download != null) {
            List<OfficialModel> models = action.download.equalsIgnoreCase("all") ? List.of(OfficialModel.values())
                    : List.of(OfficialModel.parse(action.download));
            for (OfficialModel m : models) {
                String name = OfficialWeights.fileName(m, !notop);
                done.add(store.download(name, new DownloadProgress(err, name)));
            }
        } else if (action != null && action.importFile != null) {
            done.add(store.importFile(action.importFile));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cache", store.dir().toString());
        m.put("source", store.url("").toString());
        if (!done.isEmpty()) m.put("added", done.stream().map(Path::toString).toList());
        List<Map<String, Object>> files = new ArrayList<>();
        for (String name : OfficialWeights.md5s().keySet()) {
            ModelStore.Status status = store.status(name);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", name);
            f.put("cached", status == ModelStore.Status.VERIFIED);
            f.put("status", status.name().toLowerCase(Locale.ROOT));
            f.put("bytes", status == ModelStore.Status.MISSING ? 0L : Files.size(store.dir().resolve(name)));
            f.put("md5", OfficialWeights.md5s().get(name));
            files.add(f);
        }
        m.put("files", files);
        if (json) {
            out.println(Json.write(m));
        } else {
            for (Path p : done) out.println("in the cache: " + p);
            out.println("cache: " + store.dir());
            out.println("source: " + store.url(""));
            for (Map<String, Object> f : files) {
                String status = (String) f.get("status");
                out.printf(Locale.ROOT, "  %-26s %s%n", f.get("file"), switch (status) {
                    case "verified" -> String.format(Locale.ROOT, "cached, %.1f MB", (Long) f.get("bytes") / 1e6);
                    case "damaged" -> "DAMAGED (md5 differs): download it again with --download, or --import a good copy";
                    default -> "not downloaded";
                });
            }
        }
        out.flush();
        return 0;
    }
}
