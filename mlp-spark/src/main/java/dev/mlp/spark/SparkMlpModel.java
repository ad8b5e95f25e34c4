package dev.mlp.spark;

import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.network.Workspace;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
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
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A network trained by {@link SparkMlp}. For classification it adds, like Spark ML's
 * probabilistic classifiers, a {@code rawPrediction} vector (the output layer's pre-activations
 * shifted to mean 0), a {@code probability} vector (the network's outputs) and the predicted
 * class index as {@code prediction}, with nominal metadata naming the classes; for regression it
 * adds the {@code prediction}. It has every parameter of the estimator, set to the values it was
 * trained with ({@code getLayers()}, {@code getOptimizer()}, ...), and gives the trained network
 * to plain Java through {@link #toModel()}.
 *
 * <p>Saved and loaded with Spark ML persistence ({@link #write()}, {@link #read()}), also as a
 * stage of a saved {@code PipelineModel}.
 */
public final class SparkMlpModel extends Model<SparkMlpModel>
        implements SparkMlpParams, MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final NetworkSpec spec;
    private final double[] weights;
    private final Map<String, String> trainingSpecs;
    private final int epochs;
    private final long seed;
    private final List<Double> lossHistory;
    private final String[] classNames;
    private final ParamSet p;
    /** The fitted preprocessing of the raw input columns, or null for a features vector. */
    private StoredPreprocessing preprocessing;
    /** The counters of unseen categories, made by the first transform of raw columns. */
    private transient UnseenCategories unseen;

    /**
     * @param uid the stage's unique id
     * @param spec the network's shape and loss, canonical
     * @param network the trained network, copied
     * @param trainingSpecs the optimizer, batch strategy and initializer specs, by kind label
     * @param epochs the number of epochs asked for
     * @param seed the seed of the run
     * @param lossHistory the mean loss per epoch
     * @param classNames the class names from the label column's metadata, or null
     */
    SparkMlpModel(String uid, NetworkSpec spec, Network network, Map<String, String> trainingSpecs,
                  int epochs, long seed, List<Double> lossHistory, String[] classNames) {
        this(uid, spec, Flat.flatten(network.parameters()), trainingSpecs, epochs, seed,
                lossHistory, classNames);
        spec.checkShape(network);
    }

    private SparkMlpModel(String uid, NetworkSpec spec, double[] weights,
                          Map<String, String> trainingSpecs, int epochs, long seed,
                          List<Double> lossHistory, String[] classNames) {
        this.uid = uid;
        this.spec = spec;
        if (weights.length != spec.parameterCount()) {
            throw new IllegalArgumentException("a network of layer sizes "
                    + Arrays.toString(spec.sizes()) + " has " + spec.parameterCount()
                    + " parameters, found " + weights.length);
        }
        this.weights = weights;
        this.trainingSpecs = Map.copyOf(trainingSpecs);
        this.epochs = epochs;
        this.seed = seed;
        this.lossHistory = List.copyOf(lossHistory);
        this.classNames = classNames == null ? null : classNames.clone();
        this.p = new ParamSet(this);
    }

    /** Records the fitted preprocessing of the raw input columns (null for none). */
    SparkMlpModel withPreprocessing(StoredPreprocessing stored) {
        this.preprocessing = stored;
        return this;
    }

    /**
     * The preprocessing fitted on the raw input columns ({@code inputCols}): per column its
     * type, fitted encoder, fill value and indicator, the record a single-machine model file
     * stores and {@link #saveModel(java.nio.file.Path)} writes.
     *
     * @return the preprocessing, or {@code null} when the model takes a features vector
     */
    public dev.mlp.core.io.InputPreprocessing preprocessing() {
        return preprocessing == null ? null : preprocessing.toInput();
    }

    /** Records the layers the model has, in both forms. */
    SparkMlpModel withLayers(int[] hidden, int[] full) {
        set(p.layers, hidden.clone());
        set(p.fullLayers, full.clone());
        return this;
    }

    @Override
    public String uid() {
        return uid;
    }

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

    // ---- setters of what transform uses; the training parameters are read-only here ----

    /**
     * @param value the features column
     * @return this
     */
    public SparkMlpModel setFeaturesCol(String value) {
        set(p.featuresCol, value);
        return this;
    }

    /**
     * @param value the prediction column, or empty for none
     * @return this
     */
    public SparkMlpModel setPredictionCol(String value) {
        set(p.predictionCol, value);
        return this;
    }

    /**
     * @param value the raw prediction column (classification), or empty for none
     * @return this
     */
    public SparkMlpModel setRawPredictionCol(String value) {
        set(p.rawPredictionCol, value);
        return this;
    }

    /**
     * @param value the probability column (classification), or empty for none
     * @return this
     */
    public SparkMlpModel setProbabilityCol(String value) {
        set(p.probabilityCol, value);
        return this;
    }

    /**
     * @param values one threshold per class, each >= 0, at most one 0: the prediction is the
     *               class with the largest {@code probability / threshold}
     * @return this
     */
    public SparkMlpModel setThresholds(double... values) {
        ParamSet.checkThresholds(values);
        if (isClassifier() && values.length != spec.outputs()) {
            throw new IllegalArgumentException("thresholds must have one value per class, "
                    + spec.outputs() + ", found " + values.length);
        }
        set(p.thresholds, values.clone());
        return this;
    }

    /** @return the number of classes (the output layer's size); 0 for a regression model */
    public int numClasses() {
        return isClassifier() ? spec.outputs() : 0;
    }

    /** @return the number of features the model takes */
    public int numFeatures() {
        return spec.inputs();
    }

    /**
     * @return the trained weights, layer by layer: the weights row-major
     *         ({@code inputs x neurons}), then the biases; the layout {@code initialWeights}
     *         takes
     */
    public Vector weights() {
        return Vectors.dense(weights.clone());
    }

    /**
     * @return the class names from the training label column's nominal metadata, index by
     *         index; empty if it had none
     */
    public List<String> classNames() {
        return classNames == null ? List.of() : List.of(classNames);
    }

    /** @return the network's shape and loss as canonical spec strings */
    public NetworkSpec networkSpec() {
        return spec;
    }

    /** @return the optimizer, batch strategy and initializer specs the model was trained with */
    public Map<String, String> trainingSpecs() {
        return trainingSpecs;
    }

    /** @return the mean training loss of each epoch */
    public List<Double> lossHistory() {
        return lossHistory;
    }

    /**
     * @return a new network with the trained parameters, built with the plugins on this JVM's
     *         class path
     */
    public Network network() {
        Network n = spec.network();
        Flat.copyInto(weights, n.parameters());
        return n;
    }

    /**
     * The trained network as a plain framework model: same layers, loss, optimizer, batch
     * strategy, initializer, epochs and seed, and the trained parameters as its weights. It
     * predicts exactly what {@link #transform} does, and needs no Spark.
     *
     * <p>{@link #saveModel(java.nio.file.Path)} writes it in the framework's model file format,
     * which a plain Java application loads with {@code ModelFile.load} and no Spark; a model
     * trained on raw columns ({@code inputCols}) writes its fitted preprocessing and the raw
     * column names with it, so {@code mlp predict} takes the raw CSV columns. The
     * returned model has no scalers (scaling is a Spark ML stage of its own); a classifier's
     * classes are named by their label index, {@code "0"}, {@code "1"}, ...
     *
     * @return a new model
     */
    public dev.mlp.core.Model toModel() {
        Mlp.Builder b = Mlp.builder().inputs(spec.inputs());
        for (int l = 0; l < spec.layerCount(); l++) {
            b.layer(spec.neurons().get(l), spec.activations().get(l));
        }
        b.loss(spec.loss());
        String opt = trainingSpecs.get(PluginKind.OPTIMIZER.label());
        String batch = trainingSpecs.get(PluginKind.BATCH_STRATEGY.label());
        String init = trainingSpecs.get(PluginKind.INITIALIZER.label());
        if (opt != null) {
            b.optimizer(opt);
        }
        if (batch != null) {
            b.batch(batch);
        }
        if (init != null) {
            b.initializer(init);
        }
        b.epochs(epochs).seed(seed);
        int[] sizes = spec.sizes();
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            double[][] w = new double[sizes[l - 1]][sizes[l]];
            for (int i = 0; i < sizes[l - 1]; i++) {
                System.arraycopy(weights, at, w[i], 0, sizes[l]);
                at += sizes[l];
            }
            double[] bias = new double[sizes[l]];
            System.arraycopy(weights, at, bias, 0, sizes[l]);
            at += sizes[l];
            b.weights(l, w).biases(l, bias);
        }
        dev.mlp.core.Model model = b.build();
        if (isClassifier()) {
            int classes = sizes[sizes.length - 1];
            List<String> names = new java.util.ArrayList<>();
            for (int c = 0; c < Math.max(classes, 2); c++) {
                names.add(Integer.toString(c));
            }
            model.classNames(names);
        }
        return model;
    }

    /**
     * Saves the trained network in the framework's own model file format (see
     * {@code dev.mlp.core.io.ModelFile}): the same file a single-machine run writes, loaded by a
     * plain Java application with no Spark on its class path. The file is written to a
     * temporary file and moved into place.
     *
     * @param file the model file to write, on the driver's file system
     * @throws java.io.IOException if it cannot be written
     */
    public void saveModel(java.nio.file.Path file) throws java.io.IOException {
        if (preprocessing == null) {
            dev.mlp.core.io.ModelFile.save(toModel(), file);
            return;
        }
        dev.mlp.core.io.ModelFile.save(toModel(), file, dev.mlp.core.io.ModelMetadata
                .columns(preprocessing.columnNames(), List.of(getLabelCol()))
                .withPreprocessing(preprocessing.toInput()));
    }

    /**
     * Runs one sample through the network.
     *
     * @param features the inputs
     * @return the network's outputs (class probabilities, or the regression value)
     */
    public double[] predict(double[] features) {
        return new Predictor(spec, weights).outputs(features);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (preprocessing != null) {
            new TableEncoding(preprocessing).check(schema);
        } else {
            Columns.requireVector(schema, getFeaturesCol(), "features");
        }
        if (!isClassifier()) {
            return Columns.addPrediction(schema, getPredictionCol());
        }
        thresholdsOrNull();
        return Columns.addClassifierOutputs(schema, getRawPredictionCol(), getProbabilityCol(),
                getPredictionCol(), spec.outputs(), classNames);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Predictor predictor = new Predictor(spec, weights);
        String prediction = getPredictionCol();
        Dataset<Row> out = dataset.toDF();
        if (preprocessing != null) {
            String encoded = freeName(out, "mlp_features");
            out = new TableEncoding(preprocessing, unseenCounters(dataset))
                    .withFeatures(out, encoded);
            return score(out, functions.col(encoded), predictor, prediction).drop(encoded);
        }
        return score(out, functions.col(getFeaturesCol()), predictor, prediction);
    }

    private synchronized UnseenCategories unseenCounters(Dataset<?> dataset) {
        if (unseen == null) {
            List<String> names = preprocessing.columnNames();
            boolean[] categorical = preprocessing.categorical();
            List<String> columns = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (categorical[j]) {
                    columns.add(names.get(j));
                }
            }
            unseen = UnseenCategories.register(dataset.sparkSession().sparkContext(), columns);
        }
        return unseen;
    }

    /**
     * The cells of raw categorical columns whose category training never saw, as counted while
     * the executors computed the outputs of this model's {@link #transform}: such a cell is
     * encoded neutrally when the encoder's policy is {@code unseen=ignore} (the default), and
     * each stage that met any logs one warning with the count per column. An action that
     * computes a transformed dataset again counts its rows again.
     *
     * @return the count per categorical raw column, in column order; empty for a model that
     *         takes a features vector or before the first transform
     */
    public Map<String, Long> unseenCategories() {
        UnseenCategories u;
        synchronized (this) {
            u = unseen;
        }
        return u == null ? Map.of() : u.counts();
    }

    /** Adds the output columns computed from a features column. */
    private Dataset<Row> score(Dataset<Row> out, Column features, Predictor predictor,
                               String prediction) {
        if (!isClassifier()) {
            if (!prediction.isEmpty()) {
                UserDefinedFunction value = functions.udf((UDF1<Vector, Double>) v ->
                        predictor.outputs(v.toArray())[0], DataTypes.DoubleType);
                out = out.withColumn(prediction, value.apply(features));
            }
            return out;
        }
        String raw = getRawPredictionCol();
        String probability = getProbabilityCol();
        if (raw.isEmpty() && probability.isEmpty() && prediction.isEmpty()) {
            return out;
        }
        int k = spec.outputs();
        // one forward pass per row gives both vectors; the columns are taken from its struct
        StructType scoreType = new StructType()
                .add("raw", SQLDataTypes.VectorType(), false)
                .add("probability", SQLDataTypes.VectorType(), false);
        UserDefinedFunction scoreUdf = functions.udf((UDF1<Vector, Row>) v -> {
            double[][] s = predictor.scores(v.toArray());
            return RowFactory.create(Vectors.dense(s[0]), Vectors.dense(s[1]));
        }, scoreType);
        String scores = freeName(out, "mlp_scores");
        out = out.withColumn(scores, scoreUdf.apply(features));
        Column probs = functions.col(scores).getField("probability");
        if (!raw.isEmpty()) {
            out = out.withColumn(raw, functions.col(scores).getField("raw")
                    .as(raw, Columns.vectorMetadata(raw, k)));
        }
        if (!probability.isEmpty()) {
            out = out.withColumn(probability, probs.as(probability,
                    Columns.vectorMetadata(probability, k)));
        }
        if (!prediction.isEmpty()) {
            double[] t = thresholdsOrNull();
            UserDefinedFunction choose = functions.udf((UDF1<Vector, Double>) v ->
                    (double) predictClass(v.toArray(), t), DataTypes.DoubleType);
            out = out.withColumn(prediction, choose.apply(probs).as(prediction,
                    Columns.classMetadata(prediction, k, classNames)));
        }
        return out.drop(scores);
    }

    /**
     * The class a probability vector predicts: the largest {@code probability / threshold},
     * the first on ties; a threshold of 0 makes {@code p / 0} infinite for {@code p > 0} (that
     * class wins whenever it is possible) and undefined for {@code p == 0} (it never wins).
     * Without thresholds, the most probable class.
     *
     * @param probability the class probabilities
     * @param thresholds one per class, or null
     * @return the class index
     */
    static int predictClass(double[] probability, double[] thresholds) {
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < probability.length; c++) {
            double score = thresholds == null ? probability[c] : probability[c] / thresholds[c];
            if (score > max) {
                max = score;
                best = c;
            }
        }
        return best;
    }

    private double[] thresholdsOrNull() {
        if (!isDefined(p.thresholds)) {
            return null;
        }
        double[] t = getThresholds();
        if (t.length != spec.outputs()) {
            throw new IllegalArgumentException("thresholds must have one value per class, "
                    + spec.outputs() + ", found " + t.length);
        }
        return t;
    }

    private static String freeName(Dataset<Row> df, String base) {
        return Columns.freeName(df.columns(), base);
    }

    @Override
    public SparkMlpModel copy(ParamMap extra) {
        SparkMlpModel m = new SparkMlpModel(uid, spec, weights, trainingSpecs, epochs, seed,
                lossHistory, classNames).withPreprocessing(preprocessing);
        return copyValues(m, extra).setParent(parent());
    }

    private boolean isClassifier() {
        return SparkMlp.CLASSIFICATION.equals(getTask());
    }

    /**
     * Runs samples through the network on the executors; the network is built from the specs
     * on first use, with the plugins of the executor's class path.
     */
    private static final class Predictor implements Serializable {
        private static final long serialVersionUID = 1L;
        private final NetworkSpec spec;
        private final double[] weights;
        private transient volatile Network network;

        Predictor(NetworkSpec spec, double[] weights) {
            this.spec = spec;
            this.weights = weights;
        }

        private Network network() {
            Network n = network;
            if (n == null) {
                n = spec.network();
                Flat.copyInto(weights, n.parameters());
                network = n;
            }
            return n;
        }

        double[] outputs(double[] x) {
            return network().predict(x);
        }

        /**
         * @return the output layer's pre-activations minus their mean, and the outputs
         */
        double[][] scores(double[] x) {
            Network n = network();
            if (x.length != n.inputSize()) {
                throw new IllegalArgumentException("the features must have " + n.inputSize()
                        + " values, found " + x.length);
            }
            Workspace ws = new Workspace(n, 1, 1);
            double[] a = n.forward(ws, x, 1).clone();
            double[] z = ws.preActivations(n.layerCount()).clone();
            double mean = 0;
            for (double v : z) {
                mean += v;
            }
            mean /= z.length;
            for (int i = 0; i < z.length; i++) {
                z[i] -= mean;
            }
            return new double[][] {z, a};
        }
    }

    // ---- persistence ----

    private static final String DATA_SCHEMA = "inputs INT, neurons ARRAY<INT>, "
            + "activations ARRAY<STRING>, loss STRING, weights ARRAY<DOUBLE>, "
            + "trainingSpecs MAP<STRING, STRING>, epochs INT, seed BIGINT, "
            + "lossHistory ARRAY<DOUBLE>, classNames ARRAY<STRING>, preprocessing "
            + StoredPreprocessing.DDL;

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    @Override
    public void save(String path) throws java.io.IOException {
        write().save(path);
    }

    /**
     * @return a reader for models saved with {@link #write()}
     */
    public static MLReader<SparkMlpModel> read() {
        return new Reader();
    }

    /**
     * @param path where a model was saved
     * @return the model
     */
    public static SparkMlpModel load(String path) {
        return read().load(path);
    }

    /** Writes the parameters as Spark ML metadata and the network as one Parquet row. */
    private static final class Writer extends MLWriter {
        private final SparkMlpModel model;

        Writer(SparkMlpModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
            List<Double> w = new ArrayList<>(model.weights.length);
            for (double v : model.weights) {
                w.add(v);
            }
            NetworkSpec s = model.spec;
            Row row = RowFactory.create(s.inputs(), s.neurons(), s.activations(), s.loss(), w,
                    new LinkedHashMap<>(model.trainingSpecs), model.epochs, model.seed,
                    model.lossHistory,
                    model.classNames == null ? null : Arrays.asList(model.classNames),
                    model.preprocessing == null ? null : model.preprocessing.toRow());
            SparkSession spark = sparkSession();
            spark.createDataFrame(List.of(row), StructType.fromDDL(DATA_SCHEMA)).repartition(1)
                    .write().parquet(path + "/data");
        }
    }

    /** Reads what {@link Writer} wrote. */
    private static final class Reader extends MLReader<SparkMlpModel> {
        @Override
        public SparkMlpModel load(String path) {
            var metadata = DefaultParamsReader.loadMetadata(path, sc(),
                    SparkMlpModel.class.getName());
            Row row = sparkSession().read().parquet(path + "/data").head();
            NetworkSpec spec = new NetworkSpec(row.getInt(0), row.<Integer>getList(1),
                    row.<String>getList(2), row.getString(3));
            List<Double> w = row.getList(4);
            double[] weights = new double[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = w.get(i);
            }
            // models saved before class names were kept have no such column
            String[] names = null;
            if (Arrays.asList(row.schema().fieldNames()).contains("classNames")) {
                int at = row.fieldIndex("classNames");
                if (!row.isNullAt(at)) {
                    names = row.<String>getList(at).toArray(new String[0]);
                }
            }
            SparkMlpModel model = new SparkMlpModel(metadata.uid(), spec, weights,
                    row.<String, String>getJavaMap(5), row.getInt(6), row.getLong(7),
                    row.<Double>getList(8), names);
            // nor has a model saved before raw input columns were taken
            if (Arrays.asList(row.schema().fieldNames()).contains("preprocessing")) {
                int at = row.fieldIndex("preprocessing");
                if (!row.isNullAt(at)) {
                    model.withPreprocessing(StoredPreprocessing.fromRow(row.getStruct(at)));
                }
            }
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }
}
