package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The rectified linear unit: {@code f(z) = max(0, z)}.
 *
 * <ul>
 *   <li>Range: {@code [0, inf)}.</li>
 *   <li>Derivative: {@code 0} for {@code z < 0}, {@code 1} for {@code z > 0}.</li>
 *   <li>Kink at {@code z = 0}, where the function has no derivative. By convention this class
 *       uses the left derivative there, {@code f'(0) = 0} (also for {@code z = -0.0}): a unit
 *       that is exactly at zero passes no gradient. This is the convention of most frameworks
 *       and a valid subgradient (any value in {@code [0, 1]} is one).</li>
 * </ul>
 *
 * <p>A {@code NaN} input gives a {@code NaN} output (it is not clipped to 0).
 */
public final class Relu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "relu";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Relu() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.max(0.0, z); // max(0, -0.0) = 0.0 and max(0, NaN) = NaN
    }

    @Override
    protected double derivative(double z, double a) {
        return z > 0 ? 1.0 : 0.0;
    }

    // The loops below repeat ElementwiseActivation's with the function written out: the base
    // class's loops call value()/derivative() through one shared call site, which the JIT cannot
    // inline once several activations are in use; here every call is bound to this class. The
    // per-value expressions are the same, so are the results.

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(0.0, z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                         int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradA[i] * step(z[i]);
        }
    }

    /** The bit pattern of {@code +∞}: the largest {@code z} whose bits, as a long, pass. */
    private static final long INFINITY_BITS = 0x7FF0000000000000L;
    /** The bit pattern of {@code 1.0}. */
    private static final long ONE_BITS = 0x3FF0000000000000L;

    /**
     * {@code z > 0 ? 1.0 : 0.0} without a branch: {@code z > 0} exactly when the bits of
     * {@code z}, as a signed long, lie in {@code [1, bits(+∞)]} (positive, not zero, not NaN),
     * that is when {@code t = bits - 1} lies in {@code [0, bits(+∞))}. The sign bit of
     * {@code (t - bits(+∞)) & ~t} tells, and scales the bits of {@code 1.0}. Signs of the
     * hidden units change from sample to sample, so a branch here is mispredicted often.
     */
    private static double step(double z) {
        long t = Double.doubleToRawLongBits(z) - 1;
        long on = ((t - INFINITY_BITS) & ~t) >>> 63;
        return Double.longBitsToDouble(on * ONE_BITS);
    }

    /**
     * @return {@code [0, +∞)}
     */
    @Override
    public OutputRange outputRange() {
        return new OutputRange(0, Double.POSITIVE_INFINITY, true, false);
    }
}
