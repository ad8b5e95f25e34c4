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
 * {@link GemmBenchmark}'s products through the {@code native-blas} backend (the system's BLAS,
 * OpenBLAS here). Needs a native BLAS installed; run it with and without
 * {@code OPENBLAS_CORETYPE=Haswell} in the environment to compare OpenBLAS's kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NativeGemmBenchmark {

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
    private MatrixProducts blas;

    /** Fills the operands and loads the backend. */
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
        blas = MatrixBackends.create("native-blas", 1);
    }

    private static double[] fill(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** @return the output */
    @Benchmark
    public double[] forwardNative() {
        blas.multiply(a, rows, inner, w, cols, bias, z);
        return z;
    }

    /** @return the output */
    @Benchmark
    public double[] weightGradientNative() {
        blas.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / rows, g);
        return g;
    }

    /** @return the output */
    @Benchmark
    public double[] backDeltaNative() {
        blas.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return back;
    }
}
