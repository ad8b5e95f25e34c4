package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer against steps worked out by hand on two blocks: a 2-entry weight block and a
 * 1-entry bias block. Expected values are exact decimal arithmetic (checked with Python's
 * {@code decimal} at 40 digits); the tolerance {@code 1e-12} only absorbs double rounding.
 */
class HandComputedStepsTest {

    private static final double TOL = 1e-12;

    /** Layer 1: weights (2 entries), biases (1 entry). */
    static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 2), new Block(1, Kind.BIASES, 1)));

    @Test
    void sgd() {
        // lr = 0.1, w = (1, 2 | -1), g = (0.5, -1 | 2)
        // w - 0.1 g = (1 - 0.05, 2 + 0.1 | -1 - 0.2) = (0.95, 2.1 | -1.2)
        OptimizerState s = new Sgd(0.1).start(LAYOUT);
        double[][] w = {{1, 2}, {-1}};
        s.update(w, new double[][] {{0.5, -1}, {2}});
        assertArrayEquals(new double[] {0.95, 2.1}, w[0], TOL);
        assertArrayEquals(new double[] {-1.2}, w[1], TOL);
        assertEquals(1, s.steps());
    }

    @Test
    void normalizedGradientUsesTheNormOfAllBlocksTogether() {
        // lr = 0.5, w = (1, 1 | 1), g = (3, 0 | 4): ||g|| = sqrt(9 + 0 + 16) = 5 over both blocks
        // step = 0.5 g / 5 = (0.3, 0 | 0.4) -> w = (0.7, 1 | 0.6)
        // (normalizing per block would have moved the bias by 0.5, to 0.5)
        OptimizerState s = new NormalizedGradient(0.5).start(LAYOUT);
        double[][] w = {{1, 1}, {1}};
        s.update(w, new double[][] {{3, 0}, {4}});
        assertArrayEquals(new double[] {0.7, 1}, w[0], TOL);
        assertArrayEquals(new double[] {0.6}, w[1], TOL);
        // second step, g = (0, -1 | 0): ||g|| = 1, step = 0.5 (0, -1 | 0) -> w = (0.7, 1.5 | 0.6)
        s.update(w, new double[][] {{0, -1}, {0}});
        assertArrayEquals(new double[] {0.7, 1.5}, w[0], TOL);
        assertArrayEquals(new double[] {0.6}, w[1], TOL);
        assertEquals(2, s.steps());
    }

    @Test
    void momentumOverTwoSteps() {
        // lr = 0.1, mu = 0.9, w = (1, 2 | 3), v = 0
        // step 1, g = (1, -2 | 0): v = 0.9 * 0 - 0.1 g = (-0.1, 0.2 | 0)
        //                          w = (0.9, 2.2 | 3)            (= the sgd step)
        // step 2, g = (1, 0 | 1):  v = 0.9 (-0.1, 0.2 | 0) - 0.1 (1, 0 | 1)
        //                            = (-0.09 - 0.1, 0.18 - 0 | 0 - 0.1) = (-0.19, 0.18 | -0.1)
        //                          w = (0.9 - 0.19, 2.2 + 0.18 | 3 - 0.1) = (0.71, 2.38 | 2.9)
        OptimizerState s = new Momentum(0.1, 0.9).start(LAYOUT);
        double[][] w = {{1, 2}, {3}};
        s.update(w, new double[][] {{1, -2}, {0}});
        assertArrayEquals(new double[] {0.9, 2.2}, w[0], TOL);
        assertArrayEquals(new double[] {3}, w[1], TOL);
        s.update(w, new double[][] {{1, 0}, {1}});
        assertArrayEquals(new double[] {0.71, 2.38}, w[0], TOL);
        assertArrayEquals(new double[] {2.9}, w[1], TOL);
        assertEquals(2, s.steps());
    }

    @Test
    void adamOverTwoSteps() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, w = (1, -2 | 0.5), m = v = 0
        //
        // step 1 (t = 1), g = (2, -0.5 | 0):
        //   m = 0.1 g = (0.2, -0.05 | 0),  v = 0.001 g^2 = (0.004, 0.00025 | 0)
        //   mHat = m / (1 - 0.9) = g,      vHat = v / (1 - 0.999) = g^2
        //   step = lr g / (|g| + eps), i.e. about lr * sign(g):
        //     w0 = 1 - 0.1 * 2 / (2 + 1e-8)         = 1 - 0.0999999995      = 0.9000000005
        //     w1 = -2 + 0.1 * 0.5 / (0.5 + 1e-8)    = -2 + 0.09999999800... = -1.90000000200...
        //     w2 = 0.5 (g = 0 gives m = 0: no step)
        //
        // step 2 (t = 2), g = (2, 0 | 1); 1 - 0.9^2 = 0.19, 1 - 0.999^2 = 0.001999
        //   w0: m = 0.9 * 0.2 + 0.1 * 2 = 0.38, mHat = 0.38 / 0.19 = 2
        //       v = 0.999 * 0.004 + 0.001 * 4 = 0.007996, vHat = 0.007996 / 0.001999 = 4
        //       same step as before: w0 = 0.9000000005 - 0.0999999995 = 0.800000001
        //   w1: m = 0.9 * -0.05 = -0.045, mHat = -0.045 / 0.19 = -9/38
        //       v = 0.999 * 0.00025 = 0.00024975, vHat = 0.24975 / 1.999 = 0.124937468734...
        //       w1 = -1.900000002 - 0.1 (-9/38) / (sqrt(0.124937468734) + 1e-8)
        //          = -1.900000002 + 0.067005823518 = -1.832994178482031
        //   w2: m = 0.1, mHat = 0.1 / 0.19 = 10/19
        //       v = 0.001, vHat = 0.001 / 0.001999 = 0.500250125063...
        //       w2 = 0.5 - 0.1 (10/19) / (sqrt(0.500250125063) + 1e-8) = 0.425586318695406
        OptimizerState s = new Adam(0.1, 0.9, 0.999, 1e-8).start(LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.9000000005, -1.90000000199999996}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        s.update(w, new double[][] {{2, 0}, {1}});
        assertArrayEquals(new double[] {0.800000000999999995, -1.832994178482030717}, w[0], TOL);
        assertArrayEquals(new double[] {0.425586318695406514}, w[1], TOL);
        assertEquals(2, s.steps());
    }

    @Test
    void adamFirstStepIsAboutLrTimesSignWhateverTheScale() {
        // mHat = g, vHat = g^2 at t = 1, so the step is lr g / (|g| + eps) ~ lr sign(g)
        OptimizerState s = new Adam(0.001, 0.9, 0.999, 1e-8).start(LAYOUT);
        double[][] w = {{0, 0}, {0}};
        s.update(w, new double[][] {{1e3, -1e-3}, {42}});
        assertEquals(-0.001, w[0][0], 1e-12);
        assertEquals(0.001, w[0][1], 1e-8); // 0.001 * 1e-3 / (1e-3 + 1e-8): off by 1e-5 relative
        assertEquals(-0.001, w[1][0], 1e-12);
    }

    @Test
    void nesterovFirstStepIsOnePlusMuTimesSgd() {
        // lr = 0.1, mu = 0.9, w = (1, 2 | 3), g = (1, -2 | 0.5)
        // v = -0.1 g = (-0.1, 0.2 | -0.05); w += 0.9 v - 0.1 g = 1.9 * (-0.1 g)
        //   = (1 - 0.19, 2 + 0.38 | 3 - 0.095) = (0.81, 2.38 | 2.905)
        // step 2, g = (0, 0 | 0): v = 0.9 v = (-0.09, 0.18 | -0.045); w += 0.9 v
        //   = (0.81 - 0.081, 2.38 + 0.162 | 2.905 - 0.0405) = (0.729, 2.542 | 2.8645)
        OptimizerState s = new Nesterov(0.1, 0.9).start(LAYOUT);
        double[][] w = {{1, 2}, {3}};
        s.update(w, new double[][] {{1, -2}, {0.5}});
        assertArrayEquals(new double[] {0.81, 2.38}, w[0], TOL);
        assertArrayEquals(new double[] {2.905}, w[1], TOL);
        s.update(w, new double[][] {{0, 0}, {0}});
        assertArrayEquals(new double[] {0.729, 2.542}, w[0], TOL);
        assertArrayEquals(new double[] {2.8645}, w[1], TOL);
    }

    @Test
    void rpropAdaptsItsStepsFromSigns() {
        // eta+ = 1.2, eta- = 0.5, initial 0.1, min 0.04, max 0.13; w = (0, 0 | 0)
        // step 1, g = (1, -3 | 2):  first steps 0.1 * sign(g): w = (-0.1, 0.1 | -0.1)
        // step 2, g = (5, 1 | 0):   same sign -> 0.12, -0.1 (change: 0.05, no move), 0: nothing
        //                           w = (-0.22, 0.1 | -0.1), prev = (5, 0 | 0)
        // step 3, g = (2, -1 | -1): same sign -> min(0.144, 0.13) = 0.13; after a zeroed
        //                           gradient the step is not adapted: 0.05; w2: prev 0 -> 0.1
        //                           w = (-0.35, 0.15 | 0)
        // step 4, g = (-1, -1 | 1): change -> max(0.065, 0.04) = 0.065, no move; same sign ->
        //                           0.06; change -> 0.05, no move.   w = (-0.35, 0.21 | 0)
        OptimizerState s = new Rprop(1.2, 0.5, 0.1, 0.04, 0.13).start(LAYOUT);
        double[][] w = {{0, 0}, {0}};
        s.update(w, new double[][] {{1, -3}, {2}});
        assertArrayEquals(new double[] {-0.1, 0.1}, w[0], TOL);
        assertArrayEquals(new double[] {-0.1}, w[1], TOL);
        s.update(w, new double[][] {{5, 1}, {0}});
        assertArrayEquals(new double[] {-0.22, 0.1}, w[0], TOL);
        assertArrayEquals(new double[] {-0.1}, w[1], TOL);
        s.update(w, new double[][] {{2, -1}, {-1}});
        assertArrayEquals(new double[] {-0.35, 0.15}, w[0], TOL);
        assertArrayEquals(new double[] {0}, w[1], TOL);
        s.update(w, new double[][] {{-1, -1}, {1}});
        assertArrayEquals(new double[] {-0.35, 0.21}, w[0], TOL);
        assertArrayEquals(new double[] {0}, w[1], TOL);
        assertArrayEquals(new double[] {0.065, 0.06}, s.snapshot().value("step.0"), TOL);
        assertArrayEquals(new double[] {0.05}, s.snapshot().value("step.1"), TOL);
    }

    @Test
    void rpropTurnsANonFiniteGradientIntoNaN() {
        double[][] w = {{1, 2}, {3}};
        new Rprop(1.2, 0.5, 0.1, 1e-6, 50).start(LAYOUT)
                .update(w, new double[][] {{Double.NEGATIVE_INFINITY, Double.NaN}, {1}});
        assertTrue(Double.isNaN(w[0][0]) && Double.isNaN(w[0][1]));
        assertEquals(2.9, w[1][0], TOL);
    }
}
