package dev.mlp.core.io;

import dev.mlp.api.Scaler;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
 */
public final class ModelFile {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFile.class);

    /** The model file format version this framework writes, and the highest it reads. */
    public static final int FORMAT_VERSION = Container.VERSION;

    /**
     * The training runs recorded in the files loaded models came from, so that saving a loaded
     * model again keeps its whole provenance. Weak keys: forgotten with the model.
     */
    private static final Map<Model, List<ModelInfo.Run>> EARLIER_RUNS =
            Collections.synchronizedMap(new WeakHashMap<>());

    static final String INPUT_SCALER = "input scaler";
    static final String TARGET_SCALER = "target scaler";

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
        byte[] bytes = encode(describe(model, metadata, registry));
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
            PluginKind kind = kindOf(role);
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
        List<ModelInfo.Run> runs = new ArrayList<>(EARLIER_RUNS.getOrDefault(model, List.of()));
        for (TrainingResult r : model.history()) {
            runs.add(new ModelInfo.Run(r.epochLosses(), r.steps(), r.stopReason()));
        }
        ModelInfo.Training training = new ModelInfo.Training(model.trainer().seed(),
                model.trainer().epochs(), runs);
        return new ModelInfo(FORMAT_VERSION, frameworkVersion(), n.inputSize(), layers, plugins,
                scaling, model.classNames(), metadata, training);
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

    private static Configured<?> configure(PluginRegistry registry, PluginKind kind, String spec,
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

    /** The role under which a model records its gradient transforms, joined by "; ". */
    private static final String GRADIENT_TRANSFORMS = "gradient transforms";

    static PluginKind kindOf(String role) {
        for (PluginKind k : PluginKind.values()) {
            if (k.label().equals(role)) {
                return k;
            }
        }
        return role.endsWith("scaler") ? PluginKind.SCALER : null;
    }

    /**
     * Reads a model file without resolving any plugin.
     *
     * @param file the file
     * @return what it holds
     * @throws FileFormatException if it is not a model file, is a checkpoint file, is from a
     *         newer format version, or is truncated or corrupted
     * @throws IOException if it cannot be read
     */
    public static ModelInfo read(Path file) throws IOException {
        var sections = Container.read(file, Container.Type.MODEL);
        String framework = Container.require(sections, file, "framework").string();

        Container.Section net = Container.require(sections, file, "network");
        int inputs = net.u32();
        int count = net.u32();
        List<ModelInfo.Layer> layers = new ArrayList<>();
        int prev = inputs;
        for (int l = 0; l < count; l++) {
            int neurons = net.u32();
            String activation = net.string();
            String version = net.string();
            boolean bias = net.u8() != 0;
            double[] w = net.doubles();
            if ((long) prev * neurons != w.length || neurons == 0) {
                throw net.malformed("layer " + (l + 1) + " has " + prev + "x" + neurons
                        + " weights but stores " + w.length);
            }
            double[] b = bias ? net.doubles() : null;
            if (b != null && b.length != neurons) {
                throw net.malformed("layer " + (l + 1) + " has " + neurons + " neurons but "
                        + "stores " + b.length + " biases");
            }
            layers.add(new ModelInfo.Layer(prev, neurons, activation, version, w, b));
            prev = neurons;
        }
        net.end();
        if (inputs == 0 || count == 0) {
            throw net.malformed("a network needs inputs and layers, found " + inputs
                    + " inputs and " + count + " layers");
        }

        List<ModelInfo.Plugin> plugins = new ArrayList<>();
        Container.Section ps = sections.get("plugins");
        if (ps != null) {
            int n = ps.u32();
            for (int i = 0; i < n; i++) {
                plugins.add(new ModelInfo.Plugin(ps.string(), ps.string(), ps.string(),
                        ps.string()));
            }
            ps.end();
        }

        Map<String, double[][]> scaling = new LinkedHashMap<>();
        Container.Section sc = sections.get("scaling");
        if (sc != null) {
            int n = sc.u32();
            for (int i = 0; i < n; i++) {
                String role = sc.string();
                double[][] stats = new double[sc.count(4)][];
                for (int c = 0; c < stats.length; c++) {
                    stats[c] = sc.doubles();
                }
                scaling.put(role, stats);
            }
            sc.end();
        }

        List<String> classes = strings(sections.get("classes"));
        List<String> features = List.of();
        List<String> targets = List.of();
        Container.Section cols = sections.get("columns");
        if (cols != null) {
            features = stringList(cols);
            targets = stringList(cols);
            cols.end();
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        Container.Section ms = sections.get("metrics");
        if (ms != null) {
            int n = ms.u32();
            for (int i = 0; i < n; i++) {
                metrics.put(ms.string(), ms.f64());
            }
            ms.end();
        }

        Container.Section tr = Container.require(sections, file, "training");
        long seed = tr.i64();
        int epochs = tr.u32();
        int nRuns = tr.u32();
        List<ModelInfo.Run> runs = new ArrayList<>();
        for (int i = 0; i < nRuns; i++) {
            double[] losses = tr.doubles();
            long steps = tr.i64();
            String reason = tr.u8() != 0 ? tr.string() : null;
            List<Double> l = new ArrayList<>(losses.length);
            for (double d : losses) {
                l.add(d);
            }
            runs.add(new ModelInfo.Run(l, steps, reason));
        }
        tr.end();
        return new ModelInfo(FORMAT_VERSION, framework, inputs, layers, plugins, scaling, classes,
                new ModelMetadata(features, targets, metrics,
                        PreprocessingSection.read(sections)),
                new ModelInfo.Training(seed, epochs, runs));
    }

    private static List<String> strings(Container.Section s) throws FileFormatException {
        if (s == null) {
            return List.of();
        }
        List<String> out = stringList(s);
        s.end();
        return out;
    }

    private static List<String> stringList(Container.Section s) throws FileFormatException {
        int n = s.u32();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.string());
        }
        return out;
    }

    static byte[] encode(ModelInfo info) {
        Container.Writer w = new Container.Writer(Container.Type.MODEL);
        w.section("framework", new Container.Body().string(info.frameworkVersion()));
        Container.Body net = new Container.Body().u32(info.inputs()).u32(info.layers().size());
        for (ModelInfo.Layer l : info.layers()) {
            net.u32(l.neurons()).string(l.activation()).string(l.activationVersion())
                    .u8(l.bias() ? 1 : 0).doubles(l.weights());
            if (l.bias()) {
                net.doubles(l.biases());
            }
        }
        w.section("network", net);
        Container.Body ps = new Container.Body().u32(info.plugins().size());
        for (ModelInfo.Plugin p : info.plugins()) {
            ps.string(p.role()).string(p.kind()).string(p.spec()).string(p.version());
        }
        w.section("plugins", ps);
        Container.Body sc = new Container.Body().u32(info.scaling().size());
        info.scaling().forEach((role, stats) -> {
            sc.string(role).u32(stats.length);
            for (double[] row : stats) {
                sc.doubles(row);
            }
        });
        w.section("scaling", sc);
        Container.Body cl = new Container.Body().u32(info.classNames().size());
        info.classNames().forEach(cl::string);
        w.section("classes", cl);
        Container.Body cols = new Container.Body().u32(info.metadata().featureNames().size());
        info.metadata().featureNames().forEach(cols::string);
        cols.u32(info.metadata().targetNames().size());
        info.metadata().targetNames().forEach(cols::string);
        w.section("columns", cols);
        Container.Body tr = new Container.Body().i64(info.training().seed())
                .u32(info.training().epochsPerRun()).u32(info.training().runs().size());
        for (ModelInfo.Run r : info.training().runs()) {
            tr.doubles(r.epochLosses().stream().mapToDouble(Double::doubleValue).toArray())
                    .i64(r.steps()).u8(r.stopReason() == null ? 0 : 1);
            if (r.stopReason() != null) {
                tr.string(r.stopReason());
            }
        }
        w.section("training", tr);
        Container.Body ms = new Container.Body().u32(info.metadata().metrics().size());
        info.metadata().metrics().forEach((k, v) -> ms.string(k).f64(v));
        w.section("metrics", ms);
        PreprocessingSection.write(w, info.metadata().preprocessing());
        return w.toBytes();
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
    public static Model toModel(ModelInfo info, Mlp mlp) {
        FiniteWeights.require(info.layers());
        PluginRegistry registry = mlp.registry();
        for (ModelInfo.Layer l : info.layers()) {
            requirePlugin(registry, PluginKind.ACTIVATION, l.activation(), l.activationVersion(),
                    "activation");
        }
        for (ModelInfo.Plugin p : info.plugins()) {
            PluginKind kind = kindOf(p.role());
            if (kind != null) {
                requirePlugin(registry, kind, p.spec(), p.version(), p.role());
            }
        }
        Mlp.Builder b = mlp.newBuilder().inputs(info.inputs());
        for (ModelInfo.Layer l : info.layers()) {
            b.layer(l.neurons(), l.activation(), l.bias());
        }
        for (ModelInfo.Plugin p : info.plugins()) {
            switch (p.role()) {
                case "loss" -> b.loss(p.spec());
                case "optimizer" -> b.optimizer(p.spec());
                case "batch strategy" -> b.batch(p.spec());
                case "initializer" -> b.initializer(p.spec());
                case INPUT_SCALER -> b.inputScaler(p.spec());
                case TARGET_SCALER -> b.targetScaler(p.spec());
                case "schedule" -> b.schedule(p.spec());
                case GRADIENT_TRANSFORMS -> {
                    for (String t : p.spec().split("; ")) {
                        requirePlugin(registry, PluginKind.GRADIENT_TRANSFORM, t, "",
                                "gradient transform");
                        b.gradientTransform(t);
                    }
                }
                case "metrics" -> b.metrics(p.spec().split(", "));
                case "early stopping" -> b.earlyStopping(p.spec());
                case "divergence" -> b.divergence(p.spec());
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
        for (int l = 1; l <= info.layers().size(); l++) {
            ModelInfo.Layer layer = info.layers().get(l - 1);
            n.setWeights(l, layer.weights());
            if (layer.bias()) {
                n.setBiases(l, layer.biases());
            }
        }
        model.restoreScaling(fitted(info, INPUT_SCALER, registry),
                fitted(info, TARGET_SCALER, registry));
        if (!info.classNames().isEmpty()) {
            model.classNames(info.classNames());
        }
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

    private static void requirePlugin(PluginRegistry registry, PluginKind kind, String spec,
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
        String now;
        try {
            now = registry.configure(kind, spec).provider().version();
        } catch (SpecException e) {
            throw new IllegalArgumentException("the model's " + role + " '" + spec
                    + "' (saved with provider version " + version + ") is rejected by the "
                    + "installed " + kind.label() + " '" + name + "': " + e.getMessage(), e);
        }
        if (!now.equals(version)) {
            LOG.info("the model's {} '{}' was saved with provider version {}, loading it with "
                    + "version {}", role, spec, version, now);
        }
    }

    private static String parameters(Spec spec) {
        return spec.arguments().isEmpty() ? "(none)" : spec.arguments().toString();
    }
}
