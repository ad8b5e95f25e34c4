package dev.mlp.testkit;

import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.api.spi.BatchStrategyProvider;
import dev.mlp.api.spi.EncoderProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.api.spi.ScalerProvider;
import dev.mlp.api.spi.TrainingListenerProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
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
     * @return the providers, by kind in declaration order of {@link Kind}
     */
    public static List<PluginProvider<?>> discoveredProviders(Class<?> anchor) {
        URL home = location(Objects.requireNonNull(anchor, "anchor"));
        List<PluginProvider<?>> found = new ArrayList<>();
        for (Kind kind : Kind.values()) {
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
        switch (Kind.of(provider)) {
            case ACTIVATION:
                return activation((ActivationProvider) provider);
            case LOSS:
                return loss((LossProvider) provider);
            case OPTIMIZER:
                return optimizer((OptimizerProvider) provider);
            case BATCH_STRATEGY:
                return batchStrategy((BatchStrategyProvider) provider);
            case INITIALIZER:
                return initializer((WeightInitializerProvider) provider);
            case SCALER:
                return scaler((ScalerProvider) provider);
            case SCHEDULE:
                return schedule((LearningRateScheduleProvider) provider);
            case GRADIENT_TRANSFORM:
                return gradientTransform((GradientTransformProvider) provider);
            case LISTENER:
                return listener((TrainingListenerProvider) provider);
            case ENCODER:
                return encoder((EncoderProvider) provider);
            default:
                throw new IllegalStateException("no contract for " + Kind.of(provider));
        }
    }

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
     * The names of the checks a plugin of a kind goes through, provider checks first, in the
     * order the dynamic tests run them.
     *
     * @param kind a kind of plugin
     * @return the check names
     */
    public static List<String> checks(Kind kind) {
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
     * @return the check names, empty for listeners
     */
    public static List<String> kindChecks(Kind kind) {
        switch (kind) {
            case ACTIVATION:
                return ActivationContract.CHECKS;
            case LOSS:
                return LossContract.CHECKS;
            case OPTIMIZER:
                return OptimizerContract.CHECKS;
            case BATCH_STRATEGY:
                return BatchStrategyContract.CHECKS;
            case INITIALIZER:
                return InitializerContract.CHECKS;
            case SCALER:
                return ScalerContract.CHECKS;
            case SCHEDULE:
                return ScheduleContract.CHECKS;
            case GRADIENT_TRANSFORM:
                return GradientTransformContract.CHECKS;
            case LISTENER:
                return ListenerContract.CHECKS;
            case ENCODER:
                return EncoderContract.CHECKS;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
