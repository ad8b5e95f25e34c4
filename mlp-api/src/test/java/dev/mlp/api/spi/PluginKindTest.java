package dev.mlp.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Metric;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginKindTest {

    @Test
    void everyKindIsDeclaredOnceWithDistinctNamesAndInterfaces() {
        assertEquals(13, PluginKind.ALL.size());
        Set<String> keys = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<Class<?>> providers = new HashSet<>();
        for (PluginKind<?> k : PluginKind.ALL) {
            assertTrue(keys.add(k.key()), k.key());
            assertTrue(labels.add(k.label()), k.label());
            assertTrue(providers.add(k.providerType()), k.label());
            assertTrue(PluginProvider.class.isAssignableFrom(k.providerType()));
            assertSame(k, PluginKind.valueOf(k.key()));
            assertEquals(k.key(), k.toString());
        }
        assertSame(Metric.class, PluginKind.METRIC.type());
        assertSame(ComputeBackend.class, PluginKind.COMPUTE_BACKEND.type());
        assertEquals("compute backend", PluginKind.COMPUTE_BACKEND.label());
        assertSame(dev.mlp.api.Layer.class, PluginKind.LAYER.type());
    }

    @Test
    void theKindOfAProviderComesFromItsInterface() {
        MetricProvider metric = new MetricProvider() {
            @Override
            public String name() {
                return "m";
            }

            @Override
            public Metric create(Parameters parameters) {
                return null;
            }
        };
        assertSame(PluginKind.METRIC, PluginKind.of(metric));
        ComputeBackendProvider backend = new ComputeBackendProvider() {
            @Override
            public String name() {
                return "b";
            }

            @Override
            public ComputeBackend create(Parameters parameters) {
                return null;
            }
        };
        assertSame(PluginKind.COMPUTE_BACKEND, PluginKind.of(backend));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginKind.valueOf("WIDGET"));
        assertTrue(e.getMessage().startsWith("no plugin kind WIDGET; known: [ACTIVATION, LOSS"),
                e.getMessage());
    }
}
