package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    @TempDir
    Path dir;

    private static void assertSameParameters(Network a, Network b) {
        assertArrayEquals(a.sizes(), b.sizes());
        for (int l = 1; l <= a.layerCount(); l++) {
            assertArrayEquals(a.weights(l), b.weights(l), "layer " + l + " weights");
            assertArrayEquals(a.biases(l), b.biases(l), "layer " + l + " biases");
            assertEquals(a.hasBias(l), b.hasBias(l));
            assertEquals(a.activation(l).name(), b.activation(l).name());
        }
    }

    @Test
    void aClassifierRoundTripsAndPredictsTheSameBits() throws IOException {
        Model m = TestModels.classifier();
        Path f = dir.resolve("blobs.mlp");
        ModelFile.save(m, f, new ModelMetadata(List.of("a", "b", "c"), List.of("colour"),
                Map.of("accuracy", 0.9)));
        Model back = ModelFile.load(f);
        assertSameParameters(m.network(), back.network());
        assertEquals(m.specs(), back.specs());
        assertEquals(m.activationSpecs(), back.activationSpecs());
        assertEquals(List.of("red", "green", "blue"), back.classNames());
        assertArrayEquals(m.inputScaling().statistics(), back.inputScaling().statistics());
        assertNull(back.targetScaling());
        double[][] x = TestModels.blobs()[0];
        double[][] p = m.predict(x);
        double[][] q = back.predict(x);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i], "row " + i);
        }
        assertEquals(m.trainer().seed(), back.trainer().seed());
        assertEquals(m.trainer().epochs(), back.trainer().epochs());

        ModelInfo info = ModelFile.read(f);
        assertEquals(ModelFile.FORMAT_VERSION, info.formatVersion());
        assertArrayEquals(new int[] {3, 5, 3}, info.sizes());
        assertEquals(5 * 3 + 5 + 3 * 5 + 3, info.parameterCount());
        assertEquals("adam(lr=0.05, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                info.spec("optimizer"));
        assertEquals(11, info.training().seed());
        assertEquals(20, info.training().epochsTrained());
        assertEquals(m.history().get(0).finalLoss(), info.training().finalLoss());
        assertEquals(List.of("a", "b", "c"), info.metadata().featureNames());
        assertEquals(Map.of("accuracy", 0.9), info.metadata().metrics());
        String text = info.describe();
        for (String expected : new String[] {"3 -> 5 tanh -> 3 softmax", "cross-entropy",
            "mini-batch(size=8, shuffle=true)", "input scaler statistics", "mean=", "sd=",
            "red, green, blue", "seed:", "20 epochs in 1 run", "accuracy:", "a, b, c",
            "written by mlp"}) {
            assertTrue(text.contains(expected), "'" + expected + "' missing from\n" + text);
        }
        // a float64 model records no precision, and is described as float64 all the same
        assertEquals(null, info.spec("precision"));
        assertEquals("float64", info.precision());
        assertEquals(1, text.lines().filter(l -> l.matches("precision: +float64")).count(),
                text);
    }

    @Test
    void aRegressorWithParametersNoBiasAndTargetScalingRoundTrips() throws IOException {
        Model m = TestModels.regressor();
        Path f = dir.resolve("plane.mlp");
        ModelFile.save(m, f);
        Model back = ModelFile.load(f);
        assertSameParameters(m.network(), back.network());
        assertFalse(back.network().hasBias(2));
        assertEquals("leaky-relu(alpha=0.2)", back.activationSpecs().get(0));
        assertArrayEquals(m.targetScaling().statistics(), back.targetScaling().statistics());
        double[][] x = {{5, 0.5}, {-3, 7}, {40, -2}};
        double[][] p = m.predict(x);
        double[][] q = back.predict(x);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i]);
        }
        // training continues from the loaded state exactly as from the original
        double[][][] d = TestModels.plane();
        m.fit(d[0], d[1]);
        back.fit(d[0], d[1]);
        assertSameParameters(m.network(), back.network());
        // and saving it again keeps the runs from before loading
        ModelFile.save(back, f);
        ModelInfo again = ModelFile.read(f);
        assertEquals(2, again.training().runs().size());
        assertEquals(60, again.training().epochsTrained());
        assertEquals(m.history().get(0).epochLosses(),
                again.training().runs().get(0).epochLosses());
        assertEquals(m.history().get(1).finalLoss(), again.training().finalLoss());
    }

    @Test
    void specialDoublesKeepTheirBits() throws IOException {
        Model m = TestModels.regressor();
        double[] w = m.network().weights(1);
        w[0] = -0.0;
        w[1] = Double.MIN_VALUE;
        w[2] = -Double.MAX_VALUE;
        w[3] = Math.nextUp(1.0);
        m.network().setWeights(1, w);
        Path f = dir.resolve("bits.mlp");
        ModelFile.save(m, f);
        double[] back = ModelFile.load(f).network().weights(1);
        for (int i = 0; i < w.length; i++) {
            assertEquals(Double.doubleToRawLongBits(w[i]), Double.doubleToRawLongBits(back[i]),
                    "weight " + i);
        }
    }

    @Test
    void anUntrainedModelSavesWithItsScalersUnfitted() throws IOException {
        Model m = Mlp.builder().inputs(2).layer(1, "sigmoid").loss("binary-cross-entropy")
                .inputScaler("z-score").seed(3).build();
        Path f = dir.resolve("untrained.mlp");
        ModelFile.save(m, f);
        ModelInfo info = ModelFile.read(f);
        assertTrue(info.scaling().isEmpty());
        assertEquals(0, info.training().epochsTrained());
        assertTrue(Double.isNaN(info.training().finalLoss()));
        Model back = ModelFile.load(f);
        assertNull(back.inputScaling());
        assertSameParameters(m.network(), back.network());
        assertTrue(info.describe().contains("final loss:"));
    }

    @Test
    void saveReplacesAnEarlierFile() throws IOException {
        Path f = dir.resolve("m.mlp");
        ModelFile.save(TestModels.regressor(), f);
        Model c = TestModels.classifier();
        ModelFile.save(c, f);
        assertSameParameters(c.network(), ModelFile.load(f).network());
        assertEquals(List.of(f), listing());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aFailedSaveLeavesTheEarlierFileIntactAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("m.mlp");
        ModelFile.save(TestModels.classifier(), f);
        byte[] before = Files.readAllBytes(f);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("device full");
        }));
        assertEquals("device full", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), listing());
        RuntimeException r = assertThrows(RuntimeException.class, () -> AtomicFiles.write(f,
                out -> {
                    out.write(1);
                    throw new IllegalStateException("crash");
                }));
        assertEquals("crash", r.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), listing());
        ModelFile.load(f);
    }

    @Test
    void aModelWithAPluginMadeInCodeIsRefusedAndTheEarlierFileKept() throws IOException {
        Path f = dir.resolve("m.mlp");
        ModelFile.save(TestModels.regressor(), f);
        byte[] before = Files.readAllBytes(f);
        Model coded = Mlp.builder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer(REGISTRY.optimizer("sgd")).build();
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(coded, f));
        assertTrue(e.getMessage().contains("cannot save the model: its optimizer"),
                e.getMessage());
        assertTrue(e.getMessage().contains("made in code"), e.getMessage());
        Model codedActivation = Mlp.builder().inputs(2)
                .layer(1, REGISTRY.activation("tanh"), true).loss("mse").build();
        var a = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(codedActivation, f));
        assertTrue(a.getMessage().contains("layer 1's activation 'tanh'"), a.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    private Path withPlugin(String role, String spec) throws IOException {
        ModelInfo info = ModelFile.describe(TestModels.regressor(), ModelMetadata.none(),
                REGISTRY);
        List<ModelInfo.Plugin> plugins = new ArrayList<>();
        for (ModelInfo.Plugin p : info.plugins()) {
            plugins.add(p.role().equals(role) ? new ModelInfo.Plugin(role, p.kind(), spec, "2.5")
                    : p);
        }
        ModelInfo changed = new ModelInfo(info.formatVersion(), info.frameworkVersion(),
                info.inputs(), info.layers(), plugins, info.scaling(), info.classNames(),
                info.metadata(), info.training());
        Path f = dir.resolve("changed.mlp");
        Files.write(f, ModelFile.encode(changed));
        return f;
    }

    @Test
    void aMissingMetricPluginIsNamedLikeAnyOtherKind() throws IOException {
        ModelInfo info = ModelFile.describe(TestModels.regressor(), ModelMetadata.none(),
                REGISTRY);
        List<ModelInfo.Plugin> plugins = new ArrayList<>(info.plugins());
        plugins.add(new ModelInfo.Plugin("metrics", "", "mae, median-error", ""));
        ModelInfo changed = new ModelInfo(info.formatVersion(), info.frameworkVersion(),
                info.inputs(), info.layers(), plugins, info.scaling(), info.classNames(),
                info.metadata(), info.training());
        Path f = dir.resolve("metric.mlp");
        Files.write(f, ModelFile.encode(changed));
        MissingPluginException e = assertThrows(MissingPluginException.class,
                () -> ModelFile.load(f));
        assertEquals("metric", e.kind());
        assertEquals("median-error", e.name());
        assertTrue(e.getMessage().contains("no metric named 'median-error' is on the class "
                + "path; known: accuracy, f1, hamming-loss, macro-f1, mae, micro-f1, mse, "
                + "precision, r2, recall, subset-accuracy"), e.getMessage());
        Path ok = dir.resolve("metric-ok.mlp");
        plugins.set(plugins.size() - 1, new ModelInfo.Plugin("metrics", "", "mae, r2", ""));
        Files.write(ok, ModelFile.encode(new ModelInfo(info.formatVersion(),
                info.frameworkVersion(), info.inputs(), info.layers(), plugins, info.scaling(),
                info.classNames(), info.metadata(), info.training())));
        assertEquals(List.of("mae", "r2"), ModelFile.load(ok).trainer().options().metrics()
                .stream().map(dev.mlp.api.Metric::name).toList());
    }

    @Test
    void aMissingPluginIsNamedWithItsKindNameAndParameters() throws IOException {
        Path f = withPlugin("optimizer", "adafactor(lr=0.1, epsilon=1.0E-10)");
        ModelInfo info = ModelFile.read(f); // reading needs no plugins
        assertTrue(info.describe().contains("adafactor(lr=0.1, epsilon=1.0E-10) [2.5]"));
        MissingPluginException e = assertThrows(MissingPluginException.class,
                () -> ModelFile.load(f));
        assertEquals("optimizer", e.kind());
        assertEquals("adafactor", e.name());
        assertEquals("adafactor(lr=0.1, epsilon=1.0E-10)", e.spec());
        assertTrue(e.getMessage().contains("the optimizer 'adafactor' with parameters "
                + "{lr=0.1, epsilon=1.0E-10}"), e.getMessage());
        assertTrue(e.getMessage().contains("known: adadelta, adagrad, adam,"), e.getMessage());
        assertTrue(e.getMessage().contains("provider version 2.5"), e.getMessage());
    }

    @Test
    void aMissingPluginInsideANestedSpecIsNamedLikeAnOuterOne() throws IOException {
        String spec = "lookahead(inner=adafactor(lr=0.1, epsilon=1.0E-10), k=5, alpha=0.5)";
        Path f = withPlugin("optimizer", spec);
        MissingPluginException e = assertThrows(MissingPluginException.class,
                () -> ModelFile.load(f));
        assertEquals("optimizer", e.kind());
        assertEquals("adafactor", e.name());
        assertEquals("adafactor(lr=0.1, epsilon=1.0E-10)", e.spec());
        assertTrue(e.getMessage().contains("the optimizer 'adafactor' with parameters "
                + "{lr=0.1, epsilon=1.0E-10} (the value of 'inner' in its optimizer '" + spec
                + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("known: adadelta, adagrad, adam,"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Add the jar that provides it."), e.getMessage());
        // an installed nested plugin with a bad parameter is the installed plugin's refusal
        Path bad = withPlugin("optimizer", "lookahead(inner=adam(gamma=2))");
        var refused = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(bad));
        assertFalse(refused instanceof MissingPluginException);
        assertTrue(refused.getMessage().contains("parameter 'inner' of 'lookahead': unknown "
                + "parameter 'gamma' for 'adam'"), refused.getMessage());
    }

    @Test
    void aMissingActivationIsNamed() throws IOException {
        ModelInfo info = ModelFile.describe(TestModels.regressor(), ModelMetadata.none(),
                REGISTRY);
        List<ModelInfo.Layer> layers = new ArrayList<>(info.layers());
        ModelInfo.Layer l = layers.get(0);
        layers.set(0, new ModelInfo.Layer(l.inputs(), l.neurons(), "squash(beta=1.5)", "0.3",
                l.weights(), l.biases()));
        Path f = dir.resolve("squash.mlp");
        Files.write(f, ModelFile.encode(new ModelInfo(info.formatVersion(),
                info.frameworkVersion(), info.inputs(), layers, info.plugins(), info.scaling(),
                info.classNames(), info.metadata(), info.training())));
        MissingPluginException e = assertThrows(MissingPluginException.class,
                () -> ModelFile.load(f));
        assertEquals("activation", e.kind());
        assertEquals("squash", e.name());
        assertTrue(e.getMessage().contains("{beta=1.5}"), e.getMessage());
    }

    @Test
    void parametersAnInstalledPluginRejectsAreReported() throws IOException {
        Path f = withPlugin("optimizer", "adam(lr=0.1, gamma=2)");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(f));
        assertFalse(e instanceof MissingPluginException);
        assertTrue(e.getMessage().contains("adam(lr=0.1, gamma=2)"), e.getMessage());
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }

    private Path saved() throws IOException {
        Path f = dir.resolve("ok.mlp");
        ModelFile.save(TestModels.classifier(), f);
        return f;
    }

    private static FileFormatException refused(Path f, FileFormatException.Problem problem) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.read(f));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    @Test
    void aFileFromANewerFormatVersionIsRefused() throws IOException {
        Path f = saved();
        byte[] b = Files.readAllBytes(f);
        b[13] = (byte) (ModelFile.FORMAT_VERSION + 1);
        Files.write(f, b);
        var e = refused(f, FileFormatException.Problem.NEWER_VERSION);
        assertTrue(e.getMessage().contains("format version " + (ModelFile.FORMAT_VERSION + 1)),
                e.getMessage());
        assertTrue(e.getMessage().contains("reads versions up to " + ModelFile.FORMAT_VERSION),
                e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path f = saved();
        byte[] b = Files.readAllBytes(f);
        for (int keep : new int[] {b.length - 1, b.length / 2, 30, 20}) {
            Files.write(f, Arrays.copyOf(b, keep));
            var e = refused(f, FileFormatException.Problem.TRUNCATED);
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void aCorruptedFileIsRefusedByItsChecksum() throws IOException {
        Path f = saved();
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        var e = refused(f, FileFormatException.Problem.CORRUPTED);
        assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
        byte[] longer = Arrays.copyOf(Files.readAllBytes(saved()), b.length + 3);
        Files.write(f, longer);
        refused(f, FileFormatException.Problem.CORRUPTED);
    }

    @Test
    void filesThatAreNotModelsAreRefused() throws IOException {
        Path text = dir.resolve("data.csv");
        Files.writeString(text, "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);
        var e = refused(text, FileFormatException.Problem.NOT_RECOGNIZED);
        assertTrue(e.getMessage().contains("is not a model file"), e.getMessage());
        Path empty = dir.resolve("empty.mlp");
        Files.write(empty, new byte[0]);
        assertTrue(refused(empty, FileFormatException.Problem.NOT_RECOGNIZED).getMessage()
                .contains("is empty"));
        Path ckpt = dir.resolve("run.ckpt");
        Files.write(ckpt, CheckpointFile.encode(CheckpointFileTest.sample()));
        assertTrue(refused(ckpt, FileFormatException.Problem.WRONG_TYPE).getMessage()
                .contains("is a checkpoint file, not a model file"));
    }

    @Test
    void longListsAreShortenedInTheDescription() {
        int n = 30;
        double[][] x = new double[4][n];
        double[][] y = {{0}, {1}, {0}, {1}};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("c" + i);
            for (int r = 0; r < 4; r++) {
                x[r][i] = r * i;
            }
        }
        Model m = Mlp.builder().inputs(n).layer(1, "sigmoid").loss("binary-cross-entropy")
                .inputScaler("min-max").epochs(1).seed(1).train(x, y);
        String text = ModelFile.describe(m, ModelMetadata.columns(names, List.of("y")), REGISTRY)
                .describe();
        assertTrue(text.contains("c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, ..., c29 (30)"), text);
        assertTrue(text.contains("c9:                  min=0.00000, max=27.0000"), text);
        assertTrue(text.contains("20 more columns"), text);
        assertFalse(text.contains("c10:"), text);
    }

    @Test
    void classNamesMustFitTheOutputs() {
        Model m = TestModels.classifier();
        var e = assertThrows(IllegalArgumentException.class, () -> m.classNames(List.of("x")));
        assertTrue(e.getMessage().contains("needs 3 class names, found 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.classNames(List.of("a", "a", "b")));
        Model binary = Mlp.builder().inputs(2).layer(1, "sigmoid").build();
        binary.classNames(List.of("no", "yes"));
        assertEquals(List.of("no", "yes"), binary.classNames());
    }

    @Test
    void restoredScalingMustFitTheNetwork() {
        Model m = TestModels.classifier();
        var wrong = REGISTRY.scaler("z-score").restore(new double[][] {{0, 1}});
        var e = assertThrows(IllegalArgumentException.class,
                () -> m.restoreScaling(wrong, null));
        assertTrue(e.getMessage().contains("has 1 columns, but the network takes 3"),
                e.getMessage());
    }
}
