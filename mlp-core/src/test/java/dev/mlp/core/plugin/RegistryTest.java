package dev.mlp.core.plugin;

import dev.mlp.api.spi.PluginKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.Mlp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {

    private final PluginRegistry registry = Mlp.standard().registry();

    @Test
    void unknownNameListsEveryKnownOne() {
        SpecException e = assertThrows(SpecException.class, () -> registry.optimizer("adma"));
        String m = e.getMessage();
        assertTrue(m.startsWith("unknown optimizer 'adma'; known: adadelta, adagrad, adam, "), m);
        for (String name : List.of("adam", "momentum", "normalized-gradient", "sgd")) {
            assertTrue(m.contains(name), m);
        }
        assertEquals("unknown optimizer 'adma'; known: "
                + String.join(", ", registry.names(PluginKind.OPTIMIZER)), m);
    }

    @Test
    void unknownNamesOfOtherKindsSayTheKind() {
        SpecException e = assertThrows(SpecException.class, () -> registry.batchStrategy("minibatch"));
        assertTrue(e.getMessage().startsWith("unknown batch strategy 'minibatch'; known: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("mini-batch"), e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.activation("cube"));
        assertTrue(e.getMessage().startsWith("unknown activation 'cube'; known: "), e.getMessage());
        // a loss name is not an activation
        assertThrows(SpecException.class, () -> registry.activation("mse"));
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        SpecException e = assertThrows(SpecException.class,
                () -> registry.optimizer("adam(learning_rate=0.1)"));
        assertEquals("unknown parameter 'learning_rate' for 'adam'; known: lr, beta1, beta2, "
                + "epsilon", e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.activation("sigmoid(alpha=1)"));
        assertTrue(e.getMessage().contains("'sigmoid'") && e.getMessage().contains("no parameters"),
                e.getMessage());
    }

    @Test
    void badValuesAndMalformedSpecsAreSpecExceptions() {
        SpecException e = assertThrows(SpecException.class, () -> registry.optimizer("sgd(lr=0)"));
        assertTrue(e.getMessage().contains("must be > 0"), e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.batchStrategy("mini-batch(size=0)"));
        assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.optimizer("adam(lr=0.1"));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.scaler("min-max(lo=1, hi=0)"));
        assertTrue(e.getMessage().contains("hi > lo"), e.getMessage());
        e = assertThrows(SpecException.class, () -> registry.initializer("uniform(min=1, max=1)"));
        assertTrue(e.getMessage().contains("max > min"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "BATCH_STRATEGY | mini-batch                      | mini-batch(size=32, shuffle=true)",
        "BATCH_STRATEGY | mini-batch(size=8)              | mini-batch(size=8, shuffle=true)",
        "BATCH_STRATEGY | mini-batch( shuffle=false, size=4 ) | mini-batch(size=4, shuffle=false)",
        "BATCH_STRATEGY | stochastic                      | stochastic(shuffle=true)",
        "BATCH_STRATEGY | full-batch                      | full-batch",
        "OPTIMIZER      | adam                            | adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
        "OPTIMIZER      | adam(epsilon=1e-7,lr=3)         | adam(lr=3.0, beta1=0.9, beta2=0.999, epsilon=1.0E-7)",
        "OPTIMIZER      | sgd                             | sgd(lr=0.01)",
        "ACTIVATION     | leaky-relu                      | leaky-relu(alpha=0.01)",
        "ACTIVATION     | sigmoid()                       | sigmoid",
        "INITIALIZER    | uniform                         | uniform(min=-0.5, max=0.5)",
        "SCALER         | min-max(lo=-1)                  | min-max(lo=-1.0, hi=1.0)",
        "LISTENER       | log                             | log(every=1)",
        "LOSS           | mse                             | mse",
    })
    void configuredSpecIsCanonicalWithDefaults(PluginKind<?> kind, String spec, String canonical) {
        Configured<?> c = registry.configure(kind, spec);
        assertEquals(canonical, c.spec());
        assertTrue(kind.providerType().isInstance(c.provider()));
        // canonical specs are fixed points
        assertEquals(canonical, registry.configure(kind, canonical).spec());
    }

    @Test
    void everyBuiltInsCanonicalSpecIsAFixedPoint() {
        int count = 0;
        for (PluginKind<?> kind : PluginKind.ALL) {
            for (PluginProvider<?> p : registry.providers(kind)) {
                String canonical = registry.configure(kind, p.name()).spec();
                assertTrue(canonical.equals(p.name()) || canonical.startsWith(p.name() + "("),
                        canonical);
                assertEquals(canonical, registry.configure(kind, canonical).spec());
                count++;
            }
        }
        // 5 losses, 3 batch strategies, 4 initializers, 2 scalers, 1 listener, 7 activations,
        // 4 optimizers
        assertTrue(count >= 26, "checked " + count);
    }

    @ParameterizedTest(name = "{0} '{1}' is '{2}'")
    @CsvSource({
        "ACTIVATION, linear, identity",
        "BATCH_STRATEGY, batch, full-batch",
        "BATCH_STRATEGY, online, stochastic(shuffle=true)",
        "INITIALIZER, glorot, xavier",
        "INITIALIZER, kaiming, he",
        "SCALER, standard, z-score",
    })
    void aliasesResolveToTheCanonicalName(PluginKind<?> kind, String alias, String canonical) {
        assertTrue(registry.has(kind, alias));
        Configured<?> c = registry.configure(kind, alias);
        assertEquals(canonical, c.spec());
        assertFalse(registry.names(kind).contains(alias), "names() lists no aliases");
    }

    @Test
    void linearIsTheIdentity() {
        assertEquals("identity", registry.activation("linear").name());
        assertSame(registry.configure(PluginKind.ACTIVATION, "identity").provider(),
                registry.configure(PluginKind.ACTIVATION, "linear").provider());
        ElementwiseActivation linear = (ElementwiseActivation) registry.activation("linear");
        assertEquals(-2.5, linear.apply(-2.5), 0.0);
        assertEquals(1.0, linear.slope(7.0), 0.0);
    }

    @Test
    void parametersReachTheInstance() {
        ElementwiseActivation leaky = (ElementwiseActivation) registry.activation(
                "leaky-relu(alpha=0.25)");
        assertEquals(-0.5, leaky.apply(-2.0), 1e-15); // 0.25 * -2
        assertEquals(3.0, leaky.apply(3.0), 0.0);
        assertEquals(7, registry.batchStrategy("mini-batch(size=7)").batchSize(100));
        assertEquals(5, registry.batchStrategy("mini-batch(size=7)").batchSize(5));
        assertEquals(100, registry.batchStrategy("full-batch").batchSize(100));
        assertEquals(1, registry.batchStrategy("stochastic").batchSize(100));
    }

    @Test
    void namesAreSortedCanonicalNames() {
        assertEquals(List.of("binary-cross-entropy", "cross-entropy", "half-squared-error", "hinge",
                "huber", "kl-divergence", "log-cosh", "mae", "mse", "poisson", "squared-error",
                "squared-hinge"), registry.names(PluginKind.LOSS));
        List<String> activations = registry.names(PluginKind.ACTIVATION);
        assertTrue(activations.contains("identity") && !activations.contains("linear"),
                activations.toString());
        assertEquals(registry.names(PluginKind.ACTIVATION).size(),
                registry.providers(PluginKind.ACTIVATION).size());
    }

    @Test
    void typedConfigureChecksTheType() {
        assertThrows(ClassCastException.class,
                () -> registry.configure(PluginKind.LOSS, dev.mlp.api.Optimizer.class, "mse"));
    }
}
