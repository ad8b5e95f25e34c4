package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.Precision;
import dev.mlp.core.train.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executors' compute backend, as they report it, and training in float32. */
class SparkPrecisionTest {

    /** Large enough that blocks of 64 rows go through the backend, not the plain loops. */
    private static final NetworkSpec SPEC = new NetworkSpec(20, List.of(32, 3),
            List.of("tanh", "softmax"), "cross-entropy");

    private static double[] weights() {
        Network n = SPEC.network();
        n.initialize(Mlp.standard().registry().initializer("xavier"),
                Seeds.of(4).initialization());
        return Flat.flatten(n.parameters());
    }

    private static GradientSum.Piece gradient(JavaSparkContext sc, TrainingData d,
                                              Precision precision,
                                              SparkTrainer.Report report) {
        return new SparkTrainer(SPEC, "sgd", "full-batch", 1, 1, 2, List.of(), precision)
                .gradient(sc, d, weights(), 1.0, 0L, report);
    }

    @Test
    void executorsComputeOnTheBackendThisJvmChoosesAndSayWhichOne() {
        JavaSparkContext sc = TestSpark.context();
        String plain = MatrixBackends.standard().name();
        try (TrainingData d = TrainingData.parallelize(sc, TestSpark.blobs(400, 20, 5), 3, 64)) {
            SparkTrainer.Report report = new SparkTrainer.Report();
            assertEquals(plain + " float64", gradient(sc, d, Precision.FLOAT64, report).backend);
            assertEquals(plain + " float64", report.backends);
            assertEquals(1, report.jobs);

            // in local mode the executors are this JVM: the system property reaches them
            System.setProperty(MatrixBackends.PROPERTY, MatrixBackends.JAVA);
            try {
                SparkTrainer.Report named = new SparkTrainer.Report();
                assertEquals("java float64", gradient(sc, d, Precision.FLOAT64, named).backend);
                assertEquals("java float64", named.backends);
            } finally {
                System.clearProperty(MatrixBackends.PROPERTY);
            }
            // a run whose executors differ lists every backend, sorted
            report.record(gradient(sc, d, Precision.FLOAT32, new SparkTrainer.Report()), 0, 0,
                    0);
            assertEquals(plain + " float32, " + plain + " float64", report.backends);
        }
    }

    @Test
    void float32GradientsAreCloseToFloat64OnesButNotTheSame() {
        JavaSparkContext sc = TestSpark.context();
        try (TrainingData d = TrainingData.parallelize(sc, TestSpark.blobs(400, 20, 6), 3, 64)) {
            GradientSum.Piece f64 = gradient(sc, d, Precision.FLOAT64, new SparkTrainer.Report());
            GradientSum.Piece f32 = gradient(sc, d, Precision.FLOAT32, new SparkTrainer.Report());
            GradientSum.Piece again = gradient(sc, d, Precision.FLOAT32,
                    new SparkTrainer.Report());
            assertTrue(Arrays.equals(f32.gradient, again.gradient), "float32 is reproducible");
            assertFalse(Arrays.equals(f64.gradient, f32.gradient), "float32 rounds products");
            double scale = 0;
            double diff = 0;
            for (int i = 0; i < f64.gradient.length; i++) {
                scale = Math.max(scale, Math.abs(f64.gradient[i]));
                diff = Math.max(diff, Math.abs(f64.gradient[i] - f32.gradient[i]));
            }
            assertTrue(diff < 1e-5 * scale, "float32 differs by " + diff + " of " + scale);
            assertEquals(f64.loss, f32.loss, 1e-5 * f64.loss);
            assertEquals(f64.weight, f32.weight, 0.0);
        }
    }

    @Test
    void theEstimatorTrainsInFloat32AndTheModelKeepsIt(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        Dataset blobs = TestSpark.blobs(300, 20, 7);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < blobs.rows(); r++) {
            double[] x = Arrays.copyOfRange(blobs.features(), r * 20, (r + 1) * 20);
            int label = 0;
            for (int c = 0; c < 3; c++) {
                label = blobs.targets()[r * 3 + c] == 1 ? c : label;
            }
            rows.add(RowFactory.create(Vectors.dense(x), (double) label));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        var df = spark.createDataFrame(rows, schema).repartition(2);
        SparkMlp mlp = new SparkMlp().setLayers(32).setActivation("tanh")
                .setOptimizer("adam(lr=0.02)").setEpochs(15).setBlockSize(64).setSeed(2);
        assertEquals("float64", mlp.getPrecision());
        SparkMlpModel f64 = mlp.fit(df);
        SparkMlpModel f32 = mlp.copy(new org.apache.spark.ml.param.ParamMap())
                .setPrecision("Float32").fit(df);
        assertEquals("float64", f64.getPrecision());
        assertEquals("float32", f32.getPrecision());
        assertFalse(f64.weights().equals(f32.weights()), "float32 training rounds products");
        assertTrue(f32.lossHistory().get(14) < 0.5 * f32.lossHistory().get(0), "it trains");

        double worst = 0;
        for (Row r : rows) {
            double[] a = f64.predict(((Vector) r.get(0)).toArray());
            double[] b = f32.predict(((Vector) r.get(0)).toArray());
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(a[c] - b[c]));
            }
        }
        assertTrue(worst < 1e-3, "probabilities differ by " + worst);

        String path = dir.resolve("f32").toString();
        f32.write().save(path);
        SparkMlpModel back = SparkMlpModel.load(path);
        assertEquals("float32", back.getPrecision());
        assertEquals(f32.weights(), back.weights());
        String estimator = dir.resolve("estimator").toString();
        mlp.copy(new org.apache.spark.ml.param.ParamMap()).setPrecision("float32").write()
                .save(estimator);
        assertEquals("float32", SparkMlp.load(estimator).getPrecision());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setPrecision("float16"));
        assertEquals("unknown precision 'float16'; known: float64, float32", e.getMessage());
    }
}
