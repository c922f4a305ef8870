package org.scalinglab.tf;

import java.util.List;

/**
 * A weights file that cannot be used: not HDF5, truncated, not in the Keras layout, or made for another network.
 * The message is one readable paragraph; {@link #problems()} lists every mismatch (by layer) when there are many.
 */
public final class WeightsFileException extends IllegalArgumentException {
    private final List<String> problems;

    public WeightsFileException(String message) {
        this(message, List.of(), null);
    }

    public WeightsFileException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public WeightsFileException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** Every mismatch found, one line each ("stem_conv/kernel: file [3, 3, 3, 40], network [3, 3, 3, 32]"). */
    public List<String> problems() {
        return problems;
    }
}
