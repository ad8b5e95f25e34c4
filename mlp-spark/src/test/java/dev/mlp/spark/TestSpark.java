package dev.mlp.spark;

import dev.mlp.core.Dataset;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test class of the module (the tests run in one JVM), on
 * two threads, bound to the loopback interface, without web UI.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("mlp-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "localhost")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
        }
        return session;
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /**
     * Three classes of points around three centres, one-hot targets.
     *
     * @param rows number of samples
     * @param inputs number of features, at least 2
     * @param seed the seed
     * @return the data
     */
    static Dataset blobs(int rows, int inputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows * 3];
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(3);
            for (int j = 0; j < inputs; j++) {
                double centre = j == c ? 1.5 : (j == (c + 1) % inputs ? -1.0 : 0.0);
                x[i * inputs + j] = centre + 0.6 * r.nextGaussian();
            }
            y[i * 3 + c] = 1;
        }
        return new Dataset(x, y, rows, inputs, 3);
    }
}
