package dev.mlp.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import dev.mlp.examples.DataUnavailableException;
import dev.mlp.examples.Main;
import dev.mlp.examples.Report;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example on tiny IDX files written here; the real data set is never needed. */
class FashionMnistTest {

    @TempDir
    Path dir;

    private static void idx(Path file, int[] dims, byte[] values, boolean gzip)
            throws IOException {
        try (OutputStream f = Files.newOutputStream(file);
             OutputStream o = gzip ? new GZIPOutputStream(f) : f;
             DataOutputStream out = new DataOutputStream(o)) {
            out.write(new byte[] {0, 0, 0x08, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        }
    }

    /** Writes n images whose class is written into their brightest row, and their labels. */
    private void dataSet(String prefix, int n, long seed, boolean gzip) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                pixels[i * 784 + p] = (byte) (row == c * 2 ? 200 + r.nextInt(56) : r.nextInt(30));
            }
        }
        String gz = gzip ? ".gz" : "";
        idx(dir.resolve(prefix + "-images-idx3-ubyte" + gz), new int[] {n, 28, 28}, pixels, gzip);
        idx(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), new int[] {n}, labels, gzip);
    }

    @Test
    void trainsOnIdxFilesAndReportsTimeAndAccuracy() throws IOException {
        dataSet("train", 60, 1, true);
        dataSet("t10k", 20, 2, false);
        Path model = dir.resolve("fashion.mlp");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(buf, true, StandardCharsets.UTF_8));
        new FashionMnist(dir, 2, model).run(report);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(60, report.valueOf("training images"));
        assertEquals(20, report.valueOf("test images"));
        assertEquals(784, report.valueOf("pixels per image"));
        assertEquals(2, report.valueOf("epochs"));
        assertTrue(report.valueOf("mean time per epoch (s)") > 0);
        double accuracy = report.valueOf("test accuracy");
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertTrue(text.contains("epoch  2  loss"), text);
        assertTrue(text.contains("Ankle boot"), text);
        ModelInfo info = ModelFile.read(model);
        assertEquals(FashionMnist.CLASSES, info.classNames());
        assertEquals(accuracy, info.metadata().metrics().get("test accuracy"));
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, info.parameterCount());
    }

    @Test
    void missingFilesSayHowToInstallThemAndExitWithTwo() {
        var e = assertThrows(DataUnavailableException.class,
                () -> new FashionMnist(dir, 1, null).run(new Report(null)));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"),
                e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("train-images-idx3-ubyte").toString()),
                e.getMessage());
        String old = System.getProperty(FashionMnist.DIR_PROPERTY);
        System.setProperty(FashionMnist.DIR_PROPERTY, dir.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"fashion-mnist"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Fashion-MNIST is not "
                    + "installed"));
        } finally {
            if (old == null) {
                System.clearProperty(FashionMnist.DIR_PROPERTY);
            } else {
                System.setProperty(FashionMnist.DIR_PROPERTY, old);
            }
        }
    }

    @Test
    void itIsListedButNotPartOfAll() {
        assertTrue(dev.mlp.examples.Examples.all().stream()
                .noneMatch(e -> e.name().equals("fashion-mnist")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new String[] {"list"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("fashion-mnist"));
    }
}
