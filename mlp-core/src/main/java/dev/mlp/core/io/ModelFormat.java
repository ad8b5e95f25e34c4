package dev.mlp.core.io;

import dev.mlp.api.spi.PluginKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file format: the sections of a {@link Container} of type model, read into and
 * written from a {@link ModelInfo}, and the roles under which plugins are recorded. Nothing here
 * resolves a plugin; {@link ModelRebuild} turns what is read into a working model. The format is
 * described in {@code docs/model-format.md}.
 */
final class ModelFormat {

    /**
     * The format version written, and the highest read. Version 2 added the {@code layers}
     * section (networks with blocks other than dense layers); files of version 1 read as
     * before.
     */
    static final int VERSION = Container.VERSION;

    /** The role of the input scaler. */
    static final String INPUT_SCALER = "input scaler";
    /** The role of the target scaler. */
    static final String TARGET_SCALER = "target scaler";

    /** The role under which a model records its gradient transforms, joined by "; ". */
    static final String GRADIENT_TRANSFORMS = "gradient transforms";

    private ModelFormat() {
    }

    /**
     * @param role a role under which a model file records a plugin, for example
     *             {@code "optimizer"} or {@code "input scaler"}
     * @return the kind of plugin recorded under it, or {@code null} for a role that records no
     *         plugin spec
     */
    static PluginKind<?> kindOf(String role) {
        for (PluginKind<?> k : PluginKind.ALL) {
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
    static ModelInfo read(Path file) throws IOException {
        Container.Contents contents = Container.open(file, Container.Type.MODEL);
        var sections = contents.sections();
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
        Container.Section ls = sections.get("layers");
        return new ModelInfo(contents.version(), framework, inputs, layers, plugins, scaling,
                classes, new ModelMetadata(features, targets, metrics,
                        PreprocessingSection.read(sections)),
                new ModelInfo.Training(seed, epochs, runs),
                ls == null ? null : NetworkLayers.read(ls), LabelsSection.read(sections));
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
        // a file read in format 1 is written back in format 1, byte for byte
        Container.Writer w = new Container.Writer(Container.Type.MODEL,
                info.network() == null ? Math.min(info.formatVersion(), VERSION) : VERSION);
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
        LabelsSection.write(w, info.multiLabel());
        if (info.network() != null) {
            w.section("layers", info.network().encode());
        }
        return w.toBytes();
    }
}
