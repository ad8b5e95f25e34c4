package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.optimizers.NormalizedGradient.Scope;
import org.junit.jupiter.api.Test;

/** The scopes and the momentum of {@link NormalizedGradient}. */
class NormalizedGradientScopeTest {

    private static final ParameterLayout NET = Fixtures.NET;

    /**
     * The global step exactly as it was computed before scopes and momentum existed (the seed
     * examples' golden numbers depend on it): {@code w -= (lr / ||s g||) * (s g)}.
     */
    private static void seedStep(double lr, double[][] w, double[][] g) {
        double max = 0;
        for (double[] b : g) {
            for (double x : b) {
                max = Math.max(max, Math.abs(x));
            }
        }
        double scale = max >= 0x1p-480 && max <= 0x1p480 ? 1.0
                : Math.scalb(1.0, -Math.getExponent(max));
        double sum = 0;
        for (double[] b : g) {
            for (double x : b) {
                double y = x * scale;
                sum += y * y;
            }
        }
        double unit = lr / Math.sqrt(sum);
        for (int b = 0; b < w.length; b++) {
            for (int i = 0; i < w[b].length; i++) {
                w[b][i] -= unit * (g[b][i] * scale);
            }
        }
    }

    @Test
    void theDefaultIsTheSeedsGlobalStepBitForBit() {
        NormalizedGradient byDefault = new NormalizedGradient(0.002);
        assertEquals(new NormalizedGradient(0.002, Scope.GLOBAL, 0.0), byDefault);
        assertEquals(byDefault, Fixtures.create("normalized-gradient(lr=0.002)"));
        OptimizerState s = byDefault.start(NET);
        double[][] w = Fixtures.random(NET, 1L);
        double[][] expected = Fixtures.copy(w);
        for (int t = 0; t < 20; t++) {
            double[][] g = Fixtures.random(NET, 50L + t);
            if (t % 5 == 4) {
                for (double[] b : g) {
                    for (int i = 0; i < b.length; i++) {
                        b[i] *= 1e-300; // the scaled path
                    }
                }
            }
            s.update(w, g);
            seedStep(0.002, expected, g);
        }
        for (int b = 0; b < w.length; b++) {
            assertArrayEquals(expected[b], w[b], 0.0);
        }
    }

    private static double layerStep(double[][] before, double[][] after, int layer) {
        double s = 0;
        for (int b = 0; b < NET.size(); b++) {
            if (NET.block(b).layer() == layer) {
                for (int i = 0; i < before[b].length; i++) {
                    double d = after[b][i] - before[b][i];
                    s += d * d;
                }
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void perLayerMovesEveryLayerByLr() {
        OptimizerState s = new NormalizedGradient(0.25, Scope.PER_LAYER, 0).start(NET);
        double[][] w = Fixtures.random(NET, 2L);
        double[][] before = Fixtures.copy(w);
        double[][] g = Fixtures.random(NET, 3L);
        g[2][0] *= 1e6; // very unequal layers: each is still normalized on its own
        s.update(w, g);
        assertEquals(0.25, layerStep(before, w, 1), 1e-15);
        assertEquals(0.25, layerStep(before, w, 2), 1e-15);
    }

    @Test
    void perLayerLeavesALayerWithZeroGradientAlone() {
        OptimizerState s = new NormalizedGradient(0.25, Scope.PER_LAYER, 0).start(NET);
        double[][] w = Fixtures.random(NET, 4L);
        double[][] before = Fixtures.copy(w);
        double[][] g = Fixtures.random(NET, 5L);
        java.util.Arrays.fill(g[2], 0.0);
        java.util.Arrays.fill(g[3], 0.0);
        s.update(w, g);
        assertEquals(0.25, layerStep(before, w, 1), 1e-15);
        assertArrayEquals(before[2], w[2], 0.0);
        assertArrayEquals(before[3], w[3], 0.0);
    }

    @Test
    void perParameterIsASignStep() {
        OptimizerState s = new NormalizedGradient(0.5, Scope.PER_PARAMETER, 0)
                .start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, 2}, {3}};
        s.update(w, new double[][] {{1e-300, 0}, {-7}});
        assertArrayEquals(new double[] {0.5, 2}, w[0], 0.0);
        assertArrayEquals(new double[] {3.5}, w[1], 0.0);
    }

    @Test
    void momentumAccumulatesTheNormalizedDirection() {
        // global, mu = 0.5, lr = 0.1; g1 = (3, 0 | 4): u1 = (0.6, 0 | 0.8), v1 = u1
        //   w1 = (1, 1 | 1) - 0.1 (0.6, 0 | 0.8) = (0.94, 1 | 0.92)
        // g2 = (0, 0 | 0): no direction, v2 = 0.5 v1 = (0.3, 0 | 0.4)
        //   w2 = (0.94 - 0.03, 1 | 0.92 - 0.04) = (0.91, 1 | 0.88)
        // g3 = (0, -10 | 0): u3 = (0, -1 | 0), v3 = (0.15, -1 | 0.2)
        //   w3 = (0.91 - 0.015, 1 + 0.1 | 0.88 - 0.02) = (0.895, 1.1 | 0.86)
        OptimizerState s = new NormalizedGradient(0.1, Scope.GLOBAL, 0.5)
                .start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, 1}, {1}};
        s.update(w, new double[][] {{3, 0}, {4}});
        assertArrayEquals(new double[] {0.94, 1}, w[0], 1e-15);
        assertArrayEquals(new double[] {0.92}, w[1], 1e-15);
        s.update(w, new double[][] {{0, 0}, {0}});
        assertArrayEquals(new double[] {0.91, 1}, w[0], 1e-15);
        assertArrayEquals(new double[] {0.88}, w[1], 1e-15);
        s.update(w, new double[][] {{0, -10}, {0}});
        assertArrayEquals(new double[] {0.895, 1.1}, w[0], 1e-15);
        assertArrayEquals(new double[] {0.86}, w[1], 1e-15);
    }

    @Test
    void nonFiniteGradientsStayVisibleInEveryScope() {
        for (Scope scope : Scope.values()) {
            for (double mu : new double[] {0, 0.9}) {
                double[][] w = {{1, 2}, {3}};
                new NormalizedGradient(0.1, scope, mu).start(HandComputedStepsTest.LAYOUT)
                        .update(w, new double[][] {{Double.POSITIVE_INFINITY, 1}, {1}});
                assertTrue(Double.isNaN(w[0][0]), scope + ", mu " + mu);
                double[][] v = {{1, 2}, {3}};
                new NormalizedGradient(0.1, scope, mu).start(HandComputedStepsTest.LAYOUT)
                        .update(v, new double[][] {{Double.NaN, 1}, {1}});
                assertTrue(Double.isNaN(v[0][0]), scope + ", mu " + mu);
            }
        }
    }

    @Test
    void scopesAndMomentumFromSpecs() {
        assertEquals(new NormalizedGradient(0.01, Scope.PER_LAYER, 0.9),
                Fixtures.create("normalized-gradient(scope=per-layer, momentum=0.9)"));
        assertEquals(new NormalizedGradient(0.01, Scope.PER_PARAMETER, 0),
                Fixtures.create("normalized-gradient(scope=per-parameter)"));
        assertEquals("normalized-gradient(lr=0.01, scope=per-layer, momentum=0.9)",
                new NormalizedGradient(0.01, Scope.PER_LAYER, 0.9).toString());
        assertEquals(Scope.PER_PARAMETER, Scope.of("per-parameter"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.create("normalized-gradient(scope=layer)"));
        assertEquals("parameter 'scope' of 'normalized-gradient' must be one of global, "
                + "per-layer, per-parameter, found 'layer'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NormalizedGradient(0.1, Scope.GLOBAL, 1.0));
        assertTrue(e.getMessage().contains("'momentum'") && e.getMessage().contains("[0.0, 1.0)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scope.of("local"));
    }
}
