package dev.mlp.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API products against the plain loops of {@link Matrices} (within rounding), against
 * the fused multiply-add chain they are defined by and the pure-Java {@link Gemm} (bit for bit),
 * and against themselves on other thread counts (bit for bit), over a sweep of shapes with 0, 1,
 * sizes that are not multiples of the vector width or the tile, and sizes beyond one packed
 * block of rows or of steps.
 */
class VectorProductsTest {

    static List<Arguments> shapes() {
        int[] dims = {0, 1, 2, 7, 8, 9, 17, 33};
        List<Arguments> out = new ArrayList<>();
        for (int r : dims) {
            for (int k : dims) {
                for (int c : dims) {
                    out.add(Arguments.of(r, k, c));
                }
            }
        }
        int kc = VectorProducts.KC;
        out.add(Arguments.of(128, 97, 65));
        out.add(Arguments.of(1, 300, 129));
        out.add(Arguments.of(130, 1, 257));
        out.add(Arguments.of(9, 2 * kc + 3, 20));
        out.add(Arguments.of(2 * kc + 3, 9, 20));
        out.add(Arguments.of(10, 20, kc + 5));
        out.add(Arguments.of(2 * VectorProducts.MC + 5, kc + 7, 19));
        out.add(Arguments.of(37, kc, 31));
        out.add(Arguments.of(24, kc + 1, 48));
        out.add(Arguments.of(70, 40, 10));
        return out;
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        return v;
    }

    private static double[] garbage(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    private static void assertClose(double[] expected, double[] actual, int terms, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-14 * (1 + terms) * (1 + Math.abs(expected[i])) * 4;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + " entry " + i
                    + ": plain loops " + expected[i] + ", vector " + actual[i]);
        }
    }

    /** {@code scale · (init + Σ_k l[i,k]·b[k,j])} as one fma chain in increasing k. */
    private static double[] fmaChain(double[] l, int lsi, int lsk, double[] b, int bk, int bj,
                                     int m, int depth, int n, double[] init, double scale) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = init == null ? 0.0 : init[j];
                for (int k = 0; k < depth; k++) {
                    v = Math.fma(l[i * lsi + k * lsk], b[k * bk + j * bj], v);
                }
                out[i * n + j] = scale != 1.0 ? v * scale : v;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void tilesAgreeWithPlainLoopsAndAreTheFmaChain(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 10_000L + inner * 100L + cols);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);
        double scale = 0.125 + rnd.nextDouble();
        VectorProducts v = new VectorProducts(1, true, Gemm::new);

        double[] z = garbage(rows * cols);
        v.multiply(a, rows, inner, w, cols, bias, z);
        double[] ref = new double[rows * cols];
        Matrices.multiply(a, rows, inner, w, cols, bias, ref);
        assertClose(ref, z, inner, "A·W+b");
        assertArrayEquals(fmaChain(a, inner, 1, w, cols, 1, rows, inner, cols, bias, 1.0), z,
                "A·W+b is not the fma chain");
        v.multiply(a, rows, inner, w, cols, null, z);
        Matrices.multiply(a, rows, inner, w, cols, null, ref);
        assertClose(ref, z, inner, "A·W");

        double[] g = garbage(inner * cols);
        v.multiplyTransposedLeft(a, rows, inner, d, cols, scale, g);
        double[] gRef = new double[inner * cols];
        Matrices.multiplyTransposedLeft(a, rows, inner, d, cols, scale, gRef);
        assertClose(gRef, g, rows, "s·Aᵀ·δ");
        assertArrayEquals(fmaChain(a, 1, inner, d, cols, 1, inner, rows, cols, null, scale), g,
                "s·Aᵀ·δ is not the fma chain");

        double[] back = garbage(rows * inner);
        v.multiplyTransposedRight(d, rows, cols, w, inner, back);
        double[] backRef = new double[rows * inner];
        Matrices.multiplyTransposedRight(d, rows, cols, w, inner, backRef);
        assertClose(backRef, back, cols, "δ·Wᵀ");
        assertArrayEquals(fmaChain(d, cols, 1, w, 1, cols, rows, cols, inner, null, 1.0), back,
                "δ·Wᵀ is not the fma chain");
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void sameBitsAsThePureJavaBackend(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(7 + rows * 10_000L + inner * 100L + cols);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);
        Gemm java = new Gemm(1);
        VectorProducts v = new VectorProducts(2, Gemm::new);

        double[] expected = new double[rows * cols];
        double[] actual = garbage(rows * cols);
        java.multiply(a, rows, inner, w, cols, bias, expected);
        v.multiply(a, rows, inner, w, cols, bias, actual);
        assertArrayEquals(expected, actual, "A·W+b");

        expected = new double[inner * cols];
        actual = garbage(inner * cols);
        java.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / 3, expected);
        v.multiplyTransposedLeft(a, rows, inner, d, cols, 1.0 / 3, actual);
        assertArrayEquals(expected, actual, "s·Aᵀ·δ");

        expected = new double[rows * inner];
        actual = garbage(rows * inner);
        java.multiplyTransposedRight(d, rows, cols, w, inner, expected);
        v.multiplyTransposedRight(d, rows, cols, w, inner, actual);
        assertArrayEquals(expected, actual, "δ·Wᵀ");
    }

    static List<Arguments> largeShapes() {
        // above the parallel threshold; split by rows, by columns, and with ragged edges
        return List.of(Arguments.of(64, 100, 70), Arguments.of(200, 65, 40),
                Arguments.of(33, 300, 129), Arguments.of(128, 300, 16));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("largeShapes")
    void bitIdenticalForAnyThreadCountAndRun(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows + inner + cols);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);
        assertTrue((long) rows * inner * cols >= VectorProducts.PARALLEL_THRESHOLD);

        double[][] first = null;
        for (int threads : new int[] {1, 2, 3, 2}) {
            VectorProducts v = new VectorProducts(threads, Gemm::new);
            double[][] got = {garbage(rows * cols), garbage(inner * cols), garbage(rows * inner)};
            v.multiply(a, rows, inner, w, cols, bias, got[0]);
            v.multiplyTransposedLeft(a, rows, inner, d, cols, 0.01, got[1]);
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
    void reusedEngineGivesTheSameResultAfterOtherShapes() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = random(rnd, 50 * 60);
        double[] w = random(rnd, 60 * 70);
        VectorProducts v = new VectorProducts(2, Gemm::new);
        double[] once = new double[50 * 70];
        v.multiply(a, 50, 60, w, 70, null, once);
        double[] big = new double[300 * 70];
        v.multiply(random(rnd, 300 * 60), 300, 60, w, 70, random(rnd, 70), big);
        double[] again = garbage(50 * 70);
        v.multiply(a, 50, 60, w, 70, null, again);
        assertArrayEquals(once, again);
    }

    @Test
    void badArgumentsSayWhatAndWhere() {
        VectorProducts v = new VectorProducts(1, Gemm::new);
        double[] a = new double[12];
        double[] w = new double[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, 4, 4, w, 3, null, new double[12]));
        assertEquals("A·W: a must have at least 4 x 4 = 16 entries, found 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, 3, 4, w, 3, new double[2], new double[9]));
        assertEquals("A·W: bias must have at least cols = 3 entries, found 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiplyTransposedLeft(a, 3, 4, w, 4, 1.0, new double[15]));
        assertEquals("s·Aᵀ·δ: out must have at least 4 x 4 = 16 entries, found 15",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiplyTransposedRight(a, 3, 4, w, 3, a));
        assertEquals("δ·Wᵀ: out must not be the same array as d", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> v.multiply(a, -1, 4, w, 3, null, new double[12]));
        assertEquals("A·W: sizes must be >= 0, found a -1 x 4, w 4 x 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VectorProducts(0, Gemm::new));
        assertEquals("thread count must be >= 1, found 0", e.getMessage());
    }
}
