package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Gemm} against plain triple loops over a sweep of shapes that includes 0 and 1, every
 * remainder of the four-row inner loop, both sides of the {@link Panels#BLOCK} cache block, and
 * products large enough to be split over threads by rows and by columns. Every shape is run with
 * 1, 2 and 3 threads, on the public engine and on one forced onto the packed path even where the
 * public one takes plain loops; for each path the results must be the same bits. Inputs are padded with NaN and
 * outputs with a sentinel, so reading or writing past the documented extent is caught.
 */
class GemmTest {

    private static final int PAD = 3;
    private static final double SENTINEL = -4242.5;
    private static final int[] THREADS = {1, 2, 3};

    /** The engines compared: the public one, then ones forced onto the packed path. */
    private static List<Gemm> engines() {
        List<Gemm> out = new ArrayList<>();
        for (int t : THREADS) {
            out.add(new Gemm(t));
        }
        for (int t : THREADS) {
            out.add(new Gemm(t, true));
        }
        return out;
    }

    static List<Arguments> shapes() {
        int[] small = {0, 1, 2, 3, 4, 5, 7, 9};
        List<Arguments> out = new ArrayList<>();
        for (int r : small) {
            for (int k : small) {
                for (int c : small) {
                    out.add(Arguments.of(r, k, c));
                }
            }
        }
        int b = Panels.BLOCK;
        int[][] large = {
            {1, b - 1, 17}, {3, b, 8}, {5, b + 1, 33}, {2, 2 * b + 3, 9}, {b + 2, 6, 1},
            {40, 130, 70},      // split by rows
            {3, 150, 400},      // few output rows: split by columns
            {130, 67, 131},
            {1, 1, 2000},
        };
        for (int[] s : large) {
            out.add(Arguments.of(s[0], s[1], s[2]));
        }
        return out;
    }

    private static double[] input(SplittableRandom rnd, int n) {
        double[] v = new double[n + PAD];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        Arrays.fill(v, n, v.length, Double.NaN);
        return v;
    }

    private static double[] output(int n) {
        double[] v = new double[n + PAD];
        Arrays.fill(v, 0, n, 1e6);
        Arrays.fill(v, n, v.length, SENTINEL);
        return v;
    }

    private static void assertClose(double[] expected, double[] magnitude, double[] actual,
                                    String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-12 * (1 + magnitude[i]);
            double e = expected[i];
            double got = actual[i];
            assertTrue(Math.abs(got - e) <= tol, () -> what + " entry " + " expected " + e
                    + ", got " + got);
        }
        for (int i = expected.length; i < actual.length; i++) {
            assertEquals(SENTINEL, actual[i], what + " wrote past its output at " + i);
        }
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @MethodSource("shapes")
    void multiply(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(31L * rows + 7L * inner + cols);
        double[] a = input(rnd, rows * inner);
        double[] w = input(rnd, inner * cols);
        double[] bias = input(rnd, cols);
        for (boolean withBias : new boolean[] {false, true}) {
            double[] expected = new double[rows * cols];
            double[] magnitude = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double s = withBias ? bias[c] : 0;
                    double m = Math.abs(s);
                    for (int k = 0; k < inner; k++) {
                        s += a[r * inner + k] * w[k * cols + c];
                        m += Math.abs(a[r * inner + k] * w[k * cols + c]);
                    }
                    expected[r * cols + c] = s;
                    magnitude[r * cols + c] = m;
                }
            }
            double[] first = null;
            for (Gemm gemm : engines()) {
                int t = gemm.threads();
                double[] out = output(rows * cols);
                gemm.multiply(a, rows, inner, w, cols, withBias ? bias : null, out);
                assertClose(expected, magnitude, out, "multiply, " + t + " threads");
                if (t == 1) {
                    first = out;
                } else {
                    assertArrayEquals(first, out, 0.0, "bits differ with " + t + " threads");
                }
            }
        }
    }

    @ParameterizedTest(name = "({0}x{1})T times {0}x{2}")
    @MethodSource("shapes")
    void multiplyTransposedLeft(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(37L * rows + 5L * inner + cols);
        double[] a = input(rnd, rows * inner);
        double[] d = input(rnd, rows * cols);
        for (double scale : new double[] {1.0, -0.25}) {
            double[] expected = new double[inner * cols];
            double[] magnitude = new double[inner * cols];
            for (int k = 0; k < inner; k++) {
                for (int c = 0; c < cols; c++) {
                    double s = 0;
                    double m = 0;
                    for (int r = 0; r < rows; r++) {
                        s += a[r * inner + k] * d[r * cols + c];
                        m += Math.abs(a[r * inner + k] * d[r * cols + c]);
                    }
                    expected[k * cols + c] = scale * s;
                    magnitude[k * cols + c] = Math.abs(scale) * m;
                }
            }
            double[] first = null;
            for (Gemm gemm : engines()) {
                int t = gemm.threads();
                double[] out = output(inner * cols);
                gemm.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
                assertClose(expected, magnitude, out, "multiplyTransposedLeft, " + t
                        + " threads");
                if (t == 1) {
                    first = out;
                } else {
                    assertArrayEquals(first, out, 0.0, "bits differ with " + t + " threads");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{2} times ({1}x{2})T")
    @MethodSource("shapes")
    void multiplyTransposedRight(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(41L * rows + 3L * inner + cols);
        double[] d = input(rnd, rows * cols);
        double[] w = input(rnd, inner * cols);
        double[] expected = new double[rows * inner];
        double[] magnitude = new double[rows * inner];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < inner; k++) {
                double s = 0;
                double m = 0;
                for (int c = 0; c < cols; c++) {
                    s += d[r * cols + c] * w[k * cols + c];
                    m += Math.abs(d[r * cols + c] * w[k * cols + c]);
                }
                expected[r * inner + k] = s;
                magnitude[r * inner + k] = m;
            }
        }
        double[] first = null;
        for (Gemm gemm : engines()) {
            int t = gemm.threads();
            double[] out = output(rows * inner);
            gemm.multiplyTransposedRight(d, rows, cols, w, inner, out);
            assertClose(expected, magnitude, out, "multiplyTransposedRight, " + t + " threads");
            if (t == 1) {
                first = out;
            } else {
                assertArrayEquals(first, out, 0.0, "bits differ with " + t + " threads");
            }
        }
    }

    @Test
    void oneInstanceServesShapesThatGrowAndShrink() {
        Gemm gemm = new Gemm(2);
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{3, 4, 5}, {50, 200, 90}, {2, 3, 1}, {60, 90, 300}, {1, 1, 1}};
        for (int[] s : shapes) {
            int rows = s[0];
            int inner = s[1];
            int cols = s[2];
            double[] a = input(rnd, rows * inner);
            double[] w = input(rnd, inner * cols);
            double[] fast = new double[rows * cols];
            double[] plain = new double[rows * cols];
            gemm.multiply(a, rows, inner, w, cols, null, fast);
            Matrices.multiply(a, rows, inner, w, cols, null, plain);
            assertArrayEquals(plain, fast, 1e-10, "shape " + Arrays.toString(s));
        }
    }

    @Test
    void smallProductsWorkedByHand() {
        Gemm gemm = new Gemm(1);
        double[] a = {1, 2, 3, 4};
        double[] w = {5, 6, 7, 8};
        double[] out = new double[4];
        gemm.multiply(a, 2, 2, w, 2, new double[] {10, 20}, out);
        assertArrayEquals(new double[] {29, 42, 53, 70}, out, 0.0);
        gemm.multiplyTransposedLeft(a, 2, 2, w, 2, 0.5, out);
        assertArrayEquals(new double[] {13, 15, 19, 22}, out, 0.0);
        gemm.multiplyTransposedRight(a, 2, 2, w, 2, out);
        assertArrayEquals(new double[] {17, 23, 39, 53}, out, 0.0);
    }

    @Test
    void defaultThreadsComesFromThePropertyAndRejectsBadValues() {
        String old = System.getProperty(Gemm.THREADS_PROPERTY);
        try {
            System.setProperty(Gemm.THREADS_PROPERTY, "3");
            assertEquals(3, Gemm.defaultThreads());
            System.setProperty(Gemm.THREADS_PROPERTY, "two");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    Gemm::defaultThreads);
            assertEquals("system property mlp.threads must be a whole number >= 1, found 'two'",
                    e.getMessage());
            System.setProperty(Gemm.THREADS_PROPERTY, "0");
            e = assertThrows(IllegalArgumentException.class, Gemm::defaultThreads);
            assertEquals("system property mlp.threads must be >= 1, found 0", e.getMessage());
            System.clearProperty(Gemm.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), Gemm.defaultThreads());
        } finally {
            if (old == null) {
                System.clearProperty(Gemm.THREADS_PROPERTY);
            } else {
                System.setProperty(Gemm.THREADS_PROPERTY, old);
            }
        }
    }

    @Test
    void rejectsThreadCountBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Gemm(0));
        assertEquals("thread count must be >= 1, found 0", e.getMessage());
    }
}
