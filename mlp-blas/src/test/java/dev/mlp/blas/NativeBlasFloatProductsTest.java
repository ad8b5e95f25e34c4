package dev.mlp.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.kernel.FloatGemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.train.Precision;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code sgemm} products against a {@code double} reference computed from the same float
 * operands (within the float rounding bound of any summation order), over odd shapes with 0 and
 * 1 on both sides of the size where they hand over to Java; the same bits for 1, 2 and 3 threads
 * when products are cut into blocks of rows; and a float32 training run on the backend.
 * Skipped, with the reason, when no native BLAS can be loaded on this machine.
 */
class NativeBlasFloatProductsTest {

    /** The unit roundoff of {@code float}: half the distance from 1 to the next float. */
    private static final double U = Math.ulp(1.0f) / 2;

    @BeforeAll
    static void load() {
        String why = new NativeBlasProvider().unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "native BLAS tests skipped: " + why);
    }

    static List<Arguments> shapes() {
        int[] dims = {0, 1, 3, 17, 31, 33};
        List<Arguments> out = new ArrayList<>();
        for (int r : dims) {
            for (int k : dims) {
                for (int c : dims) {
                    out.add(Arguments.of(r, k, c));
                }
            }
        }
        out.add(Arguments.of(128, 97, 65));
        out.add(Arguments.of(1, 300, 129));
        out.add(Arguments.of(130, 1, 257));
        return out;
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-2, 2);
        }
        return v;
    }

    private static float[] nan(int n) {
        float[] v = new float[n];
        Arrays.fill(v, Float.NaN);
        return v;
    }

    /**
     * {@code scale · (init + Σ_k l[i,k]·b[k,j])} in {@code double} from the float operands, and
     * {@code |scale| · (|init| + Σ |terms|)} for the error bound.
     */
    private static double[][] reference(float[] l, int lsi, int lsk, float[] b, int bk, int bj,
                                        int m, int depth, int n, float[] init, float scale) {
        double[] out = new double[m * n];
        double[] magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0.0;
                double mag = 0.0;
                for (int k = 0; k < depth; k++) {
                    double t = (double) l[i * lsi + k * lsk] * b[k * bk + j * bj];
                    v += t;
                    mag += Math.abs(t);
                }
                double first = init == null ? 0.0 : init[j];
                out[i * n + j] = v * scale + first;
                magnitude[i * n + j] = mag * Math.abs(scale) + Math.abs(first);
            }
        }
        return new double[][] {out, magnitude};
    }

    /**
     * Whatever order the library sums in, each of the {@code terms} products and the
     * {@code terms - 1} additions round once in float, and the scale and the bias once more
     * each: at most {@code 2·terms + 2} roundings on any path to an entry, so the result is
     * within {@code γ(2·terms + 2) · Σ |terms|} of the exact value, with
     * {@code γ(n) = n·u / (1 - n·u)} and {@code u = 2^-24}; the double reference's own error is
     * covered by the factor 1.01.
     */
    private static void assertWithinFloatRounding(double[][] reference, float[] actual,
                                                  int terms, String what) {
        double n = 2.0 * terms + 2;
        double gamma = n * U / (1 - n * U);
        for (int i = 0; i < actual.length; i++) {
            double tol = 1.01 * gamma * reference[1][i] + Double.MIN_NORMAL;
            assertTrue(Math.abs(reference[0][i] - actual[i]) <= tol, what + " entry " + i
                    + ": reference " + reference[0][i] + ", sgemm " + actual[i]
                    + ", tolerance " + tol);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void withinFloatRoundingOfTheReference(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + inner * 10L + cols);
        float[] a = random(rnd, rows * inner);
        float[] w = random(rnd, inner * cols);
        float[] d = random(rnd, rows * cols);
        float[] bias = random(rnd, cols);
        float scale = 0.3f;
        NativeBlasFloatProducts blas = new NativeBlasFloatProducts(NativeBLAS.getInstance(),
                new FloatGemm(2), false);
        for (float[] b : new float[][] {bias, null}) {
            float[] z = nan(rows * cols);
            blas.multiply(a, rows, inner, w, cols, b, z);
            assertWithinFloatRounding(reference(a, inner, 1, w, cols, 1, rows, inner, cols, b,
                    1.0f), z, inner, "A·W" + (b == null ? "" : "+b"));
        }
        for (float s : new float[] {scale, 1.0f}) {
            float[] g = nan(inner * cols);
            blas.multiplyTransposedLeft(a, rows, inner, d, cols, s, g);
            assertWithinFloatRounding(reference(a, 1, inner, d, cols, 1, inner, rows, cols, null,
                    s), g, rows, "s·Aᵀ·δ, scale " + s);
        }
        float[] back = nan(rows * inner);
        blas.multiplyTransposedRight(d, rows, cols, w, inner, back);
        assertWithinFloatRounding(reference(d, cols, 1, w, 1, cols, rows, cols, inner, null,
                1.0f), back, cols, "δ·Wᵀ");
    }

    @Test
    void theLargeProductsAreSgemmsNotThePureJavaOnes() {
        // a 128 x 97 x 65 product summed by the library differs somewhere from the fma chain
        SplittableRandom rnd = new SplittableRandom(1);
        int rows = 128;
        int inner = 97;
        int cols = 65;
        float[] a = random(rnd, rows * inner);
        float[] w = random(rnd, inner * cols);
        float[] viaBlas = nan(rows * cols);
        new NativeBlasFloatProducts(NativeBLAS.getInstance(), new FloatGemm(1), false)
                .multiply(a, rows, inner, w, cols, null, viaBlas);
        float[] viaJava = nan(rows * cols);
        new FloatGemm(1).multiply(a, rows, inner, w, cols, null, viaJava);
        assertFalse(Arrays.equals(viaJava, viaBlas));
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {127, 128, 129, 300, 1000})
    void blockedProductsAreTheSameBitsForOneTwoAndThreeThreads(int rows) {
        int inner = 70;
        int cols = 45;
        SplittableRandom rnd = new SplittableRandom(rows);
        float[] a = random(rnd, rows * inner);
        float[] w = random(rnd, inner * cols);
        float[] d = random(rnd, rows * cols);
        float[] bias = random(rnd, cols);
        float[] z1 = null;
        float[] back1 = null;
        float[] g1 = null;
        for (int threads : new int[] {1, 2, 3}) {
            NativeBlasFloatProducts blocked = new NativeBlasFloatProducts(
                    NativeBLAS.getInstance(), new FloatGemm(threads), true);
            assertEquals(NativeBlasProducts.blocks(true, rows), blocked.blocks(rows));
            float[] z = nan(rows * cols);
            float[] back = nan(rows * inner);
            float[] g = nan(inner * cols);
            blocked.multiply(a, rows, inner, w, cols, bias, z);
            blocked.multiplyTransposedRight(d, rows, cols, w, inner, back);
            blocked.multiplyTransposedLeft(a, rows, inner, d, cols, 0.25f, g);
            assertWithinFloatRounding(reference(a, inner, 1, w, cols, 1, rows, inner, cols,
                    bias, 1.0f), z, inner, "A·W+b, " + threads + " threads");
            assertWithinFloatRounding(reference(d, cols, 1, w, 1, cols, rows, cols, inner, null,
                    1.0f), back, cols, "δ·Wᵀ, " + threads + " threads");
            if (z1 == null) {
                z1 = z;
                back1 = back;
                g1 = g;
            } else {
                assertArrayEquals(z1, z, "A·W+b bits, " + threads + " threads");
                assertArrayEquals(back1, back, "δ·Wᵀ bits, " + threads + " threads");
                assertArrayEquals(g1, g, "s·Aᵀ·δ bits, " + threads + " threads");
            }
        }
    }

    @Test
    void theFloat32EnginesCallSgemm() {
        ComputeBackend backend = new NativeBlasProvider().create(null);
        assertInstanceOf(NativeBlasFloatProducts.class,
                backend.floatProducts(2, new FloatGemm(2)));
        MatrixProducts engine = MatrixBackends.engine(
                MatrixBackends.withPrecision(backend, Precision.FLOAT32), 2);
        assertTrue(engine.toString().startsWith("float32(native-blas-float("),
                engine.toString());
    }

    @Test
    void trainingInFloat32LearnsWithTheSameBitsOnOneOrTwoThreads() {
        double[][] x = new double[512][64];
        double[][] y = new double[512][1];
        Random r = new Random(11);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.tanh(x[i][0] - x[i][1]);
        }
        Model one = train(x, y, "float32", 1);
        Model two = train(x, y, "float32", 2);
        Model f64 = train(x, y, "float64", 2);
        List<Double> losses = last(one).epochLosses();
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "loss falls: " + losses);
        assertEquals(losses, last(two).epochLosses());
        double[][] p1 = one.network().parameters();
        double[][] p2 = two.network().parameters();
        double[][] p64 = f64.network().parameters();
        for (int b = 0; b < p1.length; b++) {
            assertArrayEquals(p1[b], p2[b], 0.0, "parameter block " + b + ", 1 and 2 threads");
            assertFalse(Arrays.equals(p1[b], p64[b]), "float32 differs from float64, block "
                    + b);
        }
    }

    private static TrainingResult last(Model m) {
        return m.history().get(m.history().size() - 1);
    }

    private static Model train(double[][] x, double[][] y, String precision, int threads) {
        Model m = Mlp.builder().inputs(x[0].length).layer(256, "relu").layer(1, "identity")
                .loss("mse").optimizer("adam(lr=0.003)")
                .batch("mini-batch(size=256, shuffle=true)").epochs(6).seed(7)
                .backend(NativeBlasProvider.NAME).threads(threads).precision(precision).build();
        m.fit(x, y);
        return m;
    }
}
