package dev.mlp.core.train;

import java.util.Locale;

/**
 * The arithmetic of a network's matrix products. {@link #FLOAT64}, the default, multiplies in
 * {@code double}. {@link #FLOAT32} multiplies in {@code float}
 * ({@link dev.mlp.api.kernel.FloatProducts}), about twice as fast on large networks, while the
 * weights, their updates and every element-wise step (activations, losses, optimizers) stay in
 * {@code double}: each product's operands are rounded to {@code float} and its result widened
 * back ({@link dev.mlp.core.kernel.Float32Products}), at every size: passes small enough for
 * plain loops run them in {@code float} too ({@link dev.mlp.core.kernel.FloatMatrices}).
 * Either way a run's result is the same bits for any thread count.
 */
public enum Precision {
    /** {@code double} products: the default, and the precision of the seed examples. */
    FLOAT64("float64"),
    /** {@code float} products over {@code double} weights. */
    FLOAT32("float32");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** @return the name used in specs, the CLI and model files: {@code float64} or {@code float32} */
    public String label() {
        return label;
    }

    /**
     * @param name {@code float64} or {@code float32} (any case)
     * @return the precision
     * @throws IllegalArgumentException naming the known ones if {@code name} is neither
     */
    public static Precision parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.label.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + name
                + "'; known: float64, float32");
    }

    @Override
    public String toString() {
        return label;
    }
}
