package org.example.mlp.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.testkit.PluginContracts;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The lion-example optimizer: the kit's contract and two steps computed by hand. */
class LionTest {

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.optimizer(new Lion.Provider()).tests();
    }

    /**
     * lr = 0.1, beta1 = 0.9, beta2 = 0.99, w = (1, -0.5), m = 0.
     * Step 1, g = (2, 0): c = (0.1 * 2, 0) = (0.2, 0), w = (1 - 0.1, -0.5) = (0.9, -0.5),
     * m = (0.01 * 2, 0) = (0.02, 0).
     * Step 2, g = (-1, 3): c = (0.9 * 0.02 - 0.1, 0.1 * 3) = (-0.082, 0.3),
     * w = (0.9 + 0.1, -0.5 - 0.1) = (1.0, -0.6), m = (0.99 * 0.02 - 0.01, 0.01 * 3)
     * = (0.0098, 0.03).
     */
    @Test
    void twoStepsByHand() {
        ParameterLayout layout = new ParameterLayout(List.of(
                new ParameterLayout.Block(1, ParameterLayout.Kind.WEIGHTS, 2)));
        OptimizerState state = new Lion(0.1, 0.9, 0.99).start(layout);
        double[][] w = {{1.0, -0.5}};
        state.update(w, new double[][] {{2.0, 0.0}});
        assertArrayEquals(new double[] {0.9, -0.5}, w[0], 1e-15);
        state.update(w, new double[][] {{-1.0, 3.0}});
        assertArrayEquals(new double[] {1.0, -0.6}, w[0], 1e-15);
        OptimizerSnapshot s = state.snapshot();
        assertEquals(2, s.steps());
        assertArrayEquals(new double[] {0.0098, 0.03}, s.value("m.0"), 1e-15);
        assertArrayEquals(new double[] {0.1}, s.value("lr"), 0.0);
    }

    @Test
    void specsRoundTripAndBoundsAreChecked() {
        Lion.Provider provider = new Lion.Provider();
        Parameters defaults = Parameters.bind("lion-example", provider.parameters(), Map.of());
        assertEquals("lion-example(lr=1.0E-4, beta1=0.9, beta2=0.99)",
                provider.create(defaults).toString());
        SpecException e = assertThrows(SpecException.class, () -> new Lion(0.1, 1.0, 0.99));
        assertEquals("parameter 'beta1' of 'lion-example' must be in [0.0, 1.0), found 1.0",
                e.getMessage());
    }
}
