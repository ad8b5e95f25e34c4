package dev.mlp.core.loss;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.OutputRange;
import dev.mlp.core.Mlp;
import org.junit.jupiter.api.Test;

/**
 * Losses check their output layer by the properties an activation declares, so a third-party
 * activation, whatever its name, is accepted or refused for what it does.
 */
class OutputActivationPropertiesTest {

    /** A third-party activation with a declared range; named like no built-in. */
    private static final class Ranged extends ElementwiseActivation {
        private final OutputRange range;
        private final Probabilities probabilities;

        Ranged(String name, OutputRange range, Probabilities probabilities) {
            super(name);
            this.range = range;
            this.probabilities = probabilities;
        }

        @Override
        protected double value(double z) {
            return Math.exp(z);
        }

        @Override
        protected double derivative(double z, double a) {
            return a;
        }

        @Override
        public OutputRange outputRange() {
            return range;
        }

        @Override
        public Probabilities probabilities() {
            return probabilities;
        }
    }

    /** A third-party activation that declares nothing. */
    private static final class Undeclared extends ElementwiseActivation {
        Undeclared() {
            super("exp-undeclared");
        }

        @Override
        protected double value(double z) {
            return Math.exp(z);
        }

        @Override
        protected double derivative(double z, double a) {
            return a;
        }
    }

    @Test
    void poissonAcceptsAThirdPartyActivationDeclaringPositiveOutputs() {
        Activation exp = new Ranged("exp", OutputRange.open(0, Double.POSITIVE_INFINITY),
                Activation.Probabilities.NONE);
        assertDoesNotThrow(() -> PoissonLoss.INSTANCE.checkOutputActivation(exp));
        assertDoesNotThrow(() -> Mlp.builder().inputs(1).layer(1, exp, true).loss("poisson")
                .build());
    }

    @Test
    void poissonRefusesAThirdPartyActivationWhoseRangeReachesZero() {
        Activation shifted = new Ranged("shifted-exp",
                new OutputRange(0, Double.POSITIVE_INFINITY, true, false),
                Activation.Probabilities.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonLoss.INSTANCE.checkOutputActivation(shifted));
        assertEquals("loss 'poisson' needs positive outputs (rates), such as a 'softplus' or "
                + "'sigmoid' output layer; found 'shifted-exp', which can give outputs <= 0 (its "
                + "output range is [0.0, Infinity))", e.getMessage());
        Activation bounded = new Ranged("bounded", OutputRange.open(-1, 1),
                Activation.Probabilities.NONE);
        assertThrows(IllegalArgumentException.class,
                () -> PoissonLoss.INSTANCE.checkOutputActivation(bounded));
    }

    @Test
    void poissonRefusesAnActivationThatDeclaresNoRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoissonLoss.INSTANCE.checkOutputActivation(new Undeclared()));
        assertTrue(e.getMessage().contains("found 'exp-undeclared', which can give outputs <= 0"),
                e.getMessage());
    }

    @Test
    void theBuiltInsDeclareTheirRanges() {
        var registry = Mlp.standard().registry();
        for (String positive : new String[] {"softplus", "sigmoid", "softmax"}) {
            assertDoesNotThrow(() -> PoissonLoss.INSTANCE.checkOutputActivation(
                    registry.activation(positive)), positive);
        }
        for (String notPositive : new String[] {"identity", "tanh", "relu", "leaky-relu"}) {
            assertThrows(IllegalArgumentException.class, () -> PoissonLoss.INSTANCE
                    .checkOutputActivation(registry.activation(notPositive)), notPositive);
        }
    }

    @Test
    void fusedLossesAcceptAnyActivationDeclaringTheirProbabilities() {
        Activation rowDistribution = new Ranged("my-softmax", OutputRange.open(0, 1),
                Activation.Probabilities.PER_ROW);
        Activation logistic = new Ranged("my-sigmoid", OutputRange.open(0, 1),
                Activation.Probabilities.PER_OUTPUT);
        var registry = Mlp.standard().registry();
        assertDoesNotThrow(() -> registry.loss("cross-entropy")
                .checkOutputActivation(rowDistribution));
        assertDoesNotThrow(() -> registry.loss("kl-divergence")
                .checkOutputActivation(rowDistribution));
        assertDoesNotThrow(() -> registry.loss("binary-cross-entropy")
                .checkOutputActivation(logistic));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.loss("cross-entropy").checkOutputActivation(logistic));
        assertTrue(e.getMessage().startsWith("loss 'cross-entropy' needs a 'softmax' output "
                + "layer (an activation whose probabilities() is PER_ROW), found 'my-sigmoid'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> registry.loss("binary-cross-entropy").checkOutputActivation(
                        registry.activation("hard-sigmoid")));
        assertTrue(e.getMessage().contains("needs a 'sigmoid' output layer"), e.getMessage());
    }
}
