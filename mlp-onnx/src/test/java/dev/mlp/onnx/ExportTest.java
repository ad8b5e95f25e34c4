package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseActivation;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.onnx.builtin.BuiltinActivations;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.proto.OnnxProto.ModelProto;
import dev.mlp.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.mlp.onnx.proto.OnnxProto.ValueInfoProto;
import dev.mlp.onnx.spi.ActivationCall;
import dev.mlp.onnx.spi.OnnxActivationExporter;
import dev.mlp.onnx.spi.OnnxActivationExporters;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's contract beyond parity: refusals, the plugin SPI, metadata, files. */
class ExportTest {

    @TempDir
    Path dir;

    /** An activation plugin with no ONNX form of its own. */
    static final class Cube extends ElementwiseActivation {
        Cube() {
            super("cube");
        }

        @Override
        protected double value(double z) {
            return z * z * z;
        }

        @Override
        protected double derivative(double z, double a) {
            return 3 * z * z;
        }
    }

    /** The ONNX form a plugin author would give {@link Cube}. */
    public static final class CubeExporter implements OnnxActivationExporter {
        /** Exports {@code cube}. */
        public CubeExporter() {
        }

        @Override
        public String activationName() {
            return "cube";
        }

        @Override
        public String export(GraphBuilder g, String z, ActivationCall call) {
            return g.node("Mul", g.node("Mul", z, z), z);
        }
    }

    private static Model cubeModel() {
        double[][] x = ParityTest.rows(1, 20, 2, 1);
        double[][] y = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = x[i][0] - x[i][1];
        }
        Model m = Mlp.builder().inputs(2).layer(3, new Cube(), true).layer(1, "identity")
                .loss("mse").epochs(2).seed(3).build();
        m.fit(x, y);
        return m;
    }

    private static Model classifier(List<String> names) {
        double[][] x = ParityTest.rows(3, 30, 3, 2);
        Model m = Mlp.builder().inputs(3).layer(4, "tanh").layer(3, "softmax")
                .loss("cross-entropy").inputScaler("z-score").epochs(2).seed(5).build();
        m.fit(x, ParityTest.oneHot(x, 3));
        if (!names.isEmpty()) {
            m.classNames(names);
        }
        return m;
    }

    @Test
    void anActivationWithoutOnnxFormIsRefusedByName() {
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.toBytes(cubeModel()));
        assertTrue(e.getMessage().contains("layer 1: activation 'cube' has no ONNX form"),
                e.getMessage());
        assertTrue(e.getMessage().contains("leaky-relu"), "lists the exportable ones: "
                + e.getMessage());
    }

    @Test
    void aPluginJarsActivationWithoutOnnxFormIsRefusedByName() {
        double[][] x = ParityTest.rows(2, 20, 2, 1);
        Model m = Mlp.builder().inputs(2).layer(3, "isru").layer(1, "identity").loss("mse")
                .epochs(1).seed(3).build();
        m.fit(x, ParityTest.rows(3, 20, 1, 1));
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.toBytes(m));
        assertTrue(e.getMessage().contains("layer 1: activation 'isru' has no ONNX form"),
                e.getMessage());
    }

    @Test
    void aRefusedExportLeavesAnExistingFileAsItWasAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("model.onnx");
        Files.writeString(target, "old");
        assertThrows(OnnxExportException.class, () -> OnnxExport.write(cubeModel(), target));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.collect(Collectors.toList()));
        }
    }

    @Test
    void aPluginExporterGivesItsActivationAnOnnxForm() throws Exception {
        List<OnnxActivationExporter> all = new ArrayList<>();
        OnnxActivationExporters.discover(getClass().getClassLoader()).names()
                .forEach(n -> all.add(OnnxActivationExporters
                        .discover(getClass().getClassLoader()).find(n).orElseThrow()));
        all.add(new CubeExporter());
        Model model = cubeModel();
        byte[] bytes = OnnxExport.of(model).exporters(OnnxActivationExporters.of(all))
                .toBytes();
        double[][] test = ParityTest.rows(9, 25, 2, 3);
        double[][] got = (double[][]) Ort.run(bytes, test).get("predictions");
        double diff = ParityTest.maxDiff(model.predict(test), got);
        assertTrue(diff <= ParityTest.TOLERANCE, "max |difference| " + diff);
    }

    @Test
    void pluginExportersAreFoundThroughServiceLoader() throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(OnnxActivationExporter.class.getName()),
                CubeExporter.class.getName() + "\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            OnnxActivationExporters found = OnnxActivationExporters.discover(loader);
            assertTrue(found.find("cube").orElseThrow() instanceof CubeExporter);
            assertTrue(found.find("gelu").isPresent(), "built-ins still found");
            byte[] bytes = OnnxExport.of(cubeModel()).exporters(found).toBytes();
            assertTrue(bytes.length > 0);
        }
    }

    @Test
    void twoExportersForOneNameAreAnErrorNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OnnxActivationExporters.of(List.of(new BuiltinActivations.Relu(),
                        new BuiltinActivations.Relu())));
        assertTrue(e.getMessage().contains("two ONNX exporters for activation 'relu'"),
                e.getMessage());
        assertTrue(e.getMessage().contains(BuiltinActivations.Relu.class.getName()),
                e.getMessage());
    }

    @Test
    void everyActivationOfMlpActivationsHasAnExporter() {
        var names = OnnxActivationExporters.discover(getClass().getClassLoader()).names();
        var providers = Mlp.standard().registry().providers(PluginKind.ACTIVATION).stream()
                .filter(p -> p.getClass().getName().startsWith("dev.mlp.activations."))
                .collect(Collectors.toList());
        assertTrue(providers.size() >= 16, "mlp-activations on the test class path");
        for (var p : providers) {
            assertTrue(names.contains(p.name()), "activation '" + p.name() + "' of "
                    + p.getClass().getName() + " has no ONNX exporter; exporters: " + names);
        }
    }

    private static Map<String, String> metadata(ModelProto m) {
        return m.getMetadataPropsList().stream().collect(Collectors.toMap(
                StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    }

    @Test
    void aClassifierHasNamedTypedInputsOutputsAndItsNamesInMetadata() throws Exception {
        Model model = classifier(List.of("a", "b \"quoted\"", "c"));
        ModelProto m = ModelProto.parseFrom(OnnxExport.of(model)
                .featureNames(List.of("x1", "x2", "x3")).targetNames(List.of("kind"))
                .toBytes());
        assertEquals(OnnxExport.IR_VERSION, m.getIrVersion());
        assertEquals(OnnxExport.OPSET, m.getOpsetImport(0).getVersion());
        ValueInfoProto in = m.getGraph().getInput(0);
        assertEquals("features", in.getName());
        assertEquals(11, in.getType().getTensorType().getElemType(), "double");
        assertEquals("N", in.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(3, in.getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(List.of("probabilities", "label"), m.getGraph().getOutputList().stream()
                .map(ValueInfoProto::getName).collect(Collectors.toList()));
        assertEquals(8, m.getGraph().getOutput(1).getType().getTensorType().getElemType(),
                "string");
        Map<String, String> meta = metadata(m);
        assertEquals("[\"x1\", \"x2\", \"x3\"]", meta.get("feature_names"));
        assertEquals("[\"a\", \"b \\\"quoted\\\"\", \"c\"]", meta.get("class_names"));
        assertEquals("[\"kind\"]", meta.get("target_names"));
        assertEquals("z-score", meta.get("input_scaler"));
        assertEquals("[\"tanh\", \"softmax\"]", meta.get("activations"));
    }

    @Test
    void aClassifierWithoutClassNamesLabelsByOutputPosition() throws Exception {
        Model model = classifier(List.of());
        double[][] test = ParityTest.rows(4, 10, 3, 2);
        String[] labels = (String[]) Ort.run(OnnxExport.toBytes(model), test).get("label");
        double[][] p = model.predict(test);
        for (int i = 0; i < test.length; i++) {
            assertEquals(Integer.toString(Model.argmax(p[i])), labels[i], "row " + i);
        }
    }

    @Test
    void featureNamesMustFitTheInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.of(classifier(List.of())).featureNames(List.of("only")));
        assertTrue(e.getMessage().contains("takes 3 inputs, but 1 feature names"),
                e.getMessage());
    }

    @Test
    void aSavedModelFileExportsWithItsColumnNames() throws Exception {
        Model model = classifier(List.of("a", "b", "c"));
        Path file = dir.resolve("model.mlp");
        ModelFile.save(model, file, ModelMetadata.columns(List.of("f1", "f2", "f3"),
                List.of("kind")));
        Path onnx = dir.resolve("model.onnx");
        OnnxExport.fromModelFile(file).write(onnx);
        byte[] bytes = Files.readAllBytes(onnx);
        assertEquals("[\"f1\", \"f2\", \"f3\"]",
                metadata(ModelProto.parseFrom(bytes)).get("feature_names"));
        double[][] test = ParityTest.rows(8, 20, 3, 2);
        Map<String, Object> out = Ort.run(bytes, test);
        double[][] p = model.predict(test);
        assertTrue(ParityTest.maxDiff(p, (double[][]) out.get("probabilities"))
                <= ParityTest.TOLERANCE);
        String[] expected = new String[test.length];
        for (int i = 0; i < test.length; i++) {
            expected[i] = List.of("a", "b", "c").get(Model.argmax(p[i]));
        }
        assertArrayEquals(expected, (String[]) out.get("label"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
