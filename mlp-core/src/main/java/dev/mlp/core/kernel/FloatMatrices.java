package dev.mlp.core.kernel;

/**
 * The plain loops of {@link Matrices} in the arithmetic of the {@code float32} precision, for
 * the passes small enough to run as plain loops ({@link Matrices#runsPlainLoops}): every operand
 * is rounded to {@code float}, every product entry is a chain of {@code float} fused
 * multiply-adds over the inner dimension in increasing order, starting from the rounded bias (or
 * zero), then multiplied by the rounded scale, and the {@code float} result is written widened
 * into the caller's {@code double} array. That is the arithmetic of {@link FloatGemm} (and of
 * every backend's float products that follow it), so under {@code float32} a network multiplies
 * the same way whatever its size; on the {@code java} backend these loops give exactly the bits
 * {@link Float32Products} over {@link FloatGemm} would.
 *
 * <p>The arguments and outputs are those of the {@link Matrices} methods of the same names;
 * intermediate sums that live in an output array hold {@code float} values, which a
 * {@code double} holds exactly. Nothing is allocated.
 */
public final class FloatMatrices {

    private FloatMatrices() {
    }

    /**
     * {@link Matrices#multiply} in {@code float}: {@code out = a · w (+ bias)}.
     *
     * @param a left matrix, {@code rows x inner}
     * @param rows rows of {@code a}
     * @param inner columns of {@code a}, rows of {@code w}
     * @param w right matrix, {@code inner x cols}
     * @param cols columns of {@code w}
     * @param bias {@code cols} values added to every row, or {@code null}
     * @param out receives the product, {@code rows x cols}
     */
    public static void multiply(double[] a, int rows, int inner, double[] w, int cols,
                                double[] bias, double[] out) {
        for (int r = 0; r < rows; r++) {
            multiplyRow(a, r * inner, inner, w, cols, bias, out, r * cols);
        }
    }

    /**
     * {@link Matrices#multiplyRow} in {@code float}: one row of {@link #multiply}, read in
     * place.
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
            float s = bias == null ? 0.0f : (float) bias[c];
            for (int k = 0; k < inner; k++) {
                s = Math.fma((float) a[aAt + k], (float) w[k * cols + c], s);
            }
            out[outAt + c] = s;
        }
    }

    /**
     * {@link Matrices#backwardRow} with the two products in {@code float}: the weight gradient
     * {@code gw[k, c] = scale · x[k] · d[c]} and the delta {@code back[k] = Σ_c d[c] w[k, c]}
     * as {@link #multiplyTransposedLeft} and {@link #multiplyTransposedRight} compute them on
     * one row. The bias gradient {@code gb[c] = scale · d[c]} is element-wise and stays in
     * {@code double}, as {@link Matrices#columnSums} computes it on larger passes.
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
     * @return {@code 0.0} if every gradient written is finite, NaN otherwise
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
        float fs = (float) scale;
        for (int k = 0; k < inner; k++) {
            float xk = (float) x[xAt + k];
            int wk = k * cols;
            float s = 0.0f;
            for (int c = 0; c < cols; c++) {
                float dc = (float) d[c];
                float g = Math.fma(xk, dc, 0.0f);
                if (fs != 1.0f) {
                    g *= fs;
                }
                gw[wk + c] = g;
                probe += g * 0.0;
                if (back != null) {
                    s = Math.fma(dc, (float) w[wk + c], s);
                }
            }
            if (back != null) {
                back[k] = s;
            }
        }
        return probe;
    }

    /**
     * {@link Matrices#multiplyTransposedLeft} in {@code float}: {@code out = scale · aᵀ · d},
     * all zeros when {@code rows == 0}.
     *
     * @param a left matrix, {@code rows x inner}, used transposed
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix, {@code rows x cols}
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product, {@code inner x cols}
     */
    public static void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d,
                                              int cols, double scale, double[] out) {
        java.util.Arrays.fill(out, 0, inner * cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int ar = r * inner;
            int dr = r * cols;
            for (int k = 0; k < inner; k++) {
                float x = (float) a[ar + k];
                int ok = k * cols;
                for (int c = 0; c < cols; c++) {
                    out[ok + c] = Math.fma(x, (float) d[dr + c], (float) out[ok + c]);
                }
            }
        }
        float fs = (float) scale;
        if (fs != 1.0f) {
            for (int i = 0, n = inner * cols; i < n; i++) {
                out[i] = (float) out[i] * fs;
            }
        }
    }

    /**
     * {@link Matrices#multiplyTransposedRight} in {@code float}: {@code out = d · wᵀ}.
     *
     * @param d left matrix, {@code rows x cols}
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix, {@code inner x cols}, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product, {@code rows x inner}
     */
    public static void multiplyTransposedRight(double[] d, int rows, int cols, double[] w,
                                               int inner, double[] out) {
        for (int r = 0; r < rows; r++) {
            int dr = r * cols;
            int or = r * inner;
            for (int k = 0; k < inner; k++) {
                int wk = k * cols;
                float s = 0.0f;
                for (int c = 0; c < cols; c++) {
                    s = Math.fma((float) d[dr + c], (float) w[wk + c], s);
                }
                out[or + k] = s;
            }
        }
    }
}
