package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.kernel.MatrixBackends;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistakes get a short message naming what, where and what to do, exit code 2, and
 * no stack trace; nothing wrong passes silently.
 */
class UserMistakesTest {

    @TempDir
    Path dir;

    private Path blobs;
    private Path model;

    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", 4 * (c % 2)
                    + 0.5 * r.nextGaussian(), 4 * (c / 2) + 0.5 * r.nextGaussian(), names[c]));
        }
        blobs = Files.writeString(dir.resolve("blobs.csv"), sb);
        model = dir.resolve("m.mlp");
    }

    private Cli train(String... extra) {
        String[] base = {"train", "--data", blobs.toString(), "--target", "kind",
            "--layers", "4", "--epochs", "5", "--quiet", "-o", model.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    /** Exit code 2, a message of at most two lines containing each part, no stack trace. */
    private static void assertBadInput(Cli r, String... parts) {
        assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
        String[] lines = r.err().strip().split("\\R");
        assertTrue(lines.length <= 2, "at most two lines: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
    }

    @Test
    void directoriesGivenAsFilesAreNamedByOption() throws IOException {
        assertEquals(MlpCli.OK, train().code());
        assertBadInput(Cli.run("train", "--data", dir.toString(), "--target", "kind", "-o",
                model.toString()), "--data: ", dir.toString(), "is a directory");
        assertBadInput(Cli.run("evaluate", "-m", dir.toString(), "--data", blobs.toString()),
                "-m: ", "is a directory");
        assertBadInput(Cli.run("predict", "-m", dir.toString(), "--data", blobs.toString()),
                "-m: ", "is a directory");
        assertBadInput(train("--resume", dir.toString()), "--resume: ", "is a directory");
        assertBadInput(Cli.run("inspect", dir.toString()), "is a directory");
    }

    @Test
    void outputPathsAreCheckedBeforeTraining() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("models"));
        Cli r = Cli.run("train", "--data", blobs.toString(), "--target", "kind", "--epochs",
                "100000", "-o", sub.toString());
        assertBadInput(r, "-o: ", sub.toString(), "is a directory", "give a file name");
        assertBadInput(Cli.run("train", "--data", blobs.toString(), "--target", "kind", "-o",
                blobs.resolve("x.mlp").toString()), "is a file, not a directory");
        assertBadInput(Cli.run("train", "--data", blobs.toString(), "--target", "kind", "-o",
                dir.resolve("no/such/dir/x.mlp").toString()), "does not exist; create it first");
        assertBadInput(train("--checkpoint-dir", blobs.toString()), "--checkpoint-dir: ",
                "is a file");
        assertBadInput(train("--chart", dir.resolve("c.gif").toString()), "--chart: ",
                ".png or .svg");
        assertBadInput(Cli.run("predict", "-m", model.toString(), "--data", blobs.toString(),
                "-o", sub.toString()), "-o: ", "is a directory");
        assertFalse(Files.exists(model), "nothing trained or written");
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeAllocation() {
        Cli r = Cli.run("train", "--data", blobs.toString(), "--target", "kind", "--layers",
                "100000000", "-o", model.toString());
        assertBadInput(r, "--layers 100000000", "600,000,003 parameters", "heap limit",
                "-Xmx");
    }

    @Test
    void outOfMemoryIsReportedWithAdvice() {
        java.io.StringWriter w = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new MlpCli());
        cl.setErr(new java.io.PrintWriter(w));
        assertEquals(MlpCli.BAD_INPUT, MlpCli.report(new OutOfMemoryError("Java heap space"),
                cl, false));
        assertTrue(w.toString().contains("not enough memory (Java heap space"), w.toString());
        assertTrue(w.toString().contains("-Xmx"), w.toString());
        assertFalse(w.toString().contains("\tat "), w.toString());
    }

    @Test
    void divergenceIsBadInputWithAdviceAndATraceOnlyWhenVerbose() {
        Cli r = train("--optimizer", "sgd(lr=1e300)", "--input-scaler", "none");
        assertBadInput(r, "training diverged", "--divergence \"rollback");
        Cli v = train("--optimizer", "sgd(lr=1e300)", "--input-scaler", "none", "--verbose");
        assertEquals(MlpCli.BAD_INPUT, v.code());
        assertTrue(v.err().contains("\tat "), "a trace with --verbose: " + v.err());
    }

    @Test
    void anUnknownOrBlankBackendOptionIsBadInput() {
        assertBadInput(train("--backend", "no-such-backend"), "--backend: ",
                "unknown compute backend 'no-such-backend'", "known: java, java-vector, "
                        + "native-blas");
        assertBadInput(train("--backend", " "), "--backend needs a compute backend's name");
    }

    @Test
    void anUnknownBackendIsBadInput() {
        String before = System.getProperty(MatrixBackends.PROPERTY);
        System.setProperty(MatrixBackends.PROPERTY, "no-such-backend");
        try {
            assertBadInput(train(), "-Dmlp.backend=no-such-backend", "unknown compute backend",
                    "known: java");
        } finally {
            if (before == null) {
                System.clearProperty(MatrixBackends.PROPERTY);
            } else {
                System.setProperty(MatrixBackends.PROPERTY, before);
            }
        }
    }

    @Test
    void pluginJarsClaimingOneNameAreBadInputForEveryCommand() throws IOException {
        Path plugins = dir.resolve("plugins");
        TestPlugins.jar(plugins.resolve("clash.jar"), TestPlugins.ClashingAdam.class);
        assertBadInput(Cli.run("plugins", "--plugins", plugins.toString()),
                "two optimizer providers claim the name 'adam'", "Remove one of the two jars");
        assertBadInput(Cli.runWith(Map.of(MlpCli.PLUGIN_PATH, plugins.toString()), "train",
                "--data", blobs.toString(), "--target", "kind", "-o", model.toString()),
                "claim the name 'adam'");
        assertBadInput(Cli.run("plugins", "--plugins", dir.resolve("nothing").toString()),
                "--plugins: no such directory or jar");
    }

    @Test
    void pluginJarsLoadFromTheOptionAndTheEnvironmentWithTheirJar() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path jar = TestPlugins.jar(plugins.resolve("extra.jar"), TestPlugins.Extra.class);
        assertFalse(Cli.run("plugins").out().contains("extra-test-optimizer"));
        Cli r = Cli.run("plugins", "--kind", "optimizer", "--plugins", plugins.toString());
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("plugin path: " + jar.toAbsolutePath()), r.out());
        assertTrue(r.out().contains("  extra-test-optimizer"), r.out());
        assertTrue(r.out().contains("found in a plugin jar"), r.out());
        Cli e = Cli.runWith(Map.of(MlpCli.PLUGIN_PATH, dir.resolve("empty") + File.pathSeparator
                + jar), "plugins", "--kind", "optimizer");
        assertBadInput(e, "$MLP_PLUGIN_PATH: no such directory or jar");
        e = Cli.runWith(Map.of(MlpCli.PLUGIN_PATH, jar.toString()), "plugins", "--kind",
                "optimizer");
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("  extra-test-optimizer"), e.out());
    }

    @Test
    void validationSharesOutsideTheRangeAreRefused() {
        for (String v : new String[] {"-0.2", "NaN", "1.0", "1.5"}) {
            assertBadInput(train("--validation", v), "--validation must be a share of the "
                    + "rows in [0, 1)");
        }
    }

    @Test
    void dataWithOneClassOrOneRowIsRefused() throws IOException {
        Path one = Files.writeString(dir.resolve("one.csv"), "a,b,c\n1,2,x\n3,4,x\n5,6,x\n");
        assertBadInput(Cli.run("train", "--data", one.toString(), "--target", "c", "-o",
                model.toString()), "only one class (x) in 3 rows", "at least two");
        Path row = Files.writeString(dir.resolve("row.csv"), "a,b\n1,2\n");
        assertBadInput(Cli.run("train", "--data", row.toString(), "--target", "b", "--task",
                "regression", "-o", model.toString()), "has 1 row of data",
                "at least 2");
    }

    @Test
    void aModelWithANanWeightIsRefusedAtLoad() throws IOException {
        assertEquals(MlpCli.OK, train().code());
        Model m = ModelFile.load(model);
        double[] w = m.network().weights(1);
        w[0] = Double.NaN;
        m.network().setWeights(1, w);
        Path nan = dir.resolve("nan.mlp");
        ModelFile.save(m, nan);
        assertBadInput(Cli.run("evaluate", "-m", nan.toString(), "--data", blobs.toString()),
                "-m " + nan, "layer 1 weight from input 1 to neuron 1", "NaN");
        assertBadInput(Cli.run("predict", "-m", nan.toString(), "--data", blobs.toString()),
                "layer 1 weight");
    }

    @Test
    void fileErrorsNameTheFileAndTheReason() {
        assertEquals("permission denied: /x/m.mlp", MlpCli.message(
                new AccessDeniedException("/x/m.mlp")));
        assertEquals("permission denied: /x/m.mlp: cannot create a file in directory /x",
                MlpCli.message(new AccessDeniedException("/x/m.mlp", null,
                        "cannot create a file in directory /x")));
        assertEquals("/x/d: Is a directory", MlpCli.message(
                new FileSystemException("/x/d", null, "Is a directory")));
        assertTrue(MlpCli.isBadInput(new FileSystemException("/x/d")));
        assertTrue(MlpCli.isBadInput(new java.io.UncheckedIOException(
                new AccessDeniedException("x"))));
    }

    @Test
    void aPayloadLongerOrShorterThanAnnouncedIsNamedForWhatItIs() throws IOException {
        assertEquals(MlpCli.OK, train().code());
        byte[] saved = Files.readAllBytes(model);
        Path longer = dir.resolve("longer.mlp");
        byte[] extra = java.util.Arrays.copyOf(saved, saved.length + 4);
        Files.write(longer, extra);
        assertBadInput(Cli.run("inspect", longer.toString()), longer.toString(), "corrupted",
                "4 bytes after the end");
        Path shorter = dir.resolve("shorter.mlp");
        Files.write(shorter, java.util.Arrays.copyOf(saved, saved.length - 4));
        assertBadInput(Cli.run("evaluate", "-m", shorter.toString(), "--data",
                blobs.toString()), shorter.toString(), "truncated");
    }
    @Test
    void exportAndServeNameTheModelFileAtFault() throws IOException {
        assertEquals(MlpCli.OK, train().code());
        assertBadInput(Cli.run("export", "-m", dir.toString(), "-o",
                dir.resolve("m.onnx").toString()), "-m: ", dir.toString(), "is a directory");
        assertBadInput(Cli.run("serve", "-m", dir.toString(), "--port", "0"), "-m: ",
                dir.toString(), "is a directory");
        Model m = ModelFile.load(model);
        double[] w = m.network().weights(1);
        w[0] = Double.NaN;
        m.network().setWeights(1, w);
        Path nan = dir.resolve("nan.mlp");
        ModelFile.save(m, nan);
        assertBadInput(Cli.run("export", "-m", nan.toString(), "-o",
                dir.resolve("m.onnx").toString()), "-m " + nan, "layer 1 weight", "NaN");
        assertBadInput(Cli.run("serve", "-m", nan.toString(), "--port", "0"), "-m " + nan,
                "layer 1 weight", "NaN");
        assertBadInput(Cli.run("serve", "-m", "a=b=c", "--port", "0"), "-m: ",
                "no such file: b=c");
    }

    @Test
    void serveOptionsOutOfRangeAreNamedByOption() {
        assertBadInput(Cli.run("serve", "-m", model.toString(), "--port", "70000"), "--port ",
                "[0, 65535]", "70000");
        assertBadInput(Cli.run("serve", "-m", model.toString(), "--threads", "0"),
                "--threads ", "at least 1");
    }

    @Test
    void anAddressThatDoesNotResolveIsNamedByHost() {
        assertEquals(MlpCli.OK, train().code());
        assertBadInput(Cli.run("serve", "-m", model.toString(), "--port", "0", "--host",
                "no.such.host.invalid"), "--host no.such.host.invalid", "cannot listen");
    }

    @Test
    void anOutputThatIsAlsoAnInputIsRefusedAndLeftAlone() throws IOException {
        assertEquals(MlpCli.OK, train().code());
        byte[] before = Files.readAllBytes(blobs);
        assertBadInput(Cli.run("train", "--data", blobs.toString(), "--target", "kind", "-o",
                blobs.toString()), "-o: ", "is also the --data file", "choose another path");
        assertBadInput(Cli.run("predict", "-m", model.toString(), "--data", blobs.toString(),
                "-o", blobs.toString()), "-o: ", "is also the --data file");
        assertBadInput(Cli.run("predict", "-m", model.toString(), "--data", blobs.toString(),
                "-o", model.toString()), "-o: ", "is also the -m file");
        assertBadInput(Cli.run("export", "-m", model.toString(), "-o", model.toString()),
                "-o: ", "is also the -m file");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(blobs)), "data kept");
        ModelFile.load(model);
    }

    @Test
    void optionsThatWouldBeIgnoredAreRefused() {
        assertBadInput(train("--checkpoint-every", "5"), "--checkpoint-every needs "
                + "--checkpoint-dir");
        assertBadInput(train("--target-scaler", "z-score"), "--target-scaler is for --task "
                + "regression");
        assertEquals(MlpCli.OK, train("--target-scaler", "none").code());
        assertEquals(MlpCli.OK, train("--checkpoint-every", "5", "--checkpoint-dir",
                dir.resolve("ck").toString()).code());
    }

    @Test
    void anEmptyFeatureNameIsNamedByOption() {
        assertBadInput(train("--features", "x1,,x2"), "--features: an empty column name",
                "x1,,x2");
        assertBadInput(train("--features", ""), "--features: an empty column name");
    }

    @Test
    void twoPluginJarsWithOneProviderClassAreRefused() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path one = TestPlugins.jar(plugins.resolve("extra-1.0.jar"), TestPlugins.Extra.class);
        Path two = TestPlugins.jar(plugins.resolve("extra-1.1.jar"), TestPlugins.Extra.class);
        assertBadInput(Cli.run("plugins", "--plugins", plugins.toString()), one.toString(),
                two.toString(), "both provide " + TestPlugins.Extra.class.getName(),
                "Remove one of the two jars");
        assertBadInput(train("--plugins", one + "," + two), "both provide");
        assertEquals(MlpCli.OK, Cli.run("plugins", "--plugins", one.toString()).code());
    }

    @Test
    void aDivergenceThatOutlastsItsRollbacksIsNotAdvisedMoreOfTheSame() {
        Cli r = train("--optimizer", "sgd(lr=1e30)", "--input-scaler", "none",
                "--divergence", "rollback(factor=0.5, retries=3)");
        assertBadInput(r, "gave up after 3 rollbacks", "smaller learning rate");
        assertFalse(r.err().contains("try --divergence"), r.err());
    }
    @Test
    void aBadSpecIsNamedByItsOptionBeforeTheDataIsRead() throws IOException {
        // data that cannot be read: the spec must be refused first
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, 0, 1, 2});
        String[][] cases = {
            {"--activation", "nosuch", "unknown activation 'nosuch'"},
            {"--output-activation", "relu(", "malformed spec 'relu('"},
            {"--loss", "nosuch", "unknown loss 'nosuch'"},
            {"--optimizer", "adam(lr=-1)", "parameter 'lr' of 'adam'"},
            {"--batch", "mini-batch(size=0)", "parameter 'size' of 'mini-batch'"},
            {"--initializer", "nosuch", "unknown initializer"},
            {"--input-scaler", "nosuch", "unknown scaler"},
            {"--schedule", "cosine(warmup=-1)", "parameter 'warmup'"},
            {"--gradient", "clip-norm(max=0)", "parameter 'max'"},
            {"--early-stopping", "patience=-1", "parameter 'patience'"},
            {"--divergence", "rollback(factor=2)", "parameter 'factor'"},
        };
        for (String[] c : cases) {
            assertBadInput(Cli.run("train", "--data", binary.toString(), "--target", "kind",
                    "-o", model.toString(), c[0], c[1]), c[0] + ": ", c[2]);
        }
        assertBadInput(train("--output-activation", "sigmoid"), "--output-activation with "
                + "--loss: ", "needs a 'softmax' output layer");
    }
}
