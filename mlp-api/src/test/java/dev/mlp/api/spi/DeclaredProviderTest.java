package dev.mlp.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared providers and the hyperparameter checks that records share with them. */
class DeclaredProviderTest {

    static final ParameterSpec K = ParameterSpec.real("k", 2.0, "scale").above(0);

    static final class Scaled extends ElementwiseActivation {
        final double k;

        Scaled(double k) {
            super("scaled");
            this.k = k;
        }

        @Override
        protected double value(double z) {
            return k * z;
        }

        @Override
        protected double derivative(double z, double a) {
            return k;
        }
    }

    /** A provider as a plugin jar declares one: a no-argument constructor calling super. */
    public static final class ScaledProvider extends DeclaredProvider<Activation>
            implements ActivationProvider {
        public ScaledProvider() {
            super("scaled", List.of("times"), "f(z) = k z", List.of(K),
                    p -> new Scaled(p.real("k")));
        }
    }

    @Test
    void declarationIsWhatTheProviderReports() {
        ScaledProvider p = new ScaledProvider();
        assertEquals("scaled", p.name());
        assertEquals(List.of("times"), p.aliases());
        assertEquals("f(z) = k z", p.description());
        assertEquals(List.of(K), p.parameters());
        assertEquals("scaled", p.toString());
    }

    @Test
    void createHandsTheCheckedValuesToTheFactory() {
        ScaledProvider p = new ScaledProvider();
        Activation a = p.create(Parameters.bind("scaled", p.parameters(), Map.of("k", "3")));
        assertEquals(6.0, ((Scaled) a).apply(2.0));
        Activation d = p.create(Parameters.bind("scaled", p.parameters(), Map.of()));
        assertEquals(4.0, ((Scaled) d).apply(2.0));
    }

    @Test
    void badDeclarationsAndNullResultsAreRefused() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> new DeclaredProvider<Activation>("twice", "", List.of(K, K), p -> null) { });
        assertEquals("'twice' declares parameter 'k' twice", dup.getMessage());
        IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class,
                () -> new DeclaredProvider<Activation>("wrap", "", List.of(K.forwardsTo("k2")),
                        p -> null) { });
        assertEquals("'wrap' declares 'k' as a shorthand for a parameter of 'k2', which is not "
                + "one of its plugin parameters", dangling.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DeclaredProvider<Activation>(" ", "", List.of(), p -> null) { });
        DeclaredProvider<Activation> nothing =
                new DeclaredProvider<Activation>("nothing", "", List.of(), p -> null) { };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> nothing.create(Parameters.bind("nothing", List.of(), Map.of())));
        assertTrue(e.getMessage().startsWith("the factory of 'nothing'"), e.getMessage());
    }

    @Test
    void hyperparametersCheckAndWriteLikeSpecs() {
        ParameterSpec n = ParameterSpec.integer("n", 3, "count").atLeast(1);
        assertEquals("demo(k=2.0, n=3)", Hyperparameters.spec("demo", List.of(K, n), 2.0, 3));
        assertEquals("demo", Hyperparameters.spec("demo", List.of()));
        Hyperparameters.check("demo", List.of(K, n), 0.5, 1);
        SpecException e = assertThrows(SpecException.class,
                () -> Hyperparameters.check("demo", List.of(K, n), -1.0, 1));
        assertEquals("parameter 'k' of 'demo' must be > 0.0, found -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.check("demo", List.of(K, n), 1.0));
    }
}
