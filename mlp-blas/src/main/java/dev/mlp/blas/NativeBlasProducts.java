package dev.mlp.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixProducts;

/**
 * The matrix products as {@code dgemm} calls. Row-major matrices are handed to the
 * column-major BLAS as their transposes, so nothing is copied: {@code Z = A·W} is
 * {@code Zᵀ = Wᵀ·Aᵀ}, {@code Aᵀ·δ} is {@code (δᵀ·A)ᵀ} and {@code δ·Wᵀ} is {@code (W·δᵀ)ᵀ}.
 * Products smaller than a few thousand multiply-adds, or with a zero dimension, go to the
 * pure-Java {@link Gemm}, where a native call costs more than it saves.
 *
 * <p>The native library manages its own threads (for OpenBLAS: {@code OPENBLAS_NUM_THREADS});
 * results are as reproducible as that library's, which for OpenBLAS's {@code dgemm} means the
 * same bits from run to run on one machine. With {@code OPENBLAS_NUM_THREADS=1} (or
 * {@code OMP_NUM_THREADS=1} when that is unset) every product runs on the calling thread, and
 * the trainer splits large batches into shards that run on several threads at once instead
 * ({@link #singleThreaded()}); for the training batches of a mid-sized network that is the
 * faster setting, for single large products (inference) the slower one.
 */
final class NativeBlasProducts implements MatrixProducts {

    private static final long SMALL = 4096;

    private final BLAS blas;
    private final Gemm fallback;
    private final boolean single;

    NativeBlasProducts(BLAS blas, int threads, boolean single) {
        this.blas = blas;
        this.fallback = new Gemm(threads);
        this.single = single;
    }

    /**
     * Whether the native library was told to use one thread, read from the environment the
     * way OpenBLAS reads it: {@code OPENBLAS_NUM_THREADS}, else {@code OMP_NUM_THREADS}.
     *
     * @param env the environment
     * @return {@code true} if the setting that applies is {@code 1}
     */
    static boolean singleThreadedLibrary(java.util.Map<String, String> env) {
        String n = env.get("OPENBLAS_NUM_THREADS");
        if (n == null || n.isBlank()) {
            n = env.get("OMP_NUM_THREADS");
        }
        return n != null && n.trim().equals("1");
    }

    @Override
    public boolean singleThreaded() {
        return single && fallback.threads() == 1;
    }

    @Override
    public int threads() {
        return fallback.threads();
    }

    private static boolean small(int a, int b, int c) {
        return a == 0 || b == 0 || c == 0 || (long) a * b * c < SMALL;
    }

    @Override
    public void multiply(double[] a, int rows, int inner, double[] w, int cols, double[] bias,
                         double[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiply(a, rows, inner, w, cols, bias, out);
            return;
        }
        double beta = 0.0;
        if (bias != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias, 0, out, r * cols, cols);
            }
            beta = 1.0;
        }
        blas.dgemm("N", "N", cols, rows, inner, 1.0, w, cols, a, inner, beta, out, cols);
    }

    @Override
    public void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d, int cols,
                                       double scale, double[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            return;
        }
        blas.dgemm("N", "T", cols, inner, rows, scale, d, cols, a, inner, 0.0, out, cols);
    }

    @Override
    public void multiplyTransposedRight(double[] d, int rows, int cols, double[] w, int inner,
                                        double[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiplyTransposedRight(d, rows, cols, w, inner, out);
            return;
        }
        blas.dgemm("T", "N", inner, rows, cols, 1.0, w, cols, d, cols, 0.0, out, inner);
    }

    @Override
    public String toString() {
        return "native-blas(" + blas.getClass().getSimpleName() + ")";
    }
}
