package dev.mlp.testkit;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.Scaler;
import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spi.BatchStrategyProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.ScalerProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Batch strategies, initializers, scalers, schedules and gradient transforms: good and broken. */
class OtherContractsTest {

    // ------------------------------------------------------------------ batch strategies

    /** Shuffles with the generator; {@code flaw} selects a deliberate bug. */
    record Shuffle(String flaw) implements BatchStrategy {
        static int calls;

        @Override
        public String name() {
            return "shuffle";
        }

        @Override
        public int batchSize(int n) {
            return flaw.equals("size") ? n + 1 : Math.min(4, n);
        }

        @Override
        public void arrange(int[] order, RandomGenerator random) {
            RandomGenerator r = flaw.equals("own-seed") ? new SplittableRandom(calls++) : random;
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = flaw.equals("duplicate") ? order[i] : t;
            }
            if (flaw.equals("ignore-seed")) {
                java.util.Arrays.sort(order);
                for (int i = 0; i < order.length / 2; i++) {
                    int t = order[i];
                    order[i] = order[order.length - 1 - i];
                    order[order.length - 1 - i] = t;
                }
            }
        }
    }

    static BatchStrategyProvider batch(String flaw) {
        return Kit.provider(BatchStrategyProvider.class, "shuffle", () -> new Shuffle(flaw));
    }

    @Test
    void batchStrategies() {
        Kit.passes(PluginContracts.of(batch("none")));
        Kit.failure(PluginContracts.of(batch("size")), BatchStrategyContract.SIZE,
                "batchSize(1) = 2");
        Kit.failure(PluginContracts.of(batch("duplicate")), BatchStrategyContract.ORDER, true,
                "appears twice");
        Kit.failure(PluginContracts.of(batch("own-seed")), BatchStrategyContract.SAME_SEED, true,
                "seed 17");
        Kit.failure(PluginContracts.of(batch("ignore-seed")), BatchStrategyContract.OTHER_SEED,
                "same orders");
    }

    // ------------------------------------------------------------------ initializers

    record Init(String flaw) implements WeightInitializer {
        static double counter;

        @Override
        public String name() {
            return "init";
        }

        @Override
        public void initialize(int layer, int fanIn, int fanOut, double[] w, double[] b,
                               RandomGenerator random) {
            RandomGenerator r = flaw.equals("fixed") ? new SplittableRandom(1) : random;
            for (int i = 0; i < w.length - (flaw.equals("skip") ? 1 : 0); i++) {
                w[i] = r.nextDouble() - 0.5 + (flaw.equals("drift") ? counter++ : 0);
            }
            if (b != null || flaw.equals("null")) {
                java.util.Arrays.fill(b, 0.0);
            }
        }
    }

    static WeightInitializerProvider init(String flaw) {
        return Kit.provider(WeightInitializerProvider.class, "init", () -> new Init(flaw));
    }

    @Test
    void initializers() {
        Kit.passes(PluginContracts.of(init("none")));
        Kit.failure(PluginContracts.of(init("skip")), InitializerContract.FINITE, true,
                "(not written?)");
        Kit.failure(PluginContracts.of(init("drift")), InitializerContract.SAME_SEED, true,
                "seed 8");
        Kit.failure(PluginContracts.of(init("fixed")), InitializerContract.OTHER_SEED,
                "seeds 1 and 2 give the same values", ".deterministic()");
        Kit.passes(PluginContracts.initializer(init("fixed")).deterministic().tests());
        Kit.failure(PluginContracts.of(init("null")), InitializerContract.ONLY_GIVEN, true,
                "biases == null");
    }

    // ------------------------------------------------------------------ scalers

    /** Centres each column on its mean; {@code flaw} selects a deliberate bug. */
    record Centre(String flaw) implements Scaler {
        @Override
        public String name() {
            return "centre";
        }

        @Override
        public Fitted fit(double[] data, int rows, int cols) {
            double[] mean = new double[cols];
            double[] range = new double[cols];
            for (int c = 0; c < cols; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < rows; r++) {
                    mean[c] += data[r * cols + c] / rows;
                    lo = Math.min(lo, data[r * cols + c]);
                    hi = Math.max(hi, data[r * cols + c]);
                }
                range[c] = flaw.equals("divide") ? hi - lo : 1.0;
            }
            if (flaw.equals("mutate")) {
                data[0] = 0;
            }
            return new Fitted() {
                @Override
                public int columns() {
                    return cols;
                }

                @Override
                public void transform(double[] in, double[] out, int n) {
                    for (int i = 0; i < n * cols; i++) {
                        out[i] = (in[i] - mean[i % cols]) / range[i % cols];
                    }
                }

                @Override
                public void inverse(double[] in, double[] out, int n) {
                    for (int i = 0; i < n * cols; i++) {
                        out[i] = in[i] * range[i % cols] + mean[i % cols]
                                + (flaw.equals("inverse") ? 1e-6 : 0);
                    }
                }

                @Override
                public double[][] statistics() {
                    return new double[][] {mean.clone()};
                }
            };
        }
    }

    static ScalerProvider scaler(String flaw) {
        return Kit.provider(ScalerProvider.class, "centre", () -> new Centre(flaw));
    }

    @Test
    void scalers() {
        Kit.passes(PluginContracts.of(scaler("none")));
        Kit.failure(PluginContracts.of(scaler("inverse")), ScalerContract.ROUND_TRIP, true,
                "fitted data, row 0");
        Kit.failure(PluginContracts.of(scaler("divide")), ScalerContract.CONSTANT, true,
                "column 2");
        Kit.failure(PluginContracts.of(scaler("mutate")), ScalerContract.STATE, true,
                "fit changed its data");
    }

    @Test
    void scalerWhoseInPlaceTransformDiffersFails() {
        ScalerProvider p = Kit.provider(ScalerProvider.class, "centre", () -> new Scaler() {
            @Override
            public String name() {
                return "centre";
            }

            @Override
            public Fitted fit(double[] data, int rows, int cols) {
                Fitted f = new Centre("none").fit(data, rows, cols);
                return new Fitted() {
                    @Override
                    public int columns() {
                        return cols;
                    }

                    @Override
                    public void transform(double[] in, double[] out, int n) {
                        f.transform(in, out, n);
                        if (in == out) {
                            out[0] += 1e-9; // a different, in-place code path
                        }
                    }

                    @Override
                    public void inverse(double[] in, double[] out, int n) {
                        f.inverse(in, out, n);
                    }

                    @Override
                    public double[][] statistics() {
                        return f.statistics();
                    }
                };
            }
        });
        Kit.failure(PluginContracts.of(p), ScalerContract.IN_PLACE, "transform in place");
    }

    // ------------------------------------------------------------------ schedules

    /** Halves the rate every 3 epochs; {@code flaw} selects a deliberate bug. */
    record Steps(String flaw) implements LearningRateSchedule {
        static double shared = 1;

        @Override
        public String name() {
            return "steps";
        }

        @Override
        public State start(Run run) {
            return new State() {
                double factor = 1;
                int plateau;

                @Override
                public double rate(int epoch, long step) {
                    if (flaw.equals("shared")) {
                        shared *= 0.99;
                        return run.baseRate() * shared;
                    }
                    double r = run.baseRate() * factor * Math.pow(0.5, (epoch - 1) / 3)
                            * Math.pow(0.9, plateau);
                    return flaw.equals("zero") && epoch > 10 ? 0.0 : r;
                }

                @Override
                public void epochFinished(int epoch, double monitored) {
                    if (monitored >= 0.25) {
                        plateau++;
                    }
                }

                @Override
                public void scale(double f) {
                    if (!flaw.equals("scale")) {
                        factor *= f;
                    }
                }

                @Override
                public double[] save() {
                    return new double[] {factor, plateau};
                }

                @Override
                public void restore(double[] saved) {
                    factor = saved[0];
                    if (!flaw.equals("restore")) {
                        plateau = (int) saved[1];
                    }
                }
            };
        }
    }

    static LearningRateScheduleProvider schedule(String flaw) {
        return Kit.provider(LearningRateScheduleProvider.class, "steps", () -> new Steps(flaw));
    }

    @Test
    void schedules() {
        Kit.passes(PluginContracts.of(schedule("none")));
        Kit.failure(PluginContracts.of(schedule("zero")), ScheduleContract.POSITIVE,
                "epoch 11, step 40: rate 0.0");
        Kit.failure(PluginContracts.of(schedule("restore")), ScheduleContract.RESTORE,
                "after restoring");
        Kit.failure(PluginContracts.of(schedule("scale")), ScheduleContract.SCALE,
                "expected half");
        Kit.failure(PluginContracts.of(schedule("shared")), ScheduleContract.INDEPENDENT, true,
                "two interleaved runs");
    }

    // ------------------------------------------------------------------ gradient transforms

    /** L2 penalty; {@code flaw} selects a deliberate bug. */
    record L2(String flaw) implements GradientTransform {
        static double calls;

        @Override
        public String name() {
            return "l2";
        }

        @Override
        public double apply(ParameterLayout layout, double[][] p, double[][] g) {
            double penalty = 0;
            for (int b = 0; b < p.length; b++) {
                for (int i = 0; i < p[b].length; i++) {
                    g[b][i] += 0.01 * p[b][i] + (flaw.equals("drift") ? 1e-9 * calls++ : 0);
                    penalty += 0.005 * p[b][i] * p[b][i];
                    if (flaw.equals("decay")) {
                        p[b][i] *= 0.99;
                    }
                }
            }
            return flaw.equals("negative") ? -penalty : penalty;
        }
    }

    static GradientTransformProvider transform(String flaw) {
        return Kit.provider(GradientTransformProvider.class, "l2", () -> new L2(flaw));
    }

    @Test
    void gradientTransforms() {
        Kit.passes(PluginContracts.of(transform("none")));
        Kit.failure(PluginContracts.of(transform("decay")), GradientTransformContract.PARAMETERS,
                true, "changed the parameters of block 0");
        Kit.failure(PluginContracts.of(transform("drift")),
                GradientTransformContract.DETERMINISTIC, true, "different results");
        Kit.failure(PluginContracts.of(transform("negative")), GradientTransformContract.PENALTY,
                "penalty is -");
    }
}
