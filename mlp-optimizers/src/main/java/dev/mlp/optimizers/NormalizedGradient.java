package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Normalized gradient descent: a step of fixed length {@code lr} against the gradient,
 * {@code w <- w - lr * g / ||g||}.
 *
 * <p>This is the update of seed document 002 ("Deep Learning Neural Networks", example "Neural
 * network with hidden layers with multiple neurons"):
 * {@code w_new = w_old - h * grad J(w) / ||grad J(w)||}, where {@code w} is the vector of
 * <em>all</em> the network's weights and biases. Accordingly {@code ||g||} is the Euclidean norm
 * of the whole gradient, taken over all blocks together, not per block; the parameter vector as a
 * whole moves by exactly {@code lr} (up to rounding) in every step.
 *
 * <ul>
 *   <li>Zero gradient: if {@code ||g|| = 0} the direction is undefined; the step leaves every
 *       parameter unchanged (and still counts as a step).</li>
 *   <li>The norm is computed without overflow or underflow: a plain sum of squares when the
 *       largest component is in {@code [2^-480, 2^480]}, otherwise of the components scaled by
 *       a power of two (exactly) so that the largest is near 1, as in LAPACK's {@code dnrm2};
 *       the direction {@code g / ||g||} is then taken in the scaled space. A gradient of
 *       {@code 1e-200}, {@code 1e200} or even {@link Double#MIN_VALUE} in every component still
 *       gives a step of length {@code lr}.</li>
 *   <li>A non-finite gradient is not hidden: it turns parameters into {@code NaN} (as it would
 *       with {@link Sgd}), so the trainer's divergence check stops the run; it is not skipped
 *       like a zero gradient.</li>
 * </ul>
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class NormalizedGradient implements Optimizer {

    /** The registered name. */
    public static final String NAME = "normalized-gradient";

    /** The step length: real {@code > 0}, default 0.01. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "step length (learning rate)").above(0);

    private final double lr;

    /**
     * @param lr the length of every step, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public NormalizedGradient(double lr) {
        LR.check(lr, NAME);
        this.lr = lr;
    }

    /**
     * @return the step length
     */
    public double lr() {
        return lr;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new NormalizedGradientState(lr, Blocks.sizes(layout));
    }

    /**
     * The largest absolute entry over the first {@code sizes[b]} entries of every block.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @return the maximum of {@code |x_i|}; {@code NaN} if any entry is {@code NaN}
     */
    static double maxAbs(int[] sizes, double[][] blocks) {
        double max = 0.0;
        for (int b = 0; b < sizes.length; b++) {
            double[] g = blocks[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double abs = Math.abs(g[i]);
                if (!(abs <= max)) { // true for a larger value and for NaN; NaN then sticks
                    max = abs;
                }
            }
        }
        return max;
    }

    /**
     * The power-of-two scale that brings the largest entry {@code max} near 1 when squaring it
     * could overflow or underflow: {@code 1} when {@code max} is in {@code [2^-480, 2^480]}
     * (squares up to {@code 2^960}, whose sum over any array count stays finite, and the largest
     * squares far from underflow), otherwise {@code 2^-e} with {@code e} the exponent of
     * {@code max}. Multiplying by a power of two is exact (bar entries negligible next to
     * {@code max}), as in LAPACK's {@code dnrm2}.
     *
     * @param max the largest absolute entry, finite and {@code > 0}
     * @return the scale
     */
    static double scale(double max) {
        if (max >= 0x1p-480 && max <= 0x1p480) {
            return 1.0;
        }
        return Math.scalb(1.0, -Math.getExponent(max));
    }

    /**
     * The Euclidean norm of the scaled entries {@code scale * x_i} over all blocks.
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @param scale from {@link #scale(double)}
     * @return {@code sqrt(sum_i (scale x_i)^2)}
     */
    static double scaledNorm(int[] sizes, double[][] blocks, double scale) {
        double sum = 0.0;
        for (int b = 0; b < sizes.length; b++) {
            double[] g = blocks[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double x = g[i] * scale;
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * The Euclidean norm of the concatenation of the first {@code sizes[b]} entries of every
     * block, computed without spurious overflow or underflow (for diagnostics and tests; the
     * update itself stays in scaled space so that a subnormal norm loses no precision).
     *
     * @param sizes block sizes
     * @param blocks the vectors, one per block
     * @return the norm; {@code 0} if every entry is zero; {@code NaN} or infinity if an entry is
     */
    static double norm(int[] sizes, double[][] blocks) {
        double max = maxAbs(sizes, blocks);
        if (max == 0.0 || !Double.isFinite(max)) {
            return max;
        }
        double scale = scale(max);
        return scaledNorm(sizes, blocks, scale) / scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedGradient s && Double.compare(s.lr, lr) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lr) ^ NAME.hashCode();
    }

    /**
     * @return the canonical spec, for example {@code normalized-gradient(lr=0.01)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ")";
    }
}
