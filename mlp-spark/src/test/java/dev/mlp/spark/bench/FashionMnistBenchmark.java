package dev.mlp.spark.bench;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.Trainer;
import dev.mlp.spark.NetworkSpec;
import dev.mlp.spark.SparkTrainer;
import dev.mlp.spark.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Samples per second of the Fashion-MNIST network 784-256-128-10 (ReLU, ReLU, softmax,
 * cross-entropy) trained single-machine and on Spark {@code local[1]} and {@code local[2]}, for
 * mini-batch and full-batch steps. Not a test: run it by hand (see the module README section).
 *
 * <p>Arguments (all optional): {@code rows=10000 epochs=2 batch=128 full-epochs=1
 * data=/usr/share/datasets/fashion-mnist}. The first {@code rows} training images are used,
 * scaled to [0, 1]; without the IDX files the data is random of the same shape (and says so).
 */
public final class FashionMnistBenchmark {

    private static final NetworkSpec SPEC = new NetworkSpec(784, List.of(256, 128, 10),
            List.of("relu", "relu", "softmax"), "cross-entropy");

    private FashionMnistBenchmark() {
    }

    /**
     * @param args {@code key=value} options
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        int rows = 10000;
        int epochs = 2;
        int batch = 128;
        int fullEpochs = 1;
        Path dir = Path.of(FashionMnist.DEFAULT_DIR);
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "rows" -> rows = Integer.parseInt(kv[1]);
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "full-epochs" -> fullEpochs = Integer.parseInt(kv[1]);
                case "data" -> dir = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; known: rows, epochs, batch, full-epochs, data");
            }
        }
        Dataset data = load(dir, rows);
        String mini = "mini-batch(size=" + batch + ")";
        String optimizer = "sgd(lr=0.05)";
        System.out.printf(Locale.ROOT, "network %s, %d rows, %s, %s; %d cores%n",
                SPEC.sizes().length == 4 ? "784-256-128-10" : "?", data.rows(), optimizer, mini,
                Runtime.getRuntime().availableProcessors());
        System.out.println("mode        where        epochs  seconds  samples/s  vs local");

        double localMini = local(data, optimizer, mini, epochs);
        double localFull = local(data, optimizer, "full-batch", fullEpochs);
        for (int threads : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder()
                    .master("local[" + threads + "]")
                    .appName("mlp-spark-benchmark")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "localhost")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            try (TrainingData d = TrainingData.parallelize(sc, data, threads, 256)) {
                // one warm-up epoch of each kind: class loading, JIT, first broadcast
                spark(sc, d, optimizer, mini, 1, threads, Double.NaN, true);
                spark(sc, d, optimizer, mini, epochs, threads, localMini, false);
                spark(sc, d, optimizer, "full-batch", fullEpochs, threads, localFull, false);
            }
            spark.stop();
        }
    }

    private static Network initial() {
        PluginRegistry reg = Mlp.standard().registry();
        Network n = SPEC.network(reg);
        n.initialize(reg.initializer("he"), Seeds.of(1).initialization());
        return n;
    }

    private static double local(Dataset data, String optimizer, String batch, int epochs) {
        PluginRegistry reg = Mlp.standard().registry();
        Trainer warm = new Trainer(reg.loss(SPEC.loss()), reg.optimizer(optimizer),
                reg.batchStrategy(batch), 1, 1, List.of());
        if (!batch.equals("full-batch")) {
            warm.train(initial(), data);
        }
        Trainer trainer = new Trainer(reg.loss(SPEC.loss()), reg.optimizer(optimizer),
                reg.batchStrategy(batch), epochs, 1, List.of());
        Network net = initial();
        long t0 = System.nanoTime();
        trainer.train(net, data);
        double s = (System.nanoTime() - t0) / 1e9;
        double rate = (double) epochs * data.rows() / s;
        System.out.printf(Locale.ROOT, "%-11s %-12s %6d %8.2f %10.0f%n", name(batch),
                "single", epochs, s, rate);
        return rate;
    }

    private static void spark(JavaSparkContext sc, TrainingData d, String optimizer,
                              String batch, int epochs, int threads, double localRate,
                              boolean warmUp) {
        SparkTrainer trainer = new SparkTrainer(SPEC, optimizer, batch, epochs, 1);
        Network net = initial();
        long t0 = System.nanoTime();
        trainer.train(sc, net, d);
        double s = (System.nanoTime() - t0) / 1e9;
        if (warmUp) {
            return;
        }
        double rate = (double) epochs * d.rows() / s;
        System.out.printf(Locale.ROOT, "%-11s %-12s %6d %8.2f %10.0f  %6.2fx time%n", name(batch),
                "local[" + threads + "]", epochs, s, rate, localRate / rate);
    }

    private static String name(String batch) {
        return batch.equals("full-batch") ? "full-batch" : "mini-batch";
    }

    /** Reads the first {@code rows} images and labels, or makes random data of that shape. */
    private static Dataset load(Path dir, int rows) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        if (Files.exists(images) && Files.exists(labels)) {
            return FashionMnist.read(dir, "train", rows);
        }
        System.out.println("no Fashion-MNIST IDX files in " + dir
                + ": random data of the same shape");
        double[] x = new double[rows * 784];
        double[] y = new double[rows * 10];
        var r = new java.util.SplittableRandom(1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 784; j++) {
                x[i * 784 + j] = r.nextDouble();
            }
            y[i * 10 + r.nextInt(10)] = 1;
        }
        return new Dataset(x, y, rows, 784, 10);
    }
}
