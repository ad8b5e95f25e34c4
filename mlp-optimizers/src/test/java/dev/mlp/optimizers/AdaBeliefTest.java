package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.OptimizerState;
import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * AdaBelief against Algorithm 2 of Zhuang et al. (2020), worked by hand (digits from
 * {@code src/test/python/newer_rules_reference.py}, 40-digit decimal arithmetic), and through
 * the kit.
 */
class AdaBeliefTest {

    private static final double TOL = 1e-14;

    @Test
    void twoStepsWorkedByHand() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8; w = (1, -2 | 0.5), m = s = 0
        //
        // step 1, g = (2, -0.5 | 0):
        //   m = 0.1 g = (0.2, -0.05 | 0), g - m = 0.9 g = (1.8, -0.45 | 0)
        //   s = 0.001 (0.9 g)^2 + eps = (0.00324001, 0.00020251 | 1e-8)
        //   mHat = m / 0.1 = g, sHat = s / 0.001 = (3.24001, 0.20251 | 1e-5)
        //   so the first step is about lr sign(g) / beta1 (sHat ~ (0.9 g)^2):
        //   w0 = 1 - 0.1 * 2 / (sqrt(3.24001) + 1e-8)      = 0.888889060973538
        //   w1 = -2 + 0.1 * 0.5 / (sqrt(0.20251) + 1e-8)   = -1.888891634740521
        //   b  = 0.5 (mHat = 0)
        // step 2, g = (2, 0 | 1); 1 - 0.9^2 = 0.19, 1 - 0.999^2 = 0.001999
        //   m = 0.9 m + 0.1 g = (0.38, -0.045 | 0.1), g - m = (1.62, 0.045 | 0.9)
        //   s = 0.999 s + 0.001 (g - m)^2 + eps = (0.00586117999, 0.00020434249 | 0.00081001999)
        //   w0 = 0.888889060973538 - 0.1 (0.38 / 0.19) / (sqrt(0.00586117999 / 0.001999) + eps)
        //      = 0.772088787115363
        //   w1 = -1.814814196389889, b = 0.5 - 0.1 (0.1 / 0.19) / (sqrt(0.405212..) + eps)
        //      = 0.417319152248195
        OptimizerState s = new AdaBelief(0.1, 0.9, 0.999, 1e-8)
                .start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.8888890609735380761, -1.888891634740521330}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        assertArrayEquals(new double[] {0.00324001, 0.00020251}, s.snapshot().value("s.0"),
                1e-17);
        s.update(w, new double[][] {{2, 0}, {1}});
        assertArrayEquals(new double[] {0.7720887871153633017, -1.814814196389889084}, w[0], TOL);
        assertArrayEquals(new double[] {0.4173191522481951754}, w[1], TOL);
        assertArrayEquals(new double[] {0.00586117999, 0.00020434249}, s.snapshot().value("s.0"),
                1e-17);
        assertEquals(2, s.steps());
    }

    @Test
    void specRoundTrip() {
        AdaBelief a = (AdaBelief) Fixtures.create("adam-belief(lr=0.01, epsilon=1e-12)");
        assertEquals(new AdaBelief(0.01, 0.9, 0.999, 1e-12), a);
        assertEquals("adam-belief(lr=0.01, beta1=0.9, beta2=0.999, epsilon=1.0E-12)",
                a.toString());
        assertEquals(a, Fixtures.create(a.toString()));
        assertEquals(new AdaBelief(0.001, 0.9, 0.999, 1e-16), Fixtures.create("adam-belief"));
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.optimizer(new AdaBelief.Provider())
                .alsoWith("adam-belief(lr=0.01, beta1=0.5, beta2=0.9, epsilon=1e-8)").tests();
    }
}
