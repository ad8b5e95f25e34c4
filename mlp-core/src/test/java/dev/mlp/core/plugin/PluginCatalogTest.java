package dev.mlp.core.plugin;

import dev.mlp.api.spi.PluginKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginCatalogTest {

    /** Two distinct provider types, so that their mocks have telling class names. */
    abstract static class FirstCubeProvider implements ActivationProvider {
    }

    abstract static class SecondCubeProvider implements ActivationProvider {
    }

    private static final Map<PluginKind<?>, Set<String>> BUILT_IN = Map.ofEntries(
            Map.entry(PluginKind.SCHEDULE, Set.of("constant", "step", "exponential",
                    "inverse-scaling", "cosine", "reduce-on-plateau")),
            Map.entry(PluginKind.GRADIENT_TRANSFORM, Set.of("clip-value", "clip-norm", "l1",
                    "l2")),
            Map.entry(PluginKind.LOSS, Set.of("squared-error", "half-squared-error", "mse",
                    "cross-entropy", "binary-cross-entropy", "mae", "huber", "log-cosh", "hinge", "squared-hinge",
                    "kl-divergence", "poisson")),
            Map.entry(PluginKind.BATCH_STRATEGY, Set.of("full-batch", "stochastic", "mini-batch",
                    "stratified-mini-batch", "weighted-mini-batch")),
            Map.entry(PluginKind.INITIALIZER, Set.of("uniform", "xavier", "he", "zeros", "lecun",
                    "xavier-normal", "normal", "constant", "orthogonal")),
            Map.entry(PluginKind.SCALER, Set.of("min-max", "z-score")),
            Map.entry(PluginKind.LISTENER, Set.of("log")),
            Map.entry(PluginKind.ACTIVATION, Set.of("identity", "linear", "sigmoid", "tanh",
                    "relu", "leaky-relu", "softplus", "softmax")),
            Map.entry(PluginKind.OPTIMIZER, Set.of("sgd", "normalized-gradient", "momentum",
                    "adam", "nesterov", "adagrad", "rmsprop", "adadelta", "adamw", "adamax", "nadam",
                    "amsgrad", "rprop")),
            Map.entry(PluginKind.METRIC, Set.of("accuracy", "precision", "recall", "f1", "mse",
                    "mae", "r2")),
            Map.entry(PluginKind.COMPUTE_BACKEND, Set.of("java")),
            Map.entry(PluginKind.ENCODER, Set.of("one-hot", "ordinal", "frequency")),
            Map.entry(PluginKind.LAYER, Set.of("batch-norm", "layer-norm", "rms-norm",
                    "dropout")));

    @Test
    void discoveryFindsEveryBuiltInOfEveryKind() {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        assertEquals(PluginKind.ALL.size(), BUILT_IN.size());
        for (PluginKind<?> kind : PluginKind.ALL) {
            Map<String, PluginProvider<?>> providers = catalog.providers(kind);
            for (String name : BUILT_IN.get(kind)) {
                assertTrue(providers.containsKey(name), kind.label() + " '" + name
                        + "' not found; found " + providers.keySet());
                assertTrue(kind.providerType().isInstance(providers.get(name)));
            }
        }
    }

    @Test
    void aliasesMapToTheSameProvider() {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        Map<String, PluginProvider<?>> activations = catalog.providers(PluginKind.ACTIVATION);
        assertSame(activations.get("identity"), activations.get("linear"));
        assertEquals("identity", activations.get("linear").name());
        assertSame(catalog.providers(PluginKind.BATCH_STRATEGY).get("full-batch"),
                catalog.providers(PluginKind.BATCH_STRATEGY).get("batch"));
    }

    @Test
    void catalogMapsAreSortedAndUnmodifiable() {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        List<String> names = new ArrayList<>(catalog.providers(PluginKind.LOSS).keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertThrows(UnsupportedOperationException.class,
                () -> catalog.providers(PluginKind.LOSS).clear());
    }

    @Test
    void twoProvidersWithOneNameFailNamingBothClasses() {
        ActivationProvider first = mock(FirstCubeProvider.class);
        when(first.name()).thenReturn("cube");
        when(first.aliases()).thenReturn(List.of());
        ActivationProvider second = mock(SecondCubeProvider.class);
        when(second.name()).thenReturn("cube");
        when(second.aliases()).thenReturn(List.of());

        PluginCatalog.Builder b = PluginCatalog.builder().add(PluginKind.ACTIVATION, first);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> b.add(PluginKind.ACTIVATION, second));
        String m = e.getMessage();
        assertTrue(m.contains("'cube'"), m);
        assertTrue(m.contains(first.getClass().getName()), m);
        assertTrue(m.contains(second.getClass().getName()), m);
        assertTrue(m.contains("FirstCubeProvider") && m.contains("SecondCubeProvider"), m);
    }

    @Test
    void anAliasClashingWithANameFailsToo() {
        ActivationProvider first = mock(FirstCubeProvider.class);
        when(first.name()).thenReturn("cube");
        when(first.aliases()).thenReturn(List.of());
        ActivationProvider second = mock(SecondCubeProvider.class);
        when(second.name()).thenReturn("kube");
        when(second.aliases()).thenReturn(List.of("third-power", "cube"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, first)
                        .add(PluginKind.ACTIVATION, second));
        assertTrue(e.getMessage().contains("FirstCubeProvider")
                && e.getMessage().contains("SecondCubeProvider"), e.getMessage());
    }

    @Test
    void oneNameMayBeUsedOncePerKind() {
        ActivationProvider activation = mock(FirstCubeProvider.class);
        when(activation.name()).thenReturn("cube");
        LossProvider loss = mock(LossProvider.class);
        when(loss.name()).thenReturn("cube");
        PluginCatalog c = PluginCatalog.builder().add(PluginKind.ACTIVATION, activation)
                .add(PluginKind.LOSS, loss).build();
        assertSame(activation, c.providers(PluginKind.ACTIVATION).get("cube"));
        assertSame(loss, c.providers(PluginKind.LOSS).get("cube"));
    }

    @Test
    void addingTheSameProviderTwiceIsHarmless() {
        ActivationProvider p = mock(FirstCubeProvider.class);
        when(p.name()).thenReturn("cube");
        when(p.aliases()).thenReturn(List.of("third-power"));
        PluginCatalog c = PluginCatalog.builder().add(PluginKind.ACTIVATION, p)
                .add(PluginKind.ACTIVATION, p).build();
        assertEquals(Set.of("cube", "third-power"), c.providers(PluginKind.ACTIVATION).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankNamesAreRejected(String name) {
        ActivationProvider p = mock(FirstCubeProvider.class);
        when(p.name()).thenReturn(name);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, p));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
        assertTrue(e.getMessage().contains("FirstCubeProvider"), e.getMessage());
    }

    @Test
    void aNullNameIsRejected() {
        ActivationProvider p = mock(FirstCubeProvider.class); // name() answers null
        assertThrows(IllegalStateException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cube", "CUBE", "cUbe", " cube", "cube "})
    void namesMustBeLowercaseWithoutSurroundingSpaces(String name) {
        ActivationProvider p = mock(FirstCubeProvider.class);
        when(p.name()).thenReturn(name);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, p));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
    }

    @Test
    void uppercaseAliasesAreRejectedToo() {
        ActivationProvider p = mock(FirstCubeProvider.class);
        when(p.name()).thenReturn("cube");
        when(p.aliases()).thenReturn(List.of("Cube"));
        assertThrows(IllegalStateException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, p));
    }

    @Test
    void aProviderOfTheWrongKindIsRejected() {
        LossProvider loss = mock(LossProvider.class);
        when(loss.name()).thenReturn("cube");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginCatalog.builder().add(PluginKind.ACTIVATION, loss));
        assertTrue(e.getMessage().contains(ActivationProvider.class.getName()), e.getMessage());
    }

    @Test
    void originNamesTheClassAndWhereItCameFrom() {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        PluginProvider<?> mse = catalog.providers(PluginKind.LOSS).get("mse");
        String origin = PluginCatalog.origin(mse);
        assertTrue(origin.startsWith(mse.getClass().getName() + " ("), origin);
        assertTrue(origin.contains("file:"), origin);
    }
}
