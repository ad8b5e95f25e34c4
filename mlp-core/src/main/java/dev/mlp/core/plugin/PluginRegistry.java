package dev.mlp.core.plugin;

import dev.mlp.api.Activation;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.Optimizer;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.api.spi.BatchStrategyProvider;
import dev.mlp.api.spi.EncoderProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.ScalerProvider;
import dev.mlp.api.spi.TrainingListenerProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns spec strings into configured plugins, for every kind.
 *
 * <pre>{@code
 * Optimizer adam = registry.optimizer("adam(lr=0.001)");
 * }</pre>
 *
 * <p>The registry holds the providers bound by {@link dev.mlp.core.inject.MlpModule} (by default
 * everything {@link PluginCatalog#discover} finds, plus anything an application binds itself).
 * Unknown names, unknown parameters, malformed specs and out-of-range values are rejected with a
 * {@link SpecException} that lists what is known.
 */
@Singleton
public final class PluginRegistry {

    private final Map<PluginKind, Map<String, ? extends PluginProvider<?>>> providers =
            new EnumMap<>(PluginKind.class);

    /**
     * @param activations activation providers by name and alias
     * @param losses loss providers by name and alias
     * @param optimizers optimizer providers by name and alias
     * @param batchStrategies batch strategy providers by name and alias
     * @param initializers initializer providers by name and alias
     * @param scalers scaler providers by name and alias
     * @param listeners listener providers by name and alias
     * @param schedules learning-rate schedule providers by name and alias
     * @param transforms gradient transform providers by name and alias
     * @param encoders encoder providers by name and alias
     */
    @Inject
    public PluginRegistry(Map<String, ActivationProvider> activations,
                          Map<String, LossProvider> losses,
                          Map<String, OptimizerProvider> optimizers,
                          Map<String, BatchStrategyProvider> batchStrategies,
                          Map<String, WeightInitializerProvider> initializers,
                          Map<String, ScalerProvider> scalers,
                          Map<String, TrainingListenerProvider> listeners,
                          Map<String, LearningRateScheduleProvider> schedules,
                          Map<String, GradientTransformProvider> transforms,
                          Map<String, EncoderProvider> encoders) {
        put(PluginKind.ACTIVATION, activations);
        put(PluginKind.LOSS, losses);
        put(PluginKind.OPTIMIZER, optimizers);
        put(PluginKind.BATCH_STRATEGY, batchStrategies);
        put(PluginKind.INITIALIZER, initializers);
        put(PluginKind.SCALER, scalers);
        put(PluginKind.LISTENER, listeners);
        put(PluginKind.SCHEDULE, schedules);
        put(PluginKind.GRADIENT_TRANSFORM, transforms);
        put(PluginKind.ENCODER, encoders);
    }

    private void put(PluginKind kind, Map<String, ? extends PluginProvider<?>> map) {
        providers.put(kind, Collections.unmodifiableMap(new TreeMap<>(map)));
    }

    /**
     * Parses a spec, finds its provider, validates its parameters and creates the plugin.
     *
     * @param kind the kind of plugin
     * @param spec the spec string
     * @return the instance with its canonical spec
     * @throws SpecException if the spec is malformed or names something unknown or invalid
     */
    public Configured<?> configure(PluginKind kind, String spec) {
        Spec parsed = Spec.parse(spec);
        PluginProvider<?> provider = providers.get(kind).get(parsed.name());
        if (provider == null) {
            throw new SpecException("unknown " + kind.label() + " '" + parsed.name()
                    + "'; known: " + String.join(", ", names(kind)));
        }
        Parameters params = Parameters.bind(provider.name(), provider.parameters(),
                parsed.arguments());
        Object instance = provider.create(params);
        if (instance == null) {
            throw new IllegalStateException(PluginCatalog.origin(provider) + " created null for '"
                    + spec + "'");
        }
        return new Configured<>(instance, params.toSpec(), provider);
    }

    /**
     * Like {@link #configure}, typed.
     *
     * @param kind the kind
     * @param type the plugin interface of that kind
     * @param spec the spec string
     * @param <T> the plugin type
     * @return the instance with its canonical spec
     */
    public <T> Configured<T> configure(PluginKind kind, Class<T> type, String spec) {
        Configured<?> c = configure(kind, spec);
        return new Configured<>(type.cast(c.instance()), c.spec(), c.provider());
    }

    /**
     * @param spec for example {@code "leaky-relu(alpha=0.01)"}
     * @return the activation
     */
    public Activation activation(String spec) {
        return configure(PluginKind.ACTIVATION, Activation.class, spec).instance();
    }

    /**
     * @param spec for example {@code "mse"}
     * @return the loss
     */
    public Loss loss(String spec) {
        return configure(PluginKind.LOSS, Loss.class, spec).instance();
    }

    /**
     * @param spec for example {@code "adam(lr=0.001)"}
     * @return the optimizer
     */
    public Optimizer optimizer(String spec) {
        return configure(PluginKind.OPTIMIZER, Optimizer.class, spec).instance();
    }

    /**
     * @param spec for example {@code "mini-batch(size=32)"}
     * @return the batch strategy
     */
    public BatchStrategy batchStrategy(String spec) {
        return configure(PluginKind.BATCH_STRATEGY, BatchStrategy.class, spec).instance();
    }

    /**
     * @param spec for example {@code "xavier"}
     * @return the initializer
     */
    public WeightInitializer initializer(String spec) {
        return configure(PluginKind.INITIALIZER, WeightInitializer.class, spec).instance();
    }

    /**
     * @param spec for example {@code "min-max(lo=-1, hi=1)"}
     * @return the scaler
     */
    public Scaler scaler(String spec) {
        return configure(PluginKind.SCALER, Scaler.class, spec).instance();
    }

    /**
     * @param spec for example {@code "log(every=10)"}
     * @return the listener
     */
    public TrainingListener listener(String spec) {
        return configure(PluginKind.LISTENER, TrainingListener.class, spec).instance();
    }

    /**
     * @param spec for example {@code "cosine(warmup=5)"}
     * @return the learning-rate schedule
     */
    public LearningRateSchedule schedule(String spec) {
        return configure(PluginKind.SCHEDULE, LearningRateSchedule.class, spec).instance();
    }

    /**
     * @param spec for example {@code "clip-norm(max=1)"}
     * @return the gradient transform
     */
    public GradientTransform gradientTransform(String spec) {
        return configure(PluginKind.GRADIENT_TRANSFORM, GradientTransform.class, spec).instance();
    }

    /**
     * @param kind a kind
     * @return the canonical names of its plugins, sorted (aliases not included)
     */
    public List<String> names(PluginKind kind) {
        List<String> out = new ArrayList<>();
        for (PluginProvider<?> p : providers(kind)) {
            out.add(p.name());
        }
        Collections.sort(out);
        return out;
    }

    /**
     * @param kind a kind
     * @return each provider once, in name order
     */
    public List<PluginProvider<?>> providers(PluginKind kind) {
        Set<PluginProvider<?>> distinct = new LinkedHashSet<>(providers.get(kind).values());
        List<PluginProvider<?>> out = new ArrayList<>(distinct);
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /**
     * @param kind a kind
     * @param name a name or alias
     * @return whether a plugin of that kind answers to the name
     */
    public boolean has(PluginKind kind, String name) {
        return providers.get(kind).containsKey(name);
    }
}
