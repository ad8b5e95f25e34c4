package dev.mlp.bench.jmh;

import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.kernel.MatrixProducts;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products at W1's layer shapes through a backend chosen by name: the pure-Java
 * {@code java} ({@code Gemm}) against the Vector API's {@code java-vector}, on one thread and on
 * two. The forked JVM gets {@code --add-modules jdk.incubator.vector}. Scores are microseconds
 * per product; {@code 2·rows·inner·cols} divided by it is FLOP/s. {@link NativeGemmBenchmark}
 * measures {@code native-blas} on the same shapes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorGemmBenchmark {

    /** {@code rows x inner x cols}. */
    @Param({"128x784x256", "128x256x128"})
    public String shape;

    /** The compute backend. */
    @Param({"java", "java-vector"})
    public String backend;

    /** The most threads one product may use. */
    @Param({"1", "2"})
    public int threads;

    private int rows;
    private int inner;
    private int cols;
    private double[] a;
    private double[] w;
    private double[] d;
    private double[] bias;
    private double[] z;
    private double[] g;
    private double[] back;
    private MatrixProducts products;

    /** Fills the operands and creates the engine. */
    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        rows = Integer.parseInt(p[0]);
        inner = Integer.parseInt(p[1]);
        cols = Integer.parseInt(p[2]);
        SplittableRandom rnd = new SplittableRandom(1);
        a = fill(rnd, rows * inner);
        w = fill(rnd, inner * cols);
        d = fill(rnd, rows * cols);
        bias = fill(rnd, cols);
        z = new double[rows * cols];
        g = new double[inner * cols];
        back = new double[rows * inner];
        products = MatrixBackends.create(backend, threads);
    }

    private static double[] fill(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** @return the output, {@code A·W + b} */
    @Benchmark
    public double[] forward() {
        products.multiply(a, rows, inner, w, cols, bias, z);
        return z;
    }

    /** @return the output, {@code s·Aᵀ·δ} */
    @Benchmark
    public double[] weightGradient() {
        products.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / rows, g);
        return g;
    }

    /** @return the output, {@code δ·Wᵀ} */
    @Benchmark
    public double[] backDelta() {
        products.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return back;
    }
}
