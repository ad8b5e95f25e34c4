package dev.mlp.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values worked by hand, extreme inputs, and the errors of the losses added beside the seeds'. */
class LossValuesTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    private static double value(String spec, double[] a, double[] y) {
        return REGISTRY.loss(spec).value(a, a, y, 1, a.length);
    }

    private static double[] gradient(String spec, double[] a, double[] y) {
        double[] g = new double[a.length];
        REGISTRY.loss(spec).outputGradient(a, y, g, 1, a.length);
        return g;
    }

    @Test
    void maeIsTheMeanOverOutputsWithSubgradientZeroAtTheTarget() {
        // |1 - 0| + |-2 - 0| + |0.5 - 0.5| = 3, over 3 outputs: 1
        double[] a = {1, -2, 0.5};
        double[] y = {0, 0, 0.5};
        assertEquals(1.0, value("mae", a, y), 0.0);
        assertArrayEquals(new double[] {1.0 / 3, -1.0 / 3, 0.0}, gradient("mae", a, y), 0.0);
        // a 2 x 1 batch: the samples are summed, 1 + 3 = 4
        assertEquals(4.0, REGISTRY.loss("mae").value(null, new double[] {1, 3}, new double[] {0, 0},
                2, 1), 0.0);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // delta 1: d = 0.5 -> 0.125; d = -3 -> 1 * (3 - 0.5) = 2.5; d = 1 (the edge) -> 0.5
        double[] a = {0.5, -3, 1};
        double[] y = {0, 0, 0};
        assertEquals(3.125, value("huber", a, y), 0.0);
        assertArrayEquals(new double[] {0.5, -1, 1}, gradient("huber", a, y), 0.0);
        // delta 2: d = -3 -> 2 * (3 - 1) = 4, gradient -2; d = 1.5 -> 1.125, gradient 1.5
        assertEquals(5.125, value("huber(delta=2)", new double[] {-3, 1.5}, new double[] {0, 0}),
                0.0);
        assertArrayEquals(new double[] {-2, 1.5},
                gradient("huber(delta=2)", new double[] {-3, 1.5}, new double[] {0, 0}), 0.0);
        assertEquals("huber(delta=2.0)", REGISTRY.loss("huber(delta=2)").toString());
    }

    @Test
    void huberNeedsAPositiveDelta() {
        assertThrows(SpecException.class, () -> REGISTRY.loss("huber(delta=0)"));
        assertThrows(SpecException.class, () -> REGISTRY.loss("huber(delta=-1)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HuberLoss(Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("delta") && e.getMessage().contains("Infinity"),
                e.getMessage());
    }

    @Test
    void logCoshWorkedByHandAndStableAtBothEnds() {
        // log cosh 1 = log((e + 1/e) / 2) = 0.43378083048302...
        double expected = Math.log((Math.E + 1 / Math.E) / 2);
        assertEquals(expected, value("log-cosh", new double[] {3}, new double[] {2}), 1e-15);
        assertEquals(expected, value("log-cosh", new double[] {-1}, new double[] {0}), 1e-15);
        // just past the switch of formulas, against the naive one (cosh 1.5 is harmless)
        assertEquals(Math.log(Math.cosh(1.5)), LogCoshLoss.logCosh(1.5), 1e-15);
        // near 0: log cosh d = d^2/2 - d^4/12 + ..., kept to full relative precision
        assertEquals(5e-17, value("log-cosh", new double[] {1e-8}, new double[] {0}), 1e-31);
        assertEquals(0.0, value("log-cosh", new double[] {0.25}, new double[] {0.25}), 0.0);
        // cosh overflows past 710; the loss must not: |d| - log 2
        assertEquals(1000 - Math.log(2), value("log-cosh", new double[] {1000}, new double[] {0}),
                1e-12);
        assertEquals(1e300, value("log-cosh", new double[] {-1e300}, new double[] {0}), 0.0);
        assertArrayEquals(new double[] {Math.tanh(0.7), 1.0, -1.0},
                gradient("log-cosh", new double[] {0.7, 1000, -1e300}, new double[] {0, 0, 0}),
                0.0);
    }

    @Test
    void hingeWorkedByHandWithBothLabelConventions() {
        // t = 1, a = 0.5: 0.5; t = -1, a = 0.5: 1.5; t = 0 read as -1, a = -2: 0; t = 1, a = 1: 0
        double[] a = {0.5, 0.5, -2, 1};
        double[] y = {1, -1, 0, 1};
        assertEquals(2.0, value("hinge", a, y), 0.0);
        assertEquals(0.25 + 2.25, value("squared-hinge", a, y), 0.0);
        // gradient -t inside the margin, 0 outside and at the kink t·a = 1
        assertArrayEquals(new double[] {-1, 1, 0, 0}, gradient("hinge", a, y), 0.0);
        assertArrayEquals(new double[] {-1, 3, 0, 0}, gradient("squared-hinge", a, y), 0.0);
        // labels 0 and -1 give the same loss
        assertEquals(value("hinge", new double[] {0.3, -0.2}, new double[] {0, 1}),
                value("hinge", new double[] {0.3, -0.2}, new double[] {-1, 1}), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hinge", "squared-hinge"})
    void hingeRejectsTargetsThatAreNotLabels(String spec) {
        Loss loss = REGISTRY.loss(spec);
        double[] a = {0.1, 0.2, 0.3, 0.4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.value(a, a, new double[] {1, -1, 0.5, 1}, 2, 2));
        assertTrue(e.getMessage().contains("'" + spec + "'") && e.getMessage().contains("0.5")
                && e.getMessage().contains("row 1, column 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loss.outputGradient(a,
                new double[] {1, 2, 1, 1}, new double[4], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> loss.values(a, a,
                new double[] {1, 1, 1, Double.NaN}, new double[2], 2, 2));
    }

    @Test
    void klDivergenceWorkedByHand() {
        Loss kl = REGISTRY.loss("kl-divergence");
        // z = (0, ln 3): a = (1/4, 3/4); y = (1/2, 1/2): 1/2 ln 2 + 1/2 ln(2/3)
        double[] z = {0, Math.log(3)};
        double[] a = {0.25, 0.75};
        assertEquals(0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3), kl.value(z, a,
                new double[] {0.5, 0.5}, 1, 2), 1e-15);
        // one-hot target: 0 log 0 = 0, so it is the cross-entropy -ln(3/4)
        assertEquals(-Math.log(0.75), kl.value(z, a, new double[] {0, 1}, 1, 2), 1e-15);
        // the divergence of a distribution from itself is 0
        assertEquals(0.0, kl.value(z, a, a, 1, 2), 1e-15);
        // outputGradient -y/a, 0 where y = 0
        double[] g = new double[2];
        kl.outputGradient(a, new double[] {0, 1}, g, 1, 2);
        assertArrayEquals(new double[] {0, -4.0 / 3}, g, 1e-15);
    }

    @Test
    void klDivergenceStaysFiniteForSaturatedSoftmax() {
        Loss kl = REGISTRY.loss("kl-divergence");
        Activation softmax = REGISTRY.activation("softmax");
        // softmax(1000, -1000) = (1, 0); y = (1/2, 1/2): 1/2 ln(1/2) * 2 + 1/2 * 2000 = 1000 - ln 2
        double[] z = {1000, -1000};
        double[] a = new double[2];
        softmax.forward(z, a, 1, 2);
        double[] y = {0.5, 0.5};
        assertEquals(1000 - Math.log(2), kl.value(z, a, y, 1, 2), 1e-9);
        double[] delta = new double[2];
        kl.delta(softmax, z, a, y, delta, 1, 2);
        assertArrayEquals(new double[] {0.5, -0.5}, delta, 0.0);
    }

    @Test
    void klDivergenceChecksItsActivationAndItsTargets() {
        Loss kl = REGISTRY.loss("kl-divergence");
        Activation softmax = REGISTRY.activation("softmax");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kl.checkOutputActivation(REGISTRY.activation("sigmoid")));
        assertTrue(e.getMessage().contains("'kl-divergence'") && e.getMessage().contains("softmax")
                && e.getMessage().contains("'sigmoid'"), e.getMessage());
        kl.checkOutputActivation(softmax);

        double[] z = {0, 0, 0, 0};
        double[] a = {0.5, 0.5, 0.5, 0.5};
        e = assertThrows(IllegalArgumentException.class,
                () -> kl.value(z, a, new double[] {0.5, 0.5, 1.2, -0.2}, 2, 2));
        assertTrue(e.getMessage().contains(">= 0") && e.getMessage().contains("-0.2")
                && e.getMessage().contains("row 1, column 1"), e.getMessage());
        // the fused delta a - y is the gradient only for rows summing to 1
        e = assertThrows(IllegalArgumentException.class,
                () -> kl.delta(softmax, z, a, new double[] {0.5, 0.5, 0.4, 0.4}, new double[4], 2,
                        2));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("sum"),
                e.getMessage());
    }

    @Test
    void poissonWorkedByHand() {
        // a = 2, y = 3: 2 - 3 ln 2; a = 0.5, y = 0: 0.5; a = 0, y = 0: 0 (0 log 0 = 0)
        double[] a = {2, 0.5, 0};
        double[] y = {3, 0, 0};
        assertEquals(2 - 3 * Math.log(2) + 0.5, value("poisson", a, y), 1e-15);
        assertArrayEquals(new double[] {1 - 1.5, 1, 1}, gradient("poisson", a, y), 0.0);
        // smallest at a = y
        assertTrue(value("poisson", new double[] {3}, new double[] {3})
                < value("poisson", new double[] {2.9}, new double[] {3}));
        assertTrue(value("poisson", new double[] {3}, new double[] {3})
                < value("poisson", new double[] {3.1}, new double[] {3}));
    }

    @Test
    void poissonOutsideItsDomainIsInfiniteNotNaN() {
        assertEquals(Double.POSITIVE_INFINITY, value("poisson", new double[] {0}, new double[] {2}));
        assertEquals(Double.POSITIVE_INFINITY, value("poisson", new double[] {-1}, new double[] {0}));
        assertEquals(Double.POSITIVE_INFINITY, value("poisson", new double[] {-1}, new double[] {2}));
        // softplus underflows to 0 far left; with a zero count the loss is still 0, the delta 0
        Activation softplus = REGISTRY.activation("softplus");
        Loss poisson = REGISTRY.loss("poisson");
        double[] z = {-800, 800};
        double[] a = new double[2];
        softplus.forward(z, a, 1, 2);
        double[] y = {0, 5};
        assertEquals(800 - 5 * Math.log(800), poisson.value(z, a, y, 1, 2), 1e-12);
        double[] delta = new double[2];
        poisson.delta(softplus, z, a, y, delta, 1, 2);
        assertArrayEquals(new double[] {0, 1 - 5.0 / 800}, delta, 1e-15);
    }

    @Test
    void poissonNeedsPositiveOutputsAndNonNegativeTargets() {
        Loss poisson = REGISTRY.loss("poisson");
        for (String name : new String[] {"identity", "linear", "tanh", "relu", "leaky-relu"}) {
            Activation f = REGISTRY.activation(name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> poisson.checkOutputActivation(f), name);
            assertTrue(e.getMessage().contains("'poisson'") && e.getMessage().contains("softplus")
                    && e.getMessage().contains("'" + f.name() + "'"), e.getMessage());
        }
        poisson.checkOutputActivation(REGISTRY.activation("softplus"));
        poisson.checkOutputActivation(REGISTRY.activation("sigmoid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> value("poisson", new double[] {1, 1}, new double[] {1, -1}));
        assertTrue(e.getMessage().contains(">= 0") && e.getMessage().contains("row 0, column 1"),
                e.getMessage());
    }

    /** Large finite inputs give finite losses and gradients where the loss itself is finite. */
    @ParameterizedTest
    @ValueSource(strings = {"mae", "huber", "log-cosh", "hinge", "kl-divergence", "poisson",
        "cross-entropy", "binary-cross-entropy"})
    void noNaNAtExtremeFiniteInputs(String spec) {
        Loss loss = REGISTRY.loss(spec);
        String activation = switch (spec) {
            case "cross-entropy", "kl-divergence" -> "softmax";
            case "binary-cross-entropy" -> "sigmoid";
            case "poisson" -> "softplus";
            default -> "identity";
        };
        Activation f = REGISTRY.activation(activation);
        double[] z = {1e6, -1e6, 700, -700, 1e-300, 0};
        double[] y = switch (spec) {
            case "cross-entropy", "kl-divergence" -> new double[] {0.25, 0.75, 0.5, 0.5, 1, 0};
            case "hinge" -> new double[] {1, -1, 0, 1, 1, -1};
            case "poisson" -> new double[] {0, 0, 3, 0, 1, 2};
            default -> new double[] {1, 0, 0.5, 0.5, 1, 0};
        };
        double[] a = new double[z.length];
        f.forward(z, a, 3, 2);
        double v = loss.value(z, a, y, 3, 2);
        assertTrue(Double.isFinite(v), spec + " value " + v);
        double[] delta = new double[z.length];
        loss.delta(f, z, a, y, delta, 3, 2);
        for (double d : delta) {
            assertTrue(Double.isFinite(d), spec + " delta " + java.util.Arrays.toString(delta));
        }
    }
}
