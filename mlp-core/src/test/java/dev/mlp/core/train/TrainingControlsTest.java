package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Evaluation;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.SampleInfo;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingControlsTest {

    /** Three separable blobs, one-hot targets. */
    static double[][][] blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i][0] = Math.cos(2.1 * c) + 0.3 * r.nextGaussian();
            x[i][1] = Math.sin(2.1 * c) + 0.3 * r.nextGaussian();
            y[i][c] = 1;
        }
        return new double[][][] {x, y};
    }

    /** y = 3 x0 - 2 x1 + 1 + noise. */
    static double[][][] line(int n, long seed) {
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

    static Mlp.Builder classifier(Optimizer optimizer, int epochs) {
        return Mlp.builder().inputs(2).layer(5, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer(optimizer)
                .batch("mini-batch(size=8, shuffle=true)").epochs(epochs).seed(17);
    }

    static double[][] parameters(Model m) {
        double[][] p = m.network().parameters();
        double[][] copy = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            copy[i] = p[i].clone();
        }
        return copy;
    }

    @Test
    void theScheduleSetsTheRateBeforeEveryStepAndHearsTheValidationLoss() {
        Doubles.DecayOnPlateau schedule = new Doubles.DecayOnPlateau();
        List<Double> seen = new ArrayList<>();
        TrainingListener rates = new TrainingListener() {
            @Override
            public void beforeUpdate(Update e) {
                seen.add(e.learningRate());
            }
        };
        double[][][] d = blobs(60, 1);
        Model m = classifier(Doubles.sgd(0.2), 4).schedule(schedule).validationFraction(0.2)
                .listener(rates).build();
        TrainingResult r = m.fit(d[0], d[1]);
        // 48 training samples in batches of 8: 6 steps per epoch
        assertEquals(24, seen.size());
        assertEquals(schedule.rates, seen);
        assertEquals(0.2, seen.get(0), 0.0);
        assertEquals(0.2 * 0.9, seen.get(6), 1e-15);
        assertEquals(r.metric("validation-loss"), schedule.monitored);
    }

    @Test
    void withoutValidationTheScheduleHearsTheTrainingLoss() {
        Doubles.DecayOnPlateau schedule = new Doubles.DecayOnPlateau();
        double[][][] d = blobs(30, 2);
        TrainingResult r = classifier(Doubles.sgd(0.1), 3).schedule(schedule).build()
                .fit(d[0], d[1]);
        assertEquals(r.epochLosses(), schedule.monitored);
    }

    @Test
    void aScheduleNeedsAnOptimizerWithALearningRate() {
        Optimizer rateless = Doubles.optimizer(layout -> new OptimizerState() {
            @Override
            public void update(double[][] p, double[][] g) {
            }

            @Override
            public long steps() {
                return 0;
            }
        });
        double[][][] d = blobs(12, 3);
        Model m = classifier(rateless, 1).schedule(new Doubles.DecayOnPlateau()).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void transformsRunInOrderAndTheirPenaltyIsPartOfTheLoss() {
        List<String> calls = new ArrayList<>();
        double[][][] d = line(16, 4);
        Mlp.Builder b = Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(0.05)).batch("full-batch").epochs(3).seed(1);
        TrainingResult plain = b.build().fit(d[0], d[1]);
        Model with = Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(0.05)).batch("full-batch").epochs(1).seed(1)
                .gradientTransform(Doubles.clip(1e9, calls))
                .gradientTransform(Doubles.l2(0.5, calls)).build();
        double[] w = with.network().weights(1);
        double penalty = 0.25 * (w[0] * w[0] + w[1] * w[1]);
        TrainingResult r = with.fit(d[0], d[1]);
        assertEquals(List.of("clip", "l2"), calls);
        assertEquals(plain.epochLosses().get(0) + penalty, r.epochLosses().get(0), 1e-12);
        // the l2 gradient pulls the weights towards 0 compared with the plain run
        assertTrue(with.network().weights(1)[0] < plain.epochLosses().get(0) + 1e9);
        assertEquals("dev.mlp.core.train.Doubles$" , with.specs().get("gradient transforms")
                .substring(0, "dev.mlp.core.train.Doubles$".length()));
    }

    @Test
    void aSampleOfWeightTwoCountsLikeTwoCopies() {
        double[][][] d = line(6, 5);
        double[][] x2 = new double[7][];
        double[][] y2 = new double[7][];
        System.arraycopy(d[0], 0, x2, 0, 6);
        System.arraycopy(d[1], 0, y2, 0, 6);
        x2[6] = d[0][2];
        y2[6] = d[1][2];
        double[] w = {1, 1, 2, 1, 1, 1};
        Mlp.Builder b = Mlp.builder().inputs(2).layer(3, "tanh").layer(1, "identity")
                .loss("mse").optimizer(Doubles.sgd(0.1)).batch("full-batch").epochs(5).seed(2);
        Model weighted = b.build();
        Model copied = b.build();
        TrainingResult rw = weighted.fit(d[0], d[1], w);
        TrainingResult rc = copied.fit(x2, y2);
        for (int e = 0; e < 5; e++) {
            assertEquals(rc.epochLosses().get(e), rw.epochLosses().get(e), 1e-13);
        }
        double[][] pw = parameters(weighted);
        double[][] pc = parameters(copied);
        for (int i = 0; i < pw.length; i++) {
            assertArrayEquals(pc[i], pw[i], 1e-13);
        }
    }

    @Test
    void theBatchStrategySeesClassesAndWeights() {
        List<SampleInfo> infos = new ArrayList<>();
        BatchStrategy recording = new BatchStrategy() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public int batchSize(int n) {
                return n;
            }

            @Override
            public void arrange(int[] order, RandomGenerator random) {
            }

            @Override
            public void arrange(int[] order, RandomGenerator random, SampleInfo samples) {
                infos.add(samples);
            }
        };
        double[][][] d = blobs(9, 6);
        double[] w = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        classifier(Doubles.sgd(0.1), 2).batch(recording).build().fit(d[0], d[1], w);
        assertEquals(2, infos.size());
        SampleInfo s = infos.get(0);
        assertEquals(9, s.count());
        assertEquals(3, s.classes());
        for (int i = 0; i < 9; i++) {
            assertEquals(i % 3, s.classOf(i));
            assertEquals(w[i], s.weight(i), 0.0);
        }
    }

    @Test
    void metricsArePerEpochForTrainingAndValidationAndMatchAnEvaluationAfterwards() {
        double[][][] d = blobs(60, 7);
        double[][][] v = blobs(30, 8);
        List<Evaluation> validations = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                assertEquals(e.loss(), e.training().loss(), 0.0);
                validations.add(e.validation());
            }
        };
        Model m = classifier(Doubles.adam(0.05), 5).metrics("accuracy", "f1").listener(l)
                .build();
        TrainingResult r = m.fit(Dataset.of(d[0], d[1]), Dataset.of(v[0], v[1]));
        assertEquals(List.of("training-loss", "training-accuracy", "training-f1",
                "validation-loss", "validation-accuracy", "validation-f1"),
                new ArrayList<>(r.history().keySet()));
        for (List<Double> values : r.history().values()) {
            assertEquals(5, values.size());
        }
        assertEquals(5, validations.size());
        Evaluation after = m.evaluate(Dataset.of(v[0], v[1]));
        assertEquals(after.loss(), r.metric("validation-loss").get(4), 1e-15);
        assertEquals(after.value("accuracy"), r.validation().value("accuracy"), 0.0);
        assertEquals(m.accuracy(v[0], v[1]), after.value("accuracy"), 1e-15);
        double[][] c = after.confusion();
        assertNotNull(c);
        double total = 0;
        for (double[] row : c) {
            for (double x : row) {
                total += x;
            }
        }
        assertEquals(30, total, 0.0);
        assertEquals("accuracy, f1", m.specs().get("metrics"));
    }

    @Test
    void regressionMetricsAreInTheTargetsOwnUnits() {
        double[][][] d = line(40, 9);
        double[][][] v = line(20, 10);
        for (double[] row : v[1]) {
            row[0] = 1000 + 100 * row[0];
        }
        for (double[] row : d[1]) {
            row[0] = 1000 + 100 * row[0];
        }
        Model m = Mlp.builder().inputs(2).layer(4, "tanh").layer(1, "identity").loss("mse")
                .optimizer(Doubles.adam(0.05)).batch("mini-batch(size=10, shuffle=true)")
                .targetScaler("z-score").metrics("mse", "mae", "r2").epochs(20).seed(3).build();
        TrainingResult r = m.fit(Dataset.of(d[0], d[1]), Dataset.of(v[0], v[1]));
        double[][] p = m.predict(v[0]);
        double mse = 0;
        double mae = 0;
        for (int i = 0; i < 20; i++) {
            double e = p[i][0] - v[1][i][0];
            mse += e * e / 20;
            mae += Math.abs(e) / 20;
        }
        assertEquals(mse, r.validation().value("mse"), 1e-9 * mse);
        assertEquals(mae, r.validation().value("mae"), 1e-9 * mae);
        assertNull(r.validation().confusion());
        assertTrue(r.validation().value("r2") > 0.5, r.history().toString());
    }

    @Test
    void classificationMetricsOnRegressionDataAreRejected() {
        double[][][] d = line(10, 1);
        Model m = Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(0.1)).metrics("f1").epochs(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("'f1'"), e.getMessage());
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        double[][][] d = line(30, 11);
        double[][][] v = line(30, 12);
        for (double[] row : v[1]) {
            row[0] = -row[0]; // validation gets worse as training fits the training data
        }
        List<double[]> weightsPerEpoch = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                weightsPerEpoch.add(new double[] {e.network().weight(1, 0, 0),
                    e.network().weight(1, 1, 0), e.network().bias(1, 0)});
            }
        };
        Model m = Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(0.05)).batch("full-batch").epochs(200).seed(4)
                .earlyStopping("early-stopping(monitor=validation-loss, patience=3)")
                .listener(recorder).build();
        TrainingResult r = m.fit(Dataset.of(d[0], d[1]), Dataset.of(v[0], v[1]));
        int best = r.bestEpoch();
        assertTrue(best >= 1, "best epoch " + best);
        assertEquals(best + 3, r.epochs());
        assertTrue(r.stopReason().startsWith("early stopping: validation-loss"),
                r.stopReason());
        List<Double> val = r.metric("validation-loss");
        for (int e = 0; e < val.size(); e++) {
            assertTrue(val.get(e) >= val.get(best - 1));
        }
        double[] expected = weightsPerEpoch.get(best - 1);
        assertArrayEquals(expected, new double[] {m.network().weight(1, 0, 0),
            m.network().weight(1, 1, 0), m.network().bias(1, 0)}, 0.0);
        assertEquals("early-stopping(monitor=validation-loss, patience=3, min-delta=0.0, "
                + "restore-best=true)", m.specs().get("early stopping"));
    }

    @Test
    void earlyStoppingOnAHigherIsBetterMetricFoundAsAListenerSpec() {
        double[][][] d = blobs(60, 13);
        Model m = classifier(Doubles.adam(0.05), 300).metrics("accuracy")
                .validationFraction(0.25)
                .listener("early-stopping(monitor=validation-accuracy, patience=5)").build();
        TrainingResult r = m.fit(d[0], d[1]);
        assertTrue(r.epochs() < 300, "stopped after " + r.epochs());
        List<Double> acc = r.metric("validation-accuracy");
        double best = acc.get(r.bestEpoch() - 1);
        for (int e = 0; e < r.bestEpoch() - 1; e++) {
            assertTrue(acc.get(e) < best);
        }
        for (int e = r.bestEpoch(); e < acc.size(); e++) {
            assertTrue(acc.get(e) <= best);
        }
    }

    @Test
    void earlyStoppingNeedsWhatItMonitors() {
        double[][][] d = blobs(12, 1);
        Model noValidation = classifier(Doubles.sgd(0.1), 2)
                .earlyStopping("early-stopping(monitor=validation-loss)").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> noValidation.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("no validation data"), e.getMessage());
        Model noMetric = classifier(Doubles.sgd(0.1), 2)
                .earlyStopping("early-stopping(monitor=f1)").build();
        e = assertThrows(IllegalArgumentException.class, () -> noMetric.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("'f1' is not computed"), e.getMessage());
        assertThrows(dev.mlp.api.spec.SpecException.class,
                () -> EarlyStopping.parse("early-stopping(monitor=validation-los)"));
        assertThrows(IllegalArgumentException.class, () -> classifier(Doubles.sgd(0.1), 2)
                .earlyStopping("early-stopping").listener("early-stopping").build());
    }

    /** Writes NaN into one gradient entry at one step. */
    static GradientTransform poisonAt(long step, int block, int index) {
        return new GradientTransform() {
            private long calls;

            @Override
            public String name() {
                return "poison";
            }

            @Override
            public double apply(ParameterLayout layout, double[][] p, double[][] g) {
                if (++calls == step) {
                    g[block][index] = Double.NaN;
                }
                return 0.0;
            }
        };
    }

    @Test
    void aBadGradientIsNamedByLayerAndIndexWithEpochAndBatch() {
        double[][][] d = blobs(24, 14);
        // blocks: W1 (2x5), b1, W2 (5x3), b2; entry 7 of W2 is input 2, neuron 1
        Model m = classifier(Doubles.sgd(0.1), 5).gradientTransform(poisonAt(8, 2, 7)).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> m.fit(d[0], d[1]));
        // 3 steps per epoch: step 8 is epoch 3, batch 2
        assertEquals(3, e.epoch());
        assertEquals(2, e.batch());
        assertEquals("layer 2 weight [2,1]", e.parameter());
        assertTrue(e.getMessage().contains("the gradient of layer 2 weight [2,1] became NaN"),
                e.getMessage());
        Model b = classifier(Doubles.sgd(0.1), 5).gradientTransform(poisonAt(2, 1, 4)).build();
        e = assertThrows(TrainingDivergedException.class, () -> b.fit(d[0], d[1]));
        assertEquals("layer 1 bias [4]", e.parameter());
    }

    @Test
    void aParameterThatTurnsInfiniteOnTheLastStepOfAnEpochIsFoundAtItsEnd() {
        Optimizer blowUp = Doubles.optimizer(layout -> new OptimizerState() {
            private long steps;

            @Override
            public void update(double[][] p, double[][] g) {
                if (++steps == 3) {
                    p[0][1] = Double.POSITIVE_INFINITY;
                }
            }

            @Override
            public long steps() {
                return steps;
            }
        });
        double[][][] d = blobs(24, 15);
        Model m = classifier(blowUp, 5).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> m.fit(d[0], d[1]));
        assertEquals(1, e.epoch());
        assertEquals(3, e.batch());
        assertEquals("layer 1 weight [0,1]", e.parameter());
        assertTrue(e.getMessage().contains("became Infinity"), e.getMessage());
    }

    static Mlp.Builder tooFast(double lr) {
        return Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(Doubles.sgd(lr)).batch("stochastic").epochs(30).seed(8);
    }

    static double[][][] scaledLine() {
        return line(32, 16);
    }

    @Test
    void rollbackLowersTheRateAndContinuesToAFiniteResult() {
        double[][][] d = scaledLine();
        // a rate of 1e9 overflows within the first epoch; 1e9 x 1e-10 = 0.1 converges
        TrainingDivergedException stop = assertThrows(TrainingDivergedException.class,
                () -> tooFast(1e9).build().fit(d[0], d[1]));
        assertEquals(1, stop.epoch());
        Model m = tooFast(1e9).divergence("rollback(factor=1e-10, retries=1)").build();
        TrainingResult r = m.fit(d[0], d[1]);
        assertEquals(1, r.rollbacks());
        assertEquals(30, r.epochs());
        assertTrue(Double.isFinite(r.finalLoss()) && r.finalLoss() < 0.01,
                "final loss " + r.finalLoss());
        assertEquals("rollback(factor=1.0E-10, retries=1)", m.specs().get("divergence"));
    }

    @Test
    void rollbackScalesTheScheduleWhenThereIsOne() {
        double[][][] d = scaledLine();
        Model m = tooFast(1e9).schedule(new Doubles.DecayOnPlateau())
                .divergence("rollback(factor=1e-10, retries=1)").build();
        TrainingResult r = m.fit(d[0], d[1]);
        assertEquals(1, r.rollbacks());
        assertTrue(Double.isFinite(r.finalLoss()) && r.finalLoss() < 0.01,
                r.epochLosses().toString());
    }

    @Test
    void whenRetriesRunOutTheRunStopsSayingSo() {
        double[][][] d = scaledLine();
        Model m = tooFast(1e9).divergence("rollback(factor=0.9, retries=2)").build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> m.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("gave up after 2 rollbacks"), e.getMessage());
    }

    @Test
    void rollbackNeedsAnOptimizerThatCanSaveItsState() {
        double[][][] d = scaledLine();
        Optimizer plain = Doubles.optimizer(layout -> new OptimizerState() {
            @Override
            public void update(double[][] p, double[][] g) {
            }

            @Override
            public long steps() {
                return 0;
            }
        });
        Model m = Mlp.builder().inputs(2).layer(1, "identity").loss("mse").optimizer(plain)
                .divergence("rollback").epochs(1).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("save its state"), e.getMessage());
        assertThrows(dev.mlp.api.spec.SpecException.class,
                () -> DivergencePolicy.parse("rollback(factor=2)"));
        assertThrows(dev.mlp.api.spec.SpecException.class,
                () -> DivergencePolicy.parse("retry"));
        assertEquals("rollback(factor=0.5, retries=3)",
                DivergencePolicy.parse("rollback").spec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void aResumedRunEndsBitIdenticalToTheUninterruptedRun(String kind) {
        double[][][] d = blobs(45, 20);
        int epochs = 8;
        List<Checkpoint> full = new ArrayList<>();
        java.util.function.Supplier<Mlp.Builder> builder = () -> classifier(
                kind.equals("sgd") ? Doubles.sgd(0.3) : Doubles.adam(0.03), epochs)
                .schedule(new Doubles.DecayOnPlateau()).validationFraction(0.2)
                .metrics("accuracy", "f1")
                .earlyStopping("early-stopping(monitor=validation-f1, patience=50)");
        Model uninterrupted = builder.get().checkpoints(1, full::add).build();
        TrainingResult expected = uninterrupted.fit(d[0], d[1]);
        assertEquals(epochs, full.size());

        // a run stopped after epoch 3 and resumed from its checkpoint, in a new model
        List<Checkpoint> interrupted = new ArrayList<>();
        TrainingListener stopAt3 = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                if (e.epoch() == 3) {
                    e.control().requestStop("interrupted");
                }
            }
        };
        builder.get().checkpoints(3, interrupted::add).listener(stopAt3).build()
                .fit(d[0], d[1]);
        assertEquals(1, interrupted.size());
        assertEquals(3, interrupted.get(0).epoch());
        for (Checkpoint c : List.of(interrupted.get(0), full.get(4))) {
            Model resumed = builder.get().build();
            TrainingResult actual = resumed.resume(Dataset.of(d[0], d[1]), c);
            assertEquals(expected.history(), actual.history(), "resumed after " + c.epoch());
            assertEquals(expected.steps(), actual.steps());
            assertEquals(expected.bestEpoch(), actual.bestEpoch());
            double[][] pe = parameters(uninterrupted);
            double[][] pa = parameters(resumed);
            for (int i = 0; i < pe.length; i++) {
                assertArrayEquals(pe[i], pa[i], 0.0, "block " + i + " after " + c.epoch());
            }
        }
        Checkpoint last = full.get(epochs - 1);
        assertEquals(17L, last.seed());
        assertTrue(last.values().containsKey("history/validation-f1"));
        assertEquals(2, last.random().length);
    }

    @Test
    void aCheckpointFromAnotherRunIsRejected() {
        double[][][] d = blobs(30, 21);
        List<Checkpoint> cps = new ArrayList<>();
        classifier(Doubles.sgd(0.1), 2).checkpoints(1, cps::add).build().fit(d[0], d[1]);
        Model otherSeed = classifier(Doubles.sgd(0.1), 2).seed(18).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> otherSeed.resume(Dataset.of(d[0], d[1]), cps.get(0)));
        assertTrue(e.getMessage().contains("seed 17"), e.getMessage());
        Model withMetrics = classifier(Doubles.sgd(0.1), 2).metrics("accuracy").build();
        e = assertThrows(IllegalArgumentException.class,
                () -> withMetrics.resume(Dataset.of(d[0], d[1]), cps.get(0)));
        assertTrue(e.getMessage().contains("metrics or validation differ"), e.getMessage());
    }

    @Test
    void epochListenersAndStepListenersEachHearTheirEvents() {
        Network net = classifier(Doubles.sgd(0.1), 1).build().network();
        List<String> events = new ArrayList<>();
        TrainingListener epochsOnly = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                events.add("epoch");
            }
        };
        TrainingListener steps = new TrainingListener() {
            @Override
            public void afterUpdate(Update e) {
                events.add("update");
            }
        };
        double[][][] d = blobs(9, 1);
        new Trainer(Mlp.standard().registry().loss("cross-entropy"), Doubles.sgd(0.1),
                Mlp.standard().registry().batchStrategy("stochastic"), 1, 1,
                List.of(epochsOnly, steps)).train(net, Dataset.of(d[0], d[1]));
        assertEquals(10, events.size());
        assertEquals("epoch", events.get(9));
    }
}
