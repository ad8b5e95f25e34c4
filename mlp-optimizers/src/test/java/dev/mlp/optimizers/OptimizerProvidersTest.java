package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Provider metadata, parameter binding and discovery through {@link ServiceLoader}. */
class OptimizerProvidersTest {

    private static List<OptimizerProvider> loaded() {
        List<OptimizerProvider> list = new ArrayList<>();
        ServiceLoader.load(OptimizerProvider.class).forEach(list::add);
        return list;
    }

    private static Optimizer create(OptimizerProvider p, Map<String, String> raw) {
        return p.create(Parameters.bind(p.name(), p.parameters(), raw));
    }

    private static Optimizer create(String spec) {
        Spec s = Spec.parse(spec);
        for (OptimizerProvider p : loaded()) {
            if (p.name().equals(s.name())) {
                return create(p, s.arguments());
            }
        }
        throw new AssertionError("no provider for " + spec);
    }

    @Test
    void serviceLoaderFindsEveryOptimizerByName() {
        Set<String> found = new TreeSet<>();
        for (OptimizerProvider p : loaded()) {
            if (p.getClass().getPackageName().equals("dev.mlp.optimizers")) {
                assertTrue(found.add(p.name()), "registered twice: " + p.name());
            }
        }
        assertEquals(new TreeSet<>(Set.of("sgd", "normalized-gradient", "momentum", "adam",
                "nesterov", "adagrad", "rmsprop", "adadelta", "adamw", "adamax", "nadam", "amsgrad",
                "rprop", "lion", "radam", "adam-belief", "lookahead",
                "schedule-free-adamw", "lbfgs")), found);
    }

    @Test
    void everyProviderCreatesAnOptimizerOfItsOwnNameWithDefaults() {
        for (OptimizerProvider p : loaded()) {
            assertFalse(p.description().isBlank(), p.name());
            assertTrue(p.aliases().isEmpty(), p.name());
            Parameters defaults = Parameters.bind(p.name(), p.parameters(), Map.of());
            Optimizer o = p.create(defaults);
            assertEquals(p.name(), o.name());
            // toString is the canonical spec, the same text Parameters writes
            assertEquals(defaults.toSpec(), o.toString());
        }
    }

    @Test
    void declaredParametersAndDefaults() {
        assertEquals(List.of("lr"), names(new Sgd.Provider().parameters()));
        assertEquals(List.of("lr", "scope", "momentum"),
                names(new NormalizedGradient.Provider().parameters()));
        assertEquals(List.of("lr", "mu"), names(new Momentum.Provider().parameters()));
        assertEquals(List.of("lr", "beta1", "beta2", "epsilon"),
                names(new Adam.Provider().parameters()));

        assertEquals(new Sgd(0.01), create("sgd"));
        assertEquals(new NormalizedGradient(0.01), create("normalized-gradient"));
        assertEquals(new Momentum(0.01, 0.9), create("momentum"));
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), create("adam"));

        assertEquals("> 0.0", Sgd.LR.range());
        assertEquals("> 0.0", NormalizedGradient.LR.range());
        assertEquals("in [0.0, 1.0)", Momentum.MU.range());
        assertEquals("in [0.0, 1.0)", Adam.BETA1.range());
        assertEquals("in [0.0, 1.0)", Adam.BETA2.range());
        assertEquals("> 0.0", Adam.EPSILON.range());
    }

    @Test
    void valuesFromSpecStrings() {
        Adam adam = assertInstanceOf(Adam.class, create("adam(lr=0.01, beta2=0.99)"));
        assertEquals(0.01, adam.lr(), 0.0);
        assertEquals(0.9, adam.beta1(), 0.0);
        assertEquals(0.99, adam.beta2(), 0.0);
        assertEquals(1e-8, adam.epsilon(), 0.0);
        Momentum m = assertInstanceOf(Momentum.class, create("momentum(mu=0)"));
        assertEquals(0.0, m.mu(), 0.0);
        assertEquals(0.002,
                assertInstanceOf(NormalizedGradient.class, create("normalized-gradient(lr=0.002)"))
                        .lr(), 0.0);
        assertNotEquals(new Sgd(0.1), new Sgd(0.2));
    }

    @Test
    void outOfRangeValuesAreRejected() {
        for (String bad : List.of("sgd(lr=0)", "sgd(lr=-1)", "normalized-gradient(lr=0)",
                "momentum(lr=0)", "momentum(mu=1)", "momentum(mu=-0.1)", "adam(lr=0)",
                "adam(beta1=1)", "adam(beta2=1.5)", "adam(beta1=-0.1)", "adam(epsilon=0)",
                "adam(lr=NaN)", "sgd(lr=Infinity)", "adam(gamma=1)")) {
            assertThrows(SpecException.class, () -> create(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
        assertThrows(IllegalArgumentException.class, () -> new NormalizedGradient(-1));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 0.999, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Double.NaN, 0.9, 0.999, 1));
    }

    @Test
    void defaultsOfTheNewOptimizers() {
        assertEquals(new Nesterov(0.01, 0.9), create("nesterov"));
        assertEquals(new Adagrad(0.01, 1e-10), create("adagrad"));
        assertEquals(new RmsProp(0.001, 0.9, 1e-8), create("rmsprop"));
        assertEquals(new Adadelta(1.0, 0.95, 1e-6), create("adadelta"));
        assertEquals(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01), create("adamw"));
        assertEquals(new Adamax(0.002, 0.9, 0.999, 1e-8), create("adamax"));
        assertEquals(new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004), create("nadam"));
        assertEquals(new AmsGrad(0.001, 0.9, 0.999, 1e-8), create("amsgrad"));
        assertEquals(new Rprop(1.2, 0.5, 0.1, 1e-6, 50), create("rprop"));
        assertEquals("rprop(eta-plus=1.2, eta-minus=0.5, initial-step=0.1, step-min=1.0E-6, "
                + "step-max=50.0)", create("rprop").toString());
        assertEquals("adamw(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8, decay=0.01)",
                create("adamw").toString());
        assertNotEquals(create("nadam"), create("nadam(momentum-decay=0)"));
    }

    @Test
    void badValuesOfTheNewOptimizersAreRejectedNamingTheParameter() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("nesterov(mu=1)", "parameter 'mu' of 'nesterov' must be in [0.0, 1.0), "
                + "found 1");
        expected.put("adagrad(epsilon=0)", "parameter 'epsilon' of 'adagrad' must be > 0.0, "
                + "found 0");
        expected.put("rmsprop(rho=-0.5)", "parameter 'rho' of 'rmsprop' must be in [0.0, 1.0), "
                + "found -0.5");
        expected.put("adadelta(lr=0)", "parameter 'lr' of 'adadelta' must be > 0.0, found 0");
        expected.put("adamw(decay=-1)", "parameter 'decay' of 'adamw' must be >= 0.0, found -1");
        expected.put("adamax(beta2=1)", "parameter 'beta2' of 'adamax' must be in [0.0, 1.0), "
                + "found 1");
        expected.put("nadam(momentum-decay=-0.1)", "parameter 'momentum-decay' of 'nadam' must "
                + "be >= 0.0, found -0.1");
        expected.put("amsgrad(beta1=abc)", "parameter 'beta1' of 'amsgrad' must be a number, "
                + "found 'abc'");
        expected.put("rprop(eta-plus=1)", "parameter 'eta-plus' of 'rprop' must be > 1.0, "
                + "found 1");
        expected.put("rprop(eta-minus=1)", "parameter 'eta-minus' of 'rprop' must be in "
                + "(0.0, 1.0), found 1");
        expected.put("rprop(initial-step=100)", "'rprop' needs step-min <= initial-step <= "
                + "step-max, found 1.0E-6, 100.0, 50.0");
        expected.put("rprop(step-min=0.5)", "'rprop' needs step-min <= initial-step <= "
                + "step-max, found 0.5, 0.1, 50.0");
        expected.put("rprop(lr=0.1)", "unknown parameter 'lr' for 'rprop'; known: eta-plus, "
                + "eta-minus, initial-step, step-min, step-max");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            SpecException x = assertThrows(SpecException.class, () -> create(e.getKey()),
                    e.getKey());
            assertEquals(e.getValue(), x.getMessage(), e.getKey());
        }
        assertThrows(IllegalArgumentException.class, () -> new AdamW(0.1, 0.9, 0.999, 1e-8,
                Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(1.2, 0.5, 0.1, 0.2, 0.1));
    }

    private static List<String> names(List<ParameterSpec> specs) {
        return specs.stream().map(ParameterSpec::name).toList();
    }
}
