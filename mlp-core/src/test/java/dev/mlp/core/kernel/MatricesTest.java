package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Each kernel against a naive triple loop, for every shape in {0,1,2,3,7}^3. Inputs are longer
 * than needed and padded with NaN, so reading past the documented extent poisons the result;
 * outputs are longer than needed and padded with a sentinel, so writing past it is caught.
 */
class MatricesTest {

    private static final int[] DIMS = {0, 1, 2, 3, 7};
    private static final int PAD = 5;
    private static final double SENTINEL = -12345.678;

    static List<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        for (int r : DIMS) {
            for (int k : DIMS) {
                for (int c : DIMS) {
                    out.add(Arguments.of(r, k, c));
                }
            }
        }
        return out;
    }

    /** {@code n} random values in [-2, 2), then {@link #PAD} NaNs. */
    private static double[] input(SplittableRandom rnd, int n) {
        double[] v = new double[n + PAD];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        Arrays.fill(v, n, v.length, Double.NaN);
        return v;
    }

    /** An output buffer full of garbage (so stale values are caught), sentinel-padded. */
    private static double[] output(SplittableRandom rnd, int n) {
        double[] v = new double[n + PAD];
        for (int i = 0; i < n; i++) {
            v[i] = 1e6 + rnd.nextDouble();
        }
        Arrays.fill(v, n, v.length, SENTINEL);
        return v;
    }

    private static SplittableRandom random(int rows, int inner, int cols) {
        return new SplittableRandom(1000L * rows + 100L * inner + cols);
    }

    /** |actual - expected| <= 1e-12 * (1 + sum of |terms|), and the padding untouched. */
    private static void assertMatches(double[] expected, double[] magnitude, double[] actual,
                                      String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-12 * (1 + magnitude[i]);
            assertTrue(Math.abs(actual[i] - expected[i]) <= tol, what + " entry " + i + ": expected "
                    + expected[i] + ", got " + actual[i]);
        }
        for (int i = expected.length; i < actual.length; i++) {
            assertEquals(SENTINEL, actual[i], what + " wrote past its output at " + i);
        }
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @MethodSource("shapes")
    void multiply(int rows, int inner, int cols) {
        SplittableRandom rnd = random(rows, inner, cols);
        double[] a = input(rnd, rows * inner);
        double[] w = input(rnd, inner * cols);
        double[] bias = input(rnd, cols);
        double[] expected = new double[rows * cols];
        double[] expectedBias = new double[rows * cols];
        double[] magnitude = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                double m = 0;
                for (int k = 0; k < inner; k++) {
                    s += a[r * inner + k] * w[k * cols + c];
                    m += Math.abs(a[r * inner + k] * w[k * cols + c]);
                }
                expected[r * cols + c] = s;
                expectedBias[r * cols + c] = s + bias[c];
                magnitude[r * cols + c] = m + Math.abs(bias[c]);
            }
        }
        double[] out = output(rnd, rows * cols);
        Matrices.multiply(a, rows, inner, w, cols, null, out);
        assertMatches(expected, magnitude, out, "multiply");

        double[] outB = output(rnd, rows * cols);
        Matrices.multiply(a, rows, inner, w, cols, bias, outB);
        assertMatches(expectedBias, magnitude, outB, "multiply with bias");
    }

    @ParameterizedTest(name = "({0}x{1})T times {0}x{2}")
    @MethodSource("shapes")
    void multiplyTransposedLeft(int rows, int inner, int cols) {
        SplittableRandom rnd = random(rows, inner, cols);
        double[] a = input(rnd, rows * inner);
        double[] d = input(rnd, rows * cols);
        for (double scale : new double[] {1.0, 0.25, -3.0}) {
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
            double[] out = output(rnd, inner * cols);
            Matrices.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
            assertMatches(expected, magnitude, out, "multiplyTransposedLeft scale " + scale);
        }
    }

    @ParameterizedTest(name = "{0}x{2} times ({1}x{2})T")
    @MethodSource("shapes")
    void multiplyTransposedRight(int rows, int inner, int cols) {
        SplittableRandom rnd = random(rows, inner, cols);
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
        double[] out = output(rnd, rows * inner);
        Matrices.multiplyTransposedRight(d, rows, cols, w, inner, out);
        assertMatches(expected, magnitude, out, "multiplyTransposedRight");
    }

    @ParameterizedTest(name = "column sums of {0}x{2}")
    @MethodSource("shapes")
    void columnSums(int rows, int ignored, int cols) {
        SplittableRandom rnd = random(rows, ignored, cols);
        double[] d = input(rnd, rows * cols);
        for (double scale : new double[] {1.0, 1.0 / 3.0}) {
            double[] expected = new double[cols];
            double[] magnitude = new double[cols];
            for (int c = 0; c < cols; c++) {
                double s = 0;
                double m = 0;
                for (int r = 0; r < rows; r++) {
                    s += d[r * cols + c];
                    m += Math.abs(d[r * cols + c]);
                }
                expected[c] = scale * s;
                magnitude[c] = m;
            }
            double[] out = output(rnd, cols);
            Matrices.columnSums(d, rows, cols, scale, out);
            assertMatches(expected, magnitude, out, "columnSums scale " + scale);
        }
    }

    @Test
    void smallProductsWorkedByHand() {
        // [1 2; 3 4] . [5 6; 7 8] = [1*5+2*7, 1*6+2*8; 3*5+4*7, 3*6+4*8] = [19 22; 43 50]
        double[] a = {1, 2, 3, 4};
        double[] w = {5, 6, 7, 8};
        double[] out = new double[4];
        Matrices.multiply(a, 2, 2, w, 2, null, out);
        assertArrayEquals(new double[] {19, 22, 43, 50}, out, 0.0);
        // with bias (10, 20): [29 42; 53 70]
        Matrices.multiply(a, 2, 2, w, 2, new double[] {10, 20}, out);
        assertArrayEquals(new double[] {29, 42, 53, 70}, out, 0.0);
        // aT . w = [1 3; 2 4] . [5 6; 7 8] = [26 30; 38 44], halved: [13 15; 19 22]
        Matrices.multiplyTransposedLeft(a, 2, 2, w, 2, 0.5, out);
        assertArrayEquals(new double[] {13, 15, 19, 22}, out, 0.0);
        // a . wT = [1 2; 3 4] . [5 7; 6 8] = [17 23; 39 53]
        Matrices.multiplyTransposedRight(a, 2, 2, w, 2, out);
        assertArrayEquals(new double[] {17, 23, 39, 53}, out, 0.0);
        // column sums of [1 2; 3 4] = (4, 6)
        double[] sums = new double[2];
        Matrices.columnSums(a, 2, 2, 1.0, sums);
        assertArrayEquals(new double[] {4, 6}, sums, 0.0);
    }

    @Test
    void nonSquareProductWorkedByHand() {
        // 1x3 [1 2 3] . 3x2 [1 0; 0 1; 1 1] = [1+3, 2+3] = [4 5]
        double[] out = new double[2];
        Matrices.multiply(new double[] {1, 2, 3}, 1, 3, new double[] {1, 0, 0, 1, 1, 1}, 2, null,
                out);
        assertArrayEquals(new double[] {4, 5}, out, 0.0);
    }

    @Test
    void gatherRowsCopiesTheOrderedRows() {
        double[] src = {0, 1, 10, 11, 20, 21, 30, 31};
        int[] order = {3, 1, 0, 2};
        double[] out = new double[6 + PAD];
        Arrays.fill(out, SENTINEL);
        Matrices.gatherRows(src, 2, order, 1, 3, out); // rows order[1..3] = 1, 0, 2
        assertArrayEquals(new double[] {10, 11, 0, 1, 20, 21},
                Arrays.copyOf(out, 6), 0.0);
        for (int i = 6; i < out.length; i++) {
            assertEquals(SENTINEL, out[i]);
        }
    }
}
