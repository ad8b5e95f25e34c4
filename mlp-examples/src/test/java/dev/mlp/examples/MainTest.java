package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listNamesEveryExample() {
        assertEquals(0, run("list"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (Example e : Examples.all()) {
            assertTrue(text.contains(e.name()), e.name());
        }
    }

    @Test
    void runsOneExampleByName() {
        assertEquals(0, run("seed002-single-weight"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("w after 10 steps"));
    }

    @Test
    void unknownNameIsBadUsage() {
        assertEquals(2, run("no-such-example"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown example 'no-such-example'"));
    }

    @Test
    void noArgumentsIsBadUsage() {
        assertEquals(2, run());
    }
}
