package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainerTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    private static double[][] randomRows(int rows, int cols, long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = scale * rnd.nextDouble(-1, 1);
            }
        }
        return m;
    }

    private static Network network(int inputs, long seed, String hidden, String output) {
        Network net = new Network(inputs, List.of(
                new Network.LayerSpec(3, REGISTRY.activation(hidden), true),
                new Network.LayerSpec(2, REGISTRY.activation(output), true)));
        net.initialize(Initializers.uniform(-1, 1), new SplittableRandom(seed));
        return net;
    }

    @Test
    void shapeMismatchFailsBeforeTrainingNamingBothShapes() {
        List<String> events = new ArrayList<>();
        TrainingListener spy = new TrainingListener() {
            @Override
            public void runStarted(RunStart event) {
                events.add("started");
            }
        };
        Model model = Mlp.builder().inputs(2).layer(3, "sigmoid").layer(1, "sigmoid")
                .listener(spy).build();
        double[] before = model.network().weights(1);
        double[][] x = randomRows(4, 3, 1, 1); // 3 features, the network takes 2
        double[][] y = randomRows(4, 1, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(x, y));
        assertTrue(e.getMessage().contains("[2, 3, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("3 features"), e.getMessage());
        assertTrue(events.isEmpty(), "no run may start");
        assertArrayEquals(before, model.network().weights(1), 0.0);
        assertTrue(model.history().isEmpty());
        assertEquals(null, model.inputScaling());

        // wrong number of targets too
        double[][] x2 = randomRows(4, 2, 1, 1);
        double[][] y2 = randomRows(4, 2, 2, 1);
        e = assertThrows(IllegalArgumentException.class, () -> model.fit(x2, y2));
        assertTrue(e.getMessage().contains("[2, 3, 1]") && e.getMessage().contains("2 targets"),
                e.getMessage());
    }

    @Test
    void trainerCheckNamesBothShapes() {
        Network net = network(2, 1, "tanh", "identity");
        Trainer t = new Trainer(REGISTRY.loss("mse"), REGISTRY.optimizer("sgd"),
                REGISTRY.batchStrategy("full-batch"), 1, 1, List.of());
        Dataset d = Dataset.of(randomRows(3, 4, 1, 1), randomRows(3, 2, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.train(net, d));
        assertTrue(e.getMessage().contains("[2, 3, 2]"), e.getMessage());
        assertTrue(e.getMessage().contains("3 rows x 4 features -> 2 targets"), e.getMessage());
    }

    @Test
    void crossEntropyAfterSigmoidIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(3, "tanh").layer(2, "sigmoid")
                        .loss("cross-entropy").build());
        assertTrue(e.getMessage().contains("cross-entropy"), e.getMessage());
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());

        // and the trainer checks on its own, without the builder
        Network net = network(2, 1, "tanh", "sigmoid");
        Trainer t = new Trainer(REGISTRY.loss("cross-entropy"), REGISTRY.optimizer("sgd"),
                REGISTRY.batchStrategy("full-batch"), 1, 1, List.of());
        Dataset d = Dataset.of(randomRows(3, 2, 1, 1), new double[][] {{1, 0}, {0, 1}, {1, 0}});
        double[] before = net.weights(1);
        e = assertThrows(IllegalArgumentException.class, () -> t.train(net, d));
        assertTrue(e.getMessage().contains("cross-entropy") && e.getMessage().contains("sigmoid"),
                e.getMessage());
        assertArrayEquals(before, net.weights(1), 0.0);
    }

    @Test
    void hugeLearningRateDivergesNamingEpochAndBatch() {
        double[][] x = randomRows(16, 2, 3, 1000);
        double[][] y = new double[16][1];
        for (int i = 0; i < 16; i++) {
            y[i][0] = 5 * x[i][0] - 3 * x[i][1];
        }
        Model model = Mlp.builder().inputs(2).layer(8, "relu").layer(1, "identity")
                .loss("mse").optimizer("sgd(lr=1e6)").batch("mini-batch(size=4, shuffle=true)")
                .initializer("he").epochs(100).seed(5).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> model.fit(x, y));
        assertTrue(e.epoch() >= 1, "epoch " + e.epoch());
        assertTrue(e.batch() >= 1 && e.batch() <= 4, "batch " + e.batch());
        assertTrue(e.getMessage().contains("epoch " + e.epoch()), e.getMessage());
        assertTrue(e.getMessage().contains("batch " + e.batch()), e.getMessage());
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void nonFiniteParameterIsReportedWithItsLocation() {
        // an optimizer that writes NaN into layer 2's bias 1 on the first step
        dev.mlp.api.Optimizer poison = counting("poison",
                p -> p[3][1] = Double.NaN); // blocks: W1, b1, W2, b2
        Network net = network(2, 1, "tanh", "identity");
        Trainer t = new Trainer(REGISTRY.loss("mse"), poison, REGISTRY.batchStrategy("stochastic"),
                3, 1, List.of());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> t.train(net, Dataset.of(randomRows(3, 2, 1, 1), randomRows(3, 2, 2, 1))));
        assertEquals(1, e.epoch());
        assertEquals(1, e.batch());
        assertTrue(e.getMessage().contains("layer 2 bias [1] became NaN"), e.getMessage());
        assertEquals("layer 2 bias [1]", e.parameter());
    }

    @ParameterizedTest
    @CsvSource({"'mini-batch(size=3, shuffle=true)'", "'stochastic'", "'full-batch'"})
    void sameSeedGivesBitIdenticalWeights(String batch) {
        double[][] x = randomRows(10, 3, 11, 1);
        double[][] y = randomRows(10, 2, 12, 1);
        Model a = model(batch, 99).build();
        Model b = model(batch, 99).build();
        var ra = a.fit(x, y);
        var rb = b.fit(x, y);
        for (int l = 1; l <= 2; l++) {
            assertTrue(Arrays.equals(a.network().weights(l), b.network().weights(l)), "layer " + l);
            assertTrue(Arrays.equals(a.network().biases(l), b.network().biases(l)), "layer " + l);
        }
        assertEquals(ra.epochLosses(), rb.epochLosses());
        // it did train: the weights moved away from the initial ones
        Model fresh = model(batch, 99).build();
        assertFalse(Arrays.equals(fresh.network().weights(1), a.network().weights(1)));
    }

    @Test
    void differentSeedGivesDifferentWeights() {
        double[][] x = randomRows(10, 3, 11, 1);
        double[][] y = randomRows(10, 2, 12, 1);
        Model a = model("mini-batch(size=3, shuffle=true)", 1).build();
        Model b = model("mini-batch(size=3, shuffle=true)", 2).build();
        a.fit(x, y);
        b.fit(x, y);
        assertFalse(Arrays.equals(a.network().weights(1), b.network().weights(1)));
        assertFalse(Arrays.equals(a.network().weights(2), b.network().weights(2)));
    }

    /** Same initial network; only the trainer seed (the batch order) differs. */
    @Test
    void theSeedDrivesTheBatchOrderOnlyWhenShuffling() {
        Dataset d = Dataset.of(randomRows(10, 2, 21, 1), randomRows(10, 2, 22, 1));
        Network start = network(2, 5, "tanh", "identity");
        double[][] shuffled = new double[2][];
        double[][] ordered = new double[2][];
        for (int s = 0; s < 2; s++) {
            Network n1 = start.copy();
            new Trainer(REGISTRY.loss("mse"), REGISTRY.optimizer("sgd(lr=0.1)"),
                    REGISTRY.batchStrategy("mini-batch(size=3, shuffle=true)"), 3, 100 + s,
                    List.of()).train(n1, d);
            shuffled[s] = n1.weights(1);
            Network n2 = start.copy();
            new Trainer(REGISTRY.loss("mse"), REGISTRY.optimizer("sgd(lr=0.1)"),
                    REGISTRY.batchStrategy("mini-batch(size=3, shuffle=false)"), 3, 100 + s,
                    List.of()).train(n2, d);
            ordered[s] = n2.weights(1);
        }
        assertFalse(Arrays.equals(shuffled[0], shuffled[1]), "shuffled order depends on the seed");
        assertTrue(Arrays.equals(ordered[0], ordered[1]), "fixed order does not");
    }

    private static Mlp.Builder model(String batch, long seed) {
        return Mlp.builder().inputs(3).layer(4, "tanh").layer(2, "identity").loss("mse")
                .optimizer("sgd(lr=0.1)").batch(batch).initializer("xavier").epochs(5).seed(seed);
    }

    /**
     * One full-batch sgd step moves every parameter by -lr times the mean of the per-sample
     * gradients, each computed separately on a batch of one.
     */
    @Test
    void fullBatchStepIsTheAverageOfPerSampleGradients() {
        int n = 6;
        double lr = 0.1;
        Network net = network(3, 8, "sigmoid", "identity");
        Dataset d = Dataset.of(randomRows(n, 3, 31, 2), randomRows(n, 2, 32, 1));
        Loss loss = REGISTRY.loss("half-squared-error");

        double[][] before = deepCopy(net.parameters());
        double[][] mean = new double[before.length][];
        for (int b = 0; b < before.length; b++) {
            mean[b] = new double[before[b].length];
        }
        Workspace ws = new Workspace(net, 1);
        for (int s = 0; s < n; s++) {
            double[] x = Arrays.copyOfRange(d.features(), s * 3, s * 3 + 3);
            double[] y = Arrays.copyOfRange(d.targets(), s * 2, s * 2 + 2);
            double[] a = net.forward(ws, x, 1);
            loss.delta(net.activation(2), ws.preActivations(2), a, y, ws.delta(2), 1, 2);
            net.backward(ws, x, 1);
            for (int b = 0; b < mean.length; b++) {
                for (int i = 0; i < mean[b].length; i++) {
                    mean[b][i] += ws.gradients()[b][i] / n;
                }
            }
        }
        TrainingResult r = new Trainer(loss, REGISTRY.optimizer("sgd(lr=" + lr + ")"),
                REGISTRY.batchStrategy("full-batch"), 1, 1, List.of()).train(net, d);
        assertEquals(1, r.steps());
        double[][] after = net.parameters();
        for (int b = 0; b < after.length; b++) {
            for (int i = 0; i < after[b].length; i++) {
                double expected = before[b][i] - lr * mean[b][i];
                assertEquals(expected, after[b][i], 1e-14, "block " + b + " entry " + i);
            }
            assertFalse(Arrays.equals(before[b], after[b]), "block " + b + " moved");
        }
    }

    @Test
    void epochLossIsTheMeanPerSampleLossBeforeEachStep() {
        // full-batch: the epoch loss is the loss of the network as it was before the step
        Network net = network(2, 4, "tanh", "identity");
        Dataset d = Dataset.of(randomRows(5, 2, 41, 1), randomRows(5, 2, 42, 1));
        Loss loss = REGISTRY.loss("mse");
        Workspace ws = new Workspace(net, 5);
        double[] a = net.forward(ws, d.features(), 5);
        double expected = loss.value(ws.preActivations(2), a, d.targets(), 5, 2) / 5;
        TrainingResult r = new Trainer(loss, REGISTRY.optimizer("sgd(lr=0.05)"),
                REGISTRY.batchStrategy("full-batch"), 2, 1, List.of()).train(net, d);
        assertEquals(expected, r.epochLosses().get(0), 1e-15);
        assertTrue(r.epochLosses().get(1) < r.epochLosses().get(0), r.epochLosses().toString());
        assertEquals(2, r.epochs());
        assertEquals(2, r.steps());
        assertEquals(null, r.stopReason());
    }

    /**
     * Features and targets both encode the sample index, and the network is frozen at
     * output = first feature; a recording loss sees, per batch, which samples it holds and
     * whether each row's features still belong to its targets.
     */
    @ParameterizedTest
    @CsvSource({"10, 3, true", "10, 3, false", "10, 10, true", "10, 1, true", "7, 32, true",
        "9, 4, true"})
    void miniBatchVisitsEverySampleExactlyOncePerEpoch(int n, int size, boolean shuffle) {
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = -7 * i;
            y[i][0] = i;
        }
        List<double[]> seen = new ArrayList<>();
        Loss mse = REGISTRY.loss("mse");
        Loss recording = new Loss() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public double value(double[] z, double[] a, double[] t, int rows, int cols) {
                for (int r = 0; r < rows; r++) {
                    assertEquals(t[r], a[r], 0.0, "features of row " + r + " belong to sample "
                            + a[r] + ", its target to sample " + t[r]);
                }
                seen.add(Arrays.copyOf(t, rows * cols));
                return mse.value(z, a, t, rows, cols);
            }

            @Override
            public void outputGradient(double[] a, double[] t, double[] g, int rows, int cols) {
                mse.outputGradient(a, t, g, rows, cols);
            }
        };
        dev.mlp.api.Optimizer frozen = counting("frozen", p -> { });
        List<int[]> arranged = new ArrayList<>();
        BatchStrategy inner = REGISTRY.batchStrategy("mini-batch(size=" + size + ", shuffle="
                + shuffle + ")");
        BatchStrategy recordingBatches = new BatchStrategy() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public int batchSize(int sampleCount) {
                return inner.batchSize(sampleCount);
            }

            @Override
            public void arrange(int[] order, RandomGenerator random) {
                inner.arrange(order, random);
                arranged.add(order.clone());
            }
        };
        List<Integer> batchSizes = new ArrayList<>();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void batchFinished(BatchEnd e) {
                batchSizes.add(e.size());
            }
        };
        int epochs = 3;
        // output = 1 * x0 + 0 * x1 + 0
        Network net = new Network(2, List.of(new Network.LayerSpec(1,
                REGISTRY.activation("identity"), true)));
        net.setWeights(1, new double[] {1, 0});
        TrainingResult result = new Trainer(recording, frozen, recordingBatches, epochs, 3,
                List.of(counter)).train(net, Dataset.of(x, y));

        int batchesPerEpoch = (n + Math.min(size, n) - 1) / Math.min(size, n); // ceil(n / size)
        assertEquals((long) epochs * batchesPerEpoch, result.steps());
        assertEquals(epochs * batchesPerEpoch, seen.size());
        assertEquals(epochs * batchesPerEpoch, batchSizes.size());
        assertEquals(epochs, arranged.size());
        for (int e = 0; e < epochs; e++) {
            List<Double> visited = new ArrayList<>();
            int sizeSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                for (double v : seen.get(e * batchesPerEpoch + b)) {
                    visited.add(v);
                }
                int bs = batchSizes.get(e * batchesPerEpoch + b);
                assertTrue(bs >= 1 && bs <= size, "batch size " + bs);
                sizeSum += bs;
            }
            assertEquals(n, sizeSum, "batch sizes of epoch " + (e + 1) + " sum to n");
            // in the order the strategy arranged
            double[] expectedOrder = Arrays.stream(arranged.get(e)).asDoubleStream().toArray();
            assertArrayEquals(expectedOrder, visited.stream().mapToDouble(Double::doubleValue)
                    .toArray(), 0.0, "epoch " + (e + 1));
            visited.sort(null);
            for (int i = 0; i < n; i++) {
                assertEquals(i, visited.get(i), 0.0, "epoch " + (e + 1) + " sample " + i);
            }
        }
        if (!shuffle) {
            for (int[] order : arranged) {
                for (int i = 0; i < n; i++) {
                    assertEquals(i, order[i]);
                }
            }
        } else if (n > 3) {
            assertFalse(Arrays.equals(arranged.get(0), arranged.get(1))
                    && Arrays.equals(arranged.get(1), arranged.get(2)), "reshuffled every epoch");
        }
    }

    @Test
    void zeroEpochsTrainsNothing() {
        Network net = network(2, 4, "tanh", "identity");
        double[] before = net.weights(1);
        TrainingResult r = new Trainer(REGISTRY.loss("mse"), REGISTRY.optimizer("sgd"),
                REGISTRY.batchStrategy("full-batch"), 0, 1, List.of())
                .train(net, Dataset.of(randomRows(3, 2, 1, 1), randomRows(3, 2, 2, 1)));
        assertEquals(0, r.epochs());
        assertEquals(0, r.steps());
        assertTrue(Double.isNaN(r.finalLoss()));
        assertArrayEquals(before, net.weights(1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Trainer(REGISTRY.loss("mse"),
                REGISTRY.optimizer("sgd"), REGISTRY.batchStrategy("full-batch"), -1, 1, List.of()));
    }

    @Test
    void seedsAreIndependentStreams() {
        Seeds a = Seeds.of(42);
        Seeds b = Seeds.of(42);
        assertEquals(a.initialization().nextLong(), b.initialization().nextLong());
        assertEquals(a.batching().nextLong(), b.batching().nextLong());
        Seeds c = Seeds.of(42);
        assertTrue(c.initialization().nextLong() != c.batching().nextLong());
        // each use has a stream of its own: the four streams of one seed differ from one another,
        // drawing from one leaves the others unchanged, and another seed changes every stream
        long[] first = firstDraws(Seeds.of(42));
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (long v : first) {
            distinct.add(v);
        }
        assertEquals(4, distinct.size(), java.util.Arrays.toString(first));
        Seeds drained = Seeds.of(42);
        for (int i = 0; i < 1000; i++) {
            drained.batching().nextLong();
        }
        assertEquals(first[0], drained.initialization().nextLong());
        assertEquals(first[2], drained.validation().nextLong());
        assertEquals(first[3], drained.dropout().nextLong());
        long[] other = firstDraws(Seeds.of(43));
        for (int i = 0; i < 4; i++) {
            assertTrue(first[i] != other[i], "stream " + i + " ignores the seed");
        }
    }

    private static long[] firstDraws(Seeds s) {
        return new long[] {s.initialization().nextLong(), s.batching().nextLong(),
            s.validation().nextLong(), s.dropout().nextLong()};
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** An optimizer that counts its steps and applies {@code onUpdate} to the parameters. */
    private static dev.mlp.api.Optimizer counting(String name,
                                                  java.util.function.Consumer<double[][]> onUpdate) {
        return new dev.mlp.api.Optimizer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public dev.mlp.api.OptimizerState start(dev.mlp.api.ParameterLayout layout) {
                return new dev.mlp.api.OptimizerState() {
                    private long steps;

                    @Override
                    public void update(double[][] parameters, double[][] gradients) {
                        onUpdate.accept(parameters);
                        steps++;
                    }

                    @Override
                    public long steps() {
                        return steps;
                    }
                };
            }
        };
    }
}
