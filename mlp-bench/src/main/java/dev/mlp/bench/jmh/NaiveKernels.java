package dev.mlp.bench.jmh;

import java.util.Arrays;

/**
 * The plain triple loops the kernels started from, kept as the "before" column of
 * {@link GemmBenchmark}: row-major, innermost loop over contiguous memory, no blocking, one
 * thread.
 */
public final class NaiveKernels {

    private NaiveKernels() {
    }

    /**
     * {@code out = a·w + bias}.
     *
     * @param a {@code rows x inner}
     * @param rows rows
     * @param inner inner dimension
     * @param w {@code inner x cols}
     * @param cols columns
     * @param bias {@code cols} values or {@code null}
     * @param out {@code rows x cols}
     */
    public static void multiply(double[] a, int rows, int inner, double[] w, int cols,
                                double[] bias, double[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (bias != null) {
                System.arraycopy(bias, 0, out, o, cols);
            } else {
                Arrays.fill(out, o, o + cols, 0.0);
            }
            int ar = r * inner;
            for (int k = 0; k < inner; k++) {
                double x = a[ar + k];
                int wk = k * cols;
                for (int c = 0; c < cols; c++) {
                    out[o + c] += x * w[wk + c];
                }
            }
        }
    }

    /**
     * {@code out = scale·aᵀ·d}.
     *
     * @param a {@code rows x inner}
     * @param rows rows
     * @param inner inner dimension
     * @param d {@code rows x cols}
     * @param cols columns
     * @param scale factor
     * @param out {@code inner x cols}
     */
    public static void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d,
                                              int cols, double scale, double[] out) {
        Arrays.fill(out, 0, inner * cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int ar = r * inner;
            int dr = r * cols;
            for (int k = 0; k < inner; k++) {
                double x = a[ar + k];
                int ok = k * cols;
                for (int c = 0; c < cols; c++) {
                    out[ok + c] += x * d[dr + c];
                }
            }
        }
        for (int i = 0, n = inner * cols; i < n; i++) {
            out[i] *= scale;
        }
    }

    /**
     * {@code out = d·wᵀ}.
     *
     * @param d {@code rows x cols}
     * @param rows rows
     * @param cols columns
     * @param w {@code inner x cols}
     * @param inner inner dimension
     * @param out {@code rows x inner}
     */
    public static void multiplyTransposedRight(double[] d, int rows, int cols, double[] w,
                                               int inner, double[] out) {
        for (int r = 0; r < rows; r++) {
            int dr = r * cols;
            int or = r * inner;
            for (int k = 0; k < inner; k++) {
                int wk = k * cols;
                double s = 0.0;
                for (int c = 0; c < cols; c++) {
                    s += d[dr + c] * w[wk + c];
                }
                out[or + k] = s;
            }
        }
    }
}
