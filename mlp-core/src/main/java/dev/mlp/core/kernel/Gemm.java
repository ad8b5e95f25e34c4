package dev.mlp.core.kernel;

import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.kernel.WorkerPool;

/**
 * The three matrix products of training a dense layer, on flat row-major {@code double[]}
 * arrays, cache-blocked, vectorized by HotSpot and split over threads:
 * <ul>
 *   <li>{@link #multiply} {@code Z = A·W + b} (forward),</li>
 *   <li>{@link #multiplyTransposedLeft} {@code G = s·Aᵀ·δ} (weight gradient),</li>
 *   <li>{@link #multiplyTransposedRight} {@code D = δ·Wᵀ} (back-propagated delta).</li>
 * </ul>
 *
 * <p>Threads split the <em>output</em> by blocks of rows (or of columns when there are few
 * rows); every output entry is summed in an order that depends only on the shapes, so the
 * result is bit-identical for any thread count and from run to run. Products too small to gain
 * from threads run on the calling thread, and tiny ones, or ones with fewer than
 * {@value #FEW_ROWS} rows where packing {@code W} would cost as much as the product, run as the
 * plain loops of {@link Matrices}.
 *
 * <p>One instance per thread of control: it holds the arguments of the product in progress and
 * a scratch buffer, so it is not thread-safe. Nothing is allocated per call once the scratch
 * buffer has reached its largest size. Outputs must not alias inputs.
 */
public final class Gemm implements MatrixProducts {

    /** The system property that sets {@link #defaultThreads()}. */
    public static final String THREADS_PROPERTY = "mlp.threads";

    /** Multiply-adds below which a product stays on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 16;

    /**
     * Multiply-adds below which a product runs as plain loops ({@link Matrices}): packing the
     * right operand costs more than it saves on tiny products, as in the networks of a few
     * neurons that are trained one sample at a time.
     */
    public static final long SMALL = 4096;

    /** Rows below which {@code A·W} and {@code δ·Wᵀ} do not pack {@code W}. */
    public static final int FEW_ROWS = 8;

    private final int threads;
    private final boolean alwaysPack;
    private final Job job = new Job();
    private double[][] packed = new double[0][];

    /**
     * @param threads the most threads one product may use, at least 1
     */
    public Gemm(int threads) {
        this(threads, false);
    }

    /**
     * @param threads the most threads one product may use, at least 1
     * @param alwaysPack take the packed, blocked path even for tiny products (for tests)
     */
    Gemm(int threads, boolean alwaysPack) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.alwaysPack = alwaysPack;
    }

    /**
     * The default thread count: the system property {@value #THREADS_PROPERTY} if set,
     * otherwise the number of available processors.
     *
     * @return at least 1
     * @throws IllegalArgumentException if the property is set but not a whole number >= 1
     */
    public static int defaultThreads() {
        String property = System.getProperty(THREADS_PROPERTY);
        if (property == null) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        int n;
        try {
            n = Integer.parseInt(property.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY
                    + " must be a whole number >= 1, found '" + property + "'", e);
        }
        if (n < 1) {
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY
                    + " must be >= 1, found " + n);
        }
        return n;
    }

    @Override
    public int threads() {
        return threads;
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
    @Override
    public void multiply(double[] a, int rows, int inner, double[] w, int cols, double[] bias,
                         double[] out) {
        long work = (long) rows * inner * cols;
        if (!alwaysPack && (rows < FEW_ROWS || work < SMALL)) {
            Matrices.multiply(a, rows, inner, w, cols, bias, out);
            return;
        }
        double[][] p = pack(w, inner, cols);
        job.set(a, inner, 1, inner, p, out, rows, cols, bias, 1.0);
        run(work, rows, cols);
    }

    /**
     * {@code out = scale · aᵀ · d}: {@code a} is {@code rows x inner}, {@code d} is
     * {@code rows x cols}, {@code out} is {@code inner x cols}; all zeros when {@code rows == 0}.
     *
     * @param a left matrix, used transposed (not copied)
     * @param rows rows of {@code a} and {@code d}
     * @param inner columns of {@code a}
     * @param d right matrix
     * @param cols columns of {@code d}
     * @param scale factor applied to every entry
     * @param out receives the product
     */
    @Override
    public void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d, int cols,
                                       double scale, double[] out) {
        long work = (long) rows * inner * cols;
        if (!alwaysPack && work < SMALL) {
            Matrices.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            return;
        }
        double[][] p = pack(d, rows, cols);
        job.set(a, 1, inner, rows, p, out, inner, cols, null, scale);
        run(work, inner, cols);
    }

    /**
     * {@code out = d · wᵀ}: {@code d} is {@code rows x cols}, {@code w} is {@code inner x cols},
     * {@code out} is {@code rows x inner}.
     *
     * <p>The product runs as {@code d · P} with {@code P = wᵀ} packed into scratch rows, as
     * BLAS libraries pack their operands: the packing costs {@code inner x cols} copies,
     * {@code 1/rows} of the product, and lets the inner loop stream contiguous rows instead of
     * reducing dot products. (The other two products pack their right operand the same way,
     * without transposing.)
     *
     * @param d left matrix
     * @param rows rows of {@code d}
     * @param cols columns of {@code d} and {@code w}
     * @param w right matrix, used transposed
     * @param inner rows of {@code w}
     * @param out receives the product
     */
    @Override
    public void multiplyTransposedRight(double[] d, int rows, int cols, double[] w, int inner,
                                        double[] out) {
        long work = (long) rows * inner * cols;
        if (!alwaysPack && (rows < FEW_ROWS || work < SMALL)) {
            Matrices.multiplyTransposedRight(d, rows, cols, w, inner, out);
            return;
        }
        double[][] p = rows(cols, inner);
        for (int k = 0; k < inner; k++) {
            int wk = k * cols;
            for (int c = 0; c < cols; c++) {
                p[c][k] = w[wk + c];
            }
        }
        job.set(d, cols, 1, cols, p, out, rows, inner, null, 1.0);
        run(work, rows, inner);
    }

    /** Copies a row-major {@code rows x cols} matrix into the packed rows. */
    private double[][] pack(double[] m, int rows, int cols) {
        double[][] p = rows(rows, cols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m, r * cols, p[r], 0, cols);
        }
        return p;
    }

    /** Packed-row scratch with at least {@code count} rows of at least {@code width}. */
    private double[][] rows(int count, int width) {
        if (packed.length < count || (count > 0 && packed[0].length < width)) {
            int w = Math.max(width, packed.length == 0 ? 0 : packed[0].length);
            double[][] grown = new double[Math.max(count, packed.length)][];
            for (int r = 0; r < grown.length; r++) {
                grown[r] = new double[w];
            }
            packed = grown;
        }
        return packed;
    }

    @Override
    public String toString() {
        return "java(threads=" + threads + ")";
    }

    private void run(long work, int outRows, int outCols) {
        int parts = 1;
        if (threads > 1 && work >= PARALLEL_THRESHOLD) {
            parts = threads;
        }
        job.split(outRows, outCols, parts);
        job.ensureScratch(outCols);
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

    /** The arguments of the product in progress and how its output is split. */
    private static final class Job implements WorkerPool.Job {
        private double[] s;
        private int si;
        private int sj;
        private int n;
        private double[][] b;
        private double[] out;
        private int m;
        private int cols;
        private double[] init;
        private double scale;
        private boolean byRows;
        private int parts;
        private double[][] acc = new double[0][];

        void set(double[] s, int si, int sj, int n, double[][] b, double[] out, int m, int cols,
                 double[] init, double scale) {
            this.s = s;
            this.si = si;
            this.sj = sj;
            this.n = n;
            this.b = b;
            this.out = out;
            this.m = m;
            this.cols = cols;
            this.init = init;
            this.scale = scale;
        }

        void split(int outRows, int outCols, int wanted) {
            if (wanted <= 1) {
                parts = 1;
                byRows = true;
            } else if (outRows >= 4 * wanted) {
                parts = wanted;
                byRows = true;
            } else {
                parts = Math.max(1, Math.min(wanted, outCols / 16));
                byRows = false;
            }
        }

        void ensureScratch(int width) {
            if (acc.length < parts || (parts > 0 && acc[0].length < width)) {
                int w = Math.max(width, acc.length == 0 ? 0 : acc[0].length);
                double[][] grown = new double[Math.max(parts, acc.length)][];
                for (int p = 0; p < grown.length; p++) {
                    grown[p] = new double[w];
                }
                acc = grown;
            }
        }

        void clear() {
            s = null;
            b = null;
            out = null;
            init = null;
        }

        @Override
        public void run(int part, int count) {
            int i0 = 0;
            int i1 = m;
            int c0 = 0;
            int c1 = cols;
            if (byRows) {
                i0 = (int) ((long) m * part / count);
                i1 = (int) ((long) m * (part + 1) / count);
            } else {
                // column blocks in multiples of 8 so vector loops keep full width
                int units = (cols + 7) / 8;
                c0 = Math.min(cols, (int) ((long) units * part / count) * 8);
                c1 = Math.min(cols, (int) ((long) units * (part + 1) / count) * 8);
            }
            Panels.compute(s, si, sj, n, b, out, cols, init, scale, acc[part], i0, i1, c0, c1);
        }
    }
}
