package dev.mlp.activations;

import dev.mlp.api.Activation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The activations under test, shared by the parameterized tests of this package. */
final class Activations {

    private Activations() {
    }

    /** Every activation of the module, leaky-relu at its default and at a larger slope. */
    static List<Activation> all() {
        return List.of(new Identity(), new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(),
                new LeakyRelu(0.2), new LeakyRelu(0.0), new Softplus(), new Softmax(), new Elu(),
                new Elu(0.5), new Selu(), new Gelu(), new Gelu(Gelu.TANH), new Silu(), new Mish(),
                new Softsign(), new HardSigmoid(), new HardTanh(), new Relu6());
    }

    /** {@link #all()} as JUnit arguments, each named by its spec. */
    static Stream<Arguments> arguments() {
        return all().stream().map(a -> Arguments.of(a.toString(), a));
    }

    /** The points where the activation's derivative jumps and finite differences are not taken. */
    static double[] kinks(Activation a) {
        if (a instanceof Relu || a instanceof LeakyRelu || a instanceof Selu) {
            return new double[] {0.0};
        }
        if (a instanceof Elu e) {
            return e.alpha() == 1.0 ? new double[0] : new double[] {0.0};
        }
        if (a instanceof HardSigmoid) {
            return new double[] {-3.0, 3.0};
        }
        if (a instanceof HardTanh) {
            return new double[] {-1.0, 1.0};
        }
        if (a instanceof Relu6) {
            return new double[] {0.0, 6.0};
        }
        return new double[0];
    }

    /** Whether {@code z} is within {@code distance} of one of the activation's kinks. */
    static boolean nearKink(Activation a, double z, double distance) {
        for (double k : kinks(a)) {
            if (Math.abs(z - k) <= distance) {
                return true;
            }
        }
        return false;
    }
}
