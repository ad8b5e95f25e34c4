package dev.mlp.onnx;

import dev.mlp.api.Activation;
import dev.mlp.api.Layer;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.layer.NetworkSpec;
import dev.mlp.core.network.Network;
import dev.mlp.onnx.spi.ActivationCall;
import dev.mlp.onnx.spi.LayerCall;
import dev.mlp.onnx.spi.OnnxActivationExporter;
import dev.mlp.onnx.spi.OnnxActivationExporters;
import dev.mlp.onnx.spi.OnnxLayerExporter;
import dev.mlp.onnx.spi.OnnxLayerExporters;
import dev.mlp.onnx.stage.ActivationStage;
import dev.mlp.onnx.stage.DenseStage;
import dev.mlp.onnx.stage.ExportStage;
import dev.mlp.onnx.stage.LayerStage;
import dev.mlp.onnx.stage.ResidualStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stages of a network, from its input to its output layer's activations: per dense layer a
 * {@link DenseStage} and an {@link ActivationStage}, and for a {@link LayeredNetwork} its layer
 * plugins ({@link LayerStage}) and residual blocks ({@link ResidualStage}) where its canonical
 * spec puts them. Each activation and layer plugin is written by its exporter; one without is
 * refused with an {@link OnnxExportException} naming it and saying what to do.
 */
final class NetworkStages {

    private final Network net;
    private final List<String> activationSpecs;
    private final OnnxActivationExporters activations;
    private final OnnxLayerExporters layers;
    private int dense;
    private int plugin;
    private int residual;

    private NetworkStages(Network net, List<String> activationSpecs,
                          OnnxActivationExporters activations, OnnxLayerExporters layers) {
        this.net = net;
        this.activationSpecs = activationSpecs;
        this.activations = activations;
        this.layers = layers;
    }

    /**
     * @param net the network
     * @param activationSpecs the canonical activation spec of each dense layer, as the model
     *        keeps them ({@code null} or missing for an activation made in code)
     * @param activations the activation exporters
     * @param layers the layer exporters
     * @return the stages, in forward order
     * @throws OnnxExportException if an activation or layer plugin has no exporter
     */
    static List<ExportStage> of(Network net, List<String> activationSpecs,
                                OnnxActivationExporters activations, OnnxLayerExporters layers) {
        NetworkStages s = new NetworkStages(net, activationSpecs, activations, layers);
        List<ExportStage> stages = new ArrayList<>();
        if (net instanceof LayeredNetwork layered) {
            for (NetworkSpec.Element e : NetworkSpec.parse(layered.spec()).elements()) {
                s.add(layered, e, stages);
            }
            if (s.plugin != layered.layerPluginCount()) {
                throw new IllegalStateException("the network spec '" + layered.spec()
                        + "' names " + s.plugin + " layer plugins, the network holds "
                        + layered.layerPluginCount());
            }
        } else {
            while (s.dense < net.layerCount()) {
                s.dense++;
                s.dense(s.dense, stages);
            }
        }
        if (s.dense != net.layerCount()) {
            throw new IllegalStateException("the network spec names " + s.dense
                    + " dense layers, the network holds " + net.layerCount());
        }
        return stages;
    }

    private void add(LayeredNetwork layered, NetworkSpec.Element e, List<ExportStage> out) {
        if (e instanceof NetworkSpec.Dense) {
            dense++;
            dense(dense, out);
        } else if (e instanceof NetworkSpec.Plugin) {
            int k = plugin++;
            out.add(layer(layered, k));
        } else if (e instanceof NetworkSpec.Residual r) {
            int number = ++residual;
            List<ExportStage> body = new ArrayList<>();
            for (NetworkSpec.Element inner : r.body()) {
                add(layered, inner, body);
            }
            out.add(new ResidualStage(number, body));
        }
    }

    private void dense(int l, List<ExportStage> out) {
        out.add(new DenseStage(l, net.layerInputs(l), net.layerOutputs(l), net.weights(l),
                net.biases(l)));
        Activation a = net.activation(l);
        String spec = l - 1 < activationSpecs.size() ? activationSpecs.get(l - 1) : null;
        OnnxActivationExporter exporter = activations.find(a.name()).orElseThrow(() ->
                new OnnxExportException("layer " + l + ": activation '" + a.name() + "' has no "
                        + "ONNX form, so the model cannot be exported; activations with one: "
                        + String.join(", ", activations.names()) + " (a plugin gives its "
                        + "activation an ONNX form with a "
                        + "dev.mlp.onnx.spi.OnnxActivationExporter)"));
        out.add(new ActivationStage(exporter, new ActivationCall(a, parameters(a, spec), l,
                net.layerOutputs(l))));
    }

    private LayerStage layer(LayeredNetwork layered, int k) {
        Layer layer = layered.layer(k);
        String spec = layered.layerSpec(k);
        int position = k + 1;
        OnnxLayerExporter exporter = layers.find(layer.name()).orElseThrow(() ->
                new OnnxExportException("layer plugin " + position + " '" + spec + "' of the "
                        + "network '" + layered.spec() + "' has no ONNX form, so the model "
                        + "cannot be exported; layers with one: dense, residual, "
                        + String.join(", ", layers.names()) + ". Give the plugin an ONNX form "
                        + "with a dev.mlp.onnx.spi.OnnxLayerExporter listed in "
                        + "META-INF/services/dev.mlp.onnx.spi.OnnxLayerExporter, or predict "
                        + "with 'mlp predict' or 'mlp serve'"));
        Map<String, String> arguments;
        try {
            arguments = Spec.parse(spec).arguments();
        } catch (SpecException e) {
            throw new OnnxExportException("layer plugin " + position + " '" + spec + "': its "
                    + "spec cannot be read: " + e.getMessage(), e);
        }
        return new LayerStage(exporter, new LayerCall(layer, spec, arguments, position,
                layered.layerWidth(k), layered.layerParameters(k), layered.layerState(k)));
    }

    /** The spec's arguments; for an activation made in code, those its toString() shows. */
    private static Map<String, String> parameters(Activation a, String spec) {
        String text = spec != null ? spec : a.toString();
        try {
            Spec s = Spec.parse(text);
            if (spec != null || s.name().equals(a.name())) {
                return s.arguments();
            }
        } catch (SpecException e) {
            if (spec != null) {
                throw e;
            }
        }
        return Map.of();
    }
}
