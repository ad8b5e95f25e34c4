package dev.mlp.core.plugin;

import dev.mlp.api.Activation;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Loss;
import dev.mlp.api.Metric;
import dev.mlp.api.Optimizer;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginLookup;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns spec strings into configured plugins, for every kind.
 *
 * <pre>{@code
 * Optimizer adam = registry.get(PluginKind.OPTIMIZER, "adam(lr=0.001)");
 * }</pre>
 *
 * <p>The registry holds the providers bound by {@link dev.mlp.core.inject.MlpModule} (by default
 * everything {@link PluginCatalog#discover} finds, plus anything an application binds itself).
 * Unknown names, unknown parameters, malformed specs and out-of-range values are rejected with a
 * {@link SpecException} that lists what is known. A spec nested in another
 * ({@code lookahead(inner=adam(lr=0.01))}, {@code warmup(then=cosine(min=0.1))}) is resolved
 * here too, among the plugins of the kind its parameter takes, so a third party's plugin can be
 * nested as well as a built-in one.
 */
public final class PluginRegistry implements PluginLookup {

    private final Map<PluginKind<?>, Map<String, ? extends PluginProvider<?>>> providers =
            new LinkedHashMap<>();

    /**
     * @param byKind for each kind of {@link PluginKind#ALL}, its providers by name and alias (a
     *               kind left out has none)
     */
    public PluginRegistry(Map<PluginKind<?>, ? extends Map<String, ? extends PluginProvider<?>>>
                                  byKind) {
        Objects.requireNonNull(byKind, "byKind");
        for (PluginKind<?> kind : PluginKind.ALL) {
            Map<String, ? extends PluginProvider<?>> map = byKind.get(kind);
            if (map != null) {
                for (Map.Entry<String, ? extends PluginProvider<?>> e : map.entrySet()) {
                    if (!kind.providerType().isInstance(e.getValue())) {
                        throw new IllegalStateException("the " + kind.label() + " '" + e.getKey()
                                + "' is bound to " + PluginCatalog.origin(e.getValue())
                                + ", which is not a " + kind.providerType().getName());
                    }
                }
            }
            providers.put(kind, Collections.unmodifiableMap(map == null ? new TreeMap<>()
                    : new TreeMap<>(map)));
        }
    }

    /**
     * @param catalog the providers to hold
     * @return a registry of every provider of the catalog
     */
    public static PluginRegistry of(PluginCatalog catalog) {
        Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind = new LinkedHashMap<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            byKind.put(kind, catalog.providers(kind));
        }
        return new PluginRegistry(byKind);
    }

    /**
     * Parses a spec, finds its provider, validates its parameters and creates the plugin.
     *
     * @param kind the kind of plugin
     * @param spec the spec string
     * @param <T> the plugin type
     * @return the instance with its canonical spec
     * @throws SpecException if the spec is malformed or names something unknown or invalid
     */
    public <T> Configured<T> configure(PluginKind<T> kind, String spec) {
        return resolve(kind.label(), kind.type(), providers.get(kind), spec, this);
    }

    /**
     * The provider of a plugin, for nested specs.
     *
     * @param kind the kind of plugin
     * @param name a name or alias
     * @return its provider
     * @throws SpecException if no plugin of the kind answers to the name, listing the known
     */
    @Override
    public PluginProvider<?> provider(PluginKind<?> kind, String name) {
        Map<String, ? extends PluginProvider<?>> byName = providers.get(kind);
        PluginProvider<?> provider = byName.get(name);
        if (provider == null) {
            throw new SpecException("unknown " + kind.label() + " '" + name + "'; known: "
                    + String.join(", ", canonicalNames(byName)));
        }
        return provider;
    }

    /**
     * Resolves a spec among a set of providers: the one way every spec is parsed, whether its
     * providers come from the registry or are a closed set of one component (the divergence
     * policies, for example).
     *
     * @param label the kind in words, for messages, for example {@code "divergence policy"}
     * @param type what the providers create
     * @param byName the providers by name and alias
     * @param spec the spec string
     * @param <T> the plugin type
     * @return the instance with its canonical spec
     * @throws SpecException if the spec is malformed or names something unknown or invalid
     */
    public static <T> Configured<T> resolve(String label, Class<T> type,
                                            Map<String, ? extends PluginProvider<?>> byName,
                                            String spec) {
        return resolve(label, type, byName, spec, PluginLookup.discovered());
    }

    /**
     * Like {@link #resolve(String, Class, Map, String)}, with nested specs resolved through
     * {@code lookup}.
     *
     * @param label the kind in words, for messages
     * @param type what the providers create
     * @param byName the providers by name and alias
     * @param spec the spec string
     * @param lookup finds the providers of nested specs
     * @param <T> the plugin type
     * @return the instance with its canonical spec
     * @throws SpecException if the spec is malformed or names something unknown or invalid
     */
    public static <T> Configured<T> resolve(String label, Class<T> type,
                                            Map<String, ? extends PluginProvider<?>> byName,
                                            String spec, PluginLookup lookup) {
        Spec parsed = Spec.parse(spec);
        PluginProvider<?> provider = byName.get(parsed.name());
        if (provider == null) {
            throw new SpecException("unknown " + label + " '" + parsed.name()
                    + "'; known: " + String.join(", ", canonicalNames(byName)));
        }
        Parameters params = Parameters.bind(provider.name(), provider.parameters(),
                parsed.arguments(), lookup);
        Object instance = provider.create(params);
        if (instance == null) {
            throw new IllegalStateException(PluginCatalog.origin(provider) + " created null for '"
                    + spec + "'");
        }
        if (!type.isInstance(instance)) {
            throw new IllegalStateException(PluginCatalog.origin(provider) + " created a "
                    + instance.getClass().getName() + " for '" + spec + "', not a "
                    + type.getName());
        }
        return new Configured<>(type.cast(instance), params.toSpec(), provider);
    }

    private static List<String> canonicalNames(Map<String, ? extends PluginProvider<?>> byName) {
        Set<String> out = new java.util.TreeSet<>();
        for (PluginProvider<?> p : byName.values()) {
            out.add(p.name());
        }
        return new ArrayList<>(out);
    }

    /**
     * Like {@link #configure}, checked against a type.
     *
     * @param kind the kind
     * @param type the plugin interface of that kind, or a subtype
     * @param spec the spec string
     * @param <T> the plugin type
     * @return the instance with its canonical spec
     * @throws ClassCastException if the plugin is not of that type
     */
    public <T> Configured<T> configure(PluginKind<?> kind, Class<T> type, String spec) {
        Configured<?> c = configure(kind, spec);
        return new Configured<>(type.cast(c.instance()), c.spec(), c.provider());
    }

    /**
     * @param kind the kind of plugin
     * @param spec the spec string
     * @param <T> the plugin type
     * @return the configured plugin
     * @throws SpecException if the spec is malformed or names something unknown or invalid
     */
    public <T> T get(PluginKind<T> kind, String spec) {
        return configure(kind, spec).instance();
    }

    /**
     * @param spec for example {@code "leaky-relu(alpha=0.01)"}
     * @return the activation
     */
    public Activation activation(String spec) {
        return get(PluginKind.ACTIVATION, spec);
    }

    /**
     * @param spec for example {@code "mse"}
     * @return the loss
     */
    public Loss loss(String spec) {
        return get(PluginKind.LOSS, spec);
    }

    /**
     * @param spec for example {@code "adam(lr=0.001)"}
     * @return the optimizer
     */
    public Optimizer optimizer(String spec) {
        return get(PluginKind.OPTIMIZER, spec);
    }

    /**
     * @param spec for example {@code "mini-batch(size=32)"}
     * @return the batch strategy
     */
    public BatchStrategy batchStrategy(String spec) {
        return get(PluginKind.BATCH_STRATEGY, spec);
    }

    /**
     * @param spec for example {@code "xavier"}
     * @return the initializer
     */
    public WeightInitializer initializer(String spec) {
        return get(PluginKind.INITIALIZER, spec);
    }

    /**
     * @param spec for example {@code "min-max(lo=-1, hi=1)"}
     * @return the scaler
     */
    public Scaler scaler(String spec) {
        return get(PluginKind.SCALER, spec);
    }

    /**
     * @param spec for example {@code "log(every=10)"}
     * @return the listener
     */
    public TrainingListener listener(String spec) {
        return get(PluginKind.LISTENER, spec);
    }

    /**
     * @param spec for example {@code "cosine(warmup=5)"}
     * @return the learning-rate schedule
     */
    public LearningRateSchedule schedule(String spec) {
        return get(PluginKind.SCHEDULE, spec);
    }

    /**
     * @param spec for example {@code "clip-norm(max=1)"}
     * @return the gradient transform
     */
    public GradientTransform gradientTransform(String spec) {
        return get(PluginKind.GRADIENT_TRANSFORM, spec);
    }

    /**
     * @param spec for example {@code "f1"}
     * @return the metric
     */
    public Metric metric(String spec) {
        return get(PluginKind.METRIC, spec);
    }

    /**
     * @param kind a kind
     * @return the canonical names of its plugins, sorted (aliases not included)
     */
    public List<String> names(PluginKind<?> kind) {
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
    public List<PluginProvider<?>> providers(PluginKind<?> kind) {
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
    public boolean has(PluginKind<?> kind, String name) {
        return providers.get(kind).containsKey(name);
    }
}
