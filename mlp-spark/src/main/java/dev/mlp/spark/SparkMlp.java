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
import dev.mlp.core.train.Precision;
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
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
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
 *       {@code softmax} with {@code cross-entropy} unless set otherwise; the model adds the
 *       columns of Spark ML's probabilistic classifiers: {@code rawPrediction},
 *       {@code probability} and {@code prediction} (the class index, with nominal metadata).</li>
 *   <li>{@code regression}: one output neuron, {@code identity} with {@code mse} unless set
 *       otherwise; the model adds the prediction.</li>
 * </ul>
 *
 * <p>The hidden layers are {@code layers}; {@code fullLayers} takes
 * {@code MultilayerPerceptronClassifier}'s form instead (features, hidden layers, classes), and
 * setting both is refused. {@code tol} stops training once the epoch loss settles,
 * {@code initialWeights} replaces the initializer. Every parameter has a typed getter
 * ({@link SparkMlpParams}) and setter, and the fitted model carries every value.
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
public final class SparkMlp extends Estimator<SparkMlpModel>
        implements SparkMlpParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    /** The classification task. */
    public static final String CLASSIFICATION = "classification";
    /** The regression task. */
    public static final String REGRESSION = "regression";

    private final String uid;
    private final ParamSet p;

    /** An estimator with a random uid and default parameters. */
    public SparkMlp() {
        this(Identifiable$.MODULE$.randomUID("mlp"));
    }

    /**
     * @param uid the stage's unique id
     */
    public SparkMlp(String uid) {
        this.uid = uid;
        this.p = new ParamSet(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    // ---- parameters (Spark ML finds them through these public methods) ----

    @Override
    public Param<String> featuresCol() {
        return p.featuresCol;
    }

    @Override
    public Param<String> labelCol() {
        return p.labelCol;
    }

    @Override
    public Param<String> weightCol() {
        return p.weightCol;
    }

    @Override
    public Param<String> classWeight() {
        return p.classWeight;
    }

    @Override
    public Param<String> predictionCol() {
        return p.predictionCol;
    }

    @Override
    public Param<String> rawPredictionCol() {
        return p.rawPredictionCol;
    }

    @Override
    public Param<String> probabilityCol() {
        return p.probabilityCol;
    }

    @Override
    public DoubleArrayParam thresholds() {
        return p.thresholds;
    }

    @Override
    public Param<String> task() {
        return p.task;
    }

    @Override
    public IntArrayParam layers() {
        return p.layers;
    }

    @Override
    public IntArrayParam fullLayers() {
        return p.fullLayers;
    }

    @Override
    public Param<String> activation() {
        return p.activation;
    }

    @Override
    public Param<String> outputActivation() {
        return p.outputActivation;
    }

    @Override
    public Param<String> loss() {
        return p.loss;
    }

    @Override
    public Param<String> optimizer() {
        return p.optimizer;
    }

    @Override
    public Param<String> batch() {
        return p.batch;
    }

    @Override
    public Param<String> initializer() {
        return p.initializer;
    }

    @Override
    public IntParam epochs() {
        return p.epochs;
    }

    @Override
    public LongParam seed() {
        return p.seed;
    }

    @Override
    public DoubleParam tol() {
        return p.tol;
    }

    @Override
    public Param<Vector> initialWeights() {
        return p.initialWeights;
    }

    @Override
    public IntParam blockSize() {
        return p.blockSize;
    }

    @Override
    public IntParam aggregationDepth() {
        return p.aggregationDepth;
    }

    @Override
    public StringArrayParam inputCols() {
        return p.inputCols;
    }

    @Override
    public StringArrayParam categoricalCols() {
        return p.categoricalCols;
    }

    @Override
    public Param<String> encoder() {
        return p.encoder;
    }

    @Override
    public Param<String> numericImputation() {
        return p.numericImputation;
    }

    @Override
    public Param<String> categoricalImputation() {
        return p.categoricalImputation;
    }

    @Override
    public BooleanParam missingIndicators() {
        return p.missingIndicators;
    }

    @Override
    public StringArrayParam missingValues() {
        return p.missingValues;
    }

    @Override
    public Param<String> precision() {
        return p.precision;
    }

    // ---- setters; plugin specs are checked at once ----

    /**
     * @param value the features column
     * @return this
     */
    public SparkMlp setFeaturesCol(String value) {
        set(p.featuresCol, value);
        return this;
    }

    /**
     * @param value the label column
     * @return this
     */
    public SparkMlp setLabelCol(String value) {
        set(p.labelCol, value);
        return this;
    }

    /**
     * @param value the weight column, or empty for weight 1 for every row
     * @return this
     */
    public SparkMlp setWeightCol(String value) {
        set(p.weightCol, value);
        return this;
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
        set(p.classWeight, value);
        return this;
    }

    /**
     * @param value the prediction column
     * @return this
     */
    public SparkMlp setPredictionCol(String value) {
        set(p.predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column (classification)
     * @return this
     */
    public SparkMlp setProbabilityCol(String value) {
        set(p.probabilityCol, value);
        return this;
    }

    /**
     * @param value the raw prediction column (classification), or empty for none
     * @return this
     */
    public SparkMlp setRawPredictionCol(String value) {
        set(p.rawPredictionCol, value);
        return this;
    }

    /**
     * @param values one threshold per class, each >= 0, at most one 0: the model predicts the
     *               class with the largest {@code probability / threshold}
     * @return this
     */
    public SparkMlp setThresholds(double... values) {
        ParamSet.checkThresholds(values);
        set(p.thresholds, values.clone());
        return this;
    }

    /**
     * @param value {@link #CLASSIFICATION} or {@link #REGRESSION}
     * @return this
     */
    public SparkMlp setTask(String value) {
        ParamSet.checkTask(value);
        set(p.task, value);
        return this;
    }

    /**
     * @param neurons neurons of each hidden layer, none for no hidden layer
     * @return this
     */
    public SparkMlp setLayers(int... neurons) {
        ParamSet.checkLayers(neurons);
        set(p.layers, neurons.clone());
        return this;
    }

    /**
     * The layers in {@code MultilayerPerceptronClassifier}'s form: the number of features, each
     * hidden layer, the number of classes (1 for regression). Use this or
     * {@link #setLayers(int...)}, not both; {@code fit} checks the first and last size against
     * the data.
     *
     * @param sizes all layer sizes, at least 2, or none to use {@code layers}
     * @return this
     */
    public SparkMlp setFullLayers(int... sizes) {
        ParamSet.checkFullLayers(sizes);
        set(p.fullLayers, sizes.clone());
        return this;
    }

    /**
     * @param spec activation spec of the hidden layers, for example {@code "relu"}
     * @return this
     */
    public SparkMlp setActivation(String spec) {
        registry().configure(PluginKind.ACTIVATION, Activation.class, spec);
        set(p.activation, spec);
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
        set(p.outputActivation, spec);
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
        set(p.loss, spec);
        return this;
    }

    /**
     * @param spec optimizer spec, for example {@code "adam(lr=0.001)"}
     * @return this
     */
    public SparkMlp setOptimizer(String spec) {
        registry().configure(PluginKind.OPTIMIZER, Optimizer.class, spec);
        set(p.optimizer, spec);
        return this;
    }

    /**
     * @param spec batch strategy spec, for example {@code "full-batch"} or
     *             {@code "mini-batch(size=512)"}
     * @return this
     */
    public SparkMlp setBatch(String spec) {
        registry().configure(PluginKind.BATCH_STRATEGY, BatchStrategy.class, spec);
        set(p.batch, spec);
        return this;
    }

    /**
     * @param spec initializer spec, for example {@code "he"}
     * @return this
     */
    public SparkMlp setInitializer(String spec) {
        registry().configure(PluginKind.INITIALIZER, WeightInitializer.class, spec);
        set(p.initializer, spec);
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
        set(p.epochs, value);
        return this;
    }

    /**
     * @param value the seed of the initial weights and the mini-batch samples
     * @return this
     */
    public SparkMlp setSeed(long value) {
        set(p.seed, value);
        return this;
    }

    /**
     * @param value training stops after an epoch whose mean loss differs from the previous
     *              epoch's by less than {@code value * max(1, |previous|)}; 0 (the default)
     *              trains every epoch
     * @return this
     */
    public SparkMlp setTol(double value) {
        ParamSet.checkTol(value);
        set(p.tol, value);
        return this;
    }

    /**
     * @param value the starting weights instead of the initializer's, layer by layer: the
     *              weights row-major ({@code inputs x neurons}), then the biases, as
     *              {@link SparkMlpModel#weights()} gives them; {@code fit} checks the length
     * @return this
     */
    public SparkMlp setInitialWeights(Vector value) {
        java.util.Objects.requireNonNull(value, "initialWeights");
        set(p.initialWeights, value);
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
        set(p.blockSize, value);
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
        set(p.aggregationDepth, value);
        return this;
    }

    /**
     * Trains on raw columns instead of the features vector: numeric columns and string columns
     * (categories), encoded and imputed as {@code mlp train} does with a CSV file's columns; the
     * fitted model takes the same raw columns and stores the fitted preprocessing.
     *
     * @param columns the raw feature columns, in input order; none to use {@code featuresCol}
     * @return this
     */
    public SparkMlp setInputCols(String... columns) {
        set(p.inputCols, columns.clone());
        return this;
    }

    /**
     * @param columns input columns to treat as categorical although numeric (codes); string
     *                columns are categorical anyway
     * @return this
     */
    public SparkMlp setCategoricalCols(String... columns) {
        set(p.categoricalCols, columns.clone());
        return this;
    }

    /**
     * @param spec the encoder of categorical input columns, for example {@code "one-hot"} (the
     *             default), {@code "one-hot(unseen=error)"} or {@code "ordinal"}
     * @return this
     */
    public SparkMlp setEncoder(String spec) {
        registry().configure(PluginKind.ENCODER, dev.mlp.api.Encoder.class, spec);
        set(p.encoder, spec);
        return this;
    }

    /**
     * @param spec what a missing numeric cell (null or NaN) becomes: {@code mean} (the
     *             default), {@code median}, {@code most-frequent} or {@code constant(v)}
     * @return this
     */
    public SparkMlp setNumericImputation(String spec) {
        dev.mlp.data.Imputation.parse(spec);
        set(p.numericImputation, spec);
        return this;
    }

    /**
     * @param spec what a missing categorical cell becomes: {@code most-frequent} (the default)
     *             or {@code constant(v)}
     * @return this
     */
    public SparkMlp setCategoricalImputation(String spec) {
        if (!dev.mlp.data.Imputation.parse(spec).forCategories()) {
            throw new IllegalArgumentException("categorical columns are imputed with "
                    + "most-frequent or constant(v), found " + spec);
        }
        set(p.categoricalImputation, spec);
        return this;
    }

    /**
     * @param value whether each input column with missing training cells gets an input that is
     *              1 where the cell is missing (default false)
     * @return this
     */
    public SparkMlp setMissingIndicators(boolean value) {
        set(p.missingIndicators, value);
        return this;
    }

    /**
     * @param texts the texts of string cells that count as missing, besides null; by default
     *              those of {@code mlp train}: empty, {@code NA}, {@code NaN}, {@code ?},
     *              {@code null}
     * @return this
     */
    public SparkMlp setMissingValues(String... texts) {
        set(p.missingValues, texts.clone());
        return this;
    }

    /**
     * The precision of the matrix products of training on the executors, as the single-machine
     * builder's {@code precision(...)}: {@code float64} (the default) multiplies in
     * {@code double}; {@code float32} multiplies in {@code float} while the weights, their
     * updates and every element-wise step stay in {@code double}. The fitted model predicts in
     * {@code double} either way.
     *
     * @param value {@code float64} or {@code float32} (any case)
     * @return this
     * @throws IllegalArgumentException naming the known precisions if it is neither
     */
    public SparkMlp setPrecision(String value) {
        set(p.precision, Precision.parse(value).label());
        return this;
    }

    // ---- Spark ML ----

    @Override
    public StructType transformSchema(StructType schema) {
        String t = getTask();
        ParamSet.checkTask(t);
        if (getInputCols().length > 0) {
            tableFit().check(schema);
        } else {
            Columns.requireVector(schema, getFeaturesCol(), "features");
        }
        Columns.requireNumeric(schema, getLabelCol(), "label");
        String w = getWeightCol();
        if (!w.isEmpty()) {
            Columns.requireNumeric(schema, w, "weight");
        }
        if (isSet(p.layers) && getFullLayers().length > 0) {
            throw new IllegalArgumentException("set either layers (hidden layers only), now "
                    + java.util.Arrays.toString(getLayers()) + ", or fullLayers (all layers, "
                    + "as MultilayerPerceptronClassifier's layers), now "
                    + java.util.Arrays.toString(getFullLayers()) + ", not both; clear one with "
                    + "clear(layers()) or clear(fullLayers())");
        }
        return t.equals(CLASSIFICATION)
                ? Columns.addClassifierOutputs(schema, getRawPredictionCol(),
                        getProbabilityCol(), getPredictionCol(), 0, null)
                : Columns.addPrediction(schema, getPredictionCol());
    }

    @Override
    public SparkMlpModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        PluginRegistry registry = registry();
        boolean classify = getTask().equals(CLASSIFICATION);
        String features = getFeaturesCol();
        String label = getLabelCol();
        String weight = getWeightCol();
        StoredPreprocessing preprocessing = null;
        if (getInputCols().length > 0) {
            preprocessing = StoredPreprocessing.of(tableFit().fit(dataset, registry));
            features = Columns.freeName(dataset.columns(), "mlp_features");
            dataset = new TableEncoding(preprocessing).withFeatures(dataset, features);
        }

        List<Row> first = dataset.select(features).takeAsList(1);
        if (first.isEmpty() || first.get(0).isNullAt(0)) {
            throw new IllegalArgumentException(first.isEmpty() ? "the training data has no rows"
                    : "the first row's features are null");
        }
        int inputs = ((Vector) first.get(0).get(0)).size();
        String[] classNames = classify ? classNames(dataset, label) : null;
        int outputs = classify ? classCount(dataset, label, classNames) : 1;
        int[] hidden = hiddenLayers(inputs, outputs, classify);
        if (classify && isDefined(p.thresholds) && getThresholds().length != outputs) {
            throw new IllegalArgumentException("thresholds must have one value per class, "
                    + outputs + ", found " + getThresholds().length);
        }

        List<Integer> neurons = new ArrayList<>();
        List<String> acts = new ArrayList<>();
        for (int h : hidden) {
            neurons.add(h);
            acts.add(getActivation());
        }
        neurons.add(outputs);
        String outAct = getOutputActivation();
        acts.add(outAct.isEmpty() ? (classify ? "softmax" : "identity") : outAct);
        String lossSpec = getLoss();
        lossSpec = lossSpec.isEmpty() ? (classify ? "cross-entropy" : "mse") : lossSpec;
        NetworkSpec spec = new NetworkSpec(inputs, neurons, acts, lossSpec).resolve(registry);
        long s = getSeed();
        String init = registry.configure(PluginKind.INITIALIZER, WeightInitializer.class,
                getInitializer()).spec();
        double tolerance = getTol();
        SparkTrainer trainer = new SparkTrainer(spec, getOptimizer(), getBatch(), getEpochs(), s,
                getAggregationDepth(),
                tolerance > 0 ? List.of(new LossTolerance(tolerance)) : List.of(),
                Precision.parse(getPrecision()));

        Network network = spec.network(registry);
        if (isDefined(p.initialWeights)) {
            Flat.copyInto(initialWeights(spec, getInitialWeights()), network.parameters());
        } else {
            network.initialize(registry.initializer(init), Seeds.of(s).initialization());
        }

        double[] perClass = classWeights(dataset, label, classify, outputs);
        JavaRDD<Sample> samples = samples(dataset, features, label, weight, inputs, outputs,
                classify, perClass);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(
                dataset.sparkSession().sparkContext());
        TrainingResult result;
        try (TrainingData data = TrainingData.of(samples, inputs, outputs, getBlockSize(),
                !weight.isEmpty() || perClass != null)) {
            result = trainer.train(sc, network, data);
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put(PluginKind.OPTIMIZER.label(), trainer.optimizer());
        chosen.put(PluginKind.BATCH_STRATEGY.label(), trainer.batch());
        chosen.put(PluginKind.INITIALIZER.label(), init);
        SparkMlpModel model = new SparkMlpModel(uid, spec, network, chosen, getEpochs(), s,
                result.epochLosses(), classNames);
        copyValues(model, extractParamMap());
        return model.withLayers(hidden, spec.sizes()).withPreprocessing(preprocessing)
                .setParent(this);
    }

    /**
     * The hidden layers from {@code layers}, or from {@code fullLayers} once its first and last
     * sizes are checked against the data.
     */
    private int[] hiddenLayers(int inputs, int outputs, boolean classify) {
        int[] full = getFullLayers();
        if (full.length == 0) {
            int[] hidden = getLayers();
            ParamSet.checkLayers(hidden);
            return hidden;
        }
        ParamSet.checkFullLayers(full);
        String what = classify ? "the number of classes" : "1 for regression";
        if (full[0] != inputs || full[full.length - 1] != outputs) {
            throw new IllegalArgumentException("fullLayers " + java.util.Arrays.toString(full)
                    + " must start with the number of features, " + inputs + ", and end with "
                    + what + ", " + outputs + " (for hidden layers only, use layers)");
        }
        return java.util.Arrays.copyOfRange(full, 1, full.length - 1);
    }

    private static double[] initialWeights(NetworkSpec spec, Vector v) {
        if (v.size() != spec.parameterCount()) {
            throw new IllegalArgumentException("initialWeights must have "
                    + spec.parameterCount() + " values for layer sizes "
                    + java.util.Arrays.toString(spec.sizes()) + " (each layer's weights, "
                    + "row-major inputs x neurons, then its biases), found " + v.size());
        }
        double[] w = v.toArray();
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("initialWeights must be finite, found "
                        + w[i] + " at index " + i);
            }
        }
        return w;
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

    /** @return the class names of the label column's nominal metadata, or null if it has none */
    private static String[] classNames(Dataset<?> dataset, String label) {
        Attribute a = Attribute.fromStructField(dataset.schema().apply(label));
        if (a instanceof NominalAttribute n && n.values().isDefined()) {
            return n.values().get().clone();
        }
        return null;
    }

    private static int classCount(Dataset<?> dataset, String label, String[] names) {
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
        String spec = getClassWeight();
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

    private TableFit tableFit() {
        return new TableFit(List.of(getInputCols()), new java.util.HashSet<>(List.of(getCategoricalCols())),
                getEncoder(), getNumericImputation(), getCategoricalImputation(),
                getMissingIndicators(), List.of(getMissingValues()));
    }

    private static PluginRegistry registry() {
        return Mlp.standard().registry();
    }
}
