package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import java.util.List;

/**
 * The contract of a provider of a kind the kit has no behavioural checks for (compute backends,
 * and kinds added later): the provider checks only, so that every kind of
 * {@link PluginKind#ALL} is covered.
 *
 * @param <T> the plugin type
 */
public final class ProviderContract<T> extends PluginContract<T, ProviderContract<T>> {

    static final List<String> CHECKS = List.of();

    ProviderContract(PluginKind<T> kind, PluginProvider<T> provider) {
        super(kind, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of();
    }

    @Override
    String nameOf(T instance) {
        return null;
    }

    @Override
    double[] behaviour(T instance) {
        return new double[0];
    }
}
