package dev.mlp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plots DIR} draws the seeds' pictures and changes nothing else in the output. */
class PlotsTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\([0-9.]+ ms\\)", "(T ms)");
    }

    @Test
    void plotsAreWrittenBesideTheSameNumbers() throws Exception {
        Path plots = dir.resolve("plots");
        String plain = run("seed002-chain", "seed002-activations");
        String plotted = run("seed002-chain", "--plots", plots.toString(), "seed002-activations");
        assertEquals(plain, plotted.replaceAll("(?m)^   plot: .*\\R", ""));
        for (String name : new String[] {"seed002-chain", "seed002-activations-linear",
            "seed002-activations-relu", "seed002-activations-sigmoid",
            "seed002-activations-tanh"}) {
            Path png = plots.resolve(name + ".png");
            assertTrue(plotted.contains("   plot: " + png), plotted);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                    Arrays.copyOf(Files.readAllBytes(png), 4), name);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth());
            assertEquals(450, image.getHeight());
        }
    }

    @Test
    void plotsNeedADirectory() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"all", "--plots"}, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--plots needs a directory"));
    }
}
