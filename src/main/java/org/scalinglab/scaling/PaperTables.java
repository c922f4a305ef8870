package org.scalinglab.scaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The published figures of Tan &amp; Le (2019) that the app shows beside its own computations. */
public final class PaperTables {

    /** Table 2 row. flopsBillions is NaN where the paper gives none. */
    public record ImageNetResult(String model, double top1, double top5, double paramsMillions, double flopsBillions) {
        public boolean isEfficientNet() {
            return model.startsWith("EfficientNet");
        }
    }

    /** Table 3 / Table 5 row: a scaled model, its multiply-adds and its top-1. */
    public record ScalingResult(String family, String variant, double flopsBillions, double top1) {
    }

    private PaperTables() {
    }

    public static List<ImageNetResult> table2() {
        List<ImageNetResult> out = new ArrayList<>();
        for (String[] f : rows("paper-table2.csv")) {
            out.add(new ImageNetResult(f[0], num(f[1]), num(f[2]), num(f[3]), f.length > 4 ? num(f[4]) : Double.NaN));
        }
        return out;
    }

    public static ImageNetResult table2(OfficialModel m) {
        String name = "EfficientNet-" + m.name();
        return table2().stream().filter(r -> r.model().equals(name)).findFirst().orElseThrow();
    }

    public static List<ScalingResult> table3() {
        List<ScalingResult> out = new ArrayList<>();
        for (String[] f : rows("paper-table3.csv")) out.add(new ScalingResult(f[0], f[1], num(f[2]), num(f[3])));
        return out;
    }

    public static List<ScalingResult> table5() {
        List<ScalingResult> out = new ArrayList<>();
        for (String[] f : rows("paper-table5.csv")) out.add(new ScalingResult("EfficientNet-B0", f[0], num(f[1]), num(f[2])));
        return out;
    }

    private static double num(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = PaperTables.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
