package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train, evaluate, predict and inspect commands end to end, in-process. */
class CommandsTest {

    @TempDir
    Path dir;

    private Path blobs;
    private Path line;

    /** Three well separated classes in two features, and a noisy line y = 2x + 1. */
    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        double[][] centres = {{0, 0}, {4, 0}, {0, 4}};
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n",
                    centres[c][0] + 0.5 * r.nextGaussian(), centres[c][1] + 0.5 * r.nextGaussian(),
                    names[c]));
        }
        blobs = Files.writeString(dir.resolve("blobs.csv"), sb);
        sb = new StringBuilder("x;y\n");
        for (int i = 0; i < 60; i++) {
            double x = i / 10.0;
            sb.append(String.format(Locale.ROOT, "%.4f;%.4f%n", x,
                    2 * x + 1 + 0.01 * r.nextGaussian()));
        }
        line = Files.writeString(dir.resolve("line.csv"), sb);
    }

    private Cli train(String... extra) {
        String[] base = {"train", "--data", blobs.toString(), "--target", "kind",
            "--layers", "6", "--epochs", "40", "--quiet", "-o", dir.resolve("m.mlp").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void trainEvaluatePredictInspect() throws IOException {
        Cli t = train("--validation", "0.2", "--chart", dir.resolve("c.svg").toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(Files.size(dir.resolve("m.mlp")) > 0);
        assertTrue(Files.readString(dir.resolve("c.svg")).contains("<svg"));

        Cli e = Cli.run("evaluate", "-m", dir.resolve("m.mlp").toString(), "--data",
                blobs.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("accuracy   1.000000"), e.out());
        assertTrue(e.out().contains("confusion matrix"), e.out());
        assertTrue(e.out().matches("(?s).*red\\s+30\\s+0\\s+0.*"), e.out());

        Path predictions = dir.resolve("p.csv");
        Cli p = Cli.run("predict", "-m", dir.resolve("m.mlp").toString(), "--data",
                blobs.toString(), "-o", predictions.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        List<String> rows = Files.readAllLines(predictions);
        assertEquals("x1,x2,prediction,p(red),p(green),p(blue)", rows.get(0));
        assertEquals(91, rows.size());
        assertTrue(rows.get(1).contains(",red,"), rows.get(1));

        Cli i = Cli.run("inspect", dir.resolve("m.mlp").toString());
        assertEquals(MlpCli.OK, i.code(), i.err());
        assertTrue(i.out().matches("(?s).*classes: +red, green, blue.*"), i.out());
        assertTrue(i.out().matches("(?s).*network: +2 -> 6 relu -> 3 softmax.*"), i.out());
    }

    @Test
    void theSummaryNamesTheComputeBackendAndBackendForcesOne() {
        String fastest = dev.mlp.core.kernel.MatrixBackends.standard().name();
        String[] base = {"train", "--data", blobs.toString(), "--target", "kind", "--layers",
            "6", "--epochs", "5", "-o", dir.resolve("b.mlp").toString()};
        Cli t = Cli.run(base);
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("\n  compute backend        " + fastest + "\n"), t.out());
        String[] named = java.util.Arrays.copyOf(base, base.length + 2);
        named[base.length] = "--backend";
        named[base.length + 1] = "java";
        Cli forced = Cli.run(named);
        assertEquals(MlpCli.OK, forced.code(), forced.err());
        assertTrue(forced.out().contains("\n  compute backend        java\n"), forced.out());
    }

    @Test
    void regressionOnASemicolonFile() {
        Cli t = Cli.run("train", "--data", line.toString(), "--delimiter", ";", "--target", "y",
                "--task", "regression", "--layers", "4", "--activation", "tanh",
                "--epochs", "200", "--quiet", "-o", dir.resolve("r.mlp").toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Cli e = Cli.run("evaluate", "-m", dir.resolve("r.mlp").toString(), "--data",
                line.toString(), "--delimiter", ";");
        assertEquals(MlpCli.OK, e.code(), e.err());
        double r2 = Double.parseDouble(e.out().replaceAll("(?s).*r2\\s+([0-9.]+).*", "$1"));
        assertTrue(r2 > 0.99, e.out());
    }

    @Test
    void resumingFromACheckpointGivesTheSameModel() throws IOException {
        Path ck = dir.resolve("ck");
        assertEquals(MlpCli.OK, train("--checkpoint-dir", ck.toString(), "--checkpoint-every",
                "10").code());
        Cli resumed = Cli.run("train", "--data", blobs.toString(), "--target", "kind",
                "--layers", "6", "--epochs", "40", "--quiet", "-o",
                dir.resolve("resumed.mlp").toString(),
                "--resume", ck.resolve("epoch-00020.ckpt").toString());
        assertEquals(MlpCli.OK, resumed.code(), resumed.err());
        ModelInfo a = ModelFile.read(dir.resolve("m.mlp"));
        ModelInfo b = ModelFile.read(dir.resolve("resumed.mlp"));
        for (int l = 0; l < a.layers().size(); l++) {
            assertArrayEquals(a.layers().get(l).weights(), b.layers().get(l).weights());
            assertArrayEquals(a.layers().get(l).biases(), b.layers().get(l).biases());
        }
    }

    @Test
    void badCellsUnknownColumnsAndSpecsAreBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,c\n1,2,x\n3,oops,y\n");
        Cli r = Cli.run("train", "--data", bad.toString(), "--target", "c", "-o",
                dir.resolve("x.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("row 3, column 'b': 'oops' is not a number"), r.err());

        r = Cli.run("train", "--data", blobs.toString(), "--target", "colour", "-o",
                dir.resolve("x.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("colour"), r.err());

        r = train("--optimizer", "adma(lr=0.1)");
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown optimizer 'adma'"), r.err());
        assertTrue(!Files.exists(dir.resolve("m.mlp")), "no model written after bad input");

        r = Cli.run("inspect", blobs.toString());
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("is not a model file"), r.err());

        r = Cli.run("evaluate", "-m", dir.resolve("missing.mlp").toString(), "--data",
                blobs.toString());
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no such file"), r.err());

        r = Cli.run("train", "--data", blobs.toString(), "-o", dir.resolve("x.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--target"), r.err());
    }

    /** Writes an IDX file of unsigned bytes with the given dimensions. */
    private static Path idx(Path file, int[] dims, byte[] values) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(new byte[] {0, 0, 0x08, (byte) dims.length});
        for (int d : dims) {
            b.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        b.write(values);
        return Files.write(file, b.toByteArray());
    }

    @Test
    void trainsAndEvaluatesOnIdxImages() throws IOException {
        // 60 "images" of 2x2 pixels: class 0 bright on the left, class 1 bright on the right
        SplittableRandom r = new SplittableRandom(5);
        int n = 60;
        byte[] pixels = new byte[n * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            labels[i] = (byte) c;
            for (int p = 0; p < 4; p++) {
                boolean bright = (p % 2 == 0) == (c == 0);
                pixels[i * 4 + p] = (byte) (bright ? 200 + r.nextInt(55) : r.nextInt(50));
            }
        }
        Path images = idx(dir.resolve("img-idx3-ubyte"), new int[] {n, 2, 2}, pixels);
        Path lab = idx(dir.resolve("lab-idx1-ubyte"), new int[] {n}, labels);
        Cli t = Cli.run("train", "--images", images.toString(), "--labels", lab.toString(),
                "--layers", "4", "--input-scaler", "none", "--epochs", "30", "--quiet",
                "-o", dir.resolve("idx.mlp").toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Cli e = Cli.run("evaluate", "-m", dir.resolve("idx.mlp").toString(), "--images",
                images.toString(), "--labels", lab.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("accuracy   1.000000"), e.out());

        Cli bad = Cli.run("train", "--images", images.toString(), "-o",
                dir.resolve("x.mlp").toString());
        assertEquals(MlpCli.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--images and --labels together"), bad.err());
    }
}
