package org.scalinglab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scalinglab.arch.CostModel;
import org.scalinglab.arch.NetworkSpec;

/**
 * What running a network on a batch of images will need, checked before it starts: Java holds the images (as nested
 * float arrays, about 36 bytes per pixel, and once more flat for TensorFlow), TensorFlow the activations (at most the
 * sum of every layer's output, from the cost model, per image). A batch that does not fit is lowered; when one image
 * does not fit, the work is refused with the figures, never left to fail with OutOfMemoryError.
 */
public final class MemoryPlan {
    /** Java bytes per input pixel: float[3] objects and their references (~36), plus the flat copy (12). */
    static final long JAVA_BYTES_PER_PIXEL = 48;
    /** Headroom kept free of both budgets, for everything else the process holds. */
    static final double USABLE = 0.8;

    private final long javaAvailable;
    private final long nativeAvailable;

    public MemoryPlan(long javaAvailable, long nativeAvailable) {
        this.javaAvailable = javaAvailable;
        this.nativeAvailable = nativeAvailable;
    }

    /** The memory this process can still use: Java's heap left below -Xmx, and the machine's available memory. */
    public static MemoryPlan current() {
        Runtime rt = Runtime.getRuntime();
        long javaFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return new MemoryPlan(javaFree, machineAvailable());
    }

    /** Bytes one image needs in Java and in TensorFlow. */
    public static long[] perImage(NetworkSpec spec, int resolution) {
        long pixels = (long) resolution * resolution;
        long activations = CostModel.of(spec.withResolution(resolution)).activationBytes();
        return new long[] {pixels * JAVA_BYTES_PER_PIXEL, activations};
    }

    /**
     * The largest batch up to {@code wanted} that fits.
     *
     * @throws IllegalArgumentException when not even one image fits, with the figures and what to change
     */
    public int batchFor(NetworkSpec spec, int resolution, int wanted, String what) {
        long[] one = perImage(spec, resolution);
        long java = (long) (USABLE * javaAvailable);
        long tf = (long) (USABLE * nativeAvailable);
        int fits = (int) Math.min(wanted, Math.min(java / Math.max(1, one[0]), tf / Math.max(1, one[1])));
        if (fits >= 1) return fits;
        boolean javaShort = java < one[0];
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s at %d px needs about %s per image (%s), more than the %s available: use a smaller --resolution%s",
                what, resolution, gb(javaShort ? one[0] : one[1]), javaShort ? "Java heap" : "TensorFlow's activations",
                gb(javaShort ? java : tf), javaShort ? ", or give Java more memory (SCALING_LAB_JAVA_OPTS=-Xmx16g)" : ""));
    }

    static String gb(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9) : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** MemAvailable from /proc/meminfo where there is one, else the free memory the JVM reports. */
    private static long machineAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getFreeMemorySize() : Long.MAX_VALUE;
    }
}
