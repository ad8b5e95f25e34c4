package dev.mlp.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.ActivationProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Provider metadata, parameter binding and discovery through {@link ServiceLoader}. */
class ActivationProvidersTest {

    private static final Set<String> NAMES = Set.of("identity", "sigmoid", "tanh", "relu",
            "leaky-relu", "softplus", "softmax", "elu", "selu", "gelu", "silu", "mish", "softsign",
            "hard-sigmoid", "hard-tanh", "relu6");

    private static List<ActivationProvider> loaded() {
        List<ActivationProvider> list = new ArrayList<>();
        ServiceLoader.load(ActivationProvider.class).forEach(list::add);
        return list;
    }

    private static Activation create(ActivationProvider p, Map<String, String> raw) {
        return p.create(Parameters.bind(p.name(), p.parameters(), raw));
    }

    @Test
    void serviceLoaderFindsAllByName() {
        Set<String> found = new TreeSet<>();
        for (ActivationProvider p : loaded()) {
            if (p.getClass().getPackageName().equals("dev.mlp.activations")) {
                assertTrue(found.add(p.name()), "registered twice: " + p.name());
            }
        }
        assertEquals(new TreeSet<>(NAMES), found);
    }

    @Test
    void everyProviderCreatesAnActivationOfItsOwnName() {
        Set<String> allNames = new HashSet<>();
        for (ActivationProvider p : loaded()) {
            assertFalse(p.name().isBlank());
            assertEquals(p.name().toLowerCase(java.util.Locale.ROOT), p.name());
            assertFalse(p.description().isBlank(), p.name() + " has no description");
            assertTrue(allNames.add(p.name()), "duplicate name " + p.name());
            for (String alias : p.aliases()) {
                assertTrue(allNames.add(alias), "duplicate alias " + alias);
            }
            Activation a = create(p, Map.of());
            assertEquals(p.name(), a.name());
        }
    }

    @Test
    void identityIsAlsoLinear() {
        IdentityProvider p = new IdentityProvider();
        assertEquals("identity", p.name());
        assertEquals(List.of("linear"), p.aliases());
        assertTrue(p.parameters().isEmpty());
        assertInstanceOf(Identity.class, create(p, Map.of()));
    }

    @Test
    void parameterlessProvidersDeclareNothingAndShareTheirInstance() {
        List<ActivationProvider> providers = List.of(new SigmoidProvider(), new TanhProvider(),
                new ReluProvider(), new SoftplusProvider(), new SoftmaxProvider());
        for (ActivationProvider p : providers) {
            assertTrue(p.parameters().isEmpty(), p.name());
            assertTrue(p.aliases().isEmpty(), p.name());
            assertSame(create(p, Map.of()), create(p, Map.of()), p.name());
            SpecException e = assertThrows(SpecException.class,
                    () -> create(p, Map.of("alpha", "1")));
            assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        }
        assertEquals("softmax", create(new SoftmaxProvider(), Map.of()).name());
    }

    @Test
    void leakyReluDeclaresAlpha() {
        LeakyReluProvider p = new LeakyReluProvider();
        assertEquals("leaky-relu", p.name());
        assertTrue(p.aliases().isEmpty());
        assertEquals(1, p.parameters().size());
        ParameterSpec alpha = p.parameters().get(0);
        assertEquals("alpha", alpha.name());
        assertEquals(ParameterSpec.Type.REAL, alpha.type());
        assertEquals(0.01, alpha.defaultValue());
        assertEquals("in [0.0, 1.0)", alpha.range());
    }

    @Test
    void leakyReluAlphaFromParametersAndDefault() {
        LeakyReluProvider p = new LeakyReluProvider();
        assertEquals(0.01, ((LeakyRelu) create(p, Map.of())).alpha(), 0.0);
        assertEquals(0.2, ((LeakyRelu) create(p, Map.of("alpha", "0.2"))).alpha(), 0.0);
        assertEquals(0.0, ((LeakyRelu) create(p, Map.of("alpha", "0"))).alpha(), 0.0);
    }

    @Test
    void leakyReluAlphaOutOfRangeIsRejected() {
        LeakyReluProvider p = new LeakyReluProvider();
        for (String bad : List.of("2", "1", "1.0", "-0.1", "NaN", "Infinity", "abc")) {
            SpecException e = assertThrows(SpecException.class,
                    () -> Parameters.bind("leaky-relu", p.parameters(), Map.of("alpha", bad)),
                    bad);
            assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1.0));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(-0.5));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Double.NaN));
    }
}
