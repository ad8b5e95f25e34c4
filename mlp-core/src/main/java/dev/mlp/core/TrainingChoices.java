package dev.mlp.core;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Metric;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.kernel.BackendChoice;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.train.Precision;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Checkpoint;
import dev.mlp.core.train.DivergencePolicy;
import dev.mlp.core.train.EarlyStopping;
import dev.mlp.core.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The choices of how a model trains, as {@link Mlp.Builder} takes them: epochs and seed,
 * listeners, schedule, gradient transforms, validation, metrics, early stopping, divergence,
 * checkpoints, compute backend, threads and precision, class weights. Plugins are given by spec strings
 * (or instances made in code) and resolved through the registry when the model is built, into
 * {@link TrainingOptions}: the options that need no plugin go straight to a
 * {@link TrainingOptions.Builder}, so each is checked in one place.
 *
 * @param <B> the builder type the setters return
 */
public abstract class TrainingChoices<B extends TrainingChoices<B>> {
    private Integer epochs;
    private Long seed;
    private final List<Object> listeners = new ArrayList<>();
    private Object schedule;
    private final List<Object> transforms = new ArrayList<>();
    /** The options that need no plugin resolved, checked and kept in one place. */
    private final TrainingOptions.Builder plain = TrainingOptions.builder();
    private final List<Object> metrics = new ArrayList<>();
    private Object earlyStopping;
    private String divergence;
    private ClassWeights classWeights;
    private boolean weightedMetrics;
    private String backend;

    /** The role under which a model records its precision when it is not {@code float64}. */
    static final String PRECISION = "precision";

    TrainingChoices() {
    }

    /** @return this builder, typed */
    abstract B self();

    /**
     * @param count number of epochs per {@link Model#fit} call
     * @return this
     */
    public B epochs(int count) {
        this.epochs = count;
        return self();
    }

    /**
     * @param value the seed of initialization and batch order
     * @return this
     */
    public B seed(long value) {
        this.seed = value;
        return self();
    }

    /**
     * @param listener a listener for every run of the model
     * @return this
     */
    public B listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /**
     * @param spec a listener spec, for example {@code "log(every=100)"}
     * @return this
     */
    public B listener(String spec) {
        listeners.add(Objects.requireNonNull(spec, "spec"));
        return self();
    }

    /**
     * Sets the learning-rate schedule: the optimizer's rate is set from it before every step.
     *
     * @param spec schedule spec, for example {@code "cosine(warmup=5)"}
     * @return this
     */
    public B schedule(String spec) {
        this.schedule = Objects.requireNonNull(spec, "spec");
        return self();
    }

    /**
     * @param instance a schedule made in code
     * @return this
     */
    public B schedule(LearningRateSchedule instance) {
        this.schedule = Objects.requireNonNull(instance, "instance");
        return self();
    }

    /**
     * Adds a gradient transform (clipping, penalty...), applied after the backward pass and
     * before the update, after the transforms added before it.
     *
     * @param spec transform spec, for example {@code "clip-norm(max=1)"}
     * @return this
     */
    public B gradientTransform(String spec) {
        transforms.add(Objects.requireNonNull(spec, "spec"));
        return self();
    }

    /**
     * @param instance a gradient transform made in code
     * @return this
     */
    public B gradientTransform(GradientTransform instance) {
        transforms.add(Objects.requireNonNull(instance, "instance"));
        return self();
    }

    /**
     * Holds out a share of the training data for validation: seeded, and stratified by class
     * for classification data. {@link Model#fit(Dataset, Dataset)} with explicit validation
     * data takes precedence.
     *
     * @param fraction the share, in [0, 1); 0 for no validation
     * @return this
     */
    public B validationFraction(double fraction) {
        plain.validationFraction(fraction);
        return self();
    }

    /**
     * Adds metrics computed per epoch for training and validation data, by name:
     * {@code accuracy}, {@code precision}, {@code recall}, {@code f1}, {@code mse},
     * {@code mae}, {@code r2} (see {@link Metrics}).
     *
     * @param names metric names
     * @return this
     */
    public B metrics(String... names) {
        for (String name : names) {
            metrics.add(Objects.requireNonNull(name, "metric name"));
        }
        return self();
    }

    /**
     * @param instance a metric made in code
     * @return this
     */
    public B metric(Metric instance) {
        metrics.add(Objects.requireNonNull(instance, "instance"));
        return self();
    }

    /**
     * Stops when a metric stops improving and restores the best weights; see
     * {@link EarlyStopping}.
     *
     * @param spec for example
     *             {@code "early-stopping(monitor=validation-loss, patience=10, min-delta=0)"}
     * @return this
     */
    public B earlyStopping(String spec) {
        this.earlyStopping = Objects.requireNonNull(spec, "spec");
        return self();
    }

    /**
     * @param rule an early stopping rule made in code
     * @return this
     */
    public B earlyStopping(EarlyStopping rule) {
        this.earlyStopping = Objects.requireNonNull(rule, "rule");
        return self();
    }

    /**
     * What to do when training diverges; see {@link DivergencePolicy}.
     *
     * @param spec {@code "stop"} (the default) or {@code "rollback(factor=0.5, retries=3)"}
     * @return this
     */
    public B divergence(String spec) {
        this.divergence = Objects.requireNonNull(spec, "spec");
        return self();
    }

    /**
     * Emits a {@link Checkpoint} of the run every {@code every} epochs; resume with
     * {@link Model#resume(Dataset, Checkpoint)}.
     *
     * @param every epochs between checkpoints, at least 1
     * @param sink receives the checkpoints, on the training thread
     * @return this
     */
    public B checkpoints(int every, Consumer<Checkpoint> sink) {
        plain.checkpoints(every, sink);
        return self();
    }

    /**
     * Chooses the compute backend of the matrix products, for example
     * {@code "native-blas"}; by default the one the {@link BackendChoice} bound in the
     * module names (the system property {@code mlp.backend}, else pure Java).
     *
     * @param name a compute backend's name
     * @return this
     */
    public B backend(String name) {
        this.backend = new BackendChoice(Objects.requireNonNull(name, "name"), 0).backend();
        return self();
    }

    /**
     * @param count the most threads the matrix products and updates of a run may use, at
     *              least 1; the results do not depend on it
     * @return this
     */
    public B threads(int count) {
        plain.threads(count);
        return self();
    }

    /**
     * Chooses the precision of the matrix products of training and prediction:
     * {@code "float64"} (the default) or {@code "float32"}, float products over double weights
     * ({@link Precision}); about twice as fast on large networks. It is recorded in the model
     * file.
     *
     * @param name {@code "float64"} or {@code "float32"}
     * @return this
     * @throws IllegalArgumentException naming the known precisions if {@code name} is neither
     */
    public B precision(String name) {
        plain.precision(Precision.parse(name));
        return self();
    }

    /**
     * Weights the classes of classification training data; see {@link ClassWeights}.
     *
     * @param spec {@code "balanced"} or {@code "name=weight, name=weight"}
     * @return this
     * @throws IllegalArgumentException if the spec cannot be read
     */
    public B classWeights(String spec) {
        return classWeights(ClassWeights.parse(spec));
    }

    /**
     * @param weights weight by class name (by index, {@code "0"}, {@code "1"}..., for a
     *                model without class names); classes not named keep weight 1
     * @return this
     */
    public B classWeights(Map<String, Double> weights) {
        return classWeights(ClassWeights.of(weights));
    }

    /**
     * @param weights the class weights, or {@code null} for none
     * @return this
     */
    public B classWeights(ClassWeights weights) {
        this.classWeights = weights;
        return self();
    }

    /**
     * Whether validation metrics, early stopping on them and {@link Model#evaluate} weight
     * rows by the class weights too (default: no, they keep the data's own weights; the
     * training loss and training metrics always use the class weights).
     *
     * @param weighted {@code true} to weight them
     * @return this
     */
    public B weightedMetrics(boolean weighted) {
        this.weightedMetrics = weighted;
        return self();
    }

    /** @return the epochs given, or the default */
    int epochsOr(int fallback) {
        return epochs == null ? fallback : epochs;
    }

    /** @return the seed given, or the default */
    long seedOr(long fallback) {
        return seed == null ? fallback : seed;
    }

    /** @return the listeners given, spec strings resolved through the registry */
    List<TrainingListener> listeners(PluginRegistry reg) {
        List<TrainingListener> ls = new ArrayList<>();
        for (Object o : listeners) {
            ls.add(o instanceof String s ? reg.listener(s) : (TrainingListener) o);
        }
        return ls;
    }

    /** @return the class weights given, or {@code null} */
    ClassWeights classWeightsChosen() {
        return classWeights;
    }

    /** @return whether metrics are weighted by the class weights */
    boolean metricsWeighted() {
        return weightedMetrics;
    }

    /**
     * Resolves the spec strings among the training choices through the registry.
     *
     * @param reg the plugins
     * @param fallback the backend and threads of runs that do not choose
     * @param chosen receives the resolved specs, by role, for the model's summary
     * @return the training options
     */
    TrainingOptions resolveOptions(PluginRegistry reg, BackendChoice fallback,
                                   Map<String, String> chosen) {
        TrainingOptions given = plain.build();
        TrainingOptions.Builder o = given.toBuilder();
        if (schedule instanceof String spec) {
            Configured<LearningRateSchedule> c = reg.configure(PluginKind.SCHEDULE,
                    LearningRateSchedule.class, spec);
            chosen.put(PluginKind.SCHEDULE.label(), c.spec());
            o.schedule(c.instance());
        } else if (schedule != null) {
            LearningRateSchedule instance = (LearningRateSchedule) schedule;
            chosen.put(PluginKind.SCHEDULE.label(), instance.getClass().getName());
            o.schedule(instance);
        }
        List<String> transformSpecs = new ArrayList<>();
        for (Object t : transforms) {
            if (t instanceof String spec) {
                Configured<GradientTransform> c = reg.configure(PluginKind.GRADIENT_TRANSFORM,
                        GradientTransform.class, spec);
                transformSpecs.add(c.spec());
                o.transform(c.instance());
            } else {
                transformSpecs.add(t.getClass().getName());
                o.transform((GradientTransform) t);
            }
        }
        if (!transformSpecs.isEmpty()) {
            chosen.put("gradient transforms", String.join("; ", transformSpecs));
        }
        List<String> metricNames = new ArrayList<>();
        for (Object m : metrics) {
            Metric metric = m instanceof String name ? reg.metric(name) : (Metric) m;
            metricNames.add(metric.name());
            o.metric(metric);
        }
        if (!metricNames.isEmpty()) {
            chosen.put("metrics", String.join(", ", metricNames));
        }
        if (earlyStopping != null) {
            o.earlyStopping(earlyStopping instanceof String spec ? EarlyStopping.parse(spec)
                    : (EarlyStopping) earlyStopping);
        }
        if (divergence != null) {
            DivergencePolicy policy = DivergencePolicy.parse(divergence);
            chosen.put("divergence", policy.spec());
            o.divergence(policy);
        }
        o.backend(MatrixBackends.resolve(reg, backend != null ? backend
                : fallback.backend()));
        if (given.precision() != Precision.FLOAT64) {
            chosen.put(PRECISION, given.precision().label());
        }
        if (given.threads() == 0 && fallback.threads() > 0) {
            o.threads(fallback.threads());
        }
        return o.build();
    }

    /** Resolves a scaler spec, or {@code null} for none, noting it in {@code chosen}. */
    static Scaler scaler(PluginRegistry reg, String spec, String role,
                         Map<String, String> chosen) {
        if (spec == null) {
            return null;
        }
        Configured<Scaler> c = reg.configure(PluginKind.SCALER, Scaler.class, spec);
        chosen.put(role, c.spec());
        return c.instance();
    }

    /** Resolves a plugin given as a spec or an instance, noting it in {@code chosen}. */
    static <T> T resolve(PluginRegistry reg, PluginKind<?> kind, Class<T> type,
                         Object given, String fallback, Map<String, String> chosen) {
        Object v = given == null ? fallback : given;
        if (v instanceof String s) {
            Configured<T> c = reg.configure(kind, type, s);
            chosen.put(kind.label(), c.spec());
            return c.instance();
        }
        T t = type.cast(v);
        chosen.put(kind.label(), t.getClass().getName());
        return t;
    }
}
