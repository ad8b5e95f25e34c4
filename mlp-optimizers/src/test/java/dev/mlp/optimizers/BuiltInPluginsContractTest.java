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
     * Optimizers without a single learning rate (rprop adapts one step size per parameter, lbfgs
     * chooses its steps by a line search): the
     * kit skips only the learning-rate check for them; snapshots are checked for every optimizer.
     */
    private static final Set<String> WITHOUT_LEARNING_RATE = Set.of("rprop", "lbfgs");

    @TestFactory
    Stream<DynamicNode> everyRegisteredPlugin() {
        List<DynamicNode> tests = new ArrayList<>();
        for (PluginProvider<?> p : PluginContracts.discoveredProviders(Sgd.class)) {
            if (p instanceof OptimizerProvider o && WITHOUT_LEARNING_RATE.contains(o.name())) {
                OptimizerContract c = PluginContracts.optimizer(o).allowNoLearningRate();
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
        assertTrue(optimizers >= 13, "found " + optimizers + " optimizers");
    }
}
