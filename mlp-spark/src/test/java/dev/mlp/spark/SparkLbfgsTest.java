package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.Trainer;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * L-BFGS on Spark: the driver runs the single-machine method, each evaluation is one
 * distributed sum, and the run ends at the same point, loss and stop reason as single-machine
 * L-BFGS from the same initial weights.
 */
class SparkLbfgsTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final NetworkSpec SPEC = new NetworkSpec(4, List.of(6, 3),
            List.of("tanh", "softmax"), "cross-entropy");

    private static Network initial(long seed) {
        Network n = SPEC.network(REGISTRY);
        n.initialize(REGISTRY.initializer("xavier"), Seeds.of(seed).initialization());
        return n;
    }

    private static double maxRelativeDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double scale = Math.max(1e-3, Math.abs(a[i][j]));
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]) / scale);
            }
        }
        return max;
    }

    private static TrainingResult local(Network network, Dataset data, String optimizer,
                                        int epochs) {
        return new Trainer(REGISTRY.loss("cross-entropy"), REGISTRY.optimizer(optimizer),
                REGISTRY.batchStrategy("full-batch"), epochs, 5, List.of()).train(network, data);
    }

    /** The stop reason without its numbers, which may differ in their last digits. */
    private static String words(String reason) {
        return reason == null ? null : reason.replaceAll("[-+0-9.E]+(?=\\s|$)", "#");
    }

    @Test
    void sameWeightsLossAndStopReasonAsSingleMachineLbfgs() {
        JavaSparkContext sc = TestSpark.context();
        Dataset data = TestSpark.blobs(240, 4, 31);
        // a tolerance the run reaches, and a fixed count of iterations that it does not
        for (String optimizer : List.of("lbfgs(m=5, tol=1e-3)", "lbfgs(m=7, tol=0, ftol=0)")) {
            int epochs = optimizer.contains("tol=0") ? 30 : 500;
            Network single = initial(9);
            Network distributed = single.copy();
            TrainingResult expected = local(single, data, optimizer, epochs);
            TrainingResult actual;
            // 3 partitions cut into blocks of 16 rows: many partial sums
            try (TrainingData d = TrainingData.parallelize(sc, data, 3, 16)) {
                actual = new SparkTrainer(SPEC, optimizer, "full-batch", epochs, 5)
                        .train(sc, distributed, d);
            }
            assertEquals(expected.epochs(), actual.epochs(), optimizer);
            assertEquals(expected.steps(), actual.steps(), optimizer);
            assertEquals(words(expected.stopReason()), words(actual.stopReason()), optimizer);
            if (epochs == 500) {
                assertNotNull(actual.stopReason(), optimizer);
                assertTrue(actual.epochs() < epochs, actual.epochs() + " epochs");
            } else {
                assertEquals(null, actual.stopReason(), optimizer);
            }
            double weights = maxRelativeDifference(single.parameters(),
                    distributed.parameters());
            assertTrue(weights < 1e-9, optimizer + ": weights differ by " + weights);
            assertTrue(maxRelativeDifference(single.parameters(), initial(9).parameters()) > 0.1,
                    "the weights moved");
            for (int e = 0; e < actual.epochs(); e++) {
                double a = actual.epochLosses().get(e);
                double x = expected.epochLosses().get(e);
                assertTrue(Math.abs(a - x) <= 1e-9 * Math.abs(x), optimizer + ", epoch "
                        + (e + 1) + ": " + a + " against " + x);
            }
            assertTrue(actual.finalLoss() < 0.5 * actual.epochLosses().get(0),
                    "the loss fell: " + actual.epochLosses());
        }
    }

    @Test
    void theEstimatorTrainsWithLbfgsAsSingleMachineTrainingDoes() {
        Dataset data = TestSpark.blobs(150, 4, 32);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            double[] x = java.util.Arrays.copyOfRange(data.features(), r * 4, r * 4 + 4);
            int label = 0;
            for (int c = 0; c < 3; c++) {
                label = data.targets()[r * 3 + c] == 1 ? c : label;
            }
            rows.add(RowFactory.create(Vectors.dense(x), (double) label));
        }
        var df = TestSpark.session().createDataFrame(rows, new StructType()
                .add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType)).repartition(2);
        String optimizer = "lbfgs(m=6, tol=1e-3)";
        SparkMlpModel model = new SparkMlp().setLayers(6).setActivation("tanh")
                .setOptimizer(optimizer).setBatch("full-batch").setEpochs(400).setSeed(4)
                .fit(df);

        // the same rows in the order the estimator's partitions hold them
        List<Row> seen = df.select("features", "label").collectAsList();
        double[][] x = new double[seen.size()][];
        double[][] y = new double[seen.size()][3];
        for (int r = 0; r < seen.size(); r++) {
            x[r] = ((org.apache.spark.ml.linalg.Vector) seen.get(r).get(0)).toArray();
            y[r][(int) seen.get(r).getDouble(1)] = 1;
        }
        Network single = SPEC.network(REGISTRY);
        single.initialize(REGISTRY.initializer("xavier"), Seeds.of(4).initialization());
        TrainingResult expected = new Trainer(REGISTRY.loss("cross-entropy"),
                REGISTRY.optimizer(optimizer), REGISTRY.batchStrategy("full-batch"), 400, 4,
                List.of()).train(single, Dataset.of(x, y));

        assertNotNull(expected.stopReason());
        List<Double> losses = model.lossHistory();
        assertEquals(expected.epochs(), losses.size());
        double last = losses.get(losses.size() - 1);
        assertTrue(Math.abs(last - expected.finalLoss()) <= 1e-9 * expected.finalLoss(),
                last + " against " + expected.finalLoss());
        double[] w = model.weights().toArray();
        double[] flat = Flat.flatten(single.parameters());
        double max = 0;
        for (int i = 0; i < w.length; i++) {
            max = Math.max(max, Math.abs(w[i] - flat[i]) / Math.max(1e-3, Math.abs(flat[i])));
        }
        assertTrue(max < 1e-9, "weights differ by " + max);
    }
}
