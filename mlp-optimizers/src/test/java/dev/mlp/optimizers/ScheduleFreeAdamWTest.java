package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Schedule-free AdamW against Algorithm 1 of Defazio et al. (2024), worked by hand (digits from
 * {@code src/test/python/newer_rules_reference.py}, 40-digit decimal arithmetic), and through
 * the kit.
 */
class ScheduleFreeAdamWTest {

    private static final double TOL = 1e-14;

    @Test
    void twoStepsWorkedByHand() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, decay = 0.5, warmup = 2 steps
        // w = y_1 = z_1 = x_1 = (1, -2 | 0.5), v = 0
        //
        // step 1, g = (2, -0.5 | 0):
        //   v = 0.001 g^2 = (0.004, 0.00025 | 0), sqrt(v) = sqrt(0.001) |g|
        //   gamma_1 = 0.1 sqrt(1 - 0.999) min(1, 1/2) = 0.05 sqrt(0.001) = 0.00158113883008419
        //   z0 = 1 - gamma_1 * 2 / (sqrt(0.004) + eps) - gamma_1 * 0.5 * 1
        //      = 1 - 0.0499999992094 - 0.000790569415 = 0.949209438490651
        //   z1 = -2 + 0.0499999968377 + 0.00158113883 = -1.948418892792672
        //   zb = 0.5 (g = 0, biases do not decay)
        //   c_2 = gamma_1^2 / gamma_1^2 = 1: x = z, and y = 0.1 z + 0.9 x = z
        // step 2, g = (1, -2 | 1):
        //   v = 0.999 v + 0.001 g^2 = (0.004996, 0.00424975 | 0.001)
        //   gamma_2 = 0.1 sqrt(1 - 0.999^2) = 0.1 sqrt(0.001999) = 0.00447101778122163
        //   c_3 = gamma_2^2 / (gamma_1^2 + gamma_2^2) = 1.999e-5 / 2.249e-5 = 0.888839484215207
        //   z = z - gamma_2 g / (sqrt(v) + eps) - gamma_2 0.5 y
        //     = (0.883832434381701, -1.806894607538201 | 0.358614048232436)
        //   x = (1 - c_3) x + c_3 z = (0.891099775878917, -1.822626520083162 | 0.374330583555642)
        //   y = 0.1 z + 0.9 x       = (0.890373041729195, -1.821053328828666 | 0.372758930023322)
        OptimizerState s = new ScheduleFreeAdamW(0.1, 0.9, 0.999, 1e-8, 0.5, 2)
                .start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.9492094384906508056, -1.948418892792672412}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        s.update(w, new double[][] {{1, -2}, {1}});
        assertArrayEquals(new double[] {0.8903730417291951322, -1.821053328828665926}, w[0], TOL);
        assertArrayEquals(new double[] {0.3727589300233217530}, w[1], TOL);
        OptimizerSnapshot snap = s.snapshot();
        assertArrayEquals(new double[] {0.8838324343817012950, -1.806894607538200778},
                snap.value("z.0"), TOL);
        assertArrayEquals(new double[] {0.8910997758789166697, -1.822626520083162053},
                snap.value("x.0"), TOL);
        assertArrayEquals(new double[] {2.249e-5}, snap.value("weight-sum"), 1e-18);
        double[][] x = ScheduleFreeAdamW.averagedWeights(snap);
        assertEquals(2, x.length);
        assertArrayEquals(new double[] {0.3743305835556423835}, x[1], TOL);
        // step 3, g = (-1, 0 | 2): gamma_3 = 0.1 sqrt(1 - 0.999^3), c_4 = 0.571292494988087
        s.update(w, new double[][] {{-1, 0}, {2}});
        assertArrayEquals(new double[] {0.9285783815096514190, -1.809903158623989607}, w[0], TOL);
        assertArrayEquals(new double[] {0.2695703754681289513}, w[1], TOL);
        assertEquals(3, s.steps());
    }

    @Test
    void theEndOfTheRunWritesTheAverageXWorkedByHand() {
        // the two steps of twoStepsWorkedByHand: after them y != x; the run's end writes x
        OptimizerState s = new ScheduleFreeAdamW(0.1, 0.9, 0.999, 1e-8, 0.5, 2)
                .start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.runFinished(w); // before any step the weights are x_1 already: left alone
        assertArrayEquals(new double[] {1, -2}, w[0], 0.0);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        s.update(w, new double[][] {{2, -0.5}, {0}});
        s.update(w, new double[][] {{1, -2}, {1}});
        assertArrayEquals(new double[] {0.8903730417291951322, -1.821053328828665926}, w[0], TOL);
        OptimizerSnapshot before = s.snapshot();
        s.runFinished(w);
        // x = (1 - c_3) x_2 + c_3 z_3, c_3 = 1.999e-5 / 2.249e-5 (digits in twoStepsWorkedByHand)
        assertArrayEquals(new double[] {0.8910997758789166697, -1.822626520083162053}, w[0], TOL);
        assertArrayEquals(new double[] {0.3743305835556423835}, w[1], TOL);
        // bit for bit the snapshot's average; the state itself is unchanged
        double[][] x = ScheduleFreeAdamW.averagedWeights(before);
        assertArrayEquals(x[0], w[0], 0.0);
        assertArrayEquals(x[1], w[1], 0.0);
        assertEquals(before, s.snapshot());
        assertThrows(IllegalArgumentException.class, () -> s.runFinished(new double[][] {{1}}));
    }

    @Test
    void averagedWeightsRejectAnotherOptimizersSnapshot() {
        OptimizerState adam = new Adam(0.1, 0.9, 0.999, 1e-8).start(HandComputedStepsTest.LAYOUT);
        assertEquals("cannot restore a 'adam' snapshot into a 'schedule-free-adamw' optimizer",
                assertThrows(IllegalArgumentException.class,
                        () -> ScheduleFreeAdamW.averagedWeights(adam.snapshot())).getMessage());
    }

    @Test
    void specRoundTrip() {
        ScheduleFreeAdamW o = (ScheduleFreeAdamW) Fixtures.create(
                "schedule-free-adamw(lr=0.005, warmup=100)");
        assertEquals(new ScheduleFreeAdamW(0.005, 0.9, 0.999, 1e-8, 0.0, 100), o);
        assertEquals("schedule-free-adamw(lr=0.005, beta1=0.9, beta2=0.999, epsilon=1.0E-8, "
                + "decay=0.0, warmup=100)", o.toString());
        assertEquals(o, Fixtures.create(o.toString()));
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.optimizer(new ScheduleFreeAdamW.Provider())
                .alsoWith("schedule-free-adamw(lr=0.01, beta1=0.5, decay=0.1, warmup=3)").tests();
    }
}
