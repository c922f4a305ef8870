package org.scalinglab.cli;

import java.util.Locale;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;

/** Parses a base network argument: an official model (b0..b7) or WIDTH,DEPTH,RESOLUTION[,CLASSES]. */
final class BaseSpecs {
    private BaseSpecs() {
    }

    static NetworkSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.contains(",")) return NetworkSpec.official(OfficialModel.parse(t));
        String[] f = t.split(",");
        if (f.length < 3 || f.length > 4) {
            throw new IllegalArgumentException("--base must be b0..b7 or WIDTH,DEPTH,RESOLUTION[,CLASSES], got '" + text + "'");
        }
        try {
            int classes = f.length == 4 ? Integer.parseInt(f[3].trim()) : NetworkSpec.IMAGENET_CLASSES;
            return new NetworkSpec("base", Double.parseDouble(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2].trim()), 0.2, classes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--base must be b0..b7 or WIDTH,DEPTH,RESOLUTION[,CLASSES] with numbers, got '" + text + "'");
        }
    }
}
