package dev.mlp.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.kernel.WorkerPool;

/**
 * The matrix products as {@code dgemm} calls. Row-major matrices are handed to the
 * column-major BLAS as their transposes, so nothing is copied: {@code Z = A·W} is
 * {@code Zᵀ = Wᵀ·Aᵀ}, {@code Aᵀ·δ} is {@code (δᵀ·A)ᵀ} and {@code δ·Wᵀ} is {@code (W·δᵀ)ᵀ}.
 * Products smaller than a few thousand multiply-adds, or with a zero dimension, go to the
 * pure-Java {@code dev.mlp.core.kernel.Gemm}, where a native call costs more than it saves.
 *
 * <p>The native library manages its own threads (for OpenBLAS: {@code OPENBLAS_NUM_THREADS});
 * results are as reproducible as that library's, which for OpenBLAS's {@code dgemm} means the
 * same bits from run to run on one machine. With {@code OPENBLAS_NUM_THREADS=1} (or
 * {@code OMP_NUM_THREADS=1} when that is unset) every {@code dgemm} call runs on the calling
 * thread, and this class spreads the work itself: {@code A·W} and {@code δ·Wᵀ} with at least
 * {@code 2 ×} {@value #BLOCK_ROWS} rows are cut into {@code min(}{@value #MAX_BLOCKS}{@code ,
 * rows / }{@value #BLOCK_ROWS}{@code )} blocks of consecutive rows, one call each, run in
 * parallel on the {@link WorkerPool}; and the trainer splits large batches into shards that run
 * on several threads at once ({@link #singleThreaded()}). The cut depends on the shape only,
 * never on the thread count, so results are the same bits for any thread count.
 */
final class NativeBlasProducts implements MatrixProducts {

    /** Multiply-adds below which a product goes to the pure-Java engine. */
    static final long SMALL = 4096;

    /** Rows per block of a row-split product: products of at least twice this many are cut. */
    static final int BLOCK_ROWS = 64;

    /** The most blocks one product is cut into. */
    static final int MAX_BLOCKS = 8;

    private final BLAS blas;
    private final MatrixProducts fallback;
    private final boolean single;
    private final RowBlocks job = new RowBlocks();

    /**
     * @param blas the library
     * @param fallback the framework's pure-Java engine, for the products too small for a native
     *                 call; its thread count is this engine's
     * @param single whether the library runs each call on the calling thread only; then large
     *               row-wise products are cut into blocks of rows that run in parallel here
     */
    NativeBlasProducts(BLAS blas, MatrixProducts fallback, boolean single) {
        this.blas = blas;
        this.fallback = fallback;
        this.single = single;
    }

    /**
     * How many blocks of rows a row-wise product of {@code rows} rows is cut into.
     *
     * @param rows the product's rows
     * @return 1 when the product is not cut
     */
    int blocks(int rows) {
        return blocks(single, rows);
    }

    /**
     * How many blocks of rows a row-wise product is cut into: the shape alone decides, so that
     * the cut is the same for any thread count.
     *
     * @param single whether the library runs each call on the calling thread only
     * @param rows the product's rows
     * @return 1 when the product is not cut
     */
    static int blocks(boolean single, int rows) {
        if (!single || rows < 2 * BLOCK_ROWS) {
            return 1;
        }
        return Math.min(MAX_BLOCKS, rows / BLOCK_ROWS);
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
        int count = blocks(rows);
        if (count > 1) {
            job.run(RowBlocks.MULTIPLY, a, rows, inner, w, cols, bias, out, count);
            return;
        }
        multiplyRows(a, 0, rows, inner, w, cols, bias, out);
    }

    /** Rows {@code [from, to)} of {@code A·W (+ b)}. */
    private void multiplyRows(double[] a, int from, int to, int inner, double[] w, int cols,
                              double[] bias, double[] out) {
        double beta = 0.0;
        if (bias != null) {
            for (int r = from; r < to; r++) {
                System.arraycopy(bias, 0, out, r * cols, cols);
            }
            beta = 1.0;
        }
        blas.dgemm("N", "N", cols, to - from, inner, 1.0, w, 0, cols, a, from * inner, inner,
                beta, out, from * cols, cols);
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
        int count = blocks(rows);
        if (count > 1) {
            job.run(RowBlocks.TRANSPOSED_RIGHT, d, rows, cols, w, inner, null, out, count);
            return;
        }
        transposedRightRows(d, 0, rows, cols, w, inner, out);
    }

    /** Rows {@code [from, to)} of {@code δ·Wᵀ}. */
    private void transposedRightRows(double[] d, int from, int to, int cols, double[] w,
                                     int inner, double[] out) {
        blas.dgemm("T", "N", inner, to - from, cols, 1.0, w, 0, cols, d, from * cols, cols, 0.0,
                out, from * inner, inner);
    }

    /**
     * A row-wise product cut into blocks of consecutive rows; part {@code p} of {@code parts}
     * runs blocks {@code p, p + parts, ...}. Reused, so a product allocates nothing.
     */
    private final class RowBlocks implements WorkerPool.Job {
        static final int MULTIPLY = 0;
        static final int TRANSPOSED_RIGHT = 1;

        private int kind;
        private double[] left;
        private int rows;
        private int inner;
        private double[] w;
        private int cols;
        private double[] bias;
        private double[] out;
        private int count;

        /**
         * @param left {@code A} ({@code rows x inner}) or {@code δ} ({@code rows x inner},
         *             with {@code cols} the output width)
         */
        void run(int kind, double[] left, int rows, int inner, double[] w, int cols,
                 double[] bias, double[] out, int count) {
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
        return "native-blas(" + blas.getClass().getSimpleName() + ")";
    }
}
