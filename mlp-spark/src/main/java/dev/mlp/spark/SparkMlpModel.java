package dev.mlp.spark;

import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.api.spi.PluginKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
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
 * A network trained by {@link SparkMlp}: adds predictions to a DataFrame (a probability vector
 * and the most probable class index for classification; the value for regression), and gives
 * the trained network to plain Java through {@link #toModel()}.
 *
 * <p>Saved and loaded with Spark ML persistence ({@link #write()}, {@link #read()}), also as a
 * stage of a saved {@code PipelineModel}.
 */
public final class SparkMlpModel extends Model<SparkMlpModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final NetworkSpec spec;
    private final double[] weights;
    private final Map<String, String> trainingSpecs;
    private final int epochs;
    private final long seed;
    private final List<Double> lossHistory;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> task;

    /**
     * @param uid the stage's unique id
     * @param spec the network's shape and loss, canonical
     * @param network the trained network, copied
     * @param trainingSpecs the optimizer, batch strategy and initializer specs, by kind label
     * @param epochs the number of epochs trained
     * @param seed the seed of the run
     * @param lossHistory the mean loss per epoch
     */
    SparkMlpModel(String uid, NetworkSpec spec, Network network, Map<String, String> trainingSpecs,
                  int epochs, long seed, List<Double> lossHistory) {
        this(uid, spec, Flat.flatten(network.parameters()), trainingSpecs, epochs, seed,
                lossHistory);
        spec.checkShape(network);
    }

    private SparkMlpModel(String uid, NetworkSpec spec, double[] weights,
                          Map<String, String> trainingSpecs, int epochs, long seed,
                          List<Double> lossHistory) {
        this.uid = uid;
        this.spec = spec;
        if (weights.length != spec.parameterCount()) {
            throw new IllegalArgumentException("a network of layer sizes "
                    + java.util.Arrays.toString(spec.sizes()) + " has " + spec.parameterCount()
                    + " parameters, found " + weights.length);
        }
        this.weights = weights;
        this.trainingSpecs = Map.copyOf(trainingSpecs);
        this.epochs = epochs;
        this.seed = seed;
        this.lossHistory = List.copyOf(lossHistory);
        featuresCol = new Param<>(this, "featuresCol", "features column, a vector");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        probabilityCol = new Param<>(this, "probabilityCol",
                "class probabilities column name (classification)");
        task = new Param<>(this, "task", "classification or regression");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(task, SparkMlp.CLASSIFICATION);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the features column parameter */
    public Param<String> featuresCol() {
        return featuresCol;
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

    /**
     * @param value the features column
     * @return this
     */
    public SparkMlpModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the prediction column, or empty for none
     * @return this
     */
    public SparkMlpModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column (classification), or empty for none
     * @return this
     */
    public SparkMlpModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
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
     * which a plain Java application loads with {@code ModelFile.load} and no Spark. The
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
        dev.mlp.core.io.ModelFile.save(toModel(), file);
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
        Columns.requireVector(schema, getOrDefault(featuresCol), "features");
        return Columns.addOutputs(schema, isClassifier(), getOrDefault(predictionCol),
                getOrDefault(probabilityCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Predictor p = new Predictor(spec, weights);
        Column features = functions.col(getOrDefault(featuresCol));
        String prediction = getOrDefault(predictionCol);
        String probability = getOrDefault(probabilityCol);
        Dataset<Row> out = dataset.toDF();
        if (isClassifier()) {
            UserDefinedFunction probs = functions.udf(
                    (UDF1<Vector, Vector>) v -> Vectors.dense(p.outputs(v.toArray())),
                    SQLDataTypes.VectorType());
            UserDefinedFunction argmax = functions.udf(
                    (UDF1<Vector, Double>) v -> (double) v.argmax(), DataTypes.DoubleType);
            if (!probability.isEmpty()) {
                out = out.withColumn(probability, probs.apply(features));
                if (!prediction.isEmpty()) {
                    out = out.withColumn(prediction, argmax.apply(functions.col(probability)));
                }
            } else if (!prediction.isEmpty()) {
                out = out.withColumn(prediction, argmax.apply(probs.apply(features)));
            }
        } else if (!prediction.isEmpty()) {
            UserDefinedFunction value = functions.udf(
                    (UDF1<Vector, Double>) v -> p.outputs(v.toArray())[0], DataTypes.DoubleType);
            out = out.withColumn(prediction, value.apply(features));
        }
        return out;
    }

    @Override
    public SparkMlpModel copy(ParamMap extra) {
        SparkMlpModel m = new SparkMlpModel(uid, spec, weights, trainingSpecs, epochs, seed,
                lossHistory);
        return copyValues(m, extra).setParent(parent());
    }

    private boolean isClassifier() {
        return SparkMlp.CLASSIFICATION.equals(getOrDefault(task));
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

        double[] outputs(double[] x) {
            Network n = network;
            if (n == null) {
                n = spec.network();
                Flat.copyInto(weights, n.parameters());
                network = n;
            }
            return n.predict(x);
        }
    }

    // ---- persistence ----

    private static final String DATA_SCHEMA = "inputs INT, neurons ARRAY<INT>, "
            + "activations ARRAY<STRING>, loss STRING, weights ARRAY<DOUBLE>, "
            + "trainingSpecs MAP<STRING, STRING>, epochs INT, seed BIGINT, "
            + "lossHistory ARRAY<DOUBLE>";

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
                    model.lossHistory);
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
            SparkMlpModel model = new SparkMlpModel(metadata.uid(), spec, weights,
                    row.<String, String>getJavaMap(5), row.getInt(6), row.getLong(7),
                    row.<Double>getList(8));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }
}
