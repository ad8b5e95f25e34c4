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

    /**
     * Multiply-adds per pass below which a network's forward and backward passes run as these
     * plain loops rather than through the blocked products of a {@link MatrixProducts} backend:
     * for networks of a few neurons trained on a sample or a few at a time, call and packing
     * overhead, not arithmetic, is the cost (as in EJML's {@code mult}, which picks its small
     * kernel below a size). The network compares {@code rows x} its largest layer's
     * {@code inputs x neurons} with it, so one pass uses one kind of loop throughout.
     */
    public static final long PLAIN_LOOP_WORK = 1024;

    private Matrices() {
    }

    /**
     * Whether a pass of the given work runs as plain loops.
     *
     * @param work multiply-adds of the pass's largest product
     * @return {@code work < }{@value #PLAIN_LOOP_WORK}
     */
    public static boolean runsPlainLoops(long work) {
        return work < PLAIN_LOOP_WORK;
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
     * One row of {@link #multiply}: {@code out[outAt + c] = bias[c] + Σ_k a[aAt + k] w[k, c]},
     * the terms added in the order of {@code k} (the bits of {@link #multiply}). Reads the row in
     * place, so a sample is taken straight from a data set's storage.
     *
     * @param a array holding the row
     * @param aAt index of the row's first entry
     * @param inner the row's length, rows of {@code w}
     * @param w {@code inner x cols} right matrix
     * @param cols columns of {@code w}
     * @param bias {@code cols} values, or {@code null} for zeros
     * @param out receives the row of the product
     * @param outAt index of the output row's first entry
     */
    public static void multiplyRow(double[] a, int aAt, int inner, double[] w, int cols,
                                   double[] bias, double[] out, int outAt) {
        for (int c = 0; c < cols; c++) {
            double s = bias == null ? 0.0 : bias[c];
            for (int k = 0; k < inner; k++) {
                s += a[aAt + k] * w[k * cols + c];
            }
            out[outAt + c] = s;
        }
    }

    /**
     * The backward pass of a dense layer for one sample, in one sweep over the weights: the
     * weight gradient {@code gw[k, c] = scale · x[k] · d[c]}, unless {@code gb} is {@code null}
     * the bias gradient {@code gb[c] = scale · d[c]}, and unless {@code back} is {@code null} the
     * delta carried to the layer's inputs {@code back[k] = Σ_c d[c] w[k, c]}. The bits are those
     * of {@link #multiplyTransposedLeft}, {@link #columnSums} and
     * {@link #multiplyTransposedRight} on one row.
     *
     * @param x array holding the layer's input row
     * @param xAt index of the row's first entry
     * @param inner the row's length, rows of {@code w}
     * @param d the layer's {@code cols} output deltas
     * @param cols columns of {@code w}
     * @param w {@code inner x cols} weights
     * @param scale factor applied to every weight gradient
     * @param gw receives the {@code inner x cols} weight gradient
     * @param gb receives the {@code cols} bias gradients, or {@code null} for a layer without
     *           bias
     * @param back receives {@code inner} deltas, or {@code null} for the first layer
     * @return {@code 0.0} if every gradient written is finite, NaN otherwise (the sum of each
     *         gradient times zero: a finiteness check at no extra pass)
     */
    public static double backwardRow(double[] x, int xAt, int inner, double[] d, int cols,
                                     double[] w, double scale, double[] gw, double[] gb,
                                     double[] back) {
        double probe = 0.0;
        if (gb != null) {
            for (int c = 0; c < cols; c++) {
                double g = (0.0 + d[c]) * scale;
                gb[c] = g;
                probe += g * 0.0;
            }
        }
        if (back == null) {
            for (int k = 0; k < inner; k++) {
                double xk = x[xAt + k];
                int wk = k * cols;
                for (int c = 0; c < cols; c++) {
                    double g = (0.0 + xk * d[c]) * scale;
                    gw[wk + c] = g;
                    probe += g * 0.0;
                }
            }
            return probe;
        }
        for (int k = 0; k < inner; k++) {
            double xk = x[xAt + k];
            int wk = k * cols;
            double s = 0.0;
            for (int c = 0; c < cols; c++) {
                double dc = d[c];
                double g = (0.0 + xk * dc) * scale;
                gw[wk + c] = g;
                probe += g * 0.0;
                s += dc * w[wk + c];
            }
            back[k] = s;
        }
        return probe;
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
