package dev.mlp.api.kernel;

/**
 * The three matrix products of training a dense layer, on flat row-major {@code double[]}
 * arrays; the contract of {@code dev.mlp.core.kernel.Gemm}, the pure-Java implementation, and of any other compute
 * backend ({@link dev.mlp.api.spi.ComputeBackendProvider}). Outputs never alias inputs. An instance serves one
 * thread of control and allocates nothing per call once warm.
 */
public interface MatrixProducts {

    /**
     * @return the most threads one product may use
     */
    int threads();

    /**
     * Whether engines of this backend made with one thread really run each product on the
     * calling thread alone, so that several of them, on several threads, each keep a core busy.
     * Only then does the trainer split large batches into shards that run in parallel (see
     * {@code dev.mlp.core.train.BatchGradient}); otherwise batches stay whole and the backend
     * spreads each product over its own threads.
     *
     * @return {@code true} for the pure-Java engines; a backend whose library manages its own
     *         threads answers according to that library's thread setting
     */
    default boolean singleThreaded() {
        return threads() == 1;
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
    void multiply(double[] a, int rows, int inner, double[] w, int cols, double[] bias,
                  double[] out);

    /**
     * {@code out = scale · aᵀ · d}: {@code a} is {@code rows x inner}, {@code d} is
     * {@code rows x cols}, {@code out} is {@code inner x cols}; all zeros when {@code rows == 0}.
     *
     * @param a left matrix, used transposed
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product
     */
    void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d, int cols,
                                double scale, double[] out);

    /**
     * {@code out = d · wᵀ}: {@code d} is {@code rows x cols}, {@code w} is {@code inner x cols},
     * {@code out} is {@code rows x inner}.
     *
     * @param d left matrix
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product
     */
    void multiplyTransposedRight(double[] d, int rows, int cols, double[] w, int inner,
                                 double[] out);
}
