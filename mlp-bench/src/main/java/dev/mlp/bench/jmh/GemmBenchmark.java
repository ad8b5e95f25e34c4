package dev.mlp.bench.jmh;

import dev.mlp.core.kernel.Gemm;
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
 * The three products of training one dense layer, at the shapes of W1's first layer
 * ({@code 128 x 784} batch, {@code 784 x 256} weights) and second layer ({@code 128 x 256},
 * {@code 256 x 128}): the plain loops ({@code naive*}) against {@link Gemm} on one and on all
 * threads. Scores are microseconds per product; divide {@code 2·rows·inner·cols} by it for
 * FLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmBenchmark {

    /** {@code rows x inner x cols}. */
    @Param({"128x784x256", "128x256x128"})
    public String shape;

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
    private Gemm one;
    private Gemm all;

    /** Fills the operands. */
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
        one = new Gemm(1);
        all = new Gemm(Runtime.getRuntime().availableProcessors());
    }

    private static double[] fill(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** @return the output, so the work is not eliminated */
    @Benchmark
    public double[] forwardNaive() {
        NaiveKernels.multiply(a, rows, inner, w, cols, bias, z);
        return z;
    }

    /** @return the output */
    @Benchmark
    public double[] forwardOneThread() {
        one.multiply(a, rows, inner, w, cols, bias, z);
        return z;
    }

    /** @return the output */
    @Benchmark
    public double[] forwardAllThreads() {
        all.multiply(a, rows, inner, w, cols, bias, z);
        return z;
    }

    /** @return the output */
    @Benchmark
    public double[] weightGradientNaive() {
        NaiveKernels.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / rows, g);
        return g;
    }

    /** @return the output */
    @Benchmark
    public double[] weightGradientOneThread() {
        one.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / rows, g);
        return g;
    }

    /** @return the output */
    @Benchmark
    public double[] weightGradientAllThreads() {
        all.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / rows, g);
        return g;
    }

    /** @return the output */
    @Benchmark
    public double[] backDeltaNaive() {
        NaiveKernels.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return back;
    }

    /** @return the output */
    @Benchmark
    public double[] backDeltaOneThread() {
        one.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return back;
    }

    /** @return the output */
    @Benchmark
    public double[] backDeltaAllThreads() {
        all.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return back;
    }
}
