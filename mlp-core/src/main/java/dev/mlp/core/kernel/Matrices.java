package dev.mlp.core.kernel;

/**
 * Row-major dense kernels on flat {@code double[]} arrays.
 *
 * <p>Every method writes into an output array passed by the caller, which must not alias an
 * input, and reads only the first {@code rows * cols} entries of each argument. Zero-sized
 * dimensions are allowed and do nothing (or write zeros, as documented). Loops are ordered so that
 * the innermost loop runs over contiguous memory.
 *
 * <p>These are the plain, single-threaded loops: the reference for the tests and the path for
 * tiny products. The network's products go through {@link Gemm} (or another
 * {@link MatrixProducts} backend), which is several times faster on layers of realistic size.
 */
public final class Matrices {

    private Matrices() {
    }

    /**
     * {@code out = a · w (+ bias)}: {@code a} is {@code rows x inner}, {@code w} is
     * {@code inner x cols}, {@code out} is {@code rows x cols}.
     *
     * @param a left matrix
     * @param rows rows of {@code a}
     * @param inner columns of {@code a}, rows of {@code w}
     * @param w right matrix
     * @param cols columns of {@code w}
     * @param bias {@code cols} values added to every row, or {@code null}
     * @param out receives the product
     */
    public static void multiply(double[] a, int rows, int inner, double[] w, int cols,
                                double[] bias, double[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (bias != null) {
                System.arraycopy(bias, 0, out, o, cols);
            } else {
                java.util.Arrays.fill(out, o, o + cols, 0.0);
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
     * {@code out = scale · aᵀ · d}: {@code a} is {@code rows x inner}, {@code d} is
     * {@code rows x cols}, {@code out} is {@code inner x cols}. With {@code rows == 0} the output
     * is all zeros. This is the weight gradient {@code Aᵀ·δ} of a dense layer.
     *
     * @param a left matrix, used transposed
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product
     */
    public static void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d,
                                              int cols, double scale, double[] out) {
        java.util.Arrays.fill(out, 0, inner * cols, 0.0);
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
        if (scale != 1.0) {
            for (int i = 0, n = inner * cols; i < n; i++) {
                out[i] *= scale;
            }
        }
    }

    /**
     * {@code out = d · wᵀ}: {@code d} is {@code rows x cols}, {@code w} is {@code inner x cols},
     * {@code out} is {@code rows x inner}. This carries a layer's {@code δ} back to its inputs.
     *
     * @param d left matrix
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product
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

    /**
     * {@code out[c] = scale · Σ_r d[r, c]}: the column sums of {@code d}, the bias gradient of a
     * dense layer.
     *
     * @param d matrix, {@code rows x cols}
     * @param rows rows of {@code d}
     * @param cols columns of {@code d}
     * @param scale factor applied to every sum
     * @param out receives {@code cols} values
     */
    public static void columnSums(double[] d, int rows, int cols, double scale, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int dr = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += d[dr + c];
            }
        }
        if (scale != 1.0) {
            for (int c = 0; c < cols; c++) {
                out[c] *= scale;
            }
        }
    }

    /**
     * Copies the given rows of a row-major matrix, in the given order, into a compact matrix.
     *
     * @param src source matrix with {@code cols} columns
     * @param cols number of columns
     * @param order row indices
     * @param from first position in {@code order}
     * @param count number of rows to gather
     * @param out receives {@code count x cols} values
     */
    public static void gatherRows(double[] src, int cols, int[] order, int from, int count,
                                  double[] out) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(src, order[from + i] * cols, out, i * cols, cols);
        }
    }
}
