package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.mlp.api.Layer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LayerProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.onnx.builtin.BuiltinLayers;
import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.spi.LayerCall;
import dev.mlp.onnx.spi.OnnxLayerExporter;
import dev.mlp.onnx.spi.OnnxLayerExporters;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party layer plugin: refused by name without an ONNX form, exported with the
 * {@link OnnxLayerExporter} its jar lists in {@code META-INF/services}.
 */
class LayerPluginExportTest {

    /** {@code y = factor · x}, a layer of a plugin jar. */
    static final class Scale implements Layer {
        private final double factor;

        Scale(double factor) {
            this.factor = factor;
        }

        @Override
        public String name() {
            return "scale";
        }

        @Override
        public void forward(Forward p) {
            p.requireSizes(this);
            for (int i = 0, n = p.rows() * p.width(); i < n; i++) {
                p.output()[i] = factor * p.input()[i];
            }
        }

        @Override
        public void backward(Backward p) {
            p.requireSizes(this);
            for (int i = 0, n = p.rows() * p.width(); i < n; i++) {
                p.inputGradient()[i] = factor * p.outputGradient()[i];
            }
        }
    }

    /** Declares {@code scale(factor)}. */
    public static final class ScaleProvider extends DeclaredProvider<Layer>
            implements LayerProvider {
        /** Declares {@code scale}. */
        public ScaleProvider() {
            super("scale", "multiply every value by a factor",
                    List.of(ParameterSpec.real("factor", 2.0, "the factor")),
                    p -> new Scale(p.real("factor")));
        }
    }

    /** The ONNX form the plugin's author gives {@code scale}. */
    public static final class ScaleExporter implements OnnxLayerExporter {
        /** Exports {@code scale}. */
        public ScaleExporter() {
        }

        @Override
        public String layerName() {
            return "scale";
        }

        @Override
        public String export(GraphBuilder g, String x, LayerCall call) {
            return g.node("Mul", x, g.scalar("factor", call.real("factor", 2.0)));
        }
    }

    @TempDir
    Path dir;

    private URLClassLoader plugin;

    @BeforeEach
    void pluginJar() throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(LayerProvider.class.getName()),
                ScaleProvider.class.getName() + "\n", StandardCharsets.UTF_8);
        Files.writeString(services.resolve(OnnxLayerExporter.class.getName()),
                ScaleExporter.class.getName() + "\n", StandardCharsets.UTF_8);
        plugin = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @AfterEach
    void close() throws Exception {
        plugin.close();
    }

    private Model model() {
        Mlp mlp = Guice.createInjector(new MlpModule(PluginCatalog.discover(plugin)))
                .getInstance(Mlp.class);
        double[][] x = ParityTest.rows(41, 40, 3, 2);
        Model m = mlp.newBuilder().inputs(3)
                .network("dense(5, tanh) scale(factor=3) residual(dense(5, relu), batch-norm) "
                        + "dense(2)")
                .loss("mse").optimizer("adam(lr=0.01)").epochs(3).seed(4).build();
        m.fit(x, ParityTest.regressionTargets(x));
        return m;
    }

    @Test
    void aLayerWithoutOnnxFormIsRefusedNamingItsSpecAndWhatToDo() {
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.toBytes(model()));
        assertTrue(e.getMessage().startsWith("layer plugin 1 'scale(factor=3.0)' of the network "
                + "'dense(5, tanh) scale(factor=3.0) "), e.getMessage());
        assertTrue(e.getMessage().contains("has no ONNX form"), e.getMessage());
        assertTrue(e.getMessage().contains("layers with one: dense, residual, batch-norm, "
                + "dropout, layer-norm, rms-norm."), e.getMessage());
        assertTrue(e.getMessage().contains("with a dev.mlp.onnx.spi.OnnxLayerExporter listed in "
                + "META-INF/services/dev.mlp.onnx.spi.OnnxLayerExporter"), e.getMessage());
    }

    @Test
    void thePluginsExporterFoundThroughServiceLoaderExportsIt() throws Exception {
        OnnxLayerExporters found = OnnxLayerExporters.discover(plugin);
        assertTrue(found.find("scale").orElseThrow() instanceof ScaleExporter);
        assertTrue(found.find("batch-norm").isPresent(), "built-ins still found");
        Model model = model();
        byte[] bytes = OnnxExport.of(model).exportersOf(plugin).toBytes();
        double[][] test = ParityTest.rows(42, 30, 3, 6);
        double[][] got = (double[][]) Ort.run(bytes, test).get("predictions");
        double diff = ParityTest.maxDiff(model.predict(test), got);
        MaxDifferences.record("plugin layer", diff);
        assertTrue(diff <= LayerParityTest.TOLERANCE, "max |difference| " + diff);
    }

    @Test
    void twoExportersForOneLayerAreAnErrorNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OnnxLayerExporters.of(List.of(new BuiltinLayers.Dropout(),
                        new BuiltinLayers.Dropout())));
        assertEquals("two ONNX exporters for layer 'dropout': "
                + BuiltinLayers.Dropout.class.getName() + " and "
                + BuiltinLayers.Dropout.class.getName(), e.getMessage());
    }

    @Test
    void everyBuiltInLayerHasAnExporter() {
        var names = OnnxLayerExporters.discover(getClass().getClassLoader()).names();
        var providers = Mlp.standard().registry()
                .providers(dev.mlp.api.spi.PluginKind.LAYER);
        assertTrue(providers.size() >= 4, "the built-in layers: " + providers);
        for (var p : providers) {
            assertTrue(names.contains(p.name()), "layer '" + p.name() + "' of "
                    + p.getClass().getName() + " has no ONNX exporter; exporters: " + names);
        }
    }
}
