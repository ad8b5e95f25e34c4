package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.testkit.OptimizerContract;
import dev.mlp.testkit.PluginContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every plugin this module registers (optimizers, and any learning-rate schedules and gradient
 * transforms it provides), found through {@code ServiceLoader} and run through the
 * contract-test kit.
 */
class BuiltInPluginsContractTest {

    /**
     * Optimizers whose state cannot yet save itself or change its learning rate: for these the
     * kit skips the snapshot and learning-rate checks when the feature throws
     * {@link UnsupportedOperationException}, and runs them in full once it works.
     */
    private static final Set<String> WITHOUT_SNAPSHOT_OR_RATE = Set.of("sgd", "momentum", "adam",
            "normalized-gradient");

    @TestFactory
    Stream<DynamicNode> everyRegisteredPlugin() {
        List<DynamicNode> tests = new ArrayList<>();
        for (PluginProvider<?> p : PluginContracts.discoveredProviders(Sgd.class)) {
            if (p instanceof OptimizerProvider o && WITHOUT_SNAPSHOT_OR_RATE.contains(o.name())) {
                OptimizerContract c = PluginContracts.optimizer(o).allowUnsupportedSnapshots()
                        .allowNoLearningRate();
                c.tests().forEach(tests::add);
            } else {
                PluginContracts.of(p).forEach(tests::add);
            }
        }
        return tests.stream();
    }

    @Test
    void theKitSeesTheOptimizersOfTheModule() {
        long optimizers = PluginContracts.discoveredProviders(Sgd.class).stream()
                .filter(p -> p instanceof OptimizerProvider).count();
        assertTrue(optimizers >= 4, "found " + optimizers + " optimizers");
    }
}
