package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkMlp} and {@link SparkMlpModel} as Spark ML stages: the column contract of Spark's
 * probabilistic classifiers, typed getters, the training parameters on the model, {@code tol},
 * {@code initialWeights}, {@code fullLayers}, model selection with {@code CrossValidator} and
 * {@code TrainValidationSplit}, Spark's evaluators, and persistence. The data is tiny on purpose.
 */
class SparkMlConformanceTest {

    /** Points around one centre per class in two dimensions; {@code spread} sets the overlap. */
    private static Dataset<Row> blobs(int rows, int classes, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(classes);
            double angle = 2 * Math.PI * c / classes;
            data.add(RowFactory.create(Vectors.dense(Math.cos(angle) + spread * r.nextGaussian(),
                    Math.sin(angle) + spread * r.nextGaussian()), (double) c));
        }
        return TestSpark.session().createDataFrame(data, new StructType()
                .add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType));
    }

    private static SparkMlp small() {
        return new SparkMlp().setLayers(4).setActivation("tanh").setOptimizer("adam(lr=0.05)")
                .setEpochs(20).setSeed(3);
    }

    @Test
    void classifierAddsRawPredictionProbabilityAndPredictionWithMetadata() {
        Dataset<Row> df = blobs(90, 3, 0.4, 1);
        SparkMlpModel model = small().fit(df);
        Dataset<Row> scored = model.transform(df);
        assertEquals(List.of("features", "label", "rawPrediction", "probability", "prediction"),
                List.of(scored.columns()));
        // transformSchema announces what transform gives, metadata included
        assertEquals(model.transformSchema(df.schema()), scored.schema());

        StructField prediction = scored.schema().apply("prediction");
        Attribute a = Attribute.fromStructField(prediction);
        assertTrue(a instanceof NominalAttribute, a.toString());
        assertEquals(3, ((NominalAttribute) a).getNumValues().get());
        assertEquals(3, AttributeGroup.fromStructField(scored.schema().apply("rawPrediction"))
                .size());
        assertEquals(3, AttributeGroup.fromStructField(scored.schema().apply("probability"))
                .size());
        assertEquals(3, model.numClasses());
        assertEquals(2, model.numFeatures());

        for (Row row : scored.collectAsList()) {
            double[] raw = ((Vector) row.getAs("rawPrediction")).toArray();
            double[] p = ((Vector) row.getAs("probability")).toArray();
            // the pre-activations shifted to mean 0: softmax of them is the probability
            assertEquals(0.0, Arrays.stream(raw).sum(), 1e-12);
            assertArrayEquals(p, softmax(raw), 1e-12);
            assertArrayEquals(p, model.predict(((Vector) row.getAs("features")).toArray()));
            assertEquals(argmax(p), row.<Double>getAs("prediction"));
        }

        // each output column can be turned off, as in Spark's classifiers
        Dataset<Row> only = model.copy(ParamMap.empty()).setRawPredictionCol("")
                .setProbabilityCol("").transform(df);
        assertEquals(List.of("features", "label", "prediction"), List.of(only.columns()));
        assertEquals(sorted(scored.select("prediction")), sorted(only.select("prediction")));
    }

    @Test
    void classNamesFromStringIndexerTravelToThePredictionColumn() {
        Dataset<Row> df = blobs(90, 3, 0.3, 2);
        List<Row> named = new ArrayList<>();
        String[] names = {"cat", "dog", "eel"};
        for (Row r : df.collectAsList()) {
            named.add(RowFactory.create(r.get(0), names[(int) r.getDouble(1)]));
        }
        Dataset<Row> words = TestSpark.session().createDataFrame(named, new StructType()
                .add("features", SQLDataTypes.VectorType()).add("animal", DataTypes.StringType));
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("animal").setOutputCol("label")
                    .setStringOrderType("alphabetAsc"),
            small().setEpochs(30),
            new IndexToString().setInputCol("prediction").setOutputCol("predictedAnimal")})
                .fit(words);
        SparkMlpModel model = (SparkMlpModel) fitted.stages()[1];
        assertEquals(List.of(names), model.classNames());
        Dataset<Row> out = fitted.transform(words);
        NominalAttribute a = (NominalAttribute) Attribute.fromStructField(
                out.schema().apply("prediction"));
        assertArrayEquals(names, a.values().get());
        int right = 0;
        List<Row> rows = out.select("animal", "predictedAnimal", "prediction").collectAsList();
        for (Row r : rows) {
            // IndexToString needed no labels: it read them from the prediction's metadata
            assertEquals(names[(int) r.getDouble(2)], r.getString(1));
            right += r.getString(0).equals(r.getString(1)) ? 1 : 0;
        }
        assertTrue(right > 0.9 * rows.size(), right + " of " + rows.size());
    }

    @Test
    void everyParameterHasATypedGetterAndTheModelKeepsTheTrainingValues() {
        Vector start = Vectors.dense(new double[2 * 3 + 3 + 3 * 3 + 3]);
        SparkMlp mlp = new SparkMlp().setFeaturesCol("features").setLabelCol("label")
                .setWeightCol("").setPredictionCol("pred").setRawPredictionCol("raw")
                .setProbabilityCol("prob").setThresholds(0.5, 0.3, 0.2)
                .setTask(SparkMlp.CLASSIFICATION).setFullLayers(2, 3, 3).setActivation("tanh")
                .setOutputActivation("softmax").setLoss("cross-entropy")
                .setOptimizer("sgd(lr=0.1)").setBatch("full-batch").setInitializer("he")
                .setEpochs(3).setSeed(11).setTol(1e-9).setInitialWeights(start).setBlockSize(7)
                .setAggregationDepth(3);
        SparkMlpModel model = mlp.fit(blobs(30, 3, 0.5, 3));
        for (SparkMlpParams s : List.<SparkMlpParams>of(mlp, model)) {
            assertEquals("pred", s.getPredictionCol());
            assertEquals("raw", s.getRawPredictionCol());
            assertEquals("prob", s.getProbabilityCol());
            assertArrayEquals(new double[] {0.5, 0.3, 0.2}, s.getThresholds());
            assertEquals(SparkMlp.CLASSIFICATION, s.getTask());
            assertArrayEquals(new int[] {2, 3, 3}, s.getFullLayers());
            assertEquals("tanh", s.getActivation());
            assertEquals("softmax", s.getOutputActivation());
            assertEquals("cross-entropy", s.getLoss());
            assertEquals("sgd(lr=0.1)", s.getOptimizer());
            assertEquals("full-batch", s.getBatch());
            assertEquals("he", s.getInitializer());
            assertEquals(3, s.getEpochs());
            assertEquals(11L, s.getSeed());
            assertEquals(1e-9, s.getTol());
            assertEquals(start, s.getInitialWeights());
            assertEquals(7, s.getBlockSize());
            assertEquals(3, s.getAggregationDepth());
            assertEquals("features", s.getFeaturesCol());
            assertEquals("label", s.getLabelCol());
            assertEquals("", s.getWeightCol());
        }
        // the model also states its hidden layers, whichever form configured them
        assertArrayEquals(new int[] {3}, model.getLayers());
        assertArrayEquals(new int[0], mlp.getLayers());
        // the model has every parameter of the estimator, by name
        assertEquals(names(mlp.params()), names(model.params()));
        assertEquals(31, mlp.params().length);
        // getters do not hand out the parameter's own array
        mlp.getThresholds()[0] = 9;
        assertEquals(0.5, mlp.getThresholds()[0]);
    }

    @Test
    void fullLayersIsMlpcsFormOfTheSameNetwork() {
        Dataset<Row> df = blobs(40, 3, 0.5, 4);
        SparkMlpModel hidden = small().setEpochs(3).fit(df);
        SparkMlp fullForm = small();
        fullForm.clear(fullForm.layers());
        SparkMlpModel full = fullForm.setEpochs(3).setFullLayers(2, 4, 3).fit(df);
        assertArrayEquals(hidden.networkSpec().sizes(), full.networkSpec().sizes());
        assertEquals(hidden.weights(), full.weights());
        assertArrayEquals(new int[] {2, 4, 3}, hidden.getFullLayers());

        var wrongEnds = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setFullLayers(3, 4, 3).fit(df));
        assertEquals("fullLayers [3, 4, 3] must start with the number of features, 2, and end "
                + "with the number of classes, 3 (for hidden layers only, use layers)",
                wrongEnds.getMessage());
        var both = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setLayers(4).setFullLayers(2, 4, 3).fit(df));
        assertTrue(both.getMessage().startsWith("set either layers (hidden layers only), now "
                + "[4], or fullLayers"), both.getMessage());
        var single = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setFullLayers(2));
        assertTrue(single.getMessage().contains("at least 2 sizes"), single.getMessage());
        var regression = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setTask(SparkMlp.REGRESSION).setFullLayers(2, 4, 3)
                        .fit(df));
        assertTrue(regression.getMessage().contains("end with 1 for regression, 1"),
                regression.getMessage());
    }

    @Test
    void tolStopsWhenTheLossSettles() {
        Dataset<Row> df = blobs(60, 2, 0.5, 5);
        double tol = 1e-3;
        SparkMlpModel model = small().setOptimizer("sgd(lr=0.2)").setEpochs(80).setTol(tol)
                .fit(df);
        List<Double> h = model.lossHistory();
        assertTrue(h.size() > 1 && h.size() < 80, "epochs run: " + h.size());
        int last = h.size() - 1;
        assertTrue(Math.abs(h.get(last - 1) - h.get(last))
                < tol * Math.max(1, Math.abs(h.get(last - 1))));
        for (int e = 1; e < last; e++) {
            assertTrue(Math.abs(h.get(e - 1) - h.get(e))
                    >= tol * Math.max(1, Math.abs(h.get(e - 1))), "epoch " + (e + 1));
        }
        // the default 0 trains every epoch
        assertEquals(80, small().setOptimizer("sgd(lr=0.2)").setEpochs(80).fit(df)
                .lossHistory().size());
        assertThrows(IllegalArgumentException.class, () -> new SparkMlp().setTol(-1));
    }

    @Test
    void initialWeightsAreTheStartingPoint() {
        Dataset<Row> df = blobs(40, 3, 0.5, 6);
        int n = 2 * 4 + 4 + 4 * 3 + 3;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.01 * (i % 7) - 0.03;
        }
        Vector start = Vectors.dense(w);
        // no training: the model is the starting point, whatever the seed and initializer
        SparkMlpModel untrained = small().setEpochs(0).setInitializer("he").setInitialWeights(start)
                .fit(df);
        assertEquals(start, untrained.weights());
        // full-batch training from the same start does not depend on the seed
        SparkMlpModel a = small().setEpochs(5).setSeed(1).setInitialWeights(start).fit(df);
        SparkMlpModel b = small().setEpochs(5).setSeed(2).setInitialWeights(start).fit(df);
        assertEquals(a.weights(), b.weights());
        assertNotEquals(start, a.weights());
        assertNotEquals(small().setEpochs(5).setSeed(1).fit(df).weights(), a.weights());

        var e = assertThrows(IllegalArgumentException.class,
                () -> small().setInitialWeights(Vectors.dense(1, 2, 3)).fit(df));
        assertEquals("initialWeights must have 27 values for layer sizes [2, 4, 3] (each "
                + "layer's weights, row-major inputs x neurons, then its biases), found 3",
                e.getMessage());
        w[5] = Double.NaN;
        var nan = assertThrows(IllegalArgumentException.class,
                () -> small().setInitialWeights(Vectors.dense(w)).fit(df));
        assertEquals("initialWeights must be finite, found NaN at index 5", nan.getMessage());
    }

    @Test
    void thresholdsChooseThePrediction() {
        Dataset<Row> df = blobs(40, 2, 0.5, 7);
        SparkMlpModel model = small().setEpochs(10).fit(df);
        // threshold 0 for class 1: every row with a probability of class 1 above 0 predicts 1
        List<Row> rows = model.copy(ParamMap.empty()).setThresholds(1.0, 0.0).transform(df)
                .select("prediction").collectAsList();
        for (Row r : rows) {
            assertEquals(1.0, r.getDouble(0));
        }
        assertEquals(1, SparkMlpModel.predictClass(new double[] {0.6, 0.4}, new double[] {0.9,
                0.5}));
        assertEquals(0, SparkMlpModel.predictClass(new double[] {0.6, 0.4}, null));
        assertEquals(0, SparkMlpModel.predictClass(new double[] {0.6, 0.0}, new double[] {1, 0}));
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.copy(ParamMap.empty()).setThresholds(0.2, 0.3, 0.5));
        assertEquals("thresholds must have one value per class, 2, found 3", e.getMessage());
        var zeros = assertThrows(IllegalArgumentException.class,
                () -> new SparkMlp().setThresholds(0, 0));
        assertTrue(zeros.getMessage().contains("at most one of them 0"), zeros.getMessage());
    }

    @Test
    void crossValidatorChoosesFromAGridWithTheMulticlassEvaluator(@TempDir Path dir)
            throws Exception {
        Dataset<Row> df = blobs(80, 3, 0.4, 8);
        SparkMlp mlp = small();
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(mlp.epochs(), new int[] {0, 25})
                .build();
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                .setMetricName("accuracy");
        CrossValidatorModel cv = new CrossValidator().setEstimator(mlp)
                .setEstimatorParamMaps(grid).setEvaluator(accuracy).setNumFolds(2).setSeed(1)
                .fit(df);
        double[] metrics = cv.avgMetrics();
        assertEquals(2, metrics.length);
        int best = metrics[0] > metrics[1] ? 0 : 1;
        SparkMlpModel chosen = (SparkMlpModel) cv.bestModel();
        // the untrained network loses; the chosen model says how it was trained
        assertEquals(1, best, Arrays.toString(metrics));
        assertEquals(25, chosen.getEpochs());
        assertEquals(25, chosen.lossHistory().size());
        assertTrue(accuracy.evaluate(chosen.transform(df)) > 0.9);

        // the tuned model saves and loads with its best network
        cv.write().overwrite().save(dir.resolve("cv").toString());
        CrossValidatorModel loaded = CrossValidatorModel.load(dir.resolve("cv").toString());
        SparkMlpModel again = (SparkMlpModel) loaded.bestModel();
        assertEquals(chosen.weights(), again.weights());
        assertEquals(25, again.getEpochs());
        assertArrayEquals(metrics, loaded.avgMetrics());
    }

    @Test
    void binaryEvaluatorScoresTheRawPredictionLikeTheProbability() {
        Dataset<Row> df = blobs(120, 2, 1.0, 9);
        SparkMlpModel model = small().setEpochs(15).fit(df);
        Dataset<Row> scored = model.transform(df).cache();
        BinaryClassificationEvaluator auc = new BinaryClassificationEvaluator();
        double byRaw = auc.evaluate(scored);
        // the probability vector's second value ranks the rows as the raw prediction does
        double byProbability = new BinaryClassificationEvaluator()
                .setRawPredictionCol("probability").evaluate(scored);
        assertEquals(byProbability, byRaw, 1e-12);
        assertTrue(byRaw > 0.7 && byRaw < 1, "AUC " + byRaw);
        scored.unpersist();

        // and model selection with it
        SparkMlp mlp = small().setEpochs(10);
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(mlp.layers(), scala.collection.JavaConverters
                        .collectionAsScalaIterableConverter(
                                List.<int[]>of(new int[] {1}, new int[] {6})).asScala())
                .build();
        TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(mlp)
                .setEstimatorParamMaps(grid).setEvaluator(auc).setTrainRatio(0.7).setSeed(2)
                .fit(df);
        double[] m = tvs.validationMetrics();
        int best = m[0] >= m[1] ? 0 : 1;
        int[] bestLayers = (int[]) grid[best].apply(mlp.layers());
        assertArrayEquals(bestLayers, ((SparkMlpModel) tvs.bestModel()).getLayers());
    }

    @Test
    void regressionWorksWithTrainValidationSplitAndTheRegressionEvaluator() {
        SplittableRandom r = new SplittableRandom(10);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double x = r.nextDouble(-1, 1);
            data.add(RowFactory.create(Vectors.dense(x), 2 * x + 1 + 0.05 * r.nextGaussian()));
        }
        Dataset<Row> df = TestSpark.session().createDataFrame(data, new StructType()
                .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType));
        SparkMlp mlp = new SparkMlp().setTask(SparkMlp.REGRESSION).setLayers(4)
                .setActivation("tanh").setOptimizer("adam(lr=0.05)").setSeed(1);
        ParamMap[] grid = new ParamGridBuilder().addGrid(mlp.epochs(), new int[] {0, 40})
                .build();
        RegressionEvaluator rmse = new RegressionEvaluator();
        TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(mlp)
                .setEstimatorParamMaps(grid).setEvaluator(rmse).setTrainRatio(0.75).setSeed(3)
                .fit(df);
        double[] m = tvs.validationMetrics();
        assertTrue(m[1] < m[0], Arrays.toString(m));
        SparkMlpModel best = (SparkMlpModel) tvs.bestModel();
        assertEquals(40, best.getEpochs());
        Dataset<Row> scored = best.transform(df);
        assertEquals(List.of("features", "label", "prediction"), List.of(scored.columns()));
        assertEquals(0, best.numClasses());
        assertTrue(rmse.evaluate(scored) < 0.3, "rmse " + rmse.evaluate(scored));
    }

    @Test
    void pipelineWithNewParametersRoundTrips(@TempDir Path dir) throws Exception {
        Dataset<Row> df = blobs(60, 3, 0.4, 11);
        SparkMlp mlp = small().setThresholds(0.2, 0.5, 0.3).setTol(1e-12).setRawPredictionCol("m");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {mlp});
        String estimatorPath = dir.resolve("pipeline").toString();
        pipeline.write().overwrite().save(estimatorPath);
        SparkMlp mlp2 = (SparkMlp) Pipeline.load(estimatorPath).getStages()[0];
        assertArrayEquals(mlp.getThresholds(), mlp2.getThresholds());
        assertEquals(1e-12, mlp2.getTol());
        assertEquals("m", mlp2.getRawPredictionCol());
        assertFalse(mlp2.isDefined(mlp2.initialWeights()));

        PipelineModel fitted = pipeline.fit(df);
        String modelPath = dir.resolve("model").toString();
        fitted.write().overwrite().save(modelPath);
        PipelineModel loaded = PipelineModel.load(modelPath);
        assertEquals(sorted(fitted.transform(df).select("m", "probability", "prediction")),
                sorted(loaded.transform(df).select("m", "probability", "prediction")));
        SparkMlpModel m = (SparkMlpModel) loaded.stages()[0];
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, m.getThresholds());
        assertArrayEquals(new int[] {4}, m.getLayers());
        assertArrayEquals(new int[] {2, 4, 3}, m.getFullLayers());
        assertEquals("adam(lr=0.05)", m.getOptimizer());
        assertEquals(((SparkMlpModel) fitted.stages()[0]).weights(), m.weights());

        // an estimator with starting weights keeps them
        Vector start = ((SparkMlpModel) fitted.stages()[0]).weights();
        String withStart = dir.resolve("start").toString();
        small().setInitialWeights(start).write().overwrite().save(withStart);
        assertEquals(start, SparkMlp.load(withStart).getInitialWeights());
    }

    private static Set<String> names(Param<?>[] params) {
        Set<String> s = new TreeSet<>();
        for (Param<?> p : params) {
            s.add(p.name());
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

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double[] e = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - max);
            s += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    private static double argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
