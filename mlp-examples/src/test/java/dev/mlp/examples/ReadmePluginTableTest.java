package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.Mlp;
import dev.mlp.api.spi.PluginKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's table of built-in plugins from going stale. */
class ReadmePluginTableTest {

    @Test
    void everyDiscoveredPluginIsInTheReadmeWithItsDefaults() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        List<String> missing = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            for (PluginProvider<?> p : Mlp.standard().registry().providers(kind)) {
                String row = "| " + kind.label() + " | `" + p.name() + "`";
                int at = text.indexOf(row);
                if (at < 0) {
                    missing.add(kind.label() + " " + p.name());
                    continue;
                }
                String line = text.substring(at, text.indexOf('\n', at));
                for (String alias : p.aliases()) {
                    if (!line.contains("`" + alias + "`")) {
                        missing.add(p.name() + " alias " + alias);
                    }
                }
                for (ParameterSpec param : p.parameters()) {
                    String shown = param.name() + "=" + ParameterSpec.format(param.defaultValue());
                    if (!line.contains(shown)) {
                        missing.add(p.name() + " parameter " + shown);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "README.md plugin table lacks: " + missing);
    }
}
