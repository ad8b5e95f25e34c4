package dev.mlp.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;

/**
 * The speed limit of W1 on this machine: the eight matrix products of one W1 training step
 * (batch 128 of 784-256-128-10: three forward products, three weight gradients, two
 * back-propagated deltas, the shapes and transpositions the {@code native-blas} backend uses),
 * and nothing else, as {@code dgemm} or {@code sgemm} calls into the system's BLAS through the
 * same binding as that backend ({@code dev.ludovic.netlib}). On one thread a loop of steps; on
 * N threads N such loops side by side, each on its own matrices, which with
 * {@code OPENBLAS_NUM_THREADS=1} is what the cores can multiply at these shapes. Reported as
 * training samples per second: steps x 128 / seconds.
 */
final class GemmBound {

    /** W1's layer sizes. */
    private static final int[] SIZES = {784, 256, 128, 10};
    private static final int BATCH = 128;

    private final BLAS blas;
    private final double seconds;

    private GemmBound(BLAS blas, double seconds) {
        this.blas = blas;
        this.seconds = seconds;
    }

    /**
     * @param seconds how long to time each setting (five such repeats, the median is kept)
     * @return the bound, or {@code null} after printing one line if no native BLAS loads
     */
    static GemmBound load(double seconds) {
        try {
            return new GemmBound(NativeBLAS.getInstance(), seconds);
        } catch (RuntimeException | LinkageError e) {
            System.out.println("bound skipped: no native BLAS could be loaded ("
                    + e.getMessage() + "); install one, for example the Debian package "
                    + "libopenblas0");
            return null;
        }
    }

    /** @return multiply-adds x 2 of one training sample's products */
    static double flopsPerSample() {
        double macs = 0;
        for (int l = 1; l < SIZES.length; l++) {
            double w = (double) SIZES[l - 1] * SIZES[l];
            macs += 2 * w; // forward and weight gradient
            if (l > 1) {
                macs += w; // delta back to layer l - 1 (none to the inputs)
            }
        }
        return 2 * macs;
    }

    /**
     * Measures both precisions at 1 thread and at {@code threads}.
     *
     * @param threads the most threads (the machine's processors)
     * @return one summary per precision and thread count
     */
    List<Summary> measure(int threads) {
        List<Summary> out = new ArrayList<>();
        int[] counts = threads > 1 ? new int[] {threads, 1} : new int[] {1};
        for (String op : List.of("dgemm", "sgemm")) {
            for (int t : counts) {
                double rate = rate(op, t);
                Summary s = Summary.of("w1", "bound", "op", op, "threads", t,
                        "samples_per_s", rate, "gflops", rate * flopsPerSample() / 1e9);
                System.out.printf(Locale.ROOT, "bound: %s at W1's shapes, %d thread%s: %.0f "
                        + "samples/s (%.1f GFLOP/s)%n", op, t, t == 1 ? "" : "s", rate,
                        rate * flopsPerSample() / 1e9);
                out.add(s);
            }
        }
        return out;
    }

    /** Samples per second of {@code threads} loops of W1 steps running side by side. */
    private double rate(String op, int threads) {
        Step[] steps = new Step[threads];
        for (int t = 0; t < threads; t++) {
            steps[t] = op.equals("sgemm") ? new FloatStep(blas, t) : new DoubleStep(blas, t);
        }
        long[] done = new long[threads];
        double[] repeats = new double[5];
        for (int r = -1; r < repeats.length; r++) { // repeat -1 warms up
            Arrays.fill(done, 0);
            CyclicBarrier start = new CyclicBarrier(threads);
            long until = System.nanoTime() + (long) (seconds * 1e9);
            Thread[] workers = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers[t] = new Thread(() -> {
                    await(start);
                    long n = 0;
                    do {
                        steps[id].run();
                        n++;
                    } while (System.nanoTime() < until);
                    done[id] = n;
                }, "gemm-bound-" + t);
                workers[t].start();
            }
            for (Thread w : workers) {
                join(w);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (r >= 0) {
                repeats[r] = Arrays.stream(done).sum() * BATCH / elapsed;
            }
        }
        Arrays.sort(repeats);
        return repeats[repeats.length / 2];
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new IllegalStateException("bound measurement interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bound measurement interrupted", e);
        }
    }

    /** One W1 step's products on one thread's own matrices. */
    private interface Step {
        void run();
    }

    /** The step in {@code double}, as {@code NativeBlasProducts} calls {@code dgemm}. */
    private static final class DoubleStep implements Step {
        private final BLAS blas;
        private final double[][] a = new double[SIZES.length][];  // activations, batch x n
        private final double[][] d = new double[SIZES.length][];  // deltas, batch x n
        private final double[][] w = new double[SIZES.length][];  // weights, in x out
        private final double[][] g = new double[SIZES.length][];  // gradients, in x out

        DoubleStep(BLAS blas, int seed) {
            this.blas = blas;
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int l = 0; l < SIZES.length; l++) {
                a[l] = fill(rnd, BATCH * SIZES[l]);
                d[l] = fill(rnd, BATCH * SIZES[l]);
                if (l > 0) {
                    w[l] = fill(rnd, SIZES[l - 1] * SIZES[l]);
                    g[l] = new double[SIZES[l - 1] * SIZES[l]];
                }
            }
        }

        private static double[] fill(SplittableRandom rnd, int n) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextDouble(-0.1, 0.1);
            }
            return v;
        }

        @Override
        public void run() {
            for (int l = 1; l < SIZES.length; l++) { // forward: A_l = A_{l-1} W_l
                int in = SIZES[l - 1];
                int out = SIZES[l];
                blas.dgemm("N", "N", out, BATCH, in, 1.0, w[l], 0, out, a[l - 1], 0, in, 0.0,
                        a[l], 0, out);
            }
            for (int l = SIZES.length - 1; l >= 1; l--) {
                int in = SIZES[l - 1];
                int out = SIZES[l];
                // weight gradient: A_{l-1}^T D_l
                blas.dgemm("N", "T", out, in, BATCH, 1.0 / BATCH, d[l], out, a[l - 1], in, 0.0,
                        g[l], out);
                if (l > 1) { // delta back: D_l W_l^T
                    blas.dgemm("T", "N", in, BATCH, out, 1.0, w[l], 0, out, d[l], 0, out, 0.0,
                            d[l - 1], 0, in);
                }
            }
        }
    }

    /** The same step in {@code float}, with {@code sgemm}. */
    private static final class FloatStep implements Step {
        private final BLAS blas;
        private final float[][] a = new float[SIZES.length][];
        private final float[][] d = new float[SIZES.length][];
        private final float[][] w = new float[SIZES.length][];
        private final float[][] g = new float[SIZES.length][];

        FloatStep(BLAS blas, int seed) {
            this.blas = blas;
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int l = 0; l < SIZES.length; l++) {
                a[l] = fill(rnd, BATCH * SIZES[l]);
                d[l] = fill(rnd, BATCH * SIZES[l]);
                if (l > 0) {
                    w[l] = fill(rnd, SIZES[l - 1] * SIZES[l]);
                    g[l] = new float[SIZES[l - 1] * SIZES[l]];
                }
            }
        }

        private static float[] fill(SplittableRandom rnd, int n) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) rnd.nextDouble(-0.1, 0.1);
            }
            return v;
        }

        @Override
        public void run() {
            for (int l = 1; l < SIZES.length; l++) {
                int in = SIZES[l - 1];
                int out = SIZES[l];
                blas.sgemm("N", "N", out, BATCH, in, 1f, w[l], 0, out, a[l - 1], 0, in, 0f,
                        a[l], 0, out);
            }
            for (int l = SIZES.length - 1; l >= 1; l--) {
                int in = SIZES[l - 1];
                int out = SIZES[l];
                blas.sgemm("N", "T", out, in, BATCH, 1f / BATCH, d[l], out, a[l - 1], in, 0f,
                        g[l], out);
                if (l > 1) {
                    blas.sgemm("T", "N", in, BATCH, out, 1f, w[l], 0, out, d[l], 0, out, 0f,
                            d[l - 1], 0, in);
                }
            }
        }
    }
}
