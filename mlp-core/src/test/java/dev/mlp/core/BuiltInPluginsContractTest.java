package dev.mlp.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spi.LayerProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.testkit.LossSamples;
import dev.mlp.testkit.PluginContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every plugin this module registers (losses, batch strategies, initializers, scalers, the
 * logging listener, layers and anything added later), found through {@code ServiceLoader} and run through
 * the contract-test kit.
 */
class BuiltInPluginsContractTest {

    /** Losses whose targets are labels of -1 and 1. */
    private static final Set<String> MARGIN_LOSSES = Set.of("hinge", "squared-hinge");

    /**
     * Labels of -1 and 1 with outputs in [-3, 3], kept at least 0.05 away from the hinge at
     * {@code y * a = 1}, where the loss has a kink and finite differences mean nothing.
     */
    private static final LossSamples LABELS = (activation, rows, cols, random, z, y) -> {
        for (int i = 0; i < rows * cols; i++) {
            y[i] = random.nextBoolean() ? 1.0 : -1.0;
            double a = -3 + 6 * random.nextDouble();
            if (Math.abs(1 - y[i] * a) < 0.05) {
                a += 0.1 * y[i];
            }
            z[i] = a;
        }
    };

    /** Initializers that give the same values for every seed by design. */
    private static final Set<String> DETERMINISTIC = Set.of("zeros", "constant");

    @TestFactory
    Stream<DynamicNode> everyRegisteredPlugin() {
        List<DynamicNode> tests = new ArrayList<>();
        for (PluginProvider<?> p : PluginContracts.discoveredProviders(Mlp.class)) {
            if (p instanceof LossProvider l && MARGIN_LOSSES.contains(l.name())) {
                PluginContracts.loss(l).samples(LABELS).tests().forEach(tests::add);
            } else if (p instanceof WeightInitializerProvider w && DETERMINISTIC.contains(w.name())) {
                PluginContracts.initializer(w).deterministic().tests().forEach(tests::add);
            } else if (p instanceof LayerProvider l && l.name().equals("dropout")) {
                PluginContracts.layer(l).alsoWith("dropout(p=0.1)").tests().forEach(tests::add);
            } else if (p instanceof LayerProvider l && l.name().equals("batch-norm")) {
                PluginContracts.layer(l).alsoWith("batch-norm(momentum=0.0, epsilon=0.1)")
                        .tests().forEach(tests::add);
            } else {
                PluginContracts.of(p).forEach(tests::add);
            }
        }
        return tests.stream();
    }

    @Test
    void theKitSeesEveryKindTheModuleRegisters() {
        Set<PluginKind<?>> kinds = new java.util.HashSet<>();
        for (PluginProvider<?> p : PluginContracts.discoveredProviders(Mlp.class)) {
            kinds.add(PluginKind.of(p));
        }
        assertTrue(kinds.containsAll(Set.of(PluginKind.LOSS, PluginKind.BATCH_STRATEGY,
                PluginKind.INITIALIZER, PluginKind.SCALER, PluginKind.LISTENER, PluginKind.METRIC,
                PluginKind.COMPUTE_BACKEND, PluginKind.ENCODER, PluginKind.LAYER)), "found " + kinds);
    }
}
