package dev.mlp.api.kernel;

/**
 * The three matrix products of {@link MatrixProducts} on flat row-major {@code float[]} arrays,
 * summed in {@code float}: what the {@code float32} precision multiplies with. Each output entry
 * is summed in an order that depends on the shapes alone, never on the thread count, so that
 * results are the same bits for any thread count. Outputs never alias inputs. An instance
 * serves one thread of control and allocates nothing per call once warm.
 */
public interface FloatProducts {

    /**
     * @return the most threads one product may use
     */
    int threads();

    /**
     * {@code out = a · w (+ bias)}; shapes as in
     * {@link MatrixProducts#multiply(double[], int, int, double[], int, double[], double[])}.
     *
     * @param a left matrix, {@code rows x inner}
     * @param rows rows of {@code a}
     * @param inner columns of {@code a}, rows of {@code w}
     * @param w right matrix, {@code inner x cols}
     * @param cols columns of {@code w}
     * @param bias {@code cols} values added to every row, or {@code null}
     * @param out receives the product, {@code rows x cols}
     */
    void multiply(float[] a, int rows, int inner, float[] w, int cols, float[] bias, float[] out);

    /**
     * {@code out = scale · aᵀ · d}; all zeros when {@code rows == 0}.
     *
     * @param a left matrix, {@code rows x inner}, used transposed
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix, {@code rows x cols}
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product, {@code inner x cols}
     */
    void multiplyTransposedLeft(float[] a, int rows, int inner, float[] d, int cols, float scale,
                                float[] out);

    /**
     * {@code out = d · wᵀ}.
     *
     * @param d left matrix, {@code rows x cols}
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix, {@code inner x cols}, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product, {@code rows x inner}
     */
    void multiplyTransposedRight(float[] d, int rows, int cols, float[] w, int inner, float[] out);
}
