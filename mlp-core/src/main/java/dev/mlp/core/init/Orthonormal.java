package dev.mlp.core.init;

import dev.mlp.api.WeightInitializer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random matrices with orthonormal rows or columns: the {@code Q} factor of the QR decomposition
 * of a Gaussian matrix, by Householder reflections, with the signs of {@code Q}'s columns chosen
 * so that {@code R} has a positive diagonal (which makes {@code Q} uniformly distributed, Mezzadri
 * 2007).
 */
final class Orthonormal {

    private Orthonormal() {
    }

    /**
     * Fills a {@code rows x cols} row-major matrix whose columns are orthonormal when
     * {@code rows >= cols} ({@code WᵀW = I}) and whose rows are orthonormal otherwise
     * ({@code WWᵀ = I}), each entry multiplied by {@code gain}.
     *
     * <p>Draws {@code rows · cols} values with {@link RandomGenerator#nextGaussian()}: the
     * {@code max x min} Gaussian matrix {@code G = QR}, in row-major order.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param gain the factor applied to every entry
     * @param out receives the matrix
     * @param random the generator
     */
    static void fill(int rows, int cols, double gain, double[] out, RandomGenerator random) {
        int m = Math.max(rows, cols);
        int k = Math.min(rows, cols);
        double[] a = new double[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        // Householder: H_j = I - 2 v_j v_jᵀ / (v_jᵀ v_j) maps column j (rows j..m-1) to R_jj e_j
        double[] v = new double[m * k];
        double[] vv = new double[k];
        double[] sign = new double[k];
        for (int j = 0; j < k; j++) {
            double norm2 = 0.0;
            for (int i = j; i < m; i++) {
                norm2 += a[i * k + j] * a[i * k + j];
            }
            double x0 = a[j * k + j];
            double rjj = x0 >= 0.0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            sign[j] = rjj < 0.0 ? -1.0 : 1.0;
            double s2 = 0.0;
            for (int i = j; i < m; i++) {
                double vi = i == j ? x0 - rjj : a[i * k + j];
                v[i * k + j] = vi;
                s2 += vi * vi;
            }
            vv[j] = s2;
            if (s2 == 0.0) {
                continue;
            }
            for (int c = j + 1; c < k; c++) {
                double dot = 0.0;
                for (int i = j; i < m; i++) {
                    dot += v[i * k + j] * a[i * k + c];
                }
                double f = 2.0 * dot / s2;
                for (int i = j; i < m; i++) {
                    a[i * k + c] -= f * v[i * k + j];
                }
            }
        }
        // Q = H_0 H_1 ... H_{k-1} applied to the first k columns of the m x m identity
        double[] q = new double[m * k];
        for (int i = 0; i < k; i++) {
            q[i * k + i] = 1.0;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (vv[j] == 0.0) {
                continue;
            }
            for (int c = j; c < k; c++) {
                double dot = 0.0;
                for (int i = j; i < m; i++) {
                    dot += v[i * k + j] * q[i * k + c];
                }
                double f = 2.0 * dot / vv[j];
                for (int i = j; i < m; i++) {
                    q[i * k + c] -= f * v[i * k + j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                double entry = gain * sign[j] * q[i * k + j];
                if (rows >= cols) {
                    out[i * cols + j] = entry;
                } else {
                    out[j * cols + i] = entry;
                }
            }
        }
    }

    /** The initializer of {@link Initializers#orthogonal(double)}. */
    static WeightInitializer initializer(double gain) {
        if (!(gain > 0.0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("orthogonal needs a finite gain > 0, found "
                    + gain);
        }
        return new WeightInitializer() {
            @Override
            public String name() {
                return "orthogonal";
            }

            @Override
            public void initialize(int layer, int fanIn, int fanOut, double[] weights,
                                   double[] biases, RandomGenerator random) {
                if (weights.length != fanIn * fanOut) {
                    throw new IllegalArgumentException("layer " + layer + " has " + fanIn + " x "
                            + fanOut + " weights, but the array holds " + weights.length);
                }
                Orthonormal.fill(fanIn, fanOut, gain, weights, random);
                if (biases != null) {
                    Arrays.fill(biases, 0.0);
                }
            }
        };
    }
}
