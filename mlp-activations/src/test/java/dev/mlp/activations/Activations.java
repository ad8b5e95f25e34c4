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
                new LeakyRelu(0.2), new LeakyRelu(0.0), new Softplus(), new Softmax());
    }

    /** {@link #all()} as JUnit arguments, each named by its spec. */
    static Stream<Arguments> arguments() {
        return all().stream().map(a -> Arguments.of(a.toString(), a));
    }

    /** Whether the activation has a kink at 0 where finite differences must not be taken. */
    static boolean hasKinkAtZero(Activation a) {
        return a instanceof Relu || a instanceof LeakyRelu;
    }
}
