package org.example.mlp.plugin;

import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The whole contract of the plugin, in one line. */
class IsruContractTest {

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.activation(new IsruProvider()).alsoWith("isru(alpha=0.25)").tests();
    }
}
