package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Precision;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.Trainer;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class SparkTrainerTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final NetworkSpec SPEC = new NetworkSpec(4, List.of(8, 3),
            List.of("tanh", "softmax"), "cross-entropy");

    private static Network initial(long seed) {
        Network n = SPEC.network(REGISTRY);
        n.initialize(REGISTRY.initializer("xavier"), Seeds.of(seed).initialization());
        return n;
    }

    private static double maxDifference(Network a, Network b) {
        double[][] pa = a.parameters();
        double[][] pb = b.parameters();
        double max = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int j = 0; j < pa[i].length; j++) {
                max = Math.max(max, Math.abs(pa[i][j] - pb[i][j]));
            }
        }
        return max;
    }

    @Test
    void fullBatchAgreesWithSingleMachineTraining() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(300, 4, 11);
        for (String optimizer : List.of("adam(lr=0.05)", "normalized-gradient(lr=0.1)")) {
            Network local = initial(3);
            Network distributed = local.copy();
            Trainer trainer = new Trainer(REGISTRY.loss("cross-entropy"),
                    REGISTRY.optimizer(optimizer), REGISTRY.batchStrategy("full-batch"), 25, 5,
                    List.of());
            TrainingResult expected = trainer.train(local, data);

            TrainingResult actual;
            // 3 partitions of 100 rows, cut into blocks of 16: many partial sums to combine
            try (TrainingData d = TrainingData.parallelize(sc, data, 3, 16)) {
                actual = new SparkTrainer(SPEC, optimizer, "full-batch", 25, 5).train(sc,
                        distributed, d);
            }
            assertEquals(25, actual.steps(), optimizer);
            assertTrue(maxDifference(local, distributed) < 1e-9, optimizer + ": weights differ by "
                    + maxDifference(local, distributed));
            assertTrue(maxDifference(local, initial(3)) > 0.1, "the weights moved");
            for (int e = 0; e < 25; e++) {
                assertEquals(expected.epochLosses().get(e), actual.epochLosses().get(e), 1e-9,
                        optimizer + ", epoch " + (e + 1));
            }
            assertTrue(actual.finalLoss() < actual.epochLosses().get(0), "the loss fell");
        }
    }

    @Test
    void sameSeedAndPartitioningGiveTheSameWeights() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(400, 4, 12);
        List<double[][]> runs = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Network net = initial(8);
            try (TrainingData d = TrainingData.parallelize(sc, data, 5, 32)) {
                results.add(new SparkTrainer(SPEC, "adam(lr=0.02)", "mini-batch(size=80)", 3, 21)
                        .train(sc, net, d));
            }
            runs.add(net.parameters());
        }
        for (int i = 0; i < runs.get(0).length; i++) {
            assertArrayEquals(runs.get(0)[i], runs.get(1)[i], "block " + i);
        }
        assertEquals(results.get(0).epochLosses(), results.get(1).epochLosses());
        // mini-batch: 5 sampled steps per epoch
        assertEquals(15, results.get(0).steps());
        assertTrue(results.get(0).finalLoss() < results.get(0).epochLosses().get(0));

        Network other = initial(8);
        try (TrainingData d = TrainingData.parallelize(sc, data, 5, 32)) {
            new SparkTrainer(SPEC, "adam(lr=0.02)", "mini-batch(size=80)", 3, 22).train(sc, other,
                    d);
        }
        assertFalse(maxDifference(other, initialLike(runs.get(0))) == 0,
                "another seed draws other samples");
    }

    private static Network initialLike(double[][] params) {
        Network n = SPEC.network(REGISTRY);
        double[][] p = n.parameters();
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(params[i], 0, p[i], 0, p[i].length);
        }
        return n;
    }

    @Test
    void sampleWeightsCountLikeRepeatedRows() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(60, 4, 13);
        List<Sample> weighted = new ArrayList<>();
        List<Sample> repeated = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            double[] x = java.util.Arrays.copyOfRange(data.features(), r * 4, r * 4 + 4);
            double[] y = java.util.Arrays.copyOfRange(data.targets(), r * 3, r * 3 + 3);
            int times = r % 3;
            weighted.add(new Sample(x, y, times));
            for (int t = 0; t < times; t++) {
                repeated.add(new Sample(x, y));
            }
        }
        Network a = initial(4);
        Network b = a.copy();
        SparkTrainer trainer = new SparkTrainer(SPEC, "sgd(lr=0.5)", "full-batch", 5, 1);
        TrainingResult ra;
        TrainingResult rb;
        try (TrainingData d = TrainingData.of(sc.parallelize(weighted, 2), 4, 3, 8, true)) {
            assertEquals(60, d.rows());
            assertEquals(60.0, d.totalWeight());
            ra = trainer.train(sc, a, d);
        }
        try (TrainingData d = TrainingData.of(sc.parallelize(repeated, 3), 4, 3, 8, false)) {
            rb = trainer.train(sc, b, d);
        }
        assertTrue(maxDifference(a, b) < 1e-12, "differ by " + maxDifference(a, b));
        assertEquals(rb.finalLoss(), ra.finalLoss(), 1e-12);
    }

    @Test
    void miniBatchStepsSampleAboutTheBatchSizeAcrossBlocks() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(2000, 4, 16);
        Network net = initial(1);
        var weights = sc.broadcast(Flat.flatten(net.parameters()));
        try (TrainingData d = TrainingData.parallelize(sc, data, 2, 64)) {
            long total = 0;
            int steps = 12;
            for (int step = 0; step < steps; step++) {
                long stepSeed = Flat.mix(step);
                GradientSum.Piece a = sampled(d, weights, stepSeed);
                if (step < 2) {
                    GradientSum.Piece b = sampled(d, weights, stepSeed);
                    assertEquals(a.rows, b.rows);
                    assertArrayEquals(a.gradient, b.gradient, "step " + step + " repeats");
                }
                total += a.rows;
            }
            // each row is in a step's sample with probability 0.05: 100 rows on average;
            // the mean of 12 steps has a standard deviation of about 2.8
            double mean = (double) total / steps;
            assertTrue(Math.abs(mean - 100) < 12, "mean sample " + mean);
        } finally {
            weights.destroy();
        }
    }

    @Test
    void parametersInsideTheTasksAndBroadcastGiveTheSameBits() {
        JavaSparkContext sc = TestSpark.context();
        // above the size sent inside the tasks: SparkTrainer broadcasts these parameters
        NetworkSpec big = new NetworkSpec(4, List.of(23100, 3), List.of("tanh", "softmax"),
                "cross-entropy");
        assertTrue(big.parameterCount() > SparkTrainer.EMBEDDED_WEIGHTS);
        assertTrue(SPEC.parameterCount() <= SparkTrainer.EMBEDDED_WEIGHTS);
        for (NetworkSpec spec : List.of(SPEC, big)) {
            Network n = spec.network(REGISTRY);
            n.initialize(REGISTRY.initializer("xavier"), Seeds.of(8).initialization());
            double[] w = Flat.flatten(n.parameters());
            try (TrainingData d = TrainingData.parallelize(sc, TestSpark.blobs(90, 4, 15), 3,
                    16)) {
                var bc = sc.broadcast(w);
                GradientSum.Piece broadcast;
                GradientSum.Piece inside;
                try {
                    broadcast = d.blocks().mapPartitions(new PartitionGradient(spec,
                            d.partitions(), d.blockSize(), bc, 1.0, 0L, Precision.FLOAT64))
                            .reduce(GradientSum::merge).total();
                    inside = d.blocks().mapPartitions(new PartitionGradient(spec,
                            d.partitions(), d.blockSize(), w, 1.0, 0L, Precision.FLOAT64))
                            .reduce(GradientSum::merge).total();
                } finally {
                    bc.destroy();
                }
                GradientSum.Piece trainer = new SparkTrainer(spec, "sgd", "full-batch", 1, 1)
                        .gradient(sc, d, w, 1.0, 0L, new SparkTrainer.Report());
                assertEquals(90, inside.rows);
                assertTrue(java.util.Arrays.equals(broadcast.gradient, inside.gradient));
                assertTrue(java.util.Arrays.equals(broadcast.gradient, trainer.gradient));
                assertEquals(broadcast.loss, inside.loss, 0.0);
                assertEquals(broadcast.loss, trainer.loss, 0.0);
                assertTrue(inside.loss > 0);
            }
        }
    }

    private static GradientSum.Piece sampled(TrainingData d,
                                             org.apache.spark.broadcast.Broadcast<double[]> w,
                                             long stepSeed) {
        return d.blocks().mapPartitions(new PartitionGradient(SPEC, d.partitions(),
                        d.blockSize(), w, 0.05, stepSeed, Precision.FLOAT64))
                .reduce(GradientSum::merge).total();
    }

    @Test
    void emptyPartitionsAreFine() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(6, 4, 14);
        Network a = initial(2);
        Network b = a.copy();
        new Trainer(REGISTRY.loss("cross-entropy"), REGISTRY.optimizer("sgd(lr=0.3)"),
                REGISTRY.batchStrategy("full-batch"), 3, 1, List.of()).train(a, data);
        // 6 rows in 9 partitions: at least 3 are empty
        try (TrainingData d = TrainingData.parallelize(sc, data, 9, 4)) {
            new SparkTrainer(SPEC, "sgd(lr=0.3)", "full-batch", 3, 1).train(sc, b, d);
        }
        assertTrue(maxDifference(a, b) < 1e-12, "differ by " + maxDifference(a, b));
    }

    @Test
    void badInputIsNamed() {
        JavaSparkContext sc = TestSpark.context();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(SPEC, "adma", "full-batch", 1, 1));
        assertTrue(e.getMessage().contains("adma") && e.getMessage().contains("adam"),
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> new SparkTrainer(new NetworkSpec(4, List.of(3), List.of("tanh"),
                        "cross-entropy"), "sgd", "full-batch", 1, 1));
        assertTrue(e2.getMessage().contains("softmax"), e2.getMessage());
        Dataset data = TestSpark.blobs(10, 5, 15);
        try (TrainingData d = TrainingData.parallelize(sc, data, 2, 4)) {
            var e3 = assertThrows(IllegalArgumentException.class,
                    () -> new SparkTrainer(SPEC, "sgd", "full-batch", 1, 1).train(sc, initial(1),
                            d));
            assertTrue(e3.getMessage().contains("5 inputs"), e3.getMessage());
        }
    }

    @Test
    void anOptimizerThatEvaluatesTheObjectiveIsRefusedWithMiniBatches() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(40, 4, 17);
        try (TrainingData d = TrainingData.parallelize(sc, data, 2, 8)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new SparkTrainer(SPEC, "lbfgs", "mini-batch(size=10)", 5, 1)
                            .train(sc, initial(1), d));
            assertTrue(e.getMessage().startsWith("optimizer 'lbfgs(m=10") && e.getMessage()
                    .contains("batches of 10 of 40 rows; use the full-batch strategy"),
                    e.getMessage());
        }
    }
}
