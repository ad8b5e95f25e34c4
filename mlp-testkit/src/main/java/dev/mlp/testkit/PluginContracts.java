package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.api.spi.BatchStrategyProvider;
import dev.mlp.api.spi.EncoderProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.spi.LayerProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.MetricProvider;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.api.spi.ScalerProvider;
import dev.mlp.api.spi.TrainingListenerProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Entry point of the contract-test kit. One line in a plugin's test runs every check of its
 * kind:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract() {
 *     return PluginContracts.of(new MyProvider());
 * }
 * }</pre>
 *
 * The kind entry points return the contract with its options, for example
 * {@code PluginContracts.loss(new PoissonProvider()).samples(myCounts).tests()} or
 * {@code PluginContracts.optimizer(new MyRule()).allowUnsupportedSnapshots().tests()}.
 */
public final class PluginContracts {

    private PluginContracts() {
    }

    /**
     * The tests of a provider of any kind, with default options.
     *
     * @param provider the provider under test
     * @return the dynamic tests, for a {@code @TestFactory}
     * @throws IllegalArgumentException if the provider implements no known provider interface
     */
    public static Stream<DynamicNode> of(PluginProvider<?> provider) {
        return contract(provider).tests();
    }

    /**
     * The tests of every provider, of every kind, that {@link ServiceLoader} finds through the
     * class loader of {@code anchor} and whose class comes from the same jar or class directory
     * as {@code anchor}: one line tests all the plugins a module registers in its
     * {@code META-INF/services} files.
     *
     * @param anchor any class of the module whose plugins are wanted
     * @return the dynamic tests, one container per provider
     */
    public static Stream<DynamicNode> discovered(Class<?> anchor) {
        List<DynamicNode> all = new ArrayList<>();
        for (PluginProvider<?> p : discoveredProviders(anchor)) {
            contract(p).tests().forEach(all::add);
        }
        return all.stream();
    }

    /**
     * The providers of every kind that {@link ServiceLoader} finds through the class loader of
     * {@code anchor} and whose class comes from the same jar or class directory as
     * {@code anchor}.
     *
     * @param anchor any class of the module whose plugins are wanted
     * @return the providers, by kind in the order of {@link PluginKind#ALL}
     */
    public static List<PluginProvider<?>> discoveredProviders(Class<?> anchor) {
        URL home = location(Objects.requireNonNull(anchor, "anchor"));
        List<PluginProvider<?>> found = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            for (Object p : ServiceLoader.load(kind.providerType(), anchor.getClassLoader())) {
                if (home != null && home.equals(location(p.getClass()))) {
                    found.add((PluginProvider<?>) p);
                }
            }
        }
        return found;
    }

    private static URL location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == null ? null : cs.getLocation();
    }

    /**
     * The contract of a provider of any kind, with default options.
     *
     * @param provider the provider under test
     * @return its contract
     * @throws IllegalArgumentException if the provider implements no known provider interface
     */
    public static PluginContract<?, ?> contract(PluginProvider<?> provider) {
        PluginKind<?> kind = PluginKind.of(provider);
        Kit kit = KITS.get(kind);
        return kit == null ? generic(kind, provider) : kit.contract().apply(provider);
    }

    private static <T> ProviderContract<T> generic(PluginKind<T> kind, PluginProvider<?> p) {
        @SuppressWarnings("unchecked")
        PluginProvider<T> typed = (PluginProvider<T>) kind.providerType().cast(p);
        return new ProviderContract<>(kind, typed);
    }

    /** What the kit knows of a kind beyond the provider checks. */
    private record Kit(Function<PluginProvider<?>, PluginContract<?, ?>> contract,
                       List<String> checks) {
    }

    /** The kinds with checks of their own; every other kind gets the provider checks. */
    private static final Map<PluginKind<?>, Kit> KITS = Map.ofEntries(
            Map.entry(PluginKind.ACTIVATION, new Kit(p -> activation((ActivationProvider) p),
                    ActivationContract.CHECKS)),
            Map.entry(PluginKind.LOSS, new Kit(p -> loss((LossProvider) p), LossContract.CHECKS)),
            Map.entry(PluginKind.OPTIMIZER, new Kit(p -> optimizer((OptimizerProvider) p),
                    OptimizerContract.CHECKS)),
            Map.entry(PluginKind.BATCH_STRATEGY, new Kit(p -> batchStrategy((BatchStrategyProvider) p),
                    BatchStrategyContract.CHECKS)),
            Map.entry(PluginKind.INITIALIZER, new Kit(p -> initializer((WeightInitializerProvider) p),
                    InitializerContract.CHECKS)),
            Map.entry(PluginKind.SCALER, new Kit(p -> scaler((ScalerProvider) p), ScalerContract.CHECKS)),
            Map.entry(PluginKind.SCHEDULE, new Kit(p -> schedule((LearningRateScheduleProvider) p),
                    ScheduleContract.CHECKS)),
            Map.entry(PluginKind.GRADIENT_TRANSFORM, new Kit(
                    p -> gradientTransform((GradientTransformProvider) p),
                    GradientTransformContract.CHECKS)),
            Map.entry(PluginKind.LISTENER, new Kit(p -> listener((TrainingListenerProvider) p),
                    ListenerContract.CHECKS)),
            Map.entry(PluginKind.METRIC, new Kit(p -> metric((MetricProvider) p), MetricContract.CHECKS)),
            Map.entry(PluginKind.ENCODER, new Kit(p -> encoder((EncoderProvider) p),
                    EncoderContract.CHECKS)),
            Map.entry(PluginKind.LAYER, new Kit(p -> layer((LayerProvider) p),
                    LayerContract.CHECKS)));

    /**
     * @param provider an activation provider
     * @return its contract
     */
    public static ActivationContract activation(ActivationProvider provider) {
        return new ActivationContract(provider);
    }

    /**
     * @param provider a loss provider
     * @return its contract
     */
    public static LossContract loss(LossProvider provider) {
        return new LossContract(provider);
    }

    /**
     * @param provider an optimizer provider
     * @return its contract
     */
    public static OptimizerContract optimizer(OptimizerProvider provider) {
        return new OptimizerContract(provider);
    }

    /**
     * @param provider a batch strategy provider
     * @return its contract
     */
    public static BatchStrategyContract batchStrategy(BatchStrategyProvider provider) {
        return new BatchStrategyContract(provider);
    }

    /**
     * @param provider a weight initializer provider
     * @return its contract
     */
    public static InitializerContract initializer(WeightInitializerProvider provider) {
        return new InitializerContract(provider);
    }

    /**
     * @param provider a scaler provider
     * @return its contract
     */
    public static ScalerContract scaler(ScalerProvider provider) {
        return new ScalerContract(provider);
    }

    /**
     * @param provider a learning-rate schedule provider
     * @return its contract
     */
    public static ScheduleContract schedule(LearningRateScheduleProvider provider) {
        return new ScheduleContract(provider);
    }

    /**
     * @param provider a gradient transform provider
     * @return its contract
     */
    public static GradientTransformContract gradientTransform(GradientTransformProvider provider) {
        return new GradientTransformContract(provider);
    }

    /**
     * @param provider a metric provider
     * @return its contract
     */
    public static MetricContract metric(MetricProvider provider) {
        return new MetricContract(provider);
    }

    /**
     * @param provider a training listener provider
     * @return its contract (the provider checks only)
     */
    public static ListenerContract listener(TrainingListenerProvider provider) {
        return new ListenerContract(provider);
    }

    /**
     * @param provider an encoder provider
     * @return its contract
     */
    public static EncoderContract encoder(EncoderProvider provider) {
        return new EncoderContract(provider);
    }

    /**
     * @param provider a layer provider
     * @return its contract
     */
    public static LayerContract layer(LayerProvider provider) {
        return new LayerContract(provider);
    }

    /**
     * The names of the checks a plugin of a kind goes through, provider checks first, in the
     * order the dynamic tests run them.
     *
     * @param kind a kind of plugin
     * @return the check names
     */
    public static List<String> checks(PluginKind<?> kind) {
        List<String> all = new ArrayList<>(PluginContract.PROVIDER_CHECKS);
        all.addAll(kindChecks(kind));
        return List.copyOf(all);
    }

    /**
     * The names of the checks every provider goes through, whatever its kind.
     *
     * @return the check names
     */
    public static List<String> providerChecks() {
        return PluginContract.PROVIDER_CHECKS;
    }

    /**
     * The names of the checks specific to a kind, run on each configuration of the plugin.
     *
     * @param kind a kind of plugin
     * @return the check names, empty for kinds with provider checks only (listeners, compute
     *         backends)
     */
    public static List<String> kindChecks(PluginKind<?> kind) {
        Kit kit = KITS.get(kind);
        return kit == null ? ProviderContract.CHECKS : kit.checks();
    }
}
