package dev.mlp.core.train;

import dev.mlp.api.TrainingListener;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.TrainingListenerProvider;
import dev.mlp.core.metric.Metrics;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stops a run when a monitored metric has not improved for {@code patience} epochs, and restores
 * the weights of the best epoch in memory at the end of the run.
 *
 * <p>Spec: {@code early-stopping(monitor=validation-loss, patience=10, min-delta=0,
 * restore-best=true)}. {@code monitor} is a metric name ({@code loss} or any metric of
 * {@link Metrics}), optionally prefixed by {@code training-} or {@code validation-}; without a
 * prefix it means the validation value when there is validation data and the training value
 * otherwise. An epoch improves on the best so far when its value is better by more than
 * {@code min-delta} (lower for the loss and error metrics, higher for accuracy, F1, R²...). The
 * run stops after {@code patience} epochs in a row without improvement. With
 * {@code restore-best}, the network ends the run with the parameters of its best epoch, whether
 * the run stopped early or not.
 *
 * <p>This is configuration: set it with {@code Mlp.Builder.earlyStopping(spec)}, with
 * {@link TrainingOptions.Builder#earlyStopping}, or add it as a listener (for example by the
 * spec above through {@code .listener(...)}, or bound with Guice); the trainer recognizes it
 * among its listeners and runs it itself, because it needs the network's parameters and its
 * state belongs in checkpoints. Its own event methods do nothing.
 */
public final class EarlyStopping implements TrainingListener {

    /** The name of the spec. */
    public static final String NAME = "early-stopping";

    private static final String[] PREFIXES = {"", "training-", "validation-"};

    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;

    /**
     * @param monitor the monitored metric, for example {@code "validation-loss"}
     * @param patience the number of epochs in a row without improvement that stop the run, at
     *                 least 1
     * @param minDelta the smallest change that counts as improvement, at least 0
     * @param restoreBest whether to restore the best epoch's parameters at the end
     * @throws IllegalArgumentException if a value is out of range
     */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (monitor.isBlank()) {
            throw new IllegalArgumentException("early stopping needs a metric to monitor");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, found " + patience);
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("min-delta must be finite and >= 0, found "
                    + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
    }

    /**
     * The parameters of the spec. {@code monitor} accepts {@code loss}, the built-in metric names
     * and the names of the metric plugins on the class path, each alone or prefixed by
     * {@code training-} or {@code validation-}; a metric made in code (or bound only in a Guice
     * module) can be monitored through the constructor.
     *
     * @return the declarations
     */
    public static List<ParameterSpec> parameters() {
        List<String> monitors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(Metrics.LOSS);
        names.addAll(Metrics.names());
        for (String plugin : PluginCatalog.standard().providers(PluginKind.METRIC).keySet()) {
            if (!names.contains(plugin)) {
                names.add(plugin);
            }
        }
        for (String p : PREFIXES) {
            for (String n : names) {
                monitors.add(p + n);
            }
        }
        return List.of(
                ParameterSpec.choice("monitor", "loss", "the metric to watch: loss, accuracy, "
                        + "f1, ..., optionally prefixed by training- or validation-",
                        monitors.toArray(new String[0])),
                ParameterSpec.integer("patience", 10, "epochs without improvement before "
                        + "stopping").atLeast(1),
                ParameterSpec.real("min-delta", 0.0, "smallest change that counts as an "
                        + "improvement").atLeast(0),
                ParameterSpec.bool("restore-best", true, "end the run with the best epoch's "
                        + "parameters"));
    }

    /**
     * @param spec for example {@code "early-stopping(monitor=validation-f1, patience=5)"}
     * @return the configuration
     * @throws SpecException if the spec is malformed or a value invalid
     */
    public static EarlyStopping parse(String spec) {
        return PluginRegistry.resolve("early stopping", EarlyStopping.class,
                Map.of(NAME, new Provider()), spec).instance();
    }

    private static EarlyStopping from(Parameters p) {
        return new EarlyStopping(p.choice("monitor"), p.integer("patience"),
                p.real("min-delta"), p.bool("restore-best"));
    }

    /** @return the monitored metric as configured */
    public String monitor() {
        return monitor;
    }

    /** @return the number of epochs without improvement before stopping */
    public int patience() {
        return patience;
    }

    /** @return the smallest change that counts as improvement */
    public double minDelta() {
        return minDelta;
    }

    /** @return whether the best epoch's parameters are restored at the end */
    public boolean restoreBest() {
        return restoreBest;
    }

    /**
     * @return the canonical spec, every parameter included
     */
    public String spec() {
        return NAME + "(monitor=" + monitor + ", patience=" + patience + ", min-delta="
                + ParameterSpec.format(minDelta) + ", restore-best=" + restoreBest + ")";
    }

    /**
     * Resolves the monitor for a run.
     *
     * @param hasValidation whether the run has validation data
     * @return {@code {set, metric}}, set being {@code "training"} or {@code "validation"}
     * @throws IllegalArgumentException if validation is asked for and the run has none
     */
    public String[] resolve(boolean hasValidation) {
        if (monitor.startsWith("validation-")) {
            if (!hasValidation) {
                throw new IllegalArgumentException("early stopping monitors " + monitor
                        + ", but the run has no validation data; set a validation fraction or "
                        + "validation data, or monitor a training metric");
            }
            return new String[] {"validation", monitor.substring("validation-".length())};
        }
        if (monitor.startsWith("training-")) {
            return new String[] {"training", monitor.substring("training-".length())};
        }
        return new String[] {hasValidation ? "validation" : "training", monitor};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EarlyStopping e && e.spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }

    /** {@code early-stopping(monitor, patience, min-delta, restore-best)}. */
    public static final class Provider implements TrainingListenerProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return EarlyStopping.parameters();
        }

        @Override
        public String description() {
            return "stop when a metric stops improving; restore the best weights";
        }

        @Override
        public TrainingListener create(Parameters p) {
            return from(p);
        }
    }
}
