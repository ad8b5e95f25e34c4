package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlp.core.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        curves().bestEpoch(3).write(svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<svg"), text.substring(0, Math.min(200, text.length())));
        for (String name : new String[] {"training loss", "validation loss",
            "validation accuracy", "epoch 3: weights kept", ">iris<", ">accuracy<"}) {
            assertTrue(text.contains(name), name + " missing in " + text);
        }
        // three series, each one polyline of its four epochs
        assertEquals(3, text.split("stroke-width=\"2\"", -1).length - 1
                - 3 /* legend samples */, text);
    }

    private static double[] decaying(int epochs) {
        double[] v = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            v[i] = 1.2 * Math.exp(-i / 10.0) + 0.01 * Math.sin(i);
        }
        return v;
    }

    @Test
    void svgStaysSmallForLongRuns() {
        for (int epochs : new int[] {79, 2_000, 200_000}) {
            String svg = new LearningCurves("long").axes("loss", "accuracy")
                    .left("training loss", decaying(epochs))
                    .left("validation loss", decaying(epochs))
                    .right("training accuracy", decaying(epochs))
                    .right("validation accuracy", decaying(epochs)).bestEpoch(epochs / 2).svg();
            assertTrue(svg.length() < 100_000, epochs + " epochs: " + svg.length() + " bytes");
        }
    }

    @Test
    void epochTicksAreRoundWholeNumbers() {
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0),
                LearningCurves.epochAxis(79).ticks());
        assertEquals(List.of(0.0, 1.0), LearningCurves.epochAxis(1).ticks());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
                LearningCurves.epochAxis(7).ticks());
        assertEquals(200.0, LearningCurves.epochAxis(1234).step());
        assertEquals(1400.0, LearningCurves.epochAxis(1234).hi());
        for (int n = 1; n < 5000; n += 7) {
            LearningCurves.Axis a = LearningCurves.epochAxis(n);
            double mantissa = a.step() / Math.pow(10, Math.floor(Math.log10(a.step())));
            assertTrue(mantissa == 1 || mantissa == 2 || mantissa == 5, n + ": " + a);
            assertTrue(a.hi() >= n && a.ticks().size() <= 14, n + ": " + a);
        }
    }

    @Test
    void valueTicksAreOneTwoOrFiveStepsCoveringTheValues() {
        LearningCurves.Axis a = LearningCurves.valueAxis(0.0031, 1.2154);
        assertEquals(0.2, a.step(), 1e-15);
        assertEquals(0.0, a.lo());
        assertEquals(1.4, a.hi(), 1e-12);
        assertEquals("0.4", a.label(a.ticks().get(2)));
        LearningCurves.Axis flat = LearningCurves.valueAxis(1, 1);
        assertTrue(flat.lo() < 1 && flat.hi() > 1, flat.toString());
        LearningCurves.Axis tiny = LearningCurves.valueAxis(0.9312, 0.9377);
        assertEquals("0.931", tiny.label(0.931));
        assertTrue(tiny.ticks().size() >= 4 && tiny.ticks().size() <= 11, tiny.toString());
    }

    @Test
    void chartsGetThePermissionsOfModelFiles() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path model = dir.resolve("m.bin");
        AtomicFiles.write(model, out -> out.write(1));
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        curves().write(png);
        curves().write(svg);
        Set<PosixFilePermission> want = Files.getPosixFilePermissions(model);
        assertEquals(want, Files.getPosixFilePermissions(png));
        assertEquals(want, Files.getPosixFilePermissions(svg));
        // the permissions of any new file (not the 0600 of temporary files)
        assertEquals(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain"))), want);
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
