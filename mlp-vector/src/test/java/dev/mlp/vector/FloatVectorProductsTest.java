package dev.mlp.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.kernel.FloatGemm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code FloatVector} products against a {@code double} reference computed from the same
 * float operands (within the float rounding bound), against the pure-Java {@link FloatGemm}
 * (bit for bit: both are the same fma chain), and against themselves on 1, 2 and 3 threads (bit
 * for bit), over odd shapes with 0 and 1 and shapes beyond one packed block of rows or steps.
 * Every output starts as NaN, so an entry left unwritten shows.
 */
class FloatVectorProductsTest {

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
        int kc = FloatVectorProducts.KC;
        int panel = FloatMicroKernel.PANEL;
        out.add(Arguments.of(128, 97, 2 * panel + 1));
        out.add(Arguments.of(1, 300, 129));
        out.add(Arguments.of(130, 1, 257));
        out.add(Arguments.of(9, 2 * kc + 3, 20));
        out.add(Arguments.of(2 * kc + 3, 9, 20));
        out.add(Arguments.of(2 * FloatVectorProducts.MC + 5, kc + 7, panel + 3));
        out.add(Arguments.of(37, kc, 31));
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
                double v = init == null ? 0.0 : init[j];
                double mag = Math.abs(v);
                for (int k = 0; k < depth; k++) {
                    double t = (double) l[i * lsi + k * lsk] * b[k * bk + j * bj];
                    v += t;
                    mag += Math.abs(t);
                }
                out[i * n + j] = v * scale;
                magnitude[i * n + j] = mag * Math.abs(scale);
            }
        }
        return new double[][] {out, magnitude};
    }

    /**
     * Each of the {@code terms} float fused multiply-adds rounds once and the scale once more,
     * so the result is within {@code γ(terms + 1) · Σ |terms|} of the exact value, with
     * {@code γ(n) = n·u / (1 - n·u)} and {@code u = 2^-24}; the double reference's own error,
     * some 2^-29 times smaller, is covered by the factor 1.01.
     */
    private static void assertWithinFloatRounding(double[][] reference, float[] actual,
                                                  int terms, String what) {
        double n = terms + 1;
        double gamma = n * U / (1 - n * U);
        for (int i = 0; i < actual.length; i++) {
            double tol = 1.01 * gamma * reference[1][i] + Double.MIN_NORMAL;
            assertTrue(Math.abs(reference[0][i] - actual[i]) <= tol, what + " entry " + i
                    + ": reference " + reference[0][i] + ", vector " + actual[i]
                    + ", tolerance " + tol);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void withinFloatRoundingOfTheReferenceAndTheBitsOfThePureJavaFloats(int rows, int inner,
                                                                        int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 10_000L + inner * 100L + cols);
        float[] a = random(rnd, rows * inner);
        float[] w = random(rnd, inner * cols);
        float[] d = random(rnd, rows * cols);
        float[] bias = random(rnd, cols);
        float scale = 0.3f;
        FloatGemm java = new FloatGemm(1);
        for (boolean tiled : new boolean[] {true, false}) {
            FloatVectorProducts v = new FloatVectorProducts(1, tiled, new FloatGemm(1));
            String how = tiled ? " (tiles)" : "";
            for (float[] b : new float[][] {bias, null}) {
                float[] z = nan(rows * cols);
                v.multiply(a, rows, inner, w, cols, b, z);
                assertWithinFloatRounding(reference(a, inner, 1, w, cols, 1, rows, inner, cols,
                        b, 1.0f), z, inner, "A·W" + (b == null ? "" : "+b") + how);
                float[] expected = nan(rows * cols);
                java.multiply(a, rows, inner, w, cols, b, expected);
                assertArrayEquals(expected, z, "A·W bits" + how);
            }
            for (float s : new float[] {scale, 1.0f}) {
                float[] g = nan(inner * cols);
                v.multiplyTransposedLeft(a, rows, inner, d, cols, s, g);
                assertWithinFloatRounding(reference(a, 1, inner, d, cols, 1, inner, rows, cols,
                        null, s), g, rows, "s·Aᵀ·δ" + how);
                float[] expected = nan(inner * cols);
                java.multiplyTransposedLeft(a, rows, inner, d, cols, s, expected);
                assertArrayEquals(expected, g, "s·Aᵀ·δ bits" + how);
            }
            float[] back = nan(rows * inner);
            v.multiplyTransposedRight(d, rows, cols, w, inner, back);
            assertWithinFloatRounding(reference(d, cols, 1, w, 1, cols, rows, cols, inner, null,
                    1.0f), back, cols, "δ·Wᵀ" + how);
            float[] expected = nan(rows * inner);
            java.multiplyTransposedRight(d, rows, cols, w, inner, expected);
            assertArrayEquals(expected, back, "δ·Wᵀ bits" + how);
        }
    }

    static List<Arguments> largeShapes() {
        // above the parallel threshold; split by rows, by columns, and with ragged edges
        int panel = FloatMicroKernel.PANEL;
        return List.of(Arguments.of(64, 100, 70), Arguments.of(200, 65, 40),
                Arguments.of(33, 300, 4 * panel + 1), Arguments.of(128, 300, 16),
                Arguments.of(17, 1031, 31));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("largeShapes")
    void bitIdenticalForOneTwoAndThreeThreads(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows + inner + cols);
        float[] a = random(rnd, rows * inner);
        float[] w = random(rnd, inner * cols);
        float[] d = random(rnd, rows * cols);
        float[] bias = random(rnd, cols);
        assertTrue((long) rows * inner * cols >= FloatVectorProducts.PARALLEL_THRESHOLD);
        float[][] first = null;
        for (int threads : new int[] {1, 2, 3, 2}) {
            FloatVectorProducts v = new FloatVectorProducts(threads, new FloatGemm(threads));
            float[][] got = {nan(rows * cols), nan(inner * cols), nan(rows * inner)};
            v.multiply(a, rows, inner, w, cols, bias, got[0]);
            v.multiplyTransposedLeft(a, rows, inner, d, cols, 0.01f, got[1]);
            v.multiplyTransposedRight(d, rows, cols, w, inner, got[2]);
            if (first == null) {
                first = got;
            } else {
                for (int p = 0; p < 3; p++) {
                    assertArrayEquals(first[p], got[p], "product " + p + " with " + threads
                            + " threads differs from 1 thread");
                }
            }
        }
    }

    @Test
    void theTileIsTheWidestFloatVectorTwice() {
        assertEquals(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length(),
                FloatMicroKernel.LANES);
        assertEquals(2 * MicroKernel.LANES, FloatMicroKernel.LANES, "a float vector holds "
                + "twice the lanes of a double one");
        assertEquals(2 * FloatMicroKernel.LANES, FloatMicroKernel.PANEL);
    }

    @Test
    void badArgumentsSayWhatAndWhere() {
        FloatVectorProducts v = new FloatVectorProducts(1, new FloatGemm(1));
        float[] a = new float[12];
        float[] w = new float[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, 4, 4, w, 3, null, new float[12]));
        assertEquals("A·W: a must have at least 4 x 4 = 16 entries, found 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, 3, 4, w, 3, new float[2], new float[9]));
        assertEquals("A·W: bias must have at least cols = 3 entries, found 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiplyTransposedLeft(a, 3, 4, w, 4, 1.0f, new float[15]));
        assertEquals("s·Aᵀ·δ: out must have at least 4 x 4 = 16 entries, found 15",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiplyTransposedRight(a, 3, 4, w, 3, a));
        assertEquals("δ·Wᵀ: out must not be the same array as d", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, -1, 4, w, 3, null, new float[12]));
        assertEquals("A·W: sizes must be >= 0, found a -1 x 4, w 4 x 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new FloatVectorProducts(0, new FloatGemm(1)));
        assertEquals("thread count must be >= 1, found 0", e.getMessage());
    }
}
