package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.Activation;

/**
 * The softmax function, applied to each row of the batch separately:
 * {@code a_j = e^(z_j) / sum_k e^(z_k)} over the {@code cols} entries of the row.
 *
 * <ul>
 *   <li>Range: every entry in {@code [0, 1]}, each row summing to 1 (up to rounding).</li>
 *   <li>Derivative: the Jacobian of a row is {@code da_j/dz_i = a_j (delta_ij - a_i)}, smooth,
 *       no kinks. {@link #backward} applies it to {@code gradA} without forming it:
 *       {@code gradZ_j = a_j (gradA_j - sum_k gradA_k a_k)}.</li>
 * </ul>
 *
 * <p>Evaluated stably by subtracting the row maximum first ({@code softmax(z) = softmax(z - c)}
 * for any constant {@code c}), so every exponent is {@code <= 0}: nothing overflows, the largest
 * entry contributes {@code e^0 = 1} to the denominator (which is therefore in
 * {@code [1, cols]}), and rows of huge or hugely different values still sum to 1.
 *
 * <p>The name is exactly {@value #NAME}: losses that fuse softmax with cross-entropy recognize the
 * output activation by it. Because the row is coupled, this class implements {@link Activation}
 * directly rather than extending {@link dev.mlp.api.ElementwiseActivation}.
 *
 * <p>In place: {@code forward} may be called with {@code a == z}, and {@code backward} with
 * {@code gradZ == gradA} (the row's dot product is taken before any entry is written).
 */
public final class Softmax implements Activation {

    /** The registered name, relied upon by fused softmax/cross-entropy losses. */
    public static final String NAME = "softmax";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Softmax() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int from = r * cols;
            int to = from + cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                // NaN never compares greater, so a NaN entry is left to propagate through exp
                if (z[i] > max) {
                    max = z[i];
                }
            }
            double sum = 0.0;
            for (int i = from; i < to; i++) {
                double e = Math.exp(z[i] - max); // z[i] is read before a[i] is written
                a[i] = e;
                sum += e;
            }
            for (int i = from; i < to; i++) {
                a[i] /= sum;
            }
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                         int cols) {
        for (int r = 0; r < rows; r++) {
            int from = r * cols;
            int to = from + cols;
            double dot = 0.0;
            for (int i = from; i < to; i++) {
                dot += gradA[i] * a[i];
            }
            // only now write: gradZ may be gradA
            for (int i = from; i < to; i++) {
                gradZ[i] = a[i] * (gradA[i] - dot);
            }
        }
    }

    @Override
    public String toString() {
        return NAME;
    }

    /**
     * @return {@code (0, 1)}, each row summing to 1
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(0, 1);
    }

    /**
     * @return {@link Activation.Probabilities#PER_ROW}
     */
    @Override
    public Activation.Probabilities probabilities() {
        return Activation.Probabilities.PER_ROW;
    }
}
