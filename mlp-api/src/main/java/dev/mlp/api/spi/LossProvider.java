package dev.mlp.api.spi;

import dev.mlp.api.Loss;

/**
 * Provides a named {@link Loss}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.LossProvider}.
 */
public interface LossProvider extends PluginProvider<Loss> {
}
