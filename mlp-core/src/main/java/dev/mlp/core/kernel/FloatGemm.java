package dev.mlp.core.kernel;

import dev.mlp.api.kernel.FloatProducts;
import dev.mlp.api.kernel.WorkerPool;

/**
 * The pure-Java {@code float} products of the {@code float32} precision: {@link Gemm}'s packed,
 * cache-blocked products summed in {@code float} ({@link FloatPanels}), with the output split
 * over threads the same way, so results are bit-identical for any thread count. Every product
 * takes the packed path (there is no small-product shortcut); passes small enough for plain
 * loops run the {@code float} loops of {@link FloatMatrices} instead, which give the same bits.
 *
 * <p>One instance per thread of control; nothing is allocated per call once its scratch has
 * reached its largest size. Outputs must not alias inputs.
 */
public final class FloatGemm implements FloatProducts {

    private final int threads;
    private final Job job = new Job();
    private float[][] packed = new float[0][];

    /**
     * @param threads the most threads one product may use, at least 1
     */
    public FloatGemm(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + threads);
        }
        this.threads = threads;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void multiply(float[] a, int rows, int inner, float[] w, int cols, float[] bias,
                         float[] out) {
        float[][] p = pack(w, inner, cols);
        job.set(a, inner, 1, inner, p, out, rows, cols, bias, 1.0f);
        run((long) rows * inner * cols, rows, cols);
    }

    @Override
    public void multiplyTransposedLeft(float[] a, int rows, int inner, float[] d, int cols,
                                       float scale, float[] out) {
        float[][] p = pack(d, rows, cols);
        job.set(a, 1, inner, rows, p, out, inner, cols, null, scale);
        run((long) rows * inner * cols, inner, cols);
    }

    @Override
    public void multiplyTransposedRight(float[] d, int rows, int cols, float[] w, int inner,
                                        float[] out) {
        float[][] p = rows(cols, inner);
        for (int k = 0; k < inner; k++) {
            int wk = k * cols;
            for (int c = 0; c < cols; c++) {
                p[c][k] = w[wk + c];
            }
        }
        job.set(d, cols, 1, cols, p, out, rows, inner, null, 1.0f);
        run((long) rows * inner * cols, rows, inner);
    }

    private float[][] pack(float[] m, int rows, int cols) {
        float[][] p = rows(rows, cols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m, r * cols, p[r], 0, cols);
        }
        return p;
    }

    private float[][] rows(int count, int width) {
        if (packed.length < count || (count > 0 && packed[0].length < width)) {
            int w = Math.max(width, packed.length == 0 ? 0 : packed[0].length);
            float[][] grown = new float[Math.max(count, packed.length)][];
            for (int r = 0; r < grown.length; r++) {
                grown[r] = new float[w];
            }
            packed = grown;
        }
        return packed;
    }

    @Override
    public String toString() {
        return "java-float(threads=" + threads + ")";
    }

    private void run(long work, int outRows, int outCols) {
        int parts = threads > 1 && work >= Gemm.PARALLEL_THRESHOLD ? threads : 1;
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
        private float[] s;
        private int si;
        private int sj;
        private int n;
        private float[][] b;
        private float[] out;
        private int m;
        private int cols;
        private float[] init;
        private float scale;
        private boolean byRows;
        private int parts;
        private float[][] acc = new float[0][];

        void set(float[] s, int si, int sj, int n, float[][] b, float[] out, int m, int cols,
                 float[] init, float scale) {
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
                float[][] grown = new float[Math.max(parts, acc.length)][];
                for (int p = 0; p < grown.length; p++) {
                    grown[p] = new float[w];
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
                int units = (cols + 15) / 16; // column blocks in multiples of 16 floats
                c0 = Math.min(cols, (int) ((long) units * part / count) * 16);
                c1 = Math.min(cols, (int) ((long) units * (part + 1) / count) * 16);
            }
            FloatPanels.compute(s, si, sj, n, b, out, cols, init, scale, acc[part], i0, i1, c0,
                    c1);
        }
    }
}
