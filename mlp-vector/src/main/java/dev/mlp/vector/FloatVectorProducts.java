package dev.mlp.vector;

import dev.mlp.api.kernel.FloatProducts;
import dev.mlp.api.kernel.WorkerPool;
import java.util.Arrays;

/**
 * The {@code float} products of the {@code float32} precision with the register-tiled
 * {@link FloatMicroKernel}, blocked, packed and split over threads as {@link VectorProducts}
 * does the {@code double} ones: each product is {@code C = init + L·B}, then scaled, with
 * <ul>
 *   <li>{@link #multiply} {@code A·W + b}: {@code L = A}, {@code B = W}, {@code init = b};</li>
 *   <li>{@link #multiplyTransposedLeft} {@code s·Aᵀ·δ}: {@code L = Aᵀ} read in place through
 *       its strides, {@code B = δ};</li>
 *   <li>{@link #multiplyTransposedRight} {@code δ·Wᵀ}: {@code L = δ}, {@code B = Wᵀ} read
 *       through its strides while it is packed.</li>
 * </ul>
 *
 * <p>Every output entry is a chain of {@code float} fused multiply-adds over the inner
 * dimension in increasing order, starting from its bias (or zero), then scaled: exactly the
 * arithmetic of the pure-Java {@code FloatGemm}, so this engine gives the bits of the
 * {@code java} backend under {@code float32}, for any thread count and from run to run.
 * Products of fewer than {@value #SMALL} multiply-adds, and those with a zero size, are handed to
 * the framework's float engine, which gives the same bits. Threads split the output into blocks
 * of whole tiles or panels, never a sum.
 *
 * <p>One instance per thread of control; it keeps its scratch buffers and allocates nothing per
 * call once they have grown to the largest shapes seen. Outputs must not alias inputs.
 */
final class FloatVectorProducts implements FloatProducts {

    /** Steps of the inner dimension per packed block. */
    static final int KC = 256;

    /** Output rows per packed block of the left operand (a multiple of the tile's rows). */
    static final int MC = 128;

    /** Multiply-adds below which a product goes to the framework's float engine. */
    static final long SMALL = 4096;

    /** Multiply-adds below which a product stays on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 18;

    private final int threads;
    private final boolean alwaysTile;
    private final FloatProducts fallback;
    private final Job job = new Job();

    /**
     * @param threads the most threads one product may use, at least 1
     * @param fallback the framework's float engine with the same thread count, for the products
     *                 too small for the tiles
     */
    FloatVectorProducts(int threads, FloatProducts fallback) {
        this(threads, false, fallback);
    }

    /**
     * @param threads the most threads one product may use, at least 1
     * @param alwaysTile run every product with a non-zero size through the tiles (for tests)
     * @param fallback the framework's float engine with the same thread count
     */
    FloatVectorProducts(int threads, boolean alwaysTile, FloatProducts fallback) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.alwaysTile = alwaysTile;
        this.fallback = java.util.Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void multiply(float[] a, int rows, int inner, float[] w, int cols, float[] bias,
                         float[] out) {
        Shapes.check("A·W", "a", a, rows, inner, "w", w, inner, cols, out, rows, cols);
        if (bias != null && bias.length < cols) {
            throw new IllegalArgumentException("A·W: bias must have at least cols = " + cols
                    + " entries, found " + bias.length);
        }
        long work = (long) rows * inner * cols;
        if (handOver(work)) {
            fallback.multiply(a, rows, inner, w, cols, bias, out);
            return;
        }
        job.set(a, inner, 1, inner, w, cols, 1, out, rows, cols, bias, 1.0f);
        run(work);
    }

    @Override
    public void multiplyTransposedLeft(float[] a, int rows, int inner, float[] d, int cols,
                                       float scale, float[] out) {
        Shapes.check("s·Aᵀ·δ", "a", a, rows, inner, "d", d, rows, cols, out, inner, cols);
        long work = (long) rows * inner * cols;
        if (handOver(work)) {
            fallback.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            return;
        }
        job.set(a, 1, inner, rows, d, cols, 1, out, inner, cols, null, scale);
        run(work);
    }

    @Override
    public void multiplyTransposedRight(float[] d, int rows, int cols, float[] w, int inner,
                                        float[] out) {
        Shapes.check("δ·Wᵀ", "d", d, rows, cols, "w", w, inner, cols, out, rows, inner);
        long work = (long) rows * inner * cols;
        if (handOver(work)) {
            fallback.multiplyTransposedRight(d, rows, cols, w, inner, out);
            return;
        }
        job.set(d, cols, 1, cols, w, 1, cols, out, rows, inner, null, 1.0f);
        run(work);
    }

    private boolean handOver(long work) {
        return work == 0 || (work < SMALL && !alwaysTile);
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
        return "java-vector-float(threads=" + threads + ", " + FloatMicroKernel.LANES * 32
                + "-bit vectors)";
    }

    /** The arguments of the product in progress, how its output is split, and the scratch. */
    private static final class Job implements WorkerPool.Job {
        private float[] s;
        private int si;
        private int sk;
        private int depth;
        private float[] b;
        private int bk;
        private int bj;
        private float[] out;
        private int m;
        private int n;
        private float scale;

        private int parts;
        private boolean byRows;
        private int rowTiles;
        private int panels;

        /** The bias padded to whole panels, or zeros. */
        private float[] init = new float[0];
        private float[][] left = new float[0][];
        private float[][] right = new float[0][];
        private float[][] tiles = new float[0][];

        void set(float[] s, int si, int sk, int depth, float[] b, int bk, int bj,
                 float[] out, int m, int n, float[] bias, float scale) {
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
            this.rowTiles = (m + FloatMicroKernel.MR - 1) / FloatMicroKernel.MR;
            this.panels = (n + FloatMicroKernel.PANEL - 1) / FloatMicroKernel.PANEL;
            int padded = panels * FloatMicroKernel.PANEL;
            if (init.length < padded) {
                init = new float[padded];
            }
            if (bias != null) {
                System.arraycopy(bias, 0, init, 0, n);
                Arrays.fill(init, n, padded, 0.0f);
            } else {
                Arrays.fill(init, 0, padded, 0.0f);
            }
        }

        /**
         * Splits the output among at most {@code wanted} parts as {@link VectorProducts} does:
         * by panels of columns when there are at least as many columns as rows, otherwise by
         * tiles of rows; and grows the scratch.
         */
        void split(int wanted) {
            byRows = !(panels >= wanted && (m <= n || rowTiles < wanted));
            parts = Math.max(1, Math.min(wanted, byRows ? rowTiles : panels));
            int rowsPerPart = (byRows ? (rowTiles + parts - 1) / parts : rowTiles)
                    * FloatMicroKernel.MR;
            int kc = Math.min(KC, depth);
            int panelsPerPart = byRows ? panels : (panels + parts - 1) / parts;
            ensure(parts, Math.min(MC, rowsPerPart) * kc,
                    panelsPerPart * kc * FloatMicroKernel.PANEL);
        }

        private void ensure(int count, int leftSize, int rightSize) {
            if (left.length < count) {
                left = Arrays.copyOf(left, count);
                right = Arrays.copyOf(right, count);
                tiles = Arrays.copyOf(tiles, count);
            }
            for (int p = 0; p < count; p++) {
                if (left[p] == null || left[p].length < leftSize) {
                    left[p] = new float[leftSize];
                }
                if (right[p] == null || right[p].length < rightSize) {
                    right[p] = new float[rightSize];
                }
                if (tiles[p] == null) {
                    tiles[p] = new float[FloatMicroKernel.MR * FloatMicroKernel.PANEL];
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
                compute(t0 * FloatMicroKernel.MR, Math.min(m, t1 * FloatMicroKernel.MR), p0, p1,
                        left[part], right[part], tiles[part]);
            }
        }

        /**
         * Output rows {@code [i0, i1)} ({@code i0} a multiple of MR), panels {@code [p0, p1)}:
         * for every block of {@value #KC} steps, the right operand's panels are packed once, then
         * the left operand {@value #MC} rows at a time, each such block used for all panels.
         */
        private void compute(int i0, int i1, int p0, int p1, float[] ap, float[] bp,
                             float[] tile) {
            final int pw = FloatMicroKernel.PANEL;
            for (int k0 = 0; k0 < depth; k0 += KC) {
                int kc = Math.min(KC, depth - k0);
                for (int p = p0; p < p1; p++) {
                    int c0 = p * pw;
                    FloatMicroKernel.packRight(b, bk, bj, k0, kc, c0, Math.min(pw, n - c0), bp,
                            (p - p0) * kc * pw);
                }
                for (int r0 = i0; r0 < i1; r0 += MC) {
                    int r1 = Math.min(i1, r0 + MC);
                    FloatMicroKernel.packLeft(s, si, sk, r0, r1, k0, kc, ap);
                    for (int p = p0; p < p1; p++) {
                        block(r0, r1, p, k0, kc, ap, bp, (p - p0) * kc * pw, tile);
                    }
                }
            }
        }

        /** Rows {@code [r0, r1)} of panel {@code p}, steps {@code [k0, k0 + kc)}. */
        private void block(int r0, int r1, int p, int k0, int kc, float[] ap, float[] bp,
                           int bpo, float[] tile) {
            final int mr = FloatMicroKernel.MR;
            final int pw = FloatMicroKernel.PANEL;
            boolean first = k0 == 0;
            float sc = k0 + kc >= depth ? scale : 1.0f;
            int c0 = p * pw;
            int width = Math.min(pw, n - c0);
            for (int i = r0, t = 0; i < r1; i += mr, t += mr * kc) {
                int h = Math.min(mr, r1 - i);
                int o = i * n + c0;
                if (h == mr && width == pw) {
                    if (first) {
                        FloatMicroKernel.tile(ap, t, kc, bp, bpo, init, c0, 0, out, o, n, sc);
                    } else {
                        FloatMicroKernel.tile(ap, t, kc, bp, bpo, out, o, n, out, o, n, sc);
                    }
                } else if (first) {
                    FloatMicroKernel.tile(ap, t, kc, bp, bpo, init, c0, 0, tile, 0, pw, sc);
                    copyOut(tile, h, width, o);
                } else {
                    for (int r = 0; r < h; r++) {
                        System.arraycopy(out, o + r * n, tile, r * pw, width);
                    }
                    FloatMicroKernel.tile(ap, t, kc, bp, bpo, tile, 0, pw, tile, 0, pw, sc);
                    copyOut(tile, h, width, o);
                }
            }
        }

        private void copyOut(float[] tile, int h, int width, int o) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(tile, r * FloatMicroKernel.PANEL, out, o + r * n, width);
            }
        }
    }
}
