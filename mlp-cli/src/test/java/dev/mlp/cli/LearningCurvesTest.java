package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {

    @TempDir
    Path dir;

    private static LearningCurves curves() {
        return new LearningCurves("iris").axes("loss", "accuracy")
                .left("training loss", new double[] {1.0, 0.6, 0.4, 0.3})
                .left("validation loss", new double[] {1.1, 0.7, 0.5, 0.45})
                .right("validation accuracy", new double[] {0.5, 0.8, 0.9, 0.93});
    }

    @Test
    void writesPng() throws Exception {
        Path png = dir.resolve("curves.png");
        curves().write(png);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void writesSvgWithEverySeries() throws Exception {
        Path svg = dir.resolve("curves.svg");
        curves().write(svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.length() > 1000);
    }

    @Test
    void refusesOtherExtensions() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> curves().write(dir.resolve("curves.gif")));
        assertTrue(e.getMessage().contains("must end in .png or .svg"), e.getMessage());
    }

    @Test
    void refusesAnEmptyChart() {
        assertThrows(IllegalArgumentException.class,
                () -> new LearningCurves("x").write(dir.resolve("c.png")));
    }
}
