package dev.mlp.api.spi;

import dev.mlp.api.Activation;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Encoder;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.Layer;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Loss;
import dev.mlp.api.Metric;
import dev.mlp.api.Optimizer;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.WeightInitializer;
import dev.mlp.api.kernel.ComputeBackend;
import java.util.List;
import java.util.Objects;

/**
 * A kind of plugin: its name, the provider interface plugins of the kind implement and the type
 * of what they create. Every kind is declared here once; discovery, the registry, dependency
 * injection, model files and the contract-test kit handle each kind in {@link #ALL} the same
 * way.
 *
 * @param <T> the type of the plugins of this kind
 */
public final class PluginKind<T> {

    /** {@link Activation}. */
    public static final PluginKind<Activation> ACTIVATION = new PluginKind<>("ACTIVATION",
            "activation", ActivationProvider.class, Activation.class);
    /** {@link Loss}. */
    public static final PluginKind<Loss> LOSS = new PluginKind<>("LOSS", "loss",
            LossProvider.class, Loss.class);
    /** {@link Optimizer}. */
    public static final PluginKind<Optimizer> OPTIMIZER = new PluginKind<>("OPTIMIZER",
            "optimizer", OptimizerProvider.class, Optimizer.class);
    /** {@link BatchStrategy}. */
    public static final PluginKind<BatchStrategy> BATCH_STRATEGY = new PluginKind<>(
            "BATCH_STRATEGY", "batch strategy", BatchStrategyProvider.class, BatchStrategy.class);
    /** {@link WeightInitializer}. */
    public static final PluginKind<WeightInitializer> INITIALIZER = new PluginKind<>(
            "INITIALIZER", "initializer", WeightInitializerProvider.class,
            WeightInitializer.class);
    /** {@link Scaler}. */
    public static final PluginKind<Scaler> SCALER = new PluginKind<>("SCALER", "scaler",
            ScalerProvider.class, Scaler.class);
    /** {@link TrainingListener}. */
    public static final PluginKind<TrainingListener> LISTENER = new PluginKind<>("LISTENER",
            "listener", TrainingListenerProvider.class, TrainingListener.class);
    /** {@link LearningRateSchedule}. */
    public static final PluginKind<LearningRateSchedule> SCHEDULE = new PluginKind<>("SCHEDULE",
            "schedule", LearningRateScheduleProvider.class, LearningRateSchedule.class);
    /** {@link GradientTransform}. */
    public static final PluginKind<GradientTransform> GRADIENT_TRANSFORM = new PluginKind<>(
            "GRADIENT_TRANSFORM", "gradient transform", GradientTransformProvider.class,
            GradientTransform.class);
    /** {@link Metric}. */
    public static final PluginKind<Metric> METRIC = new PluginKind<>("METRIC", "metric",
            MetricProvider.class, Metric.class);
    /** {@link ComputeBackend}. */
    public static final PluginKind<ComputeBackend> COMPUTE_BACKEND = new PluginKind<>(
            "COMPUTE_BACKEND", "compute backend", ComputeBackendProvider.class,
            ComputeBackend.class);
    /** {@link Encoder}: turns a categorical column into inputs. */
    public static final PluginKind<Encoder> ENCODER = new PluginKind<>("ENCODER", "encoder",
            EncoderProvider.class, Encoder.class);
    /** {@link Layer}: a block between dense layers (normalization, dropout). */
    public static final PluginKind<Layer> LAYER = new PluginKind<>("LAYER", "layer",
            LayerProvider.class, Layer.class);

    /** Every kind, in a fixed order. */
    public static final List<PluginKind<?>> ALL = List.of(ACTIVATION, LOSS, OPTIMIZER,
            BATCH_STRATEGY, INITIALIZER, SCALER, LISTENER, SCHEDULE, GRADIENT_TRANSFORM, METRIC,
            COMPUTE_BACKEND, ENCODER, LAYER);

    private final String key;
    private final String label;
    private final Class<? extends PluginProvider<T>> providerType;
    private final Class<T> type;

    private PluginKind(String key, String label, Class<? extends PluginProvider<T>> providerType,
                       Class<T> type) {
        this.key = key;
        this.label = label;
        this.providerType = providerType;
        this.type = type;
    }

    /**
     * @return the constant's name, for example {@code "BATCH_STRATEGY"}
     */
    public String key() {
        return key;
    }

    /**
     * @return the kind in words, for messages, for example {@code "batch strategy"}
     */
    public String label() {
        return label;
    }

    /**
     * @return the provider interface plugins of this kind implement
     */
    public Class<? extends PluginProvider<T>> providerType() {
        return providerType;
    }

    /**
     * @return the type of the plugins of this kind
     */
    public Class<T> type() {
        return type;
    }

    /**
     * @param key a constant's name, for example {@code "LOSS"}
     * @return the kind
     * @throws IllegalArgumentException if no kind has that name
     */
    public static PluginKind<?> valueOf(String key) {
        Objects.requireNonNull(key, "key");
        for (PluginKind<?> k : ALL) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no plugin kind " + key + "; known: "
                + ALL.stream().map(PluginKind::key).toList());
    }

    /**
     * The kind of a provider, from the provider interface it implements.
     *
     * @param provider a provider
     * @return its kind
     * @throws IllegalArgumentException if it implements none of the provider interfaces of
     *                                  {@link #ALL}, or more than one
     */
    public static PluginKind<?> of(PluginProvider<?> provider) {
        PluginKind<?> found = null;
        for (PluginKind<?> k : ALL) {
            if (k.providerType.isInstance(provider)) {
                if (found != null) {
                    throw new IllegalArgumentException(provider.getClass().getName()
                            + " implements both " + found.providerType.getName() + " and "
                            + k.providerType.getName() + "; use the kind's own entry point");
                }
                found = k;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(provider.getClass().getName()
                    + " implements no known provider interface (ActivationProvider, LossProvider,"
                    + " OptimizerProvider, ...)");
        }
        return found;
    }

    @Override
    public String toString() {
        return key;
    }
}
