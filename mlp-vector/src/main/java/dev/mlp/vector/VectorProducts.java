package dev.mlp.vector;

import dev.mlp.api.kernel.MatrixProducts;
import java.util.function.IntFunction;
import dev.mlp.api.kernel.WorkerPool;
import java.util.Arrays;

/**
 * The three matrix products with the register-tiled {@link MicroKernel}: each is
 * {@code C = init + L·B}, then scaled, with
 * <ul>
 *   <li>{@link #multiply} {@code A·W + b}: {@code L = A}, {@code B = W}, {@code init = b};</li>
 *   <li>{@link #multiplyTransposedLeft} {@code s·Aᵀ·δ}: {@code L = Aᵀ} read in place through
 *       its strides, {@code B = δ};</li>
 *   <li>{@link #multiplyTransposedRight} {@code δ·Wᵀ}: {@code L = δ}, {@code B = Wᵀ} read
 *       through its strides while it is packed.</li>
 * </ul>
 * For each block of {@value #KC} steps of the inner dimension, the right operand is packed into
 * panels of {@link MicroKernel#PANEL} columns, then the left operand {@value #MC} rows at a time
 * into tiles of {@value MicroKernel#MR} rows (as BLAS libraries block for the caches); tiles at
 * the bottom and right edges are computed in a scratch tile and copied out.
 *
 * <p>Every output entry is a chain of fused multiply-adds over the inner dimension in
 * increasing order, starting from its bias (or zero), then scaled: exactly the arithmetic of
 * the pure-Java {@code Gemm}. Products that {@code Gemm} runs as plain loops (tiny ones, and
 * {@code A·W} or {@code δ·Wᵀ} with fewer than {@value #FEW_ROWS} rows) are handed to it. So this
 * backend gives the same bits as the {@code java} backend, for any thread count and from run to
 * run. Threads split the output into blocks of whole tiles or panels, never a sum.
 *
 * <p>One instance per thread of control; it keeps its scratch buffers and allocates nothing per
 * call once they have grown to the largest shapes seen. Outputs must not alias inputs.
 */
final class VectorProducts implements MatrixProducts {

    /** Steps of the inner dimension per packed block. */
    static final int KC = 256;

    /** Output rows per packed block of the left operand (a multiple of the tile's rows). */
    static final int MC = 128;

    /**
     * Multiply-adds below which a product goes to the pure-Java {@code Gemm}: {@code Gemm}'s own
     * threshold ({@code Gemm.SMALL}, checked by a test), so both backends take their plain loops for
     * the same products and agree bit for bit.
     */
    static final long SMALL = 4096;

    /** Rows below which {@code A·W} and {@code δ·Wᵀ} go to {@code Gemm} ({@code Gemm}'s own). */
    static final int FEW_ROWS = 8;

    /** Multiply-adds below which a product stays on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 18;

    private final int threads;
    private final boolean alwaysTile;
    private final MatrixProducts fallback;
    private final Job job = new Job();

    /**
     * @param threads the most threads one product may use, at least 1
     * @param fallbacks makes the framework's pure-Java engine for a thread count
     */
    VectorProducts(int threads, IntFunction<MatrixProducts> fallbacks) {
        this(threads, false, fallbacks);
    }

    /**
     * @param threads the most threads one product may use, at least 1
     * @param alwaysTile run every product with a non-zero size through the tiles, even those
     *                   that would go to {@code Gemm} (for tests)
     * @param fallbacks makes the framework's pure-Java engine for a thread count
     */
    VectorProducts(int threads, boolean alwaysTile, IntFunction<MatrixProducts> fallbacks) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.alwaysTile = alwaysTile;
        this.fallback = fallbacks.apply(threads);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void multiply(double[] a, int rows, int inner, double[] w, int cols, double[] bias,
                         double[] out) {
        Shapes.check("A·W", "a", a, rows, inner, "w", w, inner, cols, out, rows, cols);
        if (bias != null && bias.length < cols) {
            throw new IllegalArgumentException("A·W: bias must have at least cols = " + cols
                    + " entries, found " + bias.length);
        }
        long work = (long) rows * inner * cols;
        if (handOver(work, rows < FEW_ROWS || work < SMALL)) {
            fallback.multiply(a, rows, inner, w, cols, bias, out);
            return;
        }
        job.set(a, inner, 1, inner, w, cols, 1, out, rows, cols, bias, 1.0);
        run(work);
    }

    @Override
    public void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d, int cols,
                                       double scale, double[] out) {
        Shapes.check("s·Aᵀ·δ", "a", a, rows, inner, "d", d, rows, cols, out, inner, cols);
        long work = (long) rows * inner * cols;
        if (handOver(work, work < SMALL)) {
            fallback.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            return;
        }
        job.set(a, 1, inner, rows, d, cols, 1, out, inner, cols, null, scale);
        run(work);
    }

    @Override
    public void multiplyTransposedRight(double[] d, int rows, int cols, double[] w, int inner,
                                        double[] out) {
        Shapes.check("δ·Wᵀ", "d", d, rows, cols, "w", w, inner, cols, out, rows, inner);
        long work = (long) rows * inner * cols;
        if (handOver(work, rows < FEW_ROWS || work < SMALL)) {
            fallback.multiplyTransposedRight(d, rows, cols, w, inner, out);
            return;
        }
        job.set(d, cols, 1, cols, w, 1, cols, out, rows, inner, null, 1.0);
        run(work);
    }

    private boolean handOver(long work, boolean small) {
        return work == 0 || (small && !alwaysTile);
    }

    private void run(long work) {
        job.split(work >= PARALLEL_THRESHOLD ? threads : 1);
        try {
            if (job.parts == 1) {
                job.run(0, 1);
            } else {
                WorkerPool.shared().invoke(job, job.parts);
            }
        } finally {
            job.clear();
        }
    }

    @Override
    public String toString() {
        return "java-vector(threads=" + threads + ", " + MicroKernel.LANES * 64 + "-bit vectors)";
    }

    /** The arguments of the product in progress, how its output is split, and the scratch. */
    private static final class Job implements WorkerPool.Job {
        private double[] s;
        private int si;
        private int sk;
        private int depth;
        private double[] b;
        private int bk;
        private int bj;
        private double[] out;
        private int m;
        private int n;
        private double scale;

        private int parts;
        private boolean byRows;
        private int rowTiles;
        private int panels;

        /** The bias padded to whole panels, or zeros. */
        private double[] init = new double[0];
        private double[][] left = new double[0][];
        private double[][] right = new double[0][];
        private double[][] tiles = new double[0][];

        void set(double[] s, int si, int sk, int depth, double[] b, int bk, int bj,
                 double[] out, int m, int n, double[] bias, double scale) {
            this.s = s;
            this.si = si;
            this.sk = sk;
            this.depth = depth;
            this.b = b;
            this.bk = bk;
            this.bj = bj;
            this.out = out;
            this.m = m;
            this.n = n;
            this.scale = scale;
            this.rowTiles = (m + MicroKernel.MR - 1) / MicroKernel.MR;
            this.panels = (n + MicroKernel.PANEL - 1) / MicroKernel.PANEL;
            int padded = panels * MicroKernel.PANEL;
            if (init.length < padded) {
                init = new double[padded];
            }
            if (bias != null) {
                System.arraycopy(bias, 0, init, 0, n);
                Arrays.fill(init, n, padded, 0.0);
            } else {
                Arrays.fill(init, 0, padded, 0.0);
            }
        }

        /**
         * Splits the output among at most {@code wanted} parts: by panels of columns when there
         * are at least as many columns as rows (each part then packs all of the left operand,
         * the smaller one), otherwise by tiles of rows; and grows the scratch.
         */
        void split(int wanted) {
            byRows = !(panels >= wanted && (m <= n || rowTiles < wanted));
            parts = Math.max(1, Math.min(wanted, byRows ? rowTiles : panels));
            int rowsPerPart = (byRows ? (rowTiles + parts - 1) / parts : rowTiles)
                    * MicroKernel.MR;
            int kc = Math.min(KC, depth);
            int panelsPerPart = byRows ? panels : (panels + parts - 1) / parts;
            ensure(parts, Math.min(MC, rowsPerPart) * kc, panelsPerPart * kc * MicroKernel.PANEL);
        }

        private void ensure(int count, int leftSize, int rightSize) {
            if (left.length < count) {
                left = Arrays.copyOf(left, count);
                right = Arrays.copyOf(right, count);
                tiles = Arrays.copyOf(tiles, count);
            }
            for (int p = 0; p < count; p++) {
                if (left[p] == null || left[p].length < leftSize) {
                    left[p] = new double[leftSize];
                }
                if (right[p] == null || right[p].length < rightSize) {
                    right[p] = new double[rightSize];
                }
                if (tiles[p] == null) {
                    tiles[p] = new double[MicroKernel.MR * MicroKernel.PANEL];
                }
            }
        }

        void clear() {
            s = null;
            b = null;
            out = null;
        }

        @Override
        public void run(int part, int count) {
            int t0 = 0;
            int t1 = rowTiles;
            int p0 = 0;
            int p1 = panels;
            if (byRows) {
                t0 = (int) ((long) rowTiles * part / count);
                t1 = (int) ((long) rowTiles * (part + 1) / count);
            } else {
                p0 = (int) ((long) panels * part / count);
                p1 = (int) ((long) panels * (part + 1) / count);
            }
            if (t1 > t0 && p1 > p0) {
                compute(t0 * MicroKernel.MR, Math.min(m, t1 * MicroKernel.MR), p0, p1,
                        left[part], right[part], tiles[part]);
            }
        }

        /**
         * Output rows {@code [i0, i1)} ({@code i0} a multiple of MR), panels {@code [p0, p1)}:
         * for every block of {@value #KC} steps, the right operand's panels are packed once, then
         * the left operand {@value #MC} rows at a time, each such block used for all panels.
         */
        private void compute(int i0, int i1, int p0, int p1, double[] ap, double[] bp,
                             double[] tile) {
            final int pw = MicroKernel.PANEL;
            for (int k0 = 0; k0 < depth; k0 += KC) {
                int kc = Math.min(KC, depth - k0);
                for (int p = p0; p < p1; p++) {
                    int c0 = p * pw;
                    MicroKernel.packRight(b, bk, bj, k0, kc, c0, Math.min(pw, n - c0), bp,
                            (p - p0) * kc * pw);
                }
                for (int r0 = i0; r0 < i1; r0 += MC) {
                    int r1 = Math.min(i1, r0 + MC);
                    MicroKernel.packLeft(s, si, sk, r0, r1, k0, kc, ap);
                    for (int p = p0; p < p1; p++) {
                        block(r0, r1, p, k0, kc, ap, bp, (p - p0) * kc * pw, tile);
                    }
                }
            }
        }

        /** Rows {@code [r0, r1)} of panel {@code p}, steps {@code [k0, k0 + kc)}. */
        private void block(int r0, int r1, int p, int k0, int kc, double[] ap, double[] bp,
                           int bpo, double[] tile) {
            final int mr = MicroKernel.MR;
            final int pw = MicroKernel.PANEL;
            boolean first = k0 == 0;
            double sc = k0 + kc >= depth ? scale : 1.0;
            int c0 = p * pw;
            int width = Math.min(pw, n - c0);
            for (int i = r0, t = 0; i < r1; i += mr, t += mr * kc) {
                int h = Math.min(mr, r1 - i);
                int o = i * n + c0;
                if (h == mr && width == pw) {
                    if (first) {
                        MicroKernel.tile(ap, t, kc, bp, bpo, init, c0, 0, out, o, n, sc);
                    } else {
                        MicroKernel.tile(ap, t, kc, bp, bpo, out, o, n, out, o, n, sc);
                    }
                } else if (first) {
                    MicroKernel.tile(ap, t, kc, bp, bpo, init, c0, 0, tile, 0, pw, sc);
                    copyOut(tile, h, width, o);
                } else {
                    for (int r = 0; r < h; r++) {
                        System.arraycopy(out, o + r * n, tile, r * pw, width);
                    }
                    MicroKernel.tile(ap, t, kc, bp, bpo, tile, 0, pw, tile, 0, pw, sc);
                    copyOut(tile, h, width, o);
                }
            }
        }

        private void copyOut(double[] tile, int h, int width, int o) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(tile, r * MicroKernel.PANEL, out, o + r * n, width);
            }
        }
    }
}
