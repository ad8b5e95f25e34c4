package dev.mlp.core.io;

import dev.mlp.api.Scaler;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.Configured;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads models. One file holds everything needed to predict from raw inputs: the layer
 * sizes, each layer's activation spec and bias flag, the weights and biases bit for bit, every
 * plugin's canonical spec and provider version, the fitted scalers' statistics, the class names,
 * and the training provenance (seed, epochs, losses, final metrics, framework version). The
 * format is described in {@code docs/model-format.md}.
 *
 * <pre>{@code
 * ModelFile.save(model, Path.of("iris.mlp"));
 * Model again = ModelFile.load(Path.of("iris.mlp"));
 * System.out.print(ModelFile.read(Path.of("iris.mlp")).describe());
 * }</pre>
 *
 * <p>Plugins are recorded by name and parameters only, never by Java class, and are found again
 * through the {@link PluginRegistry} when the model is loaded: a model loads wherever plugins of
 * those names are on the class path. A missing one is refused with a
 * {@link MissingPluginException}. A file that is not a model file, a checkpoint file, a file from
 * a newer format version, and a truncated or corrupted file are each refused with a
 * {@link FileFormatException} saying which. Saving is atomic ({@link AtomicFiles}): a failed save
 * leaves any earlier file untouched.
 *
 * <p>This class is the entry point; the format itself (sections, roles) is {@link ModelFormat},
 * and turning what a file holds back into a model is {@link ModelRebuild}.
 */
public final class ModelFile {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFile.class);

    /**
     * The model file format version this framework writes, and the highest it reads: 2, which
     * added the {@code layers} section; files of format 1 load as before.
     */
    public static final int FORMAT_VERSION = ModelFormat.VERSION;

    static final String INPUT_SCALER = ModelFormat.INPUT_SCALER;
    static final String TARGET_SCALER = ModelFormat.TARGET_SCALER;

    private ModelFile() {
    }

    /** @return the framework version recorded in the files this code writes */
    public static String frameworkVersion() {
        return Container.frameworkVersion();
    }

    /**
     * Saves a model with no column names or metrics, resolving plugin versions through the
     * standard registry.
     *
     * @param model the model
     * @param file where to write it
     * @throws IOException if the file cannot be written (any earlier file stays intact)
     * @throws IllegalArgumentException if the model holds something a file cannot record (a
     *         plugin made in code rather than from a spec, a scaler that cannot be restored)
     */
    public static void save(Model model, Path file) throws IOException {
        save(model, file, ModelMetadata.none());
    }

    /**
     * Saves a model with column names and final metrics, resolving plugin versions through the
     * standard registry.
     *
     * @param model the model
     * @param file where to write it
     * @param metadata column names and metrics to record
     * @throws IOException if the file cannot be written (any earlier file stays intact)
     * @throws IllegalArgumentException if the model holds something a file cannot record
     */
    public static void save(Model model, Path file, ModelMetadata metadata) throws IOException {
        save(model, file, metadata, Mlp.standard().registry());
    }

    /**
     * Saves a model.
     *
     * @param model the model
     * @param file where to write it
     * @param metadata column names and metrics to record
     * @param registry the registry that made the model's plugins (for their provider versions)
     * @throws IOException if the file cannot be written (any earlier file stays intact)
     * @throws IllegalArgumentException if the model holds something a file cannot record
     */
    public static void save(Model model, Path file, ModelMetadata metadata,
                            PluginRegistry registry) throws IOException {
        byte[] bytes = ModelFormat.encode(describe(model, metadata, registry));
        AtomicFiles.write(file, out -> out.write(bytes));
        LOG.debug("saved {} ({} bytes)", file, bytes.length);
    }

    /**
     * What a file of this model would hold, without writing it.
     *
     * @param model the model
     * @param metadata column names and metrics to record
     * @param registry the registry that made the model's plugins
     * @return the description of the model as it would be saved
     * @throws IllegalArgumentException if the model holds something a file cannot record
     */
    public static ModelInfo describe(Model model, ModelMetadata metadata,
                                     PluginRegistry registry) {
        Network n = model.network();
        List<ModelInfo.Layer> layers = new ArrayList<>();
        List<String> activations = model.activationSpecs();
        for (int l = 1; l <= n.layerCount(); l++) {
            String spec = l - 1 < activations.size() ? activations.get(l - 1) : null;
            if (spec == null) {
                throw new IllegalArgumentException("cannot save the model: layer " + l
                        + "'s activation '" + n.activation(l).name() + "' was given as an "
                        + "instance made in code; a model file records activations by spec, so "
                        + "give it as a spec string");
            }
            String version = configure(registry, PluginKind.ACTIVATION, spec,
                    "layer " + l + "'s activation").provider().version();
            layers.add(new ModelInfo.Layer(n.layerInputs(l), n.layerOutputs(l), spec, version,
                    n.weights(l), n.biases(l)));
        }
        List<ModelInfo.Plugin> plugins = new ArrayList<>();
        Map<String, Scaler> scalers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : model.specs().entrySet()) {
            String role = e.getKey();
            PluginKind<?> kind = ModelFormat.kindOf(role);
            if (kind == null) {
                plugins.add(new ModelInfo.Plugin(role, "", e.getValue(), ""));
                continue;
            }
            Configured<?> c = configure(registry, kind, e.getValue(), "its " + role);
            plugins.add(new ModelInfo.Plugin(role, kind.label(), c.spec(),
                    c.provider().version()));
            if (kind == PluginKind.SCALER) {
                scalers.put(role, (Scaler) c.instance());
            }
        }
        Map<String, double[][]> scaling = new LinkedHashMap<>();
        statistics(INPUT_SCALER, model.inputScaling(), scalers, scaling);
        statistics(TARGET_SCALER, model.targetScaling(), scalers, scaling);
        List<ModelInfo.Run> runs = new ArrayList<>(ModelRebuild.earlierRuns(model));
        for (TrainingResult r : model.history()) {
            runs.add(new ModelInfo.Run(r.epochLosses(), r.steps(), r.stopReason()));
        }
        ModelInfo.Training training = new ModelInfo.Training(model.trainer().seed(),
                model.trainer().epochs(), runs);
        NetworkLayers blocks = n instanceof LayeredNetwork ln ? blocks(ln, registry) : null;
        return new ModelInfo(FORMAT_VERSION, frameworkVersion(), n.inputSize(), layers, plugins, scaling, model.classNames(),
                metadata, training, blocks, model.multiLabel());
    }

    private static NetworkLayers blocks(LayeredNetwork n, PluginRegistry registry) {
        List<NetworkLayers.Block> blocks = new ArrayList<>();
        for (int k = 0; k < n.layerPluginCount(); k++) {
            String version = configure(registry, PluginKind.LAYER, n.layerSpec(k),
                    "layer '" + n.layerSpec(k) + "'").provider().version();
            List<double[]> params = new ArrayList<>();
            for (double[] p : n.layerParameters(k)) {
                params.add(p.clone());
            }
            blocks.add(new NetworkLayers.Block(n.layerSpec(k), version, params,
                    n.layerState(k).clone()));
        }
        return new NetworkLayers(n.spec(), blocks);
    }

    private static void statistics(String role, Scaler.Fitted fitted, Map<String, Scaler> scalers,
                                   Map<String, double[][]> out) {
        if (fitted == null) {
            return;
        }
        Scaler scaler = scalers.get(role);
        if (scaler == null) {
            throw new IllegalArgumentException("cannot save the model: its " + role
                    + " is fitted but has no spec");
        }
        double[][] stats = fitted.statistics();
        try {
            scaler.restore(stats);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot save the model: its " + role + " '"
                    + scaler.name() + "' cannot be rebuilt from its statistics", e);
        }
        out.put(role, stats);
    }

    private static Configured<?> configure(PluginRegistry registry, PluginKind<?> kind, String spec,
                                           String what) {
        try {
            return registry.configure(kind, spec);
        } catch (SpecException e) {
            throw new IllegalArgumentException("cannot save the model: " + what + " '" + spec
                    + "' is not the spec of a registered " + kind.label() + " (" + e.getMessage()
                    + "); a model file records plugins by spec, so plugins made in code cannot "
                    + "be saved", e);
        }
    }


    /**
     * Loads a model, resolving its plugins through the standard registry.
     *
     * @param file the file
     * @return the model, ready to predict (and to train further)
     * @throws FileFormatException if the file is not a valid model file
     * @throws MissingPluginException if a plugin it needs is not on the class path
     * @throws IOException if it cannot be read
     */
    public static Model load(Path file) throws IOException {
        return load(file, Mlp.standard());
    }

    /**
     * Loads a model, resolving its plugins through the given instance's registry.
     *
     * @param file the file
     * @param mlp the plugins and defaults to rebuild the model with
     * @return the model
     * @throws FileFormatException if the file is not a valid model file
     * @throws MissingPluginException if a plugin it needs is not in the registry
     * @throws IOException if it cannot be read
     */
    public static Model load(Path file, Mlp mlp) throws IOException {
        ModelInfo info = read(file);
        try {
            return toModel(info, mlp);
        } catch (MissingPluginException e) {
            throw new MissingPluginException(e.kind(), e.name(), e.spec(),
                    file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model file without resolving any plugin; see {@link ModelFormat}.
     *
     * @param file the file
     * @return what it holds
     * @throws FileFormatException if it is not a model file, is a checkpoint file, is from a
     *         newer format version, or is truncated or corrupted
     * @throws IOException if it cannot be read
     */
    public static ModelInfo read(Path file) throws IOException {
        return ModelFormat.read(file);
    }

    static byte[] encode(ModelInfo info) {
        return ModelFormat.encode(info);
    }

    /**
     * Rebuilds a working model from what a file holds; see {@link ModelRebuild#rebuild}.
     *
     * @param info what the file holds
     * @param mlp the plugins and defaults to rebuild the model with
     * @return the model
     * @throws MissingPluginException if a plugin it needs is not in the registry
     * @throws IllegalArgumentException if an installed plugin rejects the recorded parameters,
     *         or a weight or bias is NaN or infinite
     */
    public static Model toModel(ModelInfo info, Mlp mlp) {
        return ModelRebuild.rebuild(info, mlp);
    }
}
