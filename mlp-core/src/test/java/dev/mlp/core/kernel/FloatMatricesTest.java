package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.kernel.MatrixProducts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float plain loops: within the float rounding bound of a {@code double} reference computed
 * from the same float operands, and bit for bit the products of {@link Float32Products} over
 * {@link FloatGemm}, the engine of larger passes, over odd shapes with zero and one.
 */
class FloatMatricesTest {

    /** The unit roundoff of {@code float}: half the distance from 1 to the next float. */
    private static final double U = Math.ulp(1.0f) / 2;

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
        out.add(Arguments.of(2, 130, 5));
        return out;
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        return v;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * {@code scale · (init + Σ_k l[i,k]·b[k,j])} in {@code double} from the operands rounded to
     * {@code float}, with {@code Σ |terms|} beside each entry for the error bound.
     */
    private static double[][] reference(double[] l, int lsi, int lsk, double[] b, int bk, int bj,
                                        int m, int depth, int n, double[] init, double scale) {
        double[] out = new double[m * n];
        double[] magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = init == null ? 0.0 : (float) init[j];
                double mag = Math.abs(v);
                for (int k = 0; k < depth; k++) {
                    double t = (double) (float) l[i * lsi + k * lsk] * (float) b[k * bk + j * bj];
                    v += t;
                    mag += Math.abs(t);
                }
                out[i * n + j] = v * (float) scale;
                magnitude[i * n + j] = mag * Math.abs((float) scale);
            }
        }
        return new double[][] {out, magnitude};
    }

    /**
     * Each of the {@code terms} fused multiply-adds rounds once, and the scale once more: the
     * float result is within {@code γ(terms + 1) · Σ |terms|} of the exact value, with
     * {@code γ(n) = n·u / (1 - n·u)}; the double reference's own error is some 2^-29 times
     * smaller and covered by the factor 1.01.
     */
    private static void assertWithinFloatRounding(double[][] reference, double[] actual,
                                                  int terms, String what) {
        double n = terms + 1;
        double gamma = n * U / (1 - n * U);
        for (int i = 0; i < actual.length; i++) {
            double tol = 1.01 * gamma * reference[1][i] + Double.MIN_NORMAL;
            assertTrue(Math.abs(reference[0][i] - actual[i]) <= tol, what + " entry " + i
                    + ": reference " + reference[0][i] + ", float loops " + actual[i]
                    + ", tolerance " + tol);
            assertEquals((float) actual[i], actual[i], 0.0, what + " entry " + i
                    + " is a float widened");
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void floatLoopsAreWithinFloatRoundingAndTheBitsOfTheFloatEngine(int rows, int inner,
                                                                    int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 10_000L + inner * 100L + cols);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);
        double scale = 0.3;
        MatrixProducts engine = new Float32Products(new FloatGemm(1), true);

        for (double[] b : new double[][] {bias, null}) {
            double[] z = nan(rows * cols);
            FloatMatrices.multiply(a, rows, inner, w, cols, b, z);
            assertWithinFloatRounding(reference(a, inner, 1, w, cols, 1, rows, inner, cols, b,
                    1.0), z, inner, "A·W" + (b == null ? "" : "+b"));
            double[] expected = nan(rows * cols);
            engine.multiply(a, rows, inner, w, cols, b, expected);
            assertArrayEquals(expected, z, 0.0, "A·W bits");
            double[] byRow = nan(rows * cols + 1);
            for (int r = 0; r < rows; r++) {
                FloatMatrices.multiplyRow(a, r * inner, inner, w, cols, b, byRow, 1 + r * cols);
            }
            assertArrayEquals(z, Arrays.copyOfRange(byRow, 1, byRow.length), 0.0, "row by row");
        }

        for (double s : new double[] {scale, 1.0}) {
            double[] g = nan(inner * cols);
            FloatMatrices.multiplyTransposedLeft(a, rows, inner, d, cols, s, g);
            assertWithinFloatRounding(reference(a, 1, inner, d, cols, 1, inner, rows, cols, null,
                    s), g, rows, "s·Aᵀ·δ");
            double[] expected = nan(inner * cols);
            engine.multiplyTransposedLeft(a, rows, inner, d, cols, s, expected);
            assertArrayEquals(expected, g, 0.0, "s·Aᵀ·δ bits");
        }

        double[] back = nan(rows * inner);
        FloatMatrices.multiplyTransposedRight(d, rows, cols, w, inner, back);
        assertWithinFloatRounding(reference(d, cols, 1, w, 1, cols, rows, cols, inner, null, 1.0),
                back, cols, "δ·Wᵀ");
        double[] expected = nan(rows * inner);
        engine.multiplyTransposedRight(d, rows, cols, w, inner, expected);
        assertArrayEquals(expected, back, 0.0, "δ·Wᵀ bits");
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void theFusedRowIsTheFloatEngineOnOneRow(int ignored, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(inner * 100L + cols + 5);
        double[] x = random(rnd, inner + 2);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, cols);
        double scale = 0.7;
        MatrixProducts engine = new Float32Products(new FloatGemm(1), true);
        double[] xRow = Arrays.copyOfRange(x, 2, 2 + inner);

        double[] gw = nan(inner * cols);
        double[] gb = nan(cols);
        double[] back = nan(inner);
        double probe = FloatMatrices.backwardRow(x, 2, inner, d, cols, w, scale, gw, gb, back);
        assertEquals(0.0, probe);
        double[] expectedGw = nan(inner * cols);
        engine.multiplyTransposedLeft(xRow, 1, inner, d, cols, scale, expectedGw);
        assertArrayEquals(expectedGw, gw, 0.0, "weight gradient");
        double[] expectedBack = nan(inner);
        engine.multiplyTransposedRight(d, 1, cols, w, inner, expectedBack);
        assertArrayEquals(expectedBack, back, 0.0, "delta");
        double[] expectedGb = new double[cols];
        Matrices.columnSums(d, 1, cols, scale, expectedGb);
        assertArrayEquals(expectedGb, gb, 0.0, "the bias gradient stays in double");

        double[] alone = nan(inner * cols);
        FloatMatrices.backwardRow(x, 2, inner, d, cols, w, scale, alone, null, null);
        assertArrayEquals(gw, alone, 0.0, "without bias or delta");
        if (inner > 0 && cols > 0) {
            d[cols - 1] = Double.POSITIVE_INFINITY;
            assertTrue(Double.isNaN(FloatMatrices.backwardRow(x, 2, inner, d, cols, w, scale, gw,
                    null, back)), "a non-finite gradient is reported");
        }
    }

    @Test
    void floatLoopsDifferFromTheDoubleOnes() {
        int rows = 31;
        int inner = 33;
        int cols = 17;
        SplittableRandom rnd = new SplittableRandom(rows + inner + cols);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] inDouble = new double[rows * cols];
        double[] inFloat = new double[rows * cols];
        Matrices.multiply(a, rows, inner, w, cols, null, inDouble);
        FloatMatrices.multiply(a, rows, inner, w, cols, null, inFloat);
        assertFalse(Arrays.equals(inDouble, inFloat));
        assertArrayEquals(inDouble, inFloat, 1e-4 * inner);
    }
}
