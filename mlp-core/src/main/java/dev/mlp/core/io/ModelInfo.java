package dev.mlp.core.io;

import dev.mlp.core.MultiLabel;
import dev.mlp.core.train.Precision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a model file holds, as plain data: read by {@link ModelFile#read} without resolving
 * any plugin, so it can be inspected even where the plugins are missing. {@link #describe()} lists
 * it in words; {@link ModelFile#toModel} turns it back into a working model.
 *
 * <p>Arrays are held as given, not copied; do not modify them.
 *
 * @param formatVersion the model file format version the file was written in
 * @param frameworkVersion the version of the framework that wrote it
 * @param inputs the number of input features
 * @param layers the layers, first hidden layer first
 * @param plugins the plugins other than activations, by role (loss, optimizer, ..., input scaler)
 * @param scaling the fitted statistics of each scaler by role ({@code "input scaler"},
 *        {@code "target scaler"}), one row per column; absent for scalers not yet fitted
 * @param classNames the names of the classes the outputs stand for; empty if not given
 * @param metadata column names and final metrics
 * @param training how the model was trained
 * @param network the network spec and layer plugins' values of a network with blocks other
 *        than dense layers ({@code layers} is then its dense layers in spec order), or
 *        {@code null} for a plain dense network
 * @param multiLabel the labels and thresholds of a multi-label model, or {@code null}
 */
public record ModelInfo(int formatVersion, String frameworkVersion, int inputs, List<Layer> layers,
                        List<Plugin> plugins, Map<String, double[][]> scaling,
                        List<String> classNames, ModelMetadata metadata, Training training,
                        NetworkLayers network, MultiLabel multiLabel) {

    /**
     * The file contents of a model that is not multi-label.
     *
     * @param formatVersion the model file format version
     * @param frameworkVersion the version of the framework that wrote it
     * @param inputs the number of input features
     * @param layers the layers
     * @param plugins the plugins other than activations, by role
     * @param scaling the fitted statistics of each scaler by role
     * @param classNames the names of the classes
     * @param metadata column names and final metrics
     * @param training how the model was trained
     * @param network the network spec and layer plugins' values, or {@code null}
     */
    public ModelInfo(int formatVersion, String frameworkVersion, int inputs, List<Layer> layers,
                     List<Plugin> plugins, Map<String, double[][]> scaling,
                     List<String> classNames, ModelMetadata metadata, Training training,
                     NetworkLayers network) {
        this(formatVersion, frameworkVersion, inputs, layers, plugins, scaling, classNames,
                metadata, training, network, null);
    }

    /**
     * A plain dense network's file contents.
     *
     * @param formatVersion the model file format version
     * @param frameworkVersion the version of the framework that wrote it
     * @param inputs the number of input features
     * @param layers the layers
     * @param plugins the plugins other than activations, by role
     * @param scaling the fitted statistics of each scaler by role
     * @param classNames the names of the classes
     * @param metadata column names and final metrics
     * @param training how the model was trained
     */
    public ModelInfo(int formatVersion, String frameworkVersion, int inputs, List<Layer> layers,
                     List<Plugin> plugins, Map<String, double[][]> scaling,
                     List<String> classNames, ModelMetadata metadata, Training training) {
        this(formatVersion, frameworkVersion, inputs, layers, plugins, scaling, classNames,
                metadata, training, null, null);
    }

    /** Copies the lists and maps. */
    public ModelInfo {
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        layers = List.copyOf(layers);
        plugins = List.copyOf(plugins);
        scaling = Collections.unmodifiableMap(new LinkedHashMap<>(scaling));
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(training, "training");
    }

    /**
     * One dense layer.
     *
     * @param inputs the number of inputs
     * @param neurons the number of neurons
     * @param activation the activation's canonical spec
     * @param activationVersion the version of the activation's provider when saved
     * @param weights row-major {@code inputs x neurons} weights
     * @param biases one bias per neuron, or {@code null} for a layer without bias
     */
    public record Layer(int inputs, int neurons, String activation, String activationVersion,
                        double[] weights, double[] biases) {

        /** @return whether the layer has a bias */
        public boolean bias() {
            return biases != null;
        }
    }

    /**
     * One plugin the model was built with.
     *
     * @param role what it was used for, for example {@code "optimizer"} or {@code "input scaler"}
     * @param kind its kind in words, for example {@code "scaler"}
     * @param spec its canonical spec: name and every parameter
     * @param version the version of its provider when saved
     */
    public record Plugin(String role, String kind, String spec, String version) {
    }

    /**
     * How the model was trained.
     *
     * @param seed the seed of initialization and batch order
     * @param epochsPerRun the number of epochs each training run was configured for
     * @param runs every training run, in order
     */
    public record Training(long seed, int epochsPerRun, List<Run> runs) {

        /** Copies the runs. */
        public Training {
            runs = List.copyOf(runs);
        }

        /** @return the number of epochs trained, over all runs */
        public int epochsTrained() {
            return runs.stream().mapToInt(r -> r.epochLosses().size()).sum();
        }

        /** @return the last epoch's mean training loss, or NaN if the model was never trained */
        public double finalLoss() {
            for (int i = runs.size() - 1; i >= 0; i--) {
                List<Double> l = runs.get(i).epochLosses();
                if (!l.isEmpty()) {
                    return l.get(l.size() - 1);
                }
            }
            return Double.NaN;
        }
    }

    /**
     * One training run.
     *
     * @param epochLosses the mean training loss of each epoch
     * @param steps the number of optimizer steps
     * @param stopReason why the run stopped early, or {@code null} if it ran all its epochs
     */
    public record Run(List<Double> epochLosses, long steps, String stopReason) {

        /** Copies the losses. */
        public Run {
            epochLosses = List.copyOf(epochLosses);
        }
    }

    /** @return the layer sizes, inputs first: {@code [inputs, n_1, ..., n_L]} */
    public int[] sizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = inputs;
        for (int l = 0; l < layers.size(); l++) {
            s[l + 1] = layers.get(l).neurons();
        }
        return s;
    }

    /** @return the number of weights and biases, and of the layer plugins' parameters */
    public long parameterCount() {
        long n = network == null ? 0 : network.parameterCount();
        for (Layer l : layers) {
            n += l.weights().length + (l.biases() == null ? 0 : l.biases().length);
        }
        return n;
    }

    /**
     * @return the precision of the model's matrix products: the one the file records, or
     *         {@code float64}, the precision a file that records none loads in
     */
    public String precision() {
        String recorded = spec(PRECISION);
        return recorded == null ? Precision.FLOAT64.label() : recorded;
    }

    /**
     * @param role a plugin role, for example {@code "loss"}
     * @return the spec recorded for it, or {@code null}
     */
    public String spec(String role) {
        for (Plugin p : plugins) {
            if (p.role().equals(role)) {
                return p.spec();
            }
        }
        return null;
    }

    /**
     * Lists what the file holds, one item per line: format and framework version, the layers
     * with their activations and provider versions, the plugins, the precision (also for a
     * {@code float64} file, which records none), the scalers' statistics, the
     * class and column names, and the training provenance.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        line(sb, "format", "model file format " + formatVersion + ", written by mlp "
                + frameworkVersion);
        StringBuilder shape = new StringBuilder().append(inputs);
        for (Layer l : layers) {
            shape.append(" -> ").append(l.neurons()).append(' ').append(l.activation());
        }
        line(sb, "network", (network == null ? shape.toString() : inputs + " -> "
                + network.spec()) + " (" + parameterCount() + " parameters)");
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            line(sb, "  layer " + (i + 1), l.inputs() + " x " + l.neurons() + ", "
                    + l.activation() + " [" + l.activationVersion() + "], "
                    + (l.bias() ? "with bias" : "no bias") + ", weights in "
                    + range(l.weights()));
        }
        if (network != null) {
            for (int i = 0; i < network.layers().size(); i++) {
                NetworkLayers.Block b = network.layers().get(i);
                line(sb, "  block " + (i + 1), b.spec() + " [" + b.version() + "], "
                        + b.parameterCount() + " parameters, " + b.state().length
                        + " values of state");
            }
        }
        for (Plugin p : plugins) {
            line(sb, p.role(), p.version().isEmpty() ? p.spec()
                    : p.spec() + " [" + p.version() + "]");
        }
        if (spec(PRECISION) == null) {
            line(sb, PRECISION, precision());
        }
        for (Map.Entry<String, double[][]> e : scaling.entrySet()) {
            String role = e.getKey();
            List<String> names = role.startsWith("input") ? metadata.featureNames()
                    : role.startsWith("target") ? metadata.targetNames() : List.of();
            double[][] st = e.getValue();
            String spec = spec(role);
            String[] labels = spec != null && spec.startsWith("min-max") ? new String[] {"min",
                "max"} : spec != null && spec.startsWith("z-score")
                ? new String[] {"mean", "sd"} : null;
            line(sb, role + " statistics", st.length + " columns");
            int shown = st.length <= LONG_LIST ? st.length : LONG_LIST / 2;
            for (int c = 0; c < shown; c++) {
                String name = c < names.size() ? names.get(c) : "column " + c;
                StringBuilder v = new StringBuilder();
                for (int j = 0; j < st[c].length; j++) {
                    v.append(j == 0 ? "" : ", ")
                            .append(labels != null && st[c].length == labels.length
                                    ? labels[j] + "=" : "")
                            .append(number(st[c][j]));
                }
                line(sb, "  " + name, v.toString());
            }
            if (shown < st.length) {
                line(sb, "  ...", (st.length - shown) + " more columns");
            }
        }
        if (!classNames.isEmpty()) {
            line(sb, "classes", list(classNames));
        }
        if (multiLabel != null) {
            line(sb, "labels", multiLabel + (multiLabel.separator().isEmpty() ? ""
                    : " (one column, separated by '" + multiLabel.separator() + "')"));
        }
        if (!metadata.featureNames().isEmpty()) {
            line(sb, "features", list(metadata.featureNames()));
        }
        if (!metadata.targetNames().isEmpty()) {
            line(sb, "targets", list(metadata.targetNames()));
        }
        line(sb, "seed", Long.toString(training.seed()));
        line(sb, "epochs", training.epochsTrained() + " epoch"
                + (training.epochsTrained() == 1 ? "" : "s") + " in " + training.runs().size()
                + " run" + (training.runs().size() == 1 ? "" : "s") + " ("
                + training.epochsPerRun() + " per run)");
        for (Run r : training.runs()) {
            if (r.stopReason() != null) {
                line(sb, "stopped early", r.stopReason());
            }
        }
        line(sb, "final loss", number(training.finalLoss()));
        metadata.metrics().forEach((k, v) -> line(sb, k, number(v)));
        return sb.toString();
    }

    /** The role under which a file records a precision other than {@code float64}. */
    private static final String PRECISION = "precision";

    /** Lists longer than this are shortened in {@link #describe()}. */
    private static final int LONG_LIST = 20;

    private static String list(List<String> names) {
        if (names.size() <= LONG_LIST) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LONG_LIST / 2)) + ", ..., "
                + names.get(names.size() - 1) + " (" + names.size() + ")";
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-22s %s%n", key + ":", value));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String range(double[] v) {
        if (v.length == 0) {
            return "[]";
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return "[" + number(lo) + ", " + number(hi) + "]";
    }
}
