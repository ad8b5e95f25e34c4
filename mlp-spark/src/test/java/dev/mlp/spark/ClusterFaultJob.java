package dev.mlp.spark;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The driver of {@link SparkClusterFaultTest}, in a JVM of its own: trains through the estimator
 * and through {@code SparkTrainer} on {@code TrainingData.parallelize}, each once undisturbed
 * and once while the test kills an executor, and writes each run's weights (raw bits), the
 * Spark job at which an executor was reported lost and the number of jobs of the run; last,
 * the compute backend the executors report, in {@code backend}.
 *
 * <p>Arguments: the master URL and the directory to talk to the test through. For a run with a
 * kill it writes {@code kill-RUN} and, for the trainer, waits at an epoch end until the test
 * writes {@code killed-RUN}.
 */
public final class ClusterFaultJob {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final int EPOCHS = 30;
    private static final AtomicInteger JOBS = new AtomicInteger();
    private static final AtomicInteger REMOVED_AT = new AtomicInteger(-1);
    /** Where to ask for a kill once the estimator's run has had some jobs, or null. */
    private static volatile Path killRequest;

    private ClusterFaultJob() {
    }

    /**
     * @param args master URL, directory
     * @throws Exception if anything fails, which ends the JVM with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        String master = args[0];
        Path dir = Path.of(args[1]);
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("mlp-cluster-fault")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.locality.wait", "0")
                .config("spark.cores.max", "2")
                .config("spark.executor.cores", "1")
                .config("spark.executor.memory", "512m")
                .config("spark.executor.extraClassPath",
                        System.getProperty("mlp.executor.classpath"))
                .config("spark.executor.extraJavaOptions",
                        System.getProperty("mlp.executor.options"))
                .getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onJobEnd(SparkListenerJobEnd end) {
                Path request = killRequest;
                if (JOBS.incrementAndGet() == 8 && request != null) {
                    signal(request);
                }
            }

            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                REMOVED_AT.compareAndSet(-1, JOBS.get());
            }
        });
        Dataset data = TestSpark.blobs(600, 4, 11);
        try {
            for (String run : List.of("estimator-clean", "estimator-killed", "trainer-clean",
                    "trainer-killed")) {
                boolean kill = run.endsWith("killed");
                JOBS.set(0);
                REMOVED_AT.set(-1);
                double[][] weights = run.startsWith("estimator")
                        ? estimator(spark, sc, data, dir, run, kill)
                        : trainer(sc, data, dir, run, kill);
                // the listener bus delivers events after the jobs end: let it catch up
                Thread.sleep(500);
                write(dir.resolve(run + ".result"), weights);
            }
            Files.writeString(dir.resolve("backend"), executorBackend(sc, data));
        } finally {
            spark.stop();
        }
    }

    private static double[][] estimator(SparkSession spark, JavaSparkContext sc, Dataset data,
                                        Path dir, String run, boolean kill) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            double[] x = new double[data.inputs()];
            System.arraycopy(data.features(), r * data.inputs(), x, 0, x.length);
            int label = 0;
            for (int c = 0; c < data.outputs(); c++) {
                if (data.targets()[r * data.outputs() + c] == 1) {
                    label = c;
                }
            }
            rows.add(RowFactory.create(Vectors.dense(x), (double) label));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        var frame = spark.createDataFrame(sc.parallelize(rows, 4), schema);
        SparkMlp mlp = new SparkMlp().setLayers(8).setActivation("tanh")
                .setOptimizer("adam(lr=0.05)").setBatch("full-batch").setEpochs(EPOCHS)
                .setBlockSize(16).setSeed(5);
        // with a kill, the test kills once the run has had 8 jobs, most of its epochs ahead
        killRequest = kill ? dir.resolve("kill-" + run) : null;
        try {
            return mlp.fit(frame).toModel().network().parameters();
        } finally {
            killRequest = null;
        }
    }

    private static double[][] trainer(JavaSparkContext sc, Dataset data, Path dir, String run,
                                      boolean kill) {
        NetworkSpec spec = new NetworkSpec(4, List.of(8, 3), List.of("tanh", "softmax"),
                "cross-entropy");
        Network network = spec.network(REGISTRY);
        network.initialize(REGISTRY.initializer("xavier"), Seeds.of(3).initialization());
        TrainingListener pause = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd end) {
                if (kill && end.epoch() == 3) {
                    signal(dir.resolve("kill-" + run));
                    awaitFile(dir.resolve("killed-" + run));
                }
            }
        };
        try (TrainingData d = TrainingData.parallelize(sc, data, 4, 16)) {
            TrainingResult r = new SparkTrainer(spec, "adam(lr=0.05)", "full-batch", EPOCHS, 5,
                    2, List.of(pause)).train(sc, network, d);
            if (r.epochs() != EPOCHS) {
                throw new IllegalStateException(run + " ran " + r.epochs() + " epochs");
            }
        }
        return network.parameters();
    }

    /** The compute backend the executors report with their sums of one gradient. */
    private static String executorBackend(JavaSparkContext sc, Dataset data) {
        NetworkSpec spec = new NetworkSpec(4, List.of(8, 3), List.of("tanh", "softmax"),
                "cross-entropy");
        try (TrainingData d = TrainingData.parallelize(sc, data, 4, 16)) {
            return new SparkTrainer(spec, "sgd", "full-batch", 1, 1).gradient(sc, d,
                    new double[spec.parameterCount()], 1.0, 0L, new SparkTrainer.Report())
                    .backend;
        }
    }

    private static void signal(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + file + " within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void write(Path file, double[][] weights) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("removedAtJob ").append(REMOVED_AT.get()).append('\n');
        sb.append("jobs ").append(JOBS.get()).append('\n');
        for (double[] block : weights) {
            for (double v : block) {
                sb.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
            }
            sb.append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
