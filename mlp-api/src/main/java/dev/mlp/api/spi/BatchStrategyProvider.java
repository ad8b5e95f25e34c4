package dev.mlp.api.spi;

import dev.mlp.api.BatchStrategy;

/**
 * Provides a named {@link BatchStrategy}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.BatchStrategyProvider}.
 */
public interface BatchStrategyProvider extends PluginProvider<BatchStrategy> {
}
