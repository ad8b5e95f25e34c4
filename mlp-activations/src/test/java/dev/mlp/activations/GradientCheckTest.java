package dev.mlp.activations;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mlp.api.Activation;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference check of every activation's {@code backward}.
 *
 * <p>For a batch {@code z} and a random upstream gradient {@code g}, the scalar
 * {@code L(z) = sum_i g_i f(z)_i} has {@code dL/dz = backward(z, f(z), g)}. Each entry of that is
 * compared with the central difference {@code (L(z + h e_j) - L(z - h e_j)) / (z_j+ - z_j-)},
 * where {@code z_j+-} are the perturbed values as actually stored (so the representation error of
 * {@code z_j +- h} does not count). Only the row of {@code j} is summed in {@code L}: the other
 * rows do not depend on {@code z_j}, and leaving them out keeps their rounding noise out of the
 * difference.
 *
 * <p>Points within {@code 2h} of a kink (where the derivative jumps) are skipped here; the
 * contract test checks the chosen one-sided derivative there.
 *
 * <p>Tolerance: {@code |fd - analytic| <= RTOL * max(|fd|, |analytic|) + ATOL}. With
 * {@code h = 1e-5} the truncation error is {@code O(h^2 f''') ~ 1e-10} and the rounding error
 * {@code ~ eps |L| / h ~ 1e-10}, so {@code RTOL = 1e-6} and {@code ATOL = 1e-9} leave a margin
 * of about 10 without hiding a wrong derivative (a wrong factor or sign shows as an error of
 * order 1e-2 or more). {@code ATOL} matters only where the derivative itself is below 1e-3,
 * e.g. sigmoid at +-30 whose difference quotient is pure rounding noise of order 1e-11.
 */
class GradientCheckTest {

    private static final double H = 1e-5;
    private static final double RTOL = 1e-6;
    private static final double ATOL = 1e-9;

    static Stream<Arguments> activations() {
        return Activations.arguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void randomBatch(String spec, Activation f) {
        Random rnd = new Random(20240406L);
        int rows = 4;
        int cols = 5;
        double[] z = new double[rows * cols];
        for (int i = 0; i < z.length; i++) {
            double v = -3 + 6 * rnd.nextDouble();
            // keep clear of the kink at 0 by much more than H
            z[i] = Math.abs(v) < 0.01 ? 0.5 : v;
        }
        check(f, z, rows, cols, rnd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void scalarPointsNearKinksAndAtExtremes(String spec, Activation f) {
        double[] points = {-700, -30, -5, -1, -1e-3, -1e-4, 1e-4, 1e-3, 1, 5, 30, 700};
        Random rnd = new Random(7L);
        if (f instanceof Softmax) {
            // a 1 x 1 softmax is the constant 1; check the points as the entries of wide rows
            check(f, new double[] {-700, -30, -1e-3, 1e-3, 30, 700}, 1, 6, rnd);
            check(f, new double[] {-5, -1, -1e-4, 1e-4, 1, 5}, 1, 6, rnd);
            return;
        }
        // rows = points: every entry is its own scalar point
        check(f, points, points.length, 1, rnd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void largeMagnitudeRows(String spec, Activation f) {
        // rows that are far from 0 in both directions and, for softmax, nearly saturated
        double[] z = {
            1000, 999, -1000, 998.5,
            -40, -41, -39.5, -45,
            15, -15, 0.25, 2,
        };
        check(f, z, 3, 4, new Random(11L));
    }

    private static void check(Activation f, double[] z, int rows, int cols, Random rnd) {
        int n = rows * cols;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -1 + 2 * rnd.nextDouble();
        }
        double[] a = new double[n];
        f.forward(z, a, rows, cols);
        double[] analytic = new double[n];
        f.backward(z, a, g, analytic, rows, cols);

        StringBuilder failures = new StringBuilder();
        for (int j = 0; j < n; j++) {
            if (Activations.nearKink(f, z[j], 2 * H)) {
                continue; // one-sided derivatives at kinks are checked by the contract test
            }
            int row = j / cols;
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[j] = z[j] + H;
            zm[j] = z[j] - H;
            double fd = (rowLoss(f, zp, g, row, rows, cols) - rowLoss(f, zm, g, row, rows, cols))
                    / (zp[j] - zm[j]);
            double an = analytic[j];
            double tol = RTOL * Math.max(Math.abs(fd), Math.abs(an)) + ATOL;
            assertTrue(Double.isFinite(an), () -> f + ": backward not finite");
            if (!(Math.abs(fd - an) <= tol)) {
                failures.append(String.format("%n  z[%d] = %s: analytic %.17g, finite difference"
                        + " %.17g, |diff| %.3g > tol %.3g", j, z[j], an, fd, Math.abs(fd - an),
                        tol));
            }
        }
        if (failures.length() > 0) {
            fail(f + ": gradient check failed" + failures);
        }
    }

    private static double rowLoss(Activation f, double[] z, double[] g, int row, int rows,
                                  int cols) {
        double[] a = new double[rows * cols];
        f.forward(z, a, rows, cols);
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            int i = row * cols + c;
            sum += g[i] * a[i];
        }
        return sum;
    }
}
