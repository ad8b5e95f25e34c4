package dev.mlp.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every activation this module registers, through the contract-test kit. */
class BuiltInActivationsContractTest {

    @TestFactory
    Stream<DynamicNode> everyRegisteredActivation() {
        return PluginContracts.discovered(IdentityProvider.class);
    }

    @TestFactory
    Stream<DynamicNode> parameterizedActivationsAtOtherSettings() {
        return Stream.of(
                PluginContracts.activation(new LeakyReluProvider()).alsoWith("leaky-relu(alpha=0)")
                        .alsoWith("leaky-relu(alpha=0.5)").tests(),
                PluginContracts.activation(new EluProvider()).alsoWith("elu(alpha=0.5)")
                        .alsoWith("elu(alpha=3)").tests(),
                PluginContracts.activation(new GeluProvider()).alsoWith("gelu(approximate=tanh)")
                        .tests())
                .flatMap(s -> s);
    }

    @Test
    void theKitSeesEveryProviderOfTheModule() {
        assertEquals(16, PluginContracts.discoveredProviders(IdentityProvider.class).size());
    }
}
