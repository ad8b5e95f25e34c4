package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spec.SpecException;
import org.junit.jupiter.api.Test;

/** The configuration the Adam family shares: accessors, equality, canonical spec, checks. */
class MomentEstimatesTest {

    @Test
    void equalOnlyForTheSameVariantAndValues() {
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), new Adam(0.001, 0.9, 0.999, 1e-8));
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8).hashCode(),
                new Adam(0.001, 0.9, 0.999, 1e-8).hashCode());
        assertNotEquals(new Adam(0.001, 0.9, 0.999, 1e-8), new AmsGrad(0.001, 0.9, 0.999, 1e-8));
        assertNotEquals(new Adam(0.001, 0.9, 0.999, 1e-8), new Adam(0.001, 0.8, 0.999, 1e-8));
        assertNotEquals(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01),
                new AdamW(0.001, 0.9, 0.999, 1e-8, 0.02));
    }

    @Test
    void canonicalSpecsNameEveryParameterInOrder() {
        assertEquals("adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                new Adam(0.001, 0.9, 0.999, 1e-8).toString());
        assertEquals("adamw(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8, decay=0.01)",
                new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01).toString());
        assertEquals("nadam(lr=0.002, beta1=0.9, beta2=0.999, epsilon=1.0E-8, "
                + "momentum-decay=0.004)", new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004).toString());
    }

    @Test
    void accessorsAndChecks() {
        Nadam n = new Nadam(0.002, 0.8, 0.99, 1e-7, 0.004);
        assertEquals(0.002, n.lr());
        assertEquals(0.8, n.beta1());
        assertEquals(0.99, n.beta2());
        assertEquals(1e-7, n.epsilon());
        assertEquals(0.004, n.momentumDecay());
        assertEquals("nadam", n.name());
        SpecException e = assertThrows(SpecException.class,
                () -> new Adamax(0.002, 1.0, 0.999, 1e-8));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        assertThrows(SpecException.class, () -> new AdamW(0.001, 0.9, 0.999, 1e-8, -1));
    }
}
