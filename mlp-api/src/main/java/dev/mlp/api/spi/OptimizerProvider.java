package dev.mlp.api.spi;

import dev.mlp.api.Optimizer;

/**
 * Provides a named {@link Optimizer}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.OptimizerProvider}.
 */
public interface OptimizerProvider extends PluginProvider<Optimizer> {
}
