package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkMlpTest {

    /** Four raw columns and a class index: three blobs with different centres and scales. */
    private static Dataset<Row> flowers(SparkSession spark, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(3);
            data.add(RowFactory.create(
                    10 + 4.0 * c + r.nextGaussian(),
                    100 - 30.0 * (c == 1 ? 1 : 0) + 8 * r.nextGaussian(),
                    0.01 * c + 0.004 * r.nextGaussian(),
                    r.nextGaussian(),
                    (double) c));
        }
        StructType schema = StructType.fromDDL("a DOUBLE, b DOUBLE, c DOUBLE, d DOUBLE, "
                + "label DOUBLE");
        return spark.createDataFrame(data, schema);
    }

    @Test
    void classifiesInsideAPipelineAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        Dataset<Row> train = flowers(spark, 300, 1);
        Dataset<Row> test = flowers(spark, 150, 2);
        SparkMlp mlp = new SparkMlp()
                .setLayers(8)
                .setActivation("tanh")
                .setOptimizer("adam(lr=0.05)")
                .setBatch("full-batch")
                .setEpochs(40)
                .setSeed(3);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(new String[] {"a", "b", "c", "d"})
                    .setOutputCol("raw"),
            new StandardScaler().setInputCol("raw").setOutputCol("features")
                    .setWithMean(true),
            mlp});
        PipelineModel fitted = pipeline.fit(train);
        List<Row> rows = fitted.transform(test)
                .select("label", "features", "probability", "prediction").collectAsList();

        SparkMlpModel model = (SparkMlpModel) fitted.stages()[2];
        assertEquals(List.of(4, 8, 3), sizes(model));
        assertEquals("softmax", model.networkSpec().activations().get(1));
        assertEquals("cross-entropy", model.networkSpec().loss());
        assertEquals(40, model.lossHistory().size());
        assertTrue(model.lossHistory().get(39) < 0.5 * model.lossHistory().get(0));

        Path modelFile = dir.resolve("iris.mlp");
        model.saveModel(modelFile);
        // loaded from the framework's own file, with no Spark in the loop
        dev.mlp.core.Model plain = dev.mlp.core.io.ModelFile.load(modelFile);
        assertEquals(List.of("0", "1", "2"), plain.classNames());
        int right = 0;
        for (Row row : rows) {
            Vector p = row.getAs(2);
            // probabilities sum to 1 and the prediction is the most probable class
            assertEquals(1.0, sum(p.toArray()), 1e-12);
            assertEquals(p.argmax(), row.getDouble(3));
            // the plain framework model, with no Spark in the loop, predicts the same bits
            assertArrayEquals(p.toArray(), plain.predict(((Vector) row.getAs(1)).toArray()));
            right += row.getDouble(0) == row.getDouble(3) ? 1 : 0;
        }
        double accuracy = (double) right / rows.size();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);

        Path saved = dir.resolve("pipeline");
        fitted.write().overwrite().save(saved.toString());
        assertTrue(Files.isDirectory(saved.resolve("stages")));
        PipelineModel loaded = PipelineModel.load(saved.toString());
        // row order after a shuffle is not fixed: compare sorted
        List<String> again = sorted(loaded.transform(test).select("probability"));
        List<String> before = new ArrayList<>();
        for (Row row : rows) {
            Object probability = row.get(2);
            before.add(RowFactory.create(probability).toString());
        }
        java.util.Collections.sort(before);
        assertEquals(before, again);
        SparkMlpModel reloaded = (SparkMlpModel) loaded.stages()[2];
        assertEquals(model.uid(), reloaded.uid());
        assertEquals(model.networkSpec(), reloaded.networkSpec());
        assertEquals(model.trainingSpecs(), reloaded.trainingSpecs());
        assertEquals(model.lossHistory(), reloaded.lossHistory());

        // the estimator itself saves and loads with its parameters
        mlp.write().overwrite().save(dir.resolve("estimator").toString());
        SparkMlp mlp2 = SparkMlp.load(dir.resolve("estimator").toString());
        assertEquals("adam(lr=0.05)", mlp2.getOrDefault(mlp2.optimizer()));
        assertArrayEquals(new int[] {8}, mlp2.getOrDefault(mlp2.layers()));
    }

    @Test
    void regressesWithAnyActivationAndOptimizer() {
        SparkSession spark = TestSpark.session();
        SplittableRandom r = new SplittableRandom(4);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x1 = r.nextDouble(-2, 2);
            double x2 = r.nextDouble(-2, 2);
            double y = Math.sin(x1) + 0.5 * x2 * x2 + 0.05 * r.nextGaussian();
            data.add(RowFactory.create(Vectors.dense(x1, x2), y));
        }
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType())
                .add("target", DataTypes.DoubleType);
        Dataset<Row> df = spark.createDataFrame(data, schema);
        SparkMlpModel model = new SparkMlp()
                .setTask(SparkMlp.REGRESSION)
                .setLabelCol("target")
                .setLayers(16, 8)
                .setActivation("leaky-relu(alpha=0.1)")
                .setOptimizer("adam(lr=0.03)")
                .setBatch("mini-batch(size=100)")
                .setEpochs(30)
                .setSeed(5)
                .fit(df);
        assertEquals("identity", model.networkSpec().activations().get(2));
        assertEquals("mse", model.networkSpec().loss());
        Dataset<Row> scored = model.transform(df);
        assertEquals(List.of("features", "target", "prediction"),
                List.of(scored.columns()));
        double squares = 0;
        List<Row> rows = scored.collectAsList();
        for (Row row : rows) {
            double d = row.getDouble(2) - row.getDouble(1);
            squares += d * d;
        }
        double rmse = Math.sqrt(squares / rows.size());
        // the targets' standard deviation is about 0.9; a constant predicts no better
        assertTrue(rmse < 0.25, "rmse " + rmse);
    }

    @Test
    void rowsOfWeightZeroDoNotCount() {
        SparkSession spark = TestSpark.session();
        SplittableRandom r = new SplittableRandom(8);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double x = r.nextDouble(-1, 1);
            boolean noise = i % 2 == 1;
            // the noise rows say the opposite of the clean rows, with weight 0
            double label = (x > 0) != noise ? 1 : 0;
            data.add(RowFactory.create(Vectors.dense(x), label, noise ? 0.0 : 1.0));
        }
        Dataset<Row> df = spark.createDataFrame(data, new StructType()
                .add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType)
                .add("w", DataTypes.DoubleType));
        SparkMlpModel model = new SparkMlp().setWeightCol("w").setOptimizer("adam(lr=0.1)")
                .setEpochs(40).setSeed(2).fit(df);
        int right = 0;
        int clean = 0;
        for (Row row : model.transform(df).collectAsList()) {
            if (row.getDouble(2) > 0) {
                clean++;
                right += row.getDouble(1) == row.<Double>getAs("prediction") ? 1 : 0;
            }
        }
        assertTrue(right >= 0.95 * clean, right + " of " + clean);
    }

    @Test
    void badSettingsAndColumnsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setOptimizer("adma(lr=0.1)"));
        assertTrue(e.getMessage().contains("adma") && e.getMessage().contains("adam"),
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new SparkMlp().setTask("x"));
        assertEquals("task must be 'classification' or 'regression', found 'x'", e2.getMessage());
        StructType schema = StructType.fromDDL("features DOUBLE, label DOUBLE");
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().transformSchema(schema));
        assertEquals("the features column 'features' must be a vector "
                + "(org.apache.spark.ml.linalg.Vector), found double", e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setLabelCol("y").transformSchema(
                        new StructType().add("features", SQLDataTypes.VectorType())));
        assertTrue(e4.getMessage().startsWith("the label column 'y' is not in the data"),
                e4.getMessage());
        Dataset<Row> tiny = TestSpark.session().createDataFrame(List.of(
                RowFactory.create(Vectors.dense(1, 2), 0.0),
                RowFactory.create(Vectors.dense(2, 1), 1.5)), new StructType()
                .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType));
        var e5 = assertThrows(IllegalArgumentException.class, () -> new SparkMlp().fit(tiny));
        assertEquals("classification labels in 'label' must be class indices 0, 1, 2, ..., "
                + "found values from 0.0 to 1.5", e5.getMessage());
        var e6 = assertThrows(IllegalArgumentException.class, () -> new SparkMlp()
                .setTask(SparkMlp.REGRESSION).setLoss("cross-entropy").fit(tiny));
        assertTrue(e6.getMessage().contains("softmax"), e6.getMessage());
    }

    private static List<Integer> sizes(SparkMlpModel m) {
        List<Integer> s = new ArrayList<>();
        for (int v : m.networkSpec().sizes()) {
            s.add(v);
        }
        return s;
    }

    private static List<String> sorted(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toString());
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
