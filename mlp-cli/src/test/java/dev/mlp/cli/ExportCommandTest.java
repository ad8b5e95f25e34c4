package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.onnx.proto.OnnxProto.ModelProto;
import dev.mlp.onnx.proto.OnnxProto.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlp export}: an ONNX file from a saved model, and clear errors with exit code 2. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void trainAModel() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 30; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", (i % 3) * 3 + r.nextGaussian(),
                    r.nextGaussian(), names[i % 3]));
        }
        Path data = Files.writeString(dir.resolve("blobs.csv"), sb);
        model = dir.resolve("m.mlp");
        Cli t = Cli.run("train", "--data", data.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "5", "--quiet", "-o", model.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
    }

    @Test
    void writesAnOnnxModelWithTheColumnAndClassNames() throws IOException {
        Path onnx = dir.resolve("m.onnx");
        Cli e = Cli.run("export", "-m", model.toString(), "-o", onnx.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("outputs 'probabilities' and 'label'"), e.out());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
        var meta = m.getMetadataPropsList().stream().collect(Collectors.toMap(
                StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertEquals("[\"x1\", \"x2\"]", meta.get("feature_names"));
        assertEquals("[\"red\", \"green\", \"blue\"]", meta.get("class_names"));
        assertEquals("features", m.getGraph().getInput(0).getName());
    }

    @Test
    void helpDescribesModelAndOutput() {
        Cli h = Cli.run("export", "--help");
        assertEquals(MlpCli.OK, h.code());
        assertTrue(h.out().contains("-m, --model=MODEL"), h.out());
        assertTrue(h.out().contains("-o, --output=ONNX"), h.out());
        assertTrue(h.out().replaceAll("\\s+", " ").contains("never left half-written"),
                h.out());
    }

    @Test
    void aMissingOrBadModelFileIsExitCode2AndWritesNothing() throws IOException {
        Path onnx = dir.resolve("out.onnx");
        Cli missing = Cli.run("export", "-m", dir.resolve("nope.mlp").toString(), "-o",
                onnx.toString());
        assertEquals(MlpCli.BAD_INPUT, missing.code(), missing.err());
        assertTrue(missing.err().contains("nope.mlp"), missing.err());
        Path bad = Files.writeString(dir.resolve("bad.mlp"), "not a model");
        Cli broken = Cli.run("export", "-m", bad.toString(), "-o", onnx.toString());
        assertEquals(MlpCli.BAD_INPUT, broken.code(), broken.err());
        assertFalse(broken.err().contains("Exception"), broken.err());
        assertFalse(Files.exists(onnx));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("bad.mlp", "blobs.csv", "m.mlp"), files.map(p -> p
                    .getFileName().toString())
                    .filter(n -> !(n.startsWith(".") && n.endsWith(".lock"))) // run locks of train
                    .sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void anActivationWithoutOnnxFormIsExitCode2NamingItAndWritesNothing() throws IOException {
        Path data = dir.resolve("blobs.csv");
        Path isru = dir.resolve("isru.mlp");
        Cli t = Cli.run("train", "--data", data.toString(), "--target", "kind", "--layers", "4",
                "--activation", "isru", "--epochs", "2", "--quiet", "-o", isru.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Path onnx = dir.resolve("isru.onnx");
        Cli e = Cli.run("export", "-m", isru.toString(), "-o", onnx.toString());
        assertEquals(MlpCli.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("activation 'isru' has no ONNX form"), e.err());
        assertFalse(e.err().contains("Exception"), e.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("blobs.csv", "isru.mlp", "m.mlp"), files.map(p -> p
                    .getFileName().toString())
                    .filter(n -> !(n.startsWith(".") && n.endsWith(".lock"))) // run locks of train
                    .sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void aNetworkWithLayerPluginsAndResidualBlocksExports() throws IOException {
        String network = "dense(6, relu) batch-norm dropout(0.1) residual(dense(6, relu), "
                + "batch-norm, dropout(0.2), dense(6)) layer-norm residual(rms-norm, "
                + "dense(6, tanh)) dense(3, softmax)";
        Path layered = dir.resolve("layered.mlp");
        Cli t = Cli.run("train", "--data", dir.resolve("blobs.csv").toString(), "--target",
                "kind", "--network", network, "--epochs", "3", "--quiet", "-o",
                layered.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Path onnx = dir.resolve("layered.onnx");
        Cli e = Cli.run("export", "-m", layered.toString(), "-o", onnx.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        assertTrue(e.out().contains("outputs 'probabilities' and 'label' (classes [red, "
                + "green, blue])"), e.out());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
        var meta = m.getMetadataPropsList().stream().collect(Collectors.toMap(
                StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertTrue(meta.get("network").startsWith("dense(6, relu) batch-norm(momentum=0.9"),
                meta.toString());
        var ops = m.getGraph().getNodeList().stream().map(n -> n.getOpType())
                .collect(Collectors.toList());
        assertEquals(3, ops.stream().filter("ReduceMean"::equals).count(),
                "two for layer-norm, one for rms-norm: " + ops);
        assertEquals(2, ops.stream().filter("Reciprocal"::equals).count(), ops.toString());
        assertEquals(5, ops.stream().filter("Gemm"::equals).count(), "five dense layers: " + ops);
        assertFalse(ops.contains("Dropout"), ops.toString());
    }

    @Test
    void aLayerPluginWithoutOnnxFormIsExitCode2NamingItAndWritesNothing() throws IOException {
        Path jar = TestPlugins.jar(dir.resolve("plugins/negate.jar"),
                dev.mlp.api.spi.LayerProvider.class, TestPlugins.Negate.class);
        Path negate = dir.resolve("negate.mlp");
        Cli t = Cli.run("train", "--plugins", jar.toString(), "--data",
                dir.resolve("blobs.csv").toString(), "--target", "kind", "--network",
                "dense(4, relu) negate-test-layer dense(3, softmax)", "--epochs", "2",
                "--quiet", "-o", negate.toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Path onnx = dir.resolve("negate.onnx");
        Cli e = Cli.run("export", "--plugins", jar.toString(), "-m", negate.toString(), "-o",
                onnx.toString());
        assertEquals(MlpCli.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("layer plugin 1 'negate-test-layer' of the network "
                + "'dense(4, relu) negate-test-layer dense(3, softmax)' has no ONNX form"),
                e.err());
        assertTrue(e.err().contains("dev.mlp.onnx.spi.OnnxLayerExporter"), e.err());
        assertFalse(e.err().contains("Exception"), e.err());
        assertFalse(Files.exists(onnx));
    }

    @Test
    void anOutputInAMissingDirectoryIsExitCode2() {
        Cli e = Cli.run("export", "-m", model.toString(), "-o",
                dir.resolve("no/such/dir/m.onnx").toString());
        assertEquals(MlpCli.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("does not exist"), e.err());
    }

    @Test
    void missingOptionsAreExitCode2() {
        Cli e = Cli.run("export", "-m", model.toString());
        assertEquals(MlpCli.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--output"), e.err());
    }
}
