package dev.mlp.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's list of the kit's checks equal to what the kit runs. */
class ReadmeChecksTest {

    static List<String> expectedRows() {
        List<String> rows = new ArrayList<>();
        rows.add("| every provider | " + String.join("; ", PluginContracts.providerChecks())
                + " |");
        for (dev.mlp.api.spi.PluginKind<?> k : dev.mlp.api.spi.PluginKind.ALL) {
            List<String> checks = PluginContracts.kindChecks(k);
            rows.add("| " + k.label() + " | " + (checks.isEmpty() ? "(the provider checks only)"
                    : String.join("; ", checks)) + " |");
        }
        return rows;
    }

    @Test
    void readmeListsEveryCheckOfEveryKind() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (String row : expectedRows()) {
            if (!readme.contains(row + "\n")) {
                missing.add(row);
            }
        }
        assertTrue(missing.isEmpty(), "README.md's table of the kit's checks must hold these rows "
                + "exactly:\n" + String.join("\n", missing));
    }
}
