package dev.mlp.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.mlp.api.kernel.FloatProducts;
import dev.mlp.api.kernel.WorkerPool;

/**
 * The {@code float} products of the {@code float32} precision as {@code sgemm} calls, handed to
 * the column-major BLAS as transposes exactly as {@link NativeBlasProducts} hands its
 * {@code dgemm} calls: {@code Z = A·W} is {@code Zᵀ = Wᵀ·Aᵀ}, {@code Aᵀ·δ} is
 * {@code (δᵀ·A)ᵀ} and {@code δ·Wᵀ} is {@code (W·δᵀ)ᵀ}, nothing copied. Products of fewer
 * than {@value NativeBlasProducts#SMALL} multiply-adds, or with a zero size, go to the
 * framework's pure-Java float engine.
 *
 * <p>The threading is that of the {@code dgemm} path: when the library runs each call on the
 * calling thread ({@code OPENBLAS_NUM_THREADS=1}), {@code A·W} and {@code δ·Wᵀ} with at least
 * {@code 2 ×} {@value NativeBlasProducts#BLOCK_ROWS} rows are cut into blocks of consecutive
 * rows by {@link NativeBlasProducts#blocks(boolean, int)}, one call each, run in parallel on the
 * {@link WorkerPool}. The cut depends on the shape alone, so results are the same bits for any
 * thread count of this engine; the library's own summation order is its business, and with
 * OpenBLAS the same from run to run on one machine.
 */
final class NativeBlasFloatProducts implements FloatProducts {

    private final BLAS blas;
    private final FloatProducts fallback;
    private final boolean single;
    private final RowBlocks job = new RowBlocks();

    /**
     * @param blas the library
     * @param fallback the framework's pure-Java float engine, for the products too small for a
     *                 native call; its thread count is this engine's
     * @param single whether the library runs each call on the calling thread only
     */
    NativeBlasFloatProducts(BLAS blas, FloatProducts fallback, boolean single) {
        this.blas = java.util.Objects.requireNonNull(blas, "blas");
        this.fallback = java.util.Objects.requireNonNull(fallback, "fallback");
        this.single = single;
    }

    @Override
    public int threads() {
        return fallback.threads();
    }

    /**
     * @param rows a row-wise product's rows
     * @return how many blocks of rows it is cut into, 1 when it is not
     */
    int blocks(int rows) {
        return NativeBlasProducts.blocks(single, rows);
    }

    private static boolean small(int a, int b, int c) {
        return a == 0 || b == 0 || c == 0 || (long) a * b * c < NativeBlasProducts.SMALL;
    }

    @Override
    public void multiply(float[] a, int rows, int inner, float[] w, int cols, float[] bias,
                         float[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiply(a, rows, inner, w, cols, bias, out);
            return;
        }
        int count = blocks(rows);
        if (count > 1) {
            job.run(RowBlocks.MULTIPLY, a, rows, inner, w, cols, bias, out, count);
            return;
        }
        multiplyRows(a, 0, rows, inner, w, cols, bias, out);
    }

    /** Rows {@code [from, to)} of {@code A·W (+ b)}. */
    private void multiplyRows(float[] a, int from, int to, int inner, float[] w, int cols,
                              float[] bias, float[] out) {
        float beta = 0.0f;
        if (bias != null) {
            for (int r = from; r < to; r++) {
                System.arraycopy(bias, 0, out, r * cols, cols);
            }
            beta = 1.0f;
        }
        blas.sgemm("N", "N", cols, to - from, inner, 1.0f, w, 0, cols, a, from * inner, inner,
                beta, out, from * cols, cols);
    }

    @Override
    public void multiplyTransposedLeft(float[] a, int rows, int inner, float[] d, int cols,
                                       float scale, float[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            return;
        }
        blas.sgemm("N", "T", cols, inner, rows, scale, d, 0, cols, a, 0, inner, 0.0f, out, 0,
                cols);
    }

    @Override
    public void multiplyTransposedRight(float[] d, int rows, int cols, float[] w, int inner,
                                        float[] out) {
        if (small(rows, inner, cols)) {
            fallback.multiplyTransposedRight(d, rows, cols, w, inner, out);
            return;
        }
        int count = blocks(rows);
        if (count > 1) {
            job.run(RowBlocks.TRANSPOSED_RIGHT, d, rows, cols, w, inner, null, out, count);
            return;
        }
        transposedRightRows(d, 0, rows, cols, w, inner, out);
    }

    /** Rows {@code [from, to)} of {@code δ·Wᵀ}. */
    private void transposedRightRows(float[] d, int from, int to, int cols, float[] w,
                                     int inner, float[] out) {
        blas.sgemm("T", "N", inner, to - from, cols, 1.0f, w, 0, cols, d, from * cols, cols,
                0.0f, out, from * inner, inner);
    }

    /**
     * A row-wise product cut into blocks of consecutive rows; part {@code p} of {@code parts}
     * runs blocks {@code p, p + parts, ...}. Reused, so a product allocates nothing.
     */
    private final class RowBlocks implements WorkerPool.Job {
        static final int MULTIPLY = 0;
        static final int TRANSPOSED_RIGHT = 1;

        private int kind;
        private float[] left;
        private int rows;
        private int inner;
        private float[] w;
        private int cols;
        private float[] bias;
        private float[] out;
        private int count;

        /**
         * @param left {@code A} ({@code rows x inner}) or {@code δ} ({@code rows x inner},
         *             with {@code cols} the output width)
         */
        void run(int kind, float[] left, int rows, int inner, float[] w, int cols,
                 float[] bias, float[] out, int count) {
            this.kind = kind;
            this.left = left;
            this.rows = rows;
            this.inner = inner;
            this.w = w;
            this.cols = cols;
            this.bias = bias;
            this.out = out;
            this.count = count;
            try {
                WorkerPool.shared().invoke(this, Math.min(fallback.threads(), count));
            } finally {
                this.left = null;
                this.w = null;
                this.bias = null;
                this.out = null;
            }
        }

        @Override
        public void run(int part, int parts) {
            for (int b = part; b < count; b += parts) {
                int from = (int) ((long) rows * b / count);
                int to = (int) ((long) rows * (b + 1) / count);
                if (kind == MULTIPLY) {
                    multiplyRows(left, from, to, inner, w, cols, bias, out);
                } else {
                    transposedRightRows(left, from, to, inner, w, cols, out);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "native-blas-float(" + blas.getClass().getSimpleName() + ")";
    }
}
