package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.spec.SpecException;
import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lion against Algorithm 2 of Chen et al. (2023), worked by hand (also in
 * {@code src/test/python/newer_rules_reference.py}), and through the kit.
 */
class LionTest {

    private static final double TOL = 1e-15;

    @Test
    void twoStepsWorkedByHand() {
        // lr = 0.1, beta1 = 0.9, beta2 = 0.99, decay = 0.5; w = (1, -2 | 0.5), m = 0
        //
        // step 1, g = (2, -0.5 | 0):
        //   c = 0.9 m + 0.1 g = (0.2, -0.05 | 0), sign(c) = (1, -1 | 0)
        //   w0 = 1 - 0.1 (1 + 0.5 * 1)     = 0.85
        //   w1 = -2 - 0.1 (-1 + 0.5 * -2)  = -1.8
        //   b  = 0.5 - 0.1 * 0             = 0.5     (biases do not decay)
        //   m  = 0.99 m + 0.01 g = (0.02, -0.005 | 0)
        // step 2, g = (-1, 0 | 1):
        //   c = 0.9 (0.02, -0.005 | 0) + 0.1 (-1, 0 | 1) = (-0.082, -0.0045 | 0.1)
        //   w0 = 0.85 - 0.1 (-1 + 0.5 * 0.85)  = 0.9075
        //   w1 = -1.8 - 0.1 (-1 + 0.5 * -1.8)  = -1.61  (g = 0: the momentum's sign moves it)
        //   b  = 0.5 - 0.1 * 1                 = 0.4
        //   m  = 0.99 (0.02, -0.005 | 0) + 0.01 (-1, 0 | 1) = (0.0098, -0.00495 | 0.01)
        OptimizerState s = new Lion(0.1, 0.9, 0.99, 0.5).start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.85, -1.8}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], 0.0);
        s.update(w, new double[][] {{-1, 0}, {1}});
        assertArrayEquals(new double[] {0.9075, -1.61}, w[0], TOL);
        assertArrayEquals(new double[] {0.4}, w[1], TOL);
        assertArrayEquals(new double[] {0.0098, -0.00495}, s.snapshot().value("m.0"), TOL);
        assertArrayEquals(new double[] {0.01}, s.snapshot().value("m.1"), TOL);
        assertEquals(2, s.steps());
    }

    @Test
    void everyStepHasLengthLrWhateverTheGradientsScale() {
        OptimizerState s = new Lion(0.01, 0.9, 0.99, 0.0).start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{0, 0}, {0}};
        s.update(w, new double[][] {{1e6, -1e-6}, {3}});
        assertArrayEquals(new double[] {-0.01, 0.01}, w[0], 0.0);
        assertArrayEquals(new double[] {-0.01}, w[1], 0.0);
    }

    @Test
    void specRoundTrip() {
        Lion lion = (Lion) Fixtures.create("lion(lr=3e-4, decay=0.1)");
        assertEquals(new Lion(3e-4, 0.9, 0.99, 0.1), lion);
        assertEquals("lion(lr=3.0E-4, beta1=0.9, beta2=0.99, decay=0.1)", lion.toString());
        assertEquals(lion, Fixtures.create(lion.toString()));
        assertEquals("parameter 'beta2' of 'lion' must be in [0.0, 1.0), found 1",
                assertThrows(SpecException.class, () -> Fixtures.create("lion(beta2=1)"))
                        .getMessage());
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.optimizer(new Lion.Provider())
                .alsoWith("lion(lr=0.001, beta1=0.5, beta2=0.9, decay=0.3)").tests();
    }
}
