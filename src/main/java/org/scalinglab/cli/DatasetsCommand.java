package org.scalinglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalinglab.train.Imagenette;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"Imagenette on request: fast.ai's imagenette2-160.tgz (about 94 MB, the ten classes of the bundled study), "
                + "downloaded with progress, resume and an md5 check, or imported from a local copy, then unpacked into "
                + "~/.scaling-lab/datasets/imagenette2-160 (train/ and val/ in class folders).",
                "Without options: whether it is there."})
final class DatasetsCommand implements Callable<Integer> {
    @Option(names = "--download", description = "download and unpack Imagenette (resumes a broken download)") boolean download;
    @Option(names = "--import", paramLabel = "FILE.tgz", description = "use a local copy of imagenette2-160.tgz") Path importFile;
    @Option(names = "--json", description = "print one JSON object") boolean json;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (download && importFile != null) throw new IllegalArgumentException("--download and --import cannot be used together");
        Imagenette imagenette = Imagenette.standard();
        PrintWriter err = spec.commandLine().getErr();
        if (download) imagenette.download(new DownloadProgress(err, Imagenette.FILE));
        if (importFile != null) imagenette.importArchive(importFile);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", "imagenette2-160");
        m.put("folder", imagenette.installed().map(Path::toString).orElse(null));
        m.put("source", Imagenette.BASE_URL.resolve(Imagenette.FILE).toString());
        m.put("md5", Imagenette.MD5);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(m));
        } else {
            o.println(m.get("folder") != null ? "imagenette2-160: " + m.get("folder")
                    : "imagenette2-160: not here; get it with --download, or --import a copy of " + m.get("source"));
        }
        o.flush();
        return 0;
    }
}
