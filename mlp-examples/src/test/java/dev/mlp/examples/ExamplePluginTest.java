package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.api.spi.PluginKind;
import org.junit.jupiter.api.Test;

/**
 * The third-party-style plugin of {@code mlp-examples/example-plugin} is found by name from its
 * own jar (this module depends on it at run time only, so no code here can import it) and trains
 * a network.
 */
class ExamplePluginTest {

    @Test
    void isruIsFoundByNameInItsOwnJarAndTrainsXor() {
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        PluginProvider<?> isru = catalog.providers(PluginKind.ACTIVATION).get("isru");
        assertNotNull(isru, "isru not discovered");
        String origin = PluginCatalog.origin(isru);
        assertTrue(origin.startsWith("org.example.mlp.plugin.IsruProvider ("), origin);
        assertTrue(origin.contains("example-plugin"), "expected the example plugin's own jar or "
                + "classes: " + origin);

        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] y = {{0}, {1}, {1}, {0}};
        Model model = Mlp.builder()
                .inputs(2)
                .layer(4, "isru(alpha=0.5)")
                .layer(1, "sigmoid")
                .loss("binary-cross-entropy")
                .optimizer("adam(lr=0.05)")
                .batch("full-batch")
                .initializer("xavier")
                .epochs(500)
                .seed(1)
                .train(x, y);
        assertEquals(1.0, model.accuracy(x, y), 0.0, "isru network should learn XOR");
    }
}
