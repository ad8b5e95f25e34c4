package dev.mlp.spark.bench;

import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.spark.SparkMlp;
import dev.mlp.spark.SparkMlpModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's {@code MultilayerPerceptronClassifier} and this module's {@link SparkMlp} side by
 * side in one JVM on {@code local[2]}: the first 10,000 Fashion-MNIST training images (cached
 * before any timing) and all 10,000 test images, 784-128-10, 50 iterations, seed 1. Prints, per
 * method, the seconds per iteration (the {@code fit} wall time over the iterations it ran), the
 * CPU seconds per iteration (the JVM's CPU time over the same fit, all threads: on a machine
 * shared with other work the wall time stretches, the CPU time much less) and the test
 * accuracy, as a Markdown table. Not a test: run it by hand (see the module's README
 * section, {@code mlp-spark/run-benchmark.sh mlpc}).
 *
 * <p>Arguments (all optional): {@code rows=10000 iterations=50 partitions=2
 * data=/usr/share/datasets/fashion-mnist only=NAME,... repeat=1 backend=NAME}
 * ({@code only} runs the methods whose short name is listed: mlpc-lbfgs, mlpc-gd, adam, rprop,
 * minibatch; {@code repeat} fits each method that many times and reports the fastest, which
 * on a shared machine is the one least disturbed by other work; {@code backend} names the
 * compute backend of our executors, which in {@code local[2]} are this JVM: it sets the
 * system property {@code mlp.backend}).
 */
public final class MlpcComparison {

    /** The JVM's CPU time, all threads: what a fit costs whatever else the machine runs. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private MlpcComparison() {
    }

    /** One method: a short name, what the table calls it, and how to fit it. */
    private record Method(String name, String label, Supplier<Fit> fit) {
    }

    /** A fitted model and how many iterations (optimizer steps) the fit ran. */
    private record Fit(Model<?> model, long iterations) {
    }

    /**
     * @param args {@code key=value} options
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        int rows = 10000;
        int iterations = 50;
        int partitions = 2;
        Path dir = Path.of(FashionMnist.DEFAULT_DIR);
        List<String> only = null;
        int repeat = 1;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("options are key=value, found '" + a + "'");
            }
            switch (kv[0]) {
                case "rows" -> rows = Integer.parseInt(kv[1]);
                case "iterations" -> iterations = Integer.parseInt(kv[1]);
                case "partitions" -> partitions = Integer.parseInt(kv[1]);
                case "data" -> dir = Path.of(kv[1]);
                case "only" -> only = List.of(kv[1].split(","));
                case "repeat" -> repeat = Integer.parseInt(kv[1]);
                case "backend" -> System.setProperty(MatrixBackends.PROPERTY, kv[1]);
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; known: rows, iterations, partitions, data, only, repeat, "
                        + "backend");
            }
        }
        if (!FashionMnist.present(dir)) {
            throw new IOException("no Fashion-MNIST IDX files in " + dir + ": install the Debian "
                    + "package dataset-fashion-mnist or pass data=DIR");
        }
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("mlp-spark-mlpc-comparison")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Dataset<Row> train = frame(spark, FashionMnist.read(dir, "train", rows), partitions);
            Dataset<Row> test = frame(spark, FashionMnist.read(dir, "t10k", 10000), partitions);
            System.out.printf(Locale.ROOT, "Fashion-MNIST: %d training rows, %d test rows, "
                    + "784-128-10, %d iterations, seed 1, local[2], %d partitions, %d cores, "
                    + "our backend %s, best of %d%n",
                    train.count(), test.count(), iterations, partitions,
                    Runtime.getRuntime().availableProcessors(), MatrixBackends.standard().name(),
                    repeat);
            run(methods(train, iterations), train, test, only, repeat);
        } finally {
            spark.stop();
        }
    }

    private static List<Method> methods(Dataset<Row> train, int iterations) {
        int steps = (int) Math.ceil(train.count() / 128.0);
        int epochs = Math.max(1, Math.round(iterations / 10f));
        List<Method> m = new ArrayList<>();
        m.add(new Method("mlpc-lbfgs", "MLlib MultilayerPerceptronClassifier, l-bfgs (its "
                + "default)", () -> mlpc(train, "l-bfgs", iterations)));
        m.add(new Method("mlpc-gd", "MLlib MLPC, gd (step 1.0)",
                () -> mlpc(train, "gd", iterations)));
        m.add(new Method("adam", "ours, sigmoid, adam(0.01), full batch",
                () -> ours(train, "sigmoid", "adam(lr=0.01)", "full-batch", iterations)));
        m.add(new Method("rprop", "ours, sigmoid, rprop, full batch",
                () -> ours(train, "sigmoid", "rprop", "full-batch", iterations)));
        m.add(new Method("minibatch", "ours, relu, adam(0.003), mini-batch 128, " + epochs
                + " epochs (" + epochs * steps + " steps)",
                () -> ours(train, "relu", "adam(lr=0.003)", "mini-batch(size=128)", epochs)));
        return m;
    }

    private static void run(List<Method> methods, Dataset<Row> train, Dataset<Row> test,
                            List<String> only, int repeat) {
        // warm-up: class loading and JIT for both code paths, not timed
        mlpc(train, "l-bfgs", 2);
        ours(train, "sigmoid", "adam(lr=0.01)", "full-batch", 2);
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                .setMetricName("accuracy");
        List<String> lines = new ArrayList<>();
        lines.add("| method | iterations | s per iteration | CPU s per iteration "
                + "| test accuracy |");
        lines.add("|---|---:|---:|---:|---:|");
        for (Method method : methods) {
            if (only != null && !only.contains(method.name())) {
                continue;
            }
            Fit fit = null;
            double seconds = Double.POSITIVE_INFINITY;
            double cpu = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repeat; r++) {
                long c0 = OS.getProcessCpuTime();
                long t0 = System.nanoTime();
                fit = method.fit().get();
                seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
                cpu = Math.min(cpu, (OS.getProcessCpuTime() - c0) / 1e9);
            }
            double acc = accuracy.evaluate(fit.model().transform(test));
            String line = String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |",
                    method.label(), fit.iterations(), seconds / fit.iterations(),
                    cpu / fit.iterations(), acc);
            System.out.println(line);
            lines.add(line);
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static Fit mlpc(Dataset<Row> train, String solver, int iterations) {
        MultilayerPerceptronClassifier c = new MultilayerPerceptronClassifier()
                .setLayers(new int[] {784, 128, 10})
                .setSolver(solver)
                .setMaxIter(iterations)
                .setTol(0.0)
                .setSeed(1);
        if (solver.equals("gd")) {
            c.setStepSize(1.0);
        }
        MultilayerPerceptronClassificationModel model = c.fit(train);
        long done = Math.max(1, model.summary().totalIterations());
        return new Fit(model, done);
    }

    private static Fit ours(Dataset<Row> train, String activation, String optimizer,
                            String batch, int epochs) {
        SparkMlpModel model = new SparkMlp()
                .setFullLayers(784, 128, 10)
                .setActivation(activation)
                .setOptimizer(optimizer)
                .setBatch(batch)
                .setEpochs(epochs)
                .setSeed(1)
                .fit(train);
        long steps = batch.equals("full-batch") ? model.lossHistory().size()
                : (long) model.lossHistory().size() * (long) Math.ceil(train.count() / 128.0);
        return new Fit(model, Math.max(1, steps));
    }

    /** The samples as a cached DataFrame of a features vector and a class index. */
    private static Dataset<Row> frame(SparkSession spark, dev.mlp.core.Dataset data,
                                      int partitions) {
        List<Row> rows = new ArrayList<>(data.rows());
        double[] x = data.features();
        double[] y = data.targets();
        for (int i = 0; i < data.rows(); i++) {
            double[] f = java.util.Arrays.copyOfRange(x, i * 784, (i + 1) * 784);
            int label = 0;
            for (int c = 1; c < 10; c++) {
                if (y[i * 10 + c] > y[i * 10 + label]) {
                    label = c;
                }
            }
            rows.add(RowFactory.create(Vectors.dense(f), (double) label));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(partitions).cache();
        df.count();
        return df;
    }
}
