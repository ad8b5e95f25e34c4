package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.spi.PluginProvider;
import java.util.List;

/**
 * The contract of a {@link TrainingListener} provider: the provider checks only (a listener has
 * no name of its own and no numeric behaviour the kit can compare).
 */
public final class ListenerContract extends PluginContract<TrainingListener, ListenerContract> {

    static final List<String> CHECKS = List.of();

    ListenerContract(PluginProvider<TrainingListener> provider) {
        super(PluginKind.LISTENER, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of();
    }

    @Override
    String nameOf(TrainingListener instance) {
        return null;
    }

    @Override
    double[] behaviour(TrainingListener instance) {
        return new double[0];
    }
}
