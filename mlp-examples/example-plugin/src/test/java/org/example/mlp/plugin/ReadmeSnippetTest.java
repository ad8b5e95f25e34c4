package org.example.mlp.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the optimizer plugin shown in README.md's "Writing a plugin" equal to {@link Lion}, so the
 * README's code is code that compiles and passes the kit.
 */
class ReadmeSnippetTest {

    @Test
    void readmeShowsTheLionFileVerbatim() throws IOException {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        String source = Files.readString(
                Path.of("src", "main", "java", "org", "example", "mlp", "plugin", "Lion.java"));
        assertTrue(readme.contains("```java\n" + source + "```\n"), "README.md's \"Writing a "
                + "plugin\" must show src/main/java/org/example/mlp/plugin/Lion.java verbatim in a "
                + "```java block; update the README after changing the file");
    }
}
