package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.Evaluation;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.kernel.Gemm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded runs give the same bits as when these numbers were pinned: each test trains one
 * configuration and compares a digest of everything the run produced (final parameters, epoch
 * losses, steps, history, stop reason, best epoch, rollbacks and the last evaluations) with the
 * value recorded from the trainer at the time. A change of any bit of any of them fails the
 * test. The configurations cover the paths through the trainer: a tiny network one sample at a
 * time, mini-batches, batches split into shards over threads, validation with early stopping,
 * divergence with rollback, checkpoint and resume, sample weights, dropout, schedules and
 * gradient transforms with a listener of every step, and every built-in batch strategy.
 *
 * <p>When a change is meant to change the numbers, say so in its description and record the new
 * digests (the failure message prints the digest found).
 */
class PinnedBitsTest {

    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    /** A 64-bit FNV-1a style digest over longs. */
    private static final class Digest {
        private long h = 0xcbf29ce484222325L;

        Digest add(long v) {
            for (int i = 0; i < 8; i++) {
                h ^= (v >>> (8 * i)) & 0xff;
                h *= 0x100000001b3L;
            }
            return this;
        }

        Digest add(double v) {
            return add(Double.doubleToRawLongBits(v));
        }

        Digest add(String s) {
            if (s == null) {
                return add(-1L);
            }
            add(s.length());
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
            return this;
        }

        Digest add(double[] values) {
            add(values.length);
            for (double v : values) {
                add(v);
            }
            return this;
        }

        Digest add(List<Double> values) {
            add(values.size());
            for (double v : values) {
                add(v);
            }
            return this;
        }

        Digest add(Evaluation e) {
            if (e == null) {
                return add(-2L);
            }
            add(e.samples());
            for (Map.Entry<String, Double> v : e.values().entrySet()) {
                add(v.getKey()).add(v.getValue());
            }
            if (e.confusion() != null) {
                for (double[] row : e.confusion()) {
                    add(row);
                }
            }
            return this;
        }
    }

    private static long digest(Model model, TrainingResult r) {
        Digest d = new Digest();
        for (double[] block : model.network().parameters()) {
            d.add(block);
        }
        d.add(r.epochLosses()).add(r.steps()).add(r.stopReason()).add(r.seed())
                .add(r.bestEpoch()).add(r.rollbacks());
        for (Map.Entry<String, List<Double>> e : r.history().entrySet()) {
            d.add(e.getKey()).add(e.getValue());
        }
        return d.add(r.training()).add(r.validation()).h;
    }

    private static void assertDigest(long expected, Model model, TrainingResult r) {
        pin(expected, digest(model, r), "digest");
    }

    /** Set to record: prints every digest found instead of comparing. */
    private static final boolean RECORD = Boolean.getBoolean("pinned.record");

    private static void pin(long expected, long found, String what) {
        if (RECORD) {
            String m = StackWalker.getInstance().walk(s -> s
                    .map(StackWalker.StackFrame::getMethodName)
                    .filter(n -> !n.equals("pin") && !n.equals("assertDigest"))
                    .findFirst().orElse("?"));
            System.out.printf("PIN %s %s 0x%016xL%n", m, what.replace(' ', '_'), found);
            return;
        }
        assertEquals(expected, found, () -> String.format("%s: 0x%016xL", what, found));
    }

    /** Blobs: {@code n} samples of {@code features} features in {@code classes} one-hot classes. */
    private static double[][][] blobs(int n, int classes, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][features];
        double[][] y = new double[n][classes];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            for (int k = 0; k < features; k++) {
                x[i][k] = Math.cos(1.7 * c + k) + 0.4 * r.nextGaussian();
            }
            y[i][c] = 1;
        }
        return new double[][][] {x, y};
    }

    /** y = 3 x0 - 2 x1 + 1 + noise. */
    private static double[][][] line(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble(-1, 1);
            x[i][1] = r.nextDouble(-1, 1);
            y[i][0] = 3 * x[i][0] - 2 * x[i][1] + 1 + 0.05 * r.nextGaussian();
        }
        return new double[][][] {x, y};
    }

    private static Mlp.Builder xor(String batch) {
        return Mlp.builder().inputs(2).layer(3, "sigmoid").layer(1, "sigmoid")
                .loss("half-squared-error").optimizer("sgd(lr=0.5)").batch(batch)
                .initializer("xavier").epochs(500).seed(1);
    }

    private static Mlp.Builder classifier(String batch, int epochs) {
        return Mlp.builder().inputs(3).layer(6, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.02)").batch(batch).epochs(epochs)
                .seed(17);
    }

    private static long train(Mlp.Builder builder, double[][][] d) {
        Model m = builder.build();
        return digest(m, m.fit(d[0], d[1]));
    }

    @Test
    void tinyNetworkOneSampleAtATime() {
        Model m = xor("stochastic").build();
        assertDigest(0x3820bf664271720cL, m, m.fit(XOR_X, XOR_Y));
    }

    @Test
    void tinyNetworkOneSampleAtATimeInOrder() {
        Model m = xor("stochastic(shuffle=false)").optimizer("momentum(lr=0.3, mu=0.9)").build();
        assertDigest(0x8f39154dd5f427f6L, m, m.fit(XOR_X, XOR_Y));
    }

    @Test
    void tinyNetworkOnMiniBatches() {
        Model m = xor("mini-batch(size=3, shuffle=true)").build();
        assertDigest(0x8f35f860dd4c6afbL, m, m.fit(XOR_X, XOR_Y));
    }

    @Test
    void miniBatchesWithMetrics() {
        double[][][] d = blobs(90, 3, 3, 5);
        Model m = classifier("mini-batch(size=16, shuffle=true)", 12).metrics("accuracy", "f1")
                .build();
        assertDigest(0x3b26a831abfe2f08L, m, m.fit(d[0], d[1]));
    }

    private static Mlp.Builder wide() {
        return Mlp.builder().inputs(16).layer(128, "relu").layer(32, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer("momentum(lr=0.05, mu=0.9)")
                .batch("mini-batch(size=256, shuffle=true)").epochs(3).seed(23);
    }

    @Test
    void batchesSplitIntoShardsGiveTheSameBitsOnAnyThreadCount() {
        double[][][] d = blobs(600, 3, 16, 9);
        String before = System.getProperty(Gemm.THREADS_PROPERTY);
        try {
            for (String threads : new String[] {"1", "2", "3"}) {
                System.setProperty(Gemm.THREADS_PROPERTY, threads);
                pin(0x3b47fb9dcb7aa604L, train(wide(), d), "threads " + threads);
            }
        } finally {
            if (before == null) {
                System.clearProperty(Gemm.THREADS_PROPERTY);
            } else {
                System.setProperty(Gemm.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void earlyStoppingOnValidationRestoresTheBestEpoch() {
        double[][][] d = blobs(120, 3, 3, 11);
        Model m = classifier("mini-batch(size=8, shuffle=true)", 400).validationFraction(0.25)
                .metrics("accuracy").earlyStopping("early-stopping(monitor=validation-loss, "
                        + "patience=4, restore-best=true)").build();
        TrainingResult r = m.fit(d[0], d[1]);
        assertDigest(0xc955af486188cdacL, m, r);
    }

    @Test
    void earlyStoppingOnTrainingAccuracyWithoutRestoring() {
        double[][][] d = blobs(60, 3, 3, 12);
        Model m = classifier("stochastic", 300).metrics("accuracy")
                .earlyStopping("early-stopping(monitor=accuracy, patience=3, min-delta=0.001, "
                        + "restore-best=false)").build();
        assertDigest(0x72f0ec4b6a67593fL, m, m.fit(d[0], d[1]));
    }

    private static Mlp.Builder tooFast(double lr, String batch) {
        return Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(lr)).batch(batch).epochs(30).seed(8);
    }

    @Test
    void divergenceRollsBackAndContinues() {
        double[][][] d = line(32, 16);
        Model m = tooFast(1e9, "stochastic").divergence("rollback(factor=1e-10, retries=1)")
                .build();
        assertDigest(0xed40343fff885e7cL, m, m.fit(d[0], d[1]));
        Model mb = tooFast(1e9, "mini-batch(size=5, shuffle=true)")
                .divergence("rollback(factor=1e-9, retries=3)").build();
        assertDigest(0xe26936707a805436L, mb, mb.fit(d[0], d[1]));
    }

    @Test
    void divergenceWithoutRollbackSaysWhere() {
        double[][][] d = line(32, 16);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> tooFast(1e9, "stochastic").build().fit(d[0], d[1]));
        pin(0xef9cfc14c3451ed6L, new Digest().add(e.getMessage()).add(e.epoch()).add(e.batch())
                .add(e.parameter()).h, e.getMessage());
        TrainingDivergedException mb = assertThrows(TrainingDivergedException.class,
                () -> tooFast(1e9, "mini-batch(size=4)").build().fit(d[0], d[1]));
        pin(0xb247852f3e616e0cL, new Digest().add(mb.getMessage()).add(mb.epoch()).add(mb.batch())
                .add(mb.parameter()).h, mb.getMessage());
    }

    @Test
    void checkpointAndResumeGiveTheUninterruptedBits() {
        double[][][] d = blobs(50, 3, 3, 13);
        Supplier<Mlp.Builder> builder = () -> classifier("mini-batch(size=6, shuffle=true)", 9)
                .validationFraction(0.2).metrics("accuracy")
                .earlyStopping("early-stopping(monitor=validation-accuracy, patience=50)")
                .schedule("step(every=2, factor=0.5)");
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model whole = builder.get().checkpoints(4, checkpoints::add).build();
        TrainingResult full = whole.fit(d[0], d[1]);
        assertDigest(0x722cb36a011f06fdL, whole, full);
        Model resumed = builder.get().build();
        TrainingResult rest = resumed.resume(Dataset.of(d[0], d[1]), checkpoints.get(0));
        assertDigest(0x722cb36a011f06fdL, resumed, rest);
    }

    @Test
    void weightedSamples() {
        double[][][] d = blobs(40, 3, 3, 14);
        double[] w = new double[40];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.25 + (i % 5) * 0.5;
        }
        Model m = classifier("mini-batch(size=7, shuffle=true)", 10).metrics("accuracy")
                .build();
        assertDigest(0x213512b96a4eb7a8L, m, m.fit(d[0], d[1], w));
        Model s = xor("stochastic").build();
        assertDigest(0x0149cbbe5ebefc25L, s, s.fit(XOR_X, XOR_Y, new double[] {1, 2, 0.5, 1}));
    }

    @Test
    void dropout() {
        double[][][] d = blobs(40, 3, 3, 15);
        Model m = Mlp.builder().inputs(3).layer(8, "relu").dropout(0.3).layer(3, "softmax")
                .loss("cross-entropy").optimizer("sgd(lr=0.1)")
                .batch("mini-batch(size=5, shuffle=true)").epochs(15).seed(3).build();
        assertDigest(0x0528ddf55bd24125L, m, m.fit(d[0], d[1]));
        Model one = Mlp.builder().inputs(2).layer(3, "sigmoid").dropout(0.2)
                .layer(1, "sigmoid").loss("half-squared-error").optimizer("sgd(lr=0.5)")
                .batch("stochastic").epochs(100).seed(4).build();
        assertDigest(0x5f7148814d6da958L, one, one.fit(XOR_X, XOR_Y));
    }

    @Test
    void scheduleTransformsAndAStepListener() {
        double[][][] d = blobs(30, 3, 3, 16);
        double[] sum = new double[1];
        TrainingListener steps = new TrainingListener() {
            @Override
            public void afterUpdate(Update e) {
                sum[0] += e.learningRate() + e.parameters()[0][0];
            }
        };
        Model m = classifier("stochastic", 6).schedule("step(every=2, factor=0.5)")
                .gradientTransform("clip-norm(max=0.5)").gradientTransform("l2(lambda=1e-3)")
                .listener(steps).build();
        TrainingResult r = m.fit(d[0], d[1]);
        assertDigest(0xba96f21c15d960a6L, m, r);
        pin(0x8b85f8dfcffa0c3eL, new Digest().add(sum[0]).h, "listener sum " + sum[0]);
        Model tiny = xor("stochastic").schedule("step(every=100, factor=0.5)").build();
        assertDigest(0x607e06900c5b9a21L, tiny, tiny.fit(XOR_X, XOR_Y));
    }

    @Test
    void everyBatchStrategy() {
        double[][][] d = blobs(45, 3, 3, 17);
        String[] strategies = {"full-batch", "stochastic", "stochastic(shuffle=false)",
            "mini-batch(size=4)", "mini-batch(size=10, shuffle=true)",
            "stratified-mini-batch(size=9)", "weighted-mini-batch(size=6)"};
        long[] expected = {0xf6d93bce14863b56L, 0x3896839e5702a021L, 0xc4f40fee869a337eL,
            0xc52a098fd9308ccdL, 0x13b1961e6641fd92L, 0x6d36823db282d1f7L, 0xe55edf85601337ffL};
        for (int i = 0; i < strategies.length; i++) {
            Model m = classifier(strategies[i], 5).build();
            TrainingResult r = m.fit(d[0], d[1]);
            pin(expected[i], digest(m, r), strategies[i]);
        }
    }
}
