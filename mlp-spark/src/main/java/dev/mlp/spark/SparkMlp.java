package dev.mlp.spark;

import dev.mlp.api.Activation;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.Optimizer;
import dev.mlp.api.WeightInitializer;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML estimator that trains a multi-layer perceptron of this framework on a DataFrame
 * with a vector features column and a numeric label column, by synchronous data-parallel
 * gradient steps ({@link SparkTrainer}). Activations, loss, optimizer, batch strategy and
 * initializer are the framework's spec strings, so any plugin on the class path can be named.
 *
 * <p>Two tasks:
 * <ul>
 *   <li>{@code classification} (the default): labels are class indices {@code 0, 1, ..., k-1}
 *       (from {@code StringIndexer}, say); the number of classes comes from the label column's
 *       metadata, or else from its largest value. The output layer has one neuron per class,
 *       {@code softmax} with {@code cross-entropy} unless set otherwise; the model adds a
 *       probability vector column and the predicted index.</li>
 *   <li>{@code regression}: one output neuron, {@code identity} with {@code mse} unless set
 *       otherwise; the model adds the prediction.</li>
 * </ul>
 *
 * <p>Inputs are used as they are: scale them first with a Spark ML stage such as
 * {@code StandardScaler} or {@code MinMaxScaler} in the same {@code Pipeline}.
 *
 * <pre>{@code
 * SparkMlp mlp = new SparkMlp()
 *         .setLayers(64, 32)
 *         .setActivation("leaky-relu(alpha=0.05)")
 *         .setOptimizer("adam(lr=0.005)")
 *         .setBatch("mini-batch(size=256)")
 *         .setEpochs(20)
 *         .setSeed(7);
 * SparkMlpModel model = mlp.fit(training);
 * Dataset<Row> scored = model.transform(test);
 * }</pre>
 */
public final class SparkMlp extends Estimator<SparkMlpModel> implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    /** The classification task. */
    public static final String CLASSIFICATION = "classification";
    /** The regression task. */
    public static final String REGRESSION = "regression";

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> weightCol;
    private final Param<String> classWeight;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> task;
    private final IntArrayParam layers;
    private final Param<String> activation;
    private final Param<String> outputActivation;
    private final Param<String> loss;
    private final Param<String> optimizer;
    private final Param<String> batch;
    private final Param<String> initializer;
    private final IntParam epochs;
    private final LongParam seed;
    private final IntParam blockSize;
    private final IntParam aggregationDepth;

    /** An estimator with a random uid and default parameters. */
    public SparkMlp() {
        this(Identifiable$.MODULE$.randomUID("mlp"));
    }

    /**
     * @param uid the stage's unique id
     */
    public SparkMlp(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column, a vector");
        labelCol = new Param<>(this, "labelCol", "label column: a class index (classification)"
                + " or a number (regression)");
        weightCol = new Param<>(this, "weightCol", "sample weight column; empty for weight 1");
        classWeight = new Param<>(this, "classWeight", "class weights multiplying the sample "
                + "weights: 'balanced', or 'index=weight, ...' by class index; empty for none");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        probabilityCol = new Param<>(this, "probabilityCol",
                "class probabilities column name (classification)");
        task = new Param<>(this, "task", "classification or regression");
        layers = new IntArrayParam(this, "layers", "neurons of each hidden layer; the output "
                + "layer is added (one neuron per class, or one for regression)");
        activation = new Param<>(this, "activation", "activation spec of the hidden layers");
        outputActivation = new Param<>(this, "outputActivation", "activation spec of the output"
                + " layer; empty for softmax (classification) or identity (regression)");
        loss = new Param<>(this, "loss", "loss spec; empty for cross-entropy (classification) "
                + "or mse (regression)");
        optimizer = new Param<>(this, "optimizer", "optimizer spec, e.g. adam(lr=0.001)");
        batch = new Param<>(this, "batch", "batch strategy spec: full-batch, or "
                + "mini-batch(size=n) for steps on seeded samples of about n rows");
        initializer = new Param<>(this, "initializer", "weight initializer spec");
        epochs = new IntParam(this, "epochs", "number of epochs (>= 0)");
        seed = new LongParam(this, "seed", "seed of the initial weights and of the samples");
        blockSize = new IntParam(this, "blockSize", "rows per block on the executors (>= 1)");
        aggregationDepth = new IntParam(this, "aggregationDepth",
                "depth of the gradient treeAggregate (>= 1)");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(weightCol, "");
        setDefault(classWeight, "");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(task, CLASSIFICATION);
        setDefault(layers, new int[0]);
        setDefault(activation, "relu");
        setDefault(outputActivation, "");
        setDefault(loss, "");
        setDefault(optimizer, "adam(lr=0.01)");
        setDefault(batch, "full-batch");
        setDefault(initializer, "xavier");
        setDefault(epochs, 100);
        setDefault(seed, 42L);
        setDefault(blockSize, 256);
        setDefault(aggregationDepth, 2);
    }

    @Override
    public String uid() {
        return uid;
    }

    // ---- parameters (Spark ML finds them through these public methods) ----

    /** @return the features column parameter */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** @return the label column parameter */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** @return the weight column parameter */
    public Param<String> weightCol() {
        return weightCol;
    }

    /** @return the prediction column parameter */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** @return the probability column parameter */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** @return the task parameter */
    public Param<String> task() {
        return task;
    }

    /** @return the hidden layers parameter */
    public IntArrayParam layers() {
        return layers;
    }

    /** @return the hidden activation parameter */
    public Param<String> activation() {
        return activation;
    }

    /** @return the output activation parameter */
    public Param<String> outputActivation() {
        return outputActivation;
    }

    /** @return the loss parameter */
    public Param<String> loss() {
        return loss;
    }

    /** @return the optimizer parameter */
    public Param<String> optimizer() {
        return optimizer;
    }

    /** @return the batch strategy parameter */
    public Param<String> batch() {
        return batch;
    }

    /** @return the initializer parameter */
    public Param<String> initializer() {
        return initializer;
    }

    /** @return the epochs parameter */
    public IntParam epochs() {
        return epochs;
    }

    /** @return the seed parameter */
    public LongParam seed() {
        return seed;
    }

    /** @return the block size parameter */
    public IntParam blockSize() {
        return blockSize;
    }

    /** @return the aggregation depth parameter */
    public IntParam aggregationDepth() {
        return aggregationDepth;
    }

    // ---- setters; plugin specs are checked at once ----

    /**
     * @param value the features column
     * @return this
     */
    public SparkMlp setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the label column
     * @return this
     */
    public SparkMlp setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    /**
     * @param value the weight column, or empty for weight 1 for every row
     * @return this
     */
    public SparkMlp setWeightCol(String value) {
        set(weightCol, value);
        return this;
    }

    /** @return the class weight parameter */
    public Param<String> classWeight() {
        return classWeight;
    }

    /**
     * Weights the classes (see {@link dev.mlp.core.ClassWeights}): {@code "balanced"}, or
     * {@code "0=1, 1=3"} by class index; the weights multiply the sample weights.
     *
     * @param value the class weights, or empty for none
     * @return this
     */
    public SparkMlp setClassWeight(String value) {
        dev.mlp.core.ClassWeights.parse(value.isEmpty() ? "balanced" : value);
        set(classWeight, value);
        return this;
    }

    /**
     * @param value the prediction column
     * @return this
     */
    public SparkMlp setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column (classification)
     * @return this
     */
    public SparkMlp setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /**
     * @param value {@link #CLASSIFICATION} or {@link #REGRESSION}
     * @return this
     */
    public SparkMlp setTask(String value) {
        checkTask(value);
        set(task, value);
        return this;
    }

    /**
     * @param neurons neurons of each hidden layer, none for no hidden layer
     * @return this
     */
    public SparkMlp setLayers(int... neurons) {
        checkLayers(neurons);
        set(layers, neurons.clone());
        return this;
    }

    /**
     * @param spec activation spec of the hidden layers, for example {@code "relu"}
     * @return this
     */
    public SparkMlp setActivation(String spec) {
        registry().configure(PluginKind.ACTIVATION, Activation.class, spec);
        set(activation, spec);
        return this;
    }

    /**
     * @param spec activation spec of the output layer, or empty for the task's default
     * @return this
     */
    public SparkMlp setOutputActivation(String spec) {
        if (!spec.isEmpty()) {
            registry().configure(PluginKind.ACTIVATION, Activation.class, spec);
        }
        set(outputActivation, spec);
        return this;
    }

    /**
     * @param spec loss spec, or empty for the task's default
     * @return this
     */
    public SparkMlp setLoss(String spec) {
        if (!spec.isEmpty()) {
            registry().configure(PluginKind.LOSS, Loss.class, spec);
        }
        set(loss, spec);
        return this;
    }

    /**
     * @param spec optimizer spec, for example {@code "adam(lr=0.001)"}
     * @return this
     */
    public SparkMlp setOptimizer(String spec) {
        registry().configure(PluginKind.OPTIMIZER, Optimizer.class, spec);
        set(optimizer, spec);
        return this;
    }

    /**
     * @param spec batch strategy spec, for example {@code "full-batch"} or
     *             {@code "mini-batch(size=512)"}
     * @return this
     */
    public SparkMlp setBatch(String spec) {
        registry().configure(PluginKind.BATCH_STRATEGY, BatchStrategy.class, spec);
        set(batch, spec);
        return this;
    }

    /**
     * @param spec initializer spec, for example {@code "he"}
     * @return this
     */
    public SparkMlp setInitializer(String spec) {
        registry().configure(PluginKind.INITIALIZER, WeightInitializer.class, spec);
        set(initializer, spec);
        return this;
    }

    /**
     * @param value number of epochs, at least 0
     * @return this
     */
    public SparkMlp setEpochs(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + value);
        }
        set(epochs, value);
        return this;
    }

    /**
     * @param value the seed of the initial weights and the mini-batch samples
     * @return this
     */
    public SparkMlp setSeed(long value) {
        set(seed, value);
        return this;
    }

    /**
     * @param value rows per block on the executors, at least 1
     * @return this
     */
    public SparkMlp setBlockSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, found " + value);
        }
        set(blockSize, value);
        return this;
    }

    /**
     * @param value depth of the gradient aggregation tree, at least 1
     * @return this
     */
    public SparkMlp setAggregationDepth(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("aggregationDepth must be >= 1, found " + value);
        }
        set(aggregationDepth, value);
        return this;
    }

    // ---- Spark ML ----

    @Override
    public StructType transformSchema(StructType schema) {
        String t = getOrDefault(task);
        checkTask(t);
        Columns.requireVector(schema, getOrDefault(featuresCol), "features");
        Columns.requireNumeric(schema, getOrDefault(labelCol), "label");
        String w = getOrDefault(weightCol);
        if (!w.isEmpty()) {
            Columns.requireNumeric(schema, w, "weight");
        }
        return Columns.addOutputs(schema, t.equals(CLASSIFICATION),
                getOrDefault(predictionCol), getOrDefault(probabilityCol));
    }

    @Override
    public SparkMlpModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        PluginRegistry registry = registry();
        boolean classify = getOrDefault(task).equals(CLASSIFICATION);
        String features = getOrDefault(featuresCol);
        String label = getOrDefault(labelCol);
        String weight = getOrDefault(weightCol);
        int[] hidden = getOrDefault(layers);
        checkLayers(hidden);

        List<Row> first = dataset.select(features).takeAsList(1);
        if (first.isEmpty() || first.get(0).isNullAt(0)) {
            throw new IllegalArgumentException(first.isEmpty() ? "the training data has no rows"
                    : "the first row's features are null");
        }
        int inputs = ((Vector) first.get(0).get(0)).size();
        int outputs = classify ? classCount(dataset, label) : 1;

        List<Integer> neurons = new ArrayList<>();
        List<String> acts = new ArrayList<>();
        for (int h : hidden) {
            neurons.add(h);
            acts.add(getOrDefault(activation));
        }
        neurons.add(outputs);
        String outAct = getOrDefault(outputActivation);
        acts.add(outAct.isEmpty() ? (classify ? "softmax" : "identity") : outAct);
        String lossSpec = getOrDefault(loss);
        lossSpec = lossSpec.isEmpty() ? (classify ? "cross-entropy" : "mse") : lossSpec;
        NetworkSpec spec = new NetworkSpec(inputs, neurons, acts, lossSpec).resolve(registry);
        long s = (Long) getOrDefault(seed);
        String init = registry.configure(PluginKind.INITIALIZER, WeightInitializer.class,
                getOrDefault(initializer)).spec();
        SparkTrainer trainer = new SparkTrainer(spec, getOrDefault(optimizer),
                getOrDefault(batch), intValue(epochs), s, intValue(aggregationDepth),
                List.of());

        Network network = spec.network(registry);
        network.initialize(registry.initializer(init), Seeds.of(s).initialization());

        double[] perClass = classWeights(dataset, label, classify, outputs);
        JavaRDD<Sample> samples = samples(dataset, features, label, weight, inputs, outputs,
                classify, perClass);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(
                dataset.sparkSession().sparkContext());
        TrainingResult result;
        try (TrainingData data = TrainingData.of(samples, inputs, outputs,
                intValue(blockSize), !weight.isEmpty() || perClass != null)) {
            result = trainer.train(sc, network, data);
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put(PluginKind.OPTIMIZER.label(), trainer.optimizer());
        chosen.put(PluginKind.BATCH_STRATEGY.label(), trainer.batch());
        chosen.put(PluginKind.INITIALIZER.label(), init);
        SparkMlpModel model = new SparkMlpModel(uid, spec, network, chosen,
                intValue(epochs), s, result.epochLosses());
        copyValues(model, extractParamMap());
        return model.setParent(this);
    }

    @Override
    public SparkMlp copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * @return a reader for estimators saved with {@link #write()}
     */
    public static MLReader<SparkMlp> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * @param path where an estimator was saved
     * @return the estimator
     */
    public static SparkMlp load(String path) {
        return read().load(path);
    }

    private static int classCount(Dataset<?> dataset, String label) {
        Attribute a = Attribute.fromStructField(dataset.schema().apply(label));
        if (a instanceof NominalAttribute n && n.getNumValues().isDefined()) {
            return (Integer) n.getNumValues().get();
        }
        Row r = dataset.agg(functions.max(label), functions.min(label)).head();
        if (r.isNullAt(0)) {
            throw new IllegalArgumentException("the label column '" + label + "' has no values");
        }
        double max = ((Number) r.get(0)).doubleValue();
        double min = ((Number) r.get(1)).doubleValue();
        if (min < 0 || max != Math.rint(max) || max > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("classification labels in '" + label
                    + "' must be class indices 0, 1, 2, ..., found values from " + min + " to "
                    + max);
        }
        return Math.max(2, (int) max + 1);
    }

    /** The weight of each class, or {@code null} without class weights. */
    private double[] classWeights(Dataset<?> dataset, String label, boolean classify,
                                  int classes) {
        String spec = getOrDefault(classWeight);
        if (spec.isEmpty()) {
            return null;
        }
        if (!classify) {
            throw new IllegalArgumentException("classWeight weights classes; it needs task '"
                    + CLASSIFICATION + "'");
        }
        long[] count = new long[classes];
        for (Row r : dataset.groupBy(functions.col(label).cast("int")).count().collectAsList()) {
            if (!r.isNullAt(0) && r.getInt(0) >= 0 && r.getInt(0) < classes) {
                count[r.getInt(0)] = r.getLong(1);
            }
        }
        return dev.mlp.core.ClassWeights.parse(spec).resolve(count, List.of());
    }

    private static JavaRDD<Sample> samples(Dataset<?> dataset, String features, String label,
                                           String weight, int inputs, int outputs,
                                           boolean classify, double[] perClass) {
        Dataset<Row> rows = weight.isEmpty()
                ? dataset.select(functions.col(features), functions.col(label).cast("double"))
                : dataset.select(functions.col(features), functions.col(label).cast("double"),
                        functions.col(weight).cast("double"));
        boolean weighted = !weight.isEmpty();
        return rows.toJavaRDD().map(row -> {
            if (row.isNullAt(0) || row.isNullAt(1) || (weighted && row.isNullAt(2))) {
                throw new IllegalArgumentException("row " + row + ": features, label and weight"
                        + " must not be null");
            }
            double[] x = ((Vector) row.get(0)).toArray();
            if (x.length != inputs) {
                throw new IllegalArgumentException("row " + row + ": the features must have "
                        + inputs + " values like the first row, found " + x.length);
            }
            double y = row.getDouble(1);
            double[] target = new double[outputs];
            if (classify) {
                if (y < 0 || y >= outputs || y != Math.rint(y)) {
                    throw new IllegalArgumentException("row " + row + ": the label must be a"
                            + " class index 0 to " + (outputs - 1) + ", found " + y);
                }
                target[(int) y] = 1;
            } else {
                target[0] = y;
            }
            double w = weighted ? row.getDouble(2) : 1.0;
            return new Sample(x, target, perClass == null ? w : w * perClass[(int) y]);
        });
    }

    private int intValue(IntParam p) {
        return (Integer) getOrDefault(p);
    }

    private static PluginRegistry registry() {
        return Mlp.standard().registry();
    }

    private static void checkTask(String t) {
        if (!CLASSIFICATION.equals(t) && !REGRESSION.equals(t)) {
            throw new IllegalArgumentException("task must be '" + CLASSIFICATION + "' or '"
                    + REGRESSION + "', found '" + t + "'");
        }
    }

    private static void checkLayers(int[] neurons) {
        for (int i = 0; i < neurons.length; i++) {
            if (neurons[i] < 1) {
                throw new IllegalArgumentException("hidden layer " + (i + 1)
                        + " must have >= 1 neurons, found " + neurons[i]);
            }
        }
    }
}
