package dev.mlp.core.io;

import dev.mlp.api.Scaler;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a working {@link Model} from what a model file holds ({@link ModelInfo}, read by
 * {@link ModelFormat}): every plugin is found again through the registry by its recorded spec,
 * refused with a {@link MissingPluginException} when it is not installed, and the weights,
 * biases and scaler statistics are put back bit for bit.
 */
final class ModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRebuild.class);

    /**
     * The training runs recorded in the files loaded models came from, so that saving a loaded
     * model again keeps its whole provenance. Weak keys: forgotten with the model.
     */
    private static final Map<Model, List<ModelInfo.Run>> EARLIER_RUNS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private ModelRebuild() {
    }

    /**
     * @param model a model
     * @return the training runs recorded in the file it was loaded from, none if it was not
     */
    static List<ModelInfo.Run> earlierRuns(Model model) {
        return EARLIER_RUNS.getOrDefault(model, List.of());
    }

    /**
     * Rebuilds a working model from what a file holds: every plugin is configured again from
     * its spec, the weights, biases and scaler statistics are put back bit for bit. The model's
     * trainer uses the recorded loss, optimizer, batch strategy, initializer, epochs per run and
     * seed, so {@link Model#fit} continues training; saving the model again keeps the recorded
     * runs before its new ones.
     *
     * @param info what the file holds
     * @param mlp the plugins and defaults to rebuild the model with
     * @return the model
     * @throws MissingPluginException if a plugin it needs is not in the registry
     * @throws IllegalArgumentException if an installed plugin rejects the recorded parameters,
     *         or a weight or bias is NaN or infinite
     */
    static Model rebuild(ModelInfo info, Mlp mlp) {
        FiniteWeights.require(info.layers());
        PluginRegistry registry = mlp.registry();
        for (ModelInfo.Layer l : info.layers()) {
            requirePlugin(registry, PluginKind.ACTIVATION, l.activation(), l.activationVersion(),
                    "activation");
        }
        for (ModelInfo.Plugin p : info.plugins()) {
            PluginKind<?> kind = ModelFormat.kindOf(p.role());
            if (kind != null) {
                requirePlugin(registry, kind, p.spec(), p.version(), p.role());
            }
        }
        Mlp.Builder b = mlp.newBuilder().inputs(info.inputs());
        if (info.network() != null) {
            for (NetworkLayers.Block l : info.network().layers()) {
                requirePlugin(registry, PluginKind.LAYER, l.spec(), l.version(), "layer");
            }
            b.network(info.network().spec());
        } else {
            for (ModelInfo.Layer l : info.layers()) {
                b.layer(l.neurons(), l.activation(), l.bias());
            }
        }
        for (ModelInfo.Plugin p : info.plugins()) {
            switch (p.role()) {
                case "loss" -> b.loss(p.spec());
                case "optimizer" -> b.optimizer(p.spec());
                case "batch strategy" -> b.batch(p.spec());
                case "initializer" -> b.initializer(p.spec());
                case ModelFormat.INPUT_SCALER -> b.inputScaler(p.spec());
                case ModelFormat.TARGET_SCALER -> b.targetScaler(p.spec());
                case "schedule" -> b.schedule(p.spec());
                case ModelFormat.GRADIENT_TRANSFORMS -> {
                    for (String t : p.spec().split("; ")) {
                        requirePlugin(registry, PluginKind.GRADIENT_TRANSFORM, t, "",
                                "gradient transform");
                        b.gradientTransform(t);
                    }
                }
                case "metrics" -> {
                    for (String m : p.spec().split(", ")) {
                        requirePlugin(registry, PluginKind.METRIC, m, "", "metric");
                        b.metrics(m);
                    }
                }
                case "early stopping" -> b.earlyStopping(p.spec());
                case "divergence" -> b.divergence(p.spec());
                case "precision" -> b.precision(p.spec());
                default -> LOG.debug("the model's {} '{}' is recorded but not part of the "
                        + "rebuilt trainer", p.role(), p.spec());
            }
        }
        b.epochs(info.training().epochsPerRun()).seed(info.training().seed());
        Model model;
        try {
            model = b.build();
        } catch (SpecException e) {
            throw new IllegalArgumentException("cannot rebuild the model: an installed plugin "
                    + "rejects the spec it was saved with: " + e.getMessage(), e);
        }
        Network n = model.network();
        if (n.layerCount() != info.layers().size()) {
            throw new IllegalArgumentException("the network spec '" + (info.network() == null
                    ? "" : info.network().spec()) + "' has " + n.layerCount()
                    + " dense layers, but the file stores " + info.layers().size());
        }
        if (info.network() != null) {
            LayerValues.restore((LayeredNetwork) n, info.network());
        }
        for (int l = 1; l <= info.layers().size(); l++) {
            ModelInfo.Layer layer = info.layers().get(l - 1);
            n.setWeights(l, layer.weights());
            if (layer.bias()) {
                n.setBiases(l, layer.biases());
            }
        }
        model.restoreScaling(fitted(info, ModelFormat.INPUT_SCALER, registry),
                fitted(info, ModelFormat.TARGET_SCALER, registry));
        if (!info.classNames().isEmpty()) {
            model.classNames(info.classNames());
        }
        model.multiLabel(info.multiLabel());
        EARLIER_RUNS.put(model, info.training().runs());
        return model;
    }

    private static Scaler.Fitted fitted(ModelInfo info, String role, PluginRegistry registry) {
        double[][] stats = info.scaling().get(role);
        if (stats == null) {
            return null;
        }
        String spec = info.spec(role);
        if (spec == null) {
            throw new IllegalArgumentException("the model file has statistics for its " + role
                    + " but no spec for it");
        }
        return registry.scaler(spec).restore(stats);
    }

    private static void requirePlugin(PluginRegistry registry, PluginKind<?> kind, String spec,
                                      String version, String role) {
        Spec parsed;
        try {
            parsed = Spec.parse(spec);
        } catch (SpecException e) {
            throw new IllegalArgumentException("the model's " + role + " spec '" + spec
                    + "' cannot be parsed: " + e.getMessage(), e);
        }
        String name = parsed.name();
        if (!registry.has(kind, name)) {
            throw new MissingPluginException(kind.label(), name, spec, "the model needs the "
                    + kind.label() + " '" + name + "' with parameters " + parameters(parsed)
                    + " (spec '" + spec + "', provider version " + version + ", used as its "
                    + role + "), but no " + kind.label() + " named '" + name
                    + "' is on the class path; known: " + String.join(", ",
                    registry.names(kind)) + ". Add the jar that provides it.");
        }
        requireNested(registry, kind, parsed, spec, version, role);
        String now;
        try {
            now = registry.configure(kind, spec).provider().version();
        } catch (SpecException e) {
            throw new IllegalArgumentException("the model's " + role + " '" + spec
                    + "' (saved with provider version " + version + ") is rejected by the "
                    + "installed " + kind.label() + " '" + name + "': " + e.getMessage(), e);
        }
        if (!version.isEmpty() && !now.equals(version)) {
            LOG.info("the model's {} '{}' was saved with provider version {}, loading it with "
                    + "version {}", role, spec, version, now);
        }
    }

    /**
     * Checks that the plugins of the spec's nested specs ({@code inner=lion-example(...)} in a
     * lookahead) are installed too, so that a missing one is named like a missing outer one.
     */
    private static void requireNested(PluginRegistry registry, PluginKind<?> kind, Spec parsed,
                                      String spec, String version, String role) {
        for (ParameterSpec p : registry.provider(kind, parsed.name()).parameters()) {
            if (p.type() != ParameterSpec.Type.PLUGIN || !parsed.arguments().containsKey(p.name())) {
                continue;
            }
            Spec nested;
            try {
                nested = parsed.argument(p.name());
            } catch (SpecException e) {
                continue; // not a spec: configure reports it with the parameter's name
            }
            PluginKind<?> inner = p.kind();
            if (!registry.has(inner, nested.name())) {
                throw new MissingPluginException(inner.label(), nested.name(), nested.toString(),
                        "the model needs the " + inner.label() + " '" + nested.name()
                        + "' with parameters " + parameters(nested) + " (the value of '"
                        + p.name() + "' in its " + role + " '" + spec + "', provider version "
                        + version + "), but no " + inner.label() + " named '" + nested.name()
                        + "' is on the class path; known: " + String.join(", ",
                        registry.names(inner)) + ". Add the jar that provides it.");
            }
            requireNested(registry, inner, nested, spec, version, role);
        }
    }

    private static String parameters(Spec spec) {
        return spec.arguments().isEmpty() ? "(none)" : spec.arguments().toString();
    }
}
