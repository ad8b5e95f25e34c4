package dev.mlp.spark.example;

import dev.mlp.spark.SparkMlp;
import dev.mlp.spark.SparkMlpModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Trains a classifier on a cluster with {@code spark-submit}: reads training and test data in
 * LIBSVM format (labels {@code 0, 1, ..., k-1}), fits {@link SparkMlp}, prints the test
 * accuracy and optionally saves the fitted model with Spark ML persistence.
 *
 * <pre>
 * spark-submit --class dev.mlp.spark.example.SparkMlpExample mlp-spark-...-job.jar \
 *     train=hdfs:///data/train.libsvm test=hdfs:///data/test.libsvm features=784 \
 *     layers=256,128 activation=relu optimizer="adam(lr=0.001)" \
 *     batch="mini-batch(size=1024)" epochs=10 seed=1 model=hdfs:///models/mlp
 * </pre>
 *
 * <p>Options ({@code key=value}): {@code train} and {@code test} (required), {@code features}
 * (number of features; read from the data when absent), {@code layers} (comma-separated hidden
 * sizes, default {@code 64}), {@code activation}, {@code optimizer}, {@code batch},
 * {@code initializer}, {@code epochs}, {@code seed}, {@code partitions} (repartition the
 * training data first), {@code model} (where to save the fitted model).
 */
public final class SparkMlpExample {

    private static final List<String> KEYS = List.of("train", "test", "features", "layers",
            "activation", "optimizer", "batch", "initializer", "epochs", "seed", "partitions",
            "model");

    private SparkMlpExample() {
    }

    /**
     * Runs the example in the session {@code spark-submit} configures.
     *
     * @param args {@code key=value} options
     * @throws IOException if the model cannot be saved
     */
    public static void main(String[] args) throws IOException {
        SparkSession spark = SparkSession.builder().appName("mlp-spark-example").getOrCreate();
        try {
            double accuracy = run(spark, options(args));
            System.out.printf(Locale.ROOT, "test accuracy %.4f%n", accuracy);
        } finally {
            spark.stop();
        }
    }

    /**
     * Parses {@code key=value} options.
     *
     * @param args the arguments
     * @return the options by key
     * @throws IllegalArgumentException naming an argument that is not a known option
     */
    public static Map<String, String> options(String... args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("argument '" + a + "' must be key=value with "
                        + "a key of " + KEYS);
            }
            o.put(key, a.substring(eq + 1));
        }
        for (String required : List.of("train", "test")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException("missing option " + required + "=PATH");
            }
        }
        return o;
    }

    /**
     * Trains, evaluates and optionally saves.
     *
     * @param spark the session
     * @param o the options
     * @return the accuracy on the test data
     * @throws IOException if the model cannot be saved
     */
    public static double run(SparkSession spark, Map<String, String> o) throws IOException {
        Dataset<Row> train = libsvm(spark, o.get("train"), o.get("features"));
        Dataset<Row> test = libsvm(spark, o.get("test"), o.get("features"));
        if (o.containsKey("partitions")) {
            train = train.repartition(Integer.parseInt(o.get("partitions")));
        }
        String[] parts = o.getOrDefault("layers", "64").split(",");
        int[] layers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            layers[i] = Integer.parseInt(parts[i].trim());
        }
        SparkMlp mlp = new SparkMlp()
                .setLayers(layers)
                .setActivation(o.getOrDefault("activation", "relu"))
                .setOptimizer(o.getOrDefault("optimizer", "adam(lr=0.001)"))
                .setBatch(o.getOrDefault("batch", "mini-batch(size=1024)"))
                .setInitializer(o.getOrDefault("initializer", "he"))
                .setEpochs(Integer.parseInt(o.getOrDefault("epochs", "10")))
                .setSeed(Long.parseLong(o.getOrDefault("seed", "1")));
        SparkMlpModel model = mlp.fit(train);
        List<Double> losses = model.lossHistory();
        for (int e = 0; e < losses.size(); e++) {
            System.out.printf(Locale.ROOT, "epoch %d: training loss %.6f%n", e + 1, losses.get(e));
        }
        Row counts = model.transform(test)
                .agg(functions.count(functions.lit(1)),
                        functions.sum(functions.when(functions.col("prediction")
                                .equalTo(functions.col("label")), 1).otherwise(0)))
                .head();
        double accuracy = counts.getLong(1) / (double) counts.getLong(0);
        if (o.containsKey("model")) {
            model.write().overwrite().save(o.get("model"));
            System.out.println("model saved to " + o.get("model"));
        }
        return accuracy;
    }

    private static Dataset<Row> libsvm(SparkSession spark, String path, String features) {
        var reader = spark.read().format("libsvm");
        if (features != null) {
            reader = reader.option("numFeatures", features);
        }
        return reader.load(path);
    }
}
