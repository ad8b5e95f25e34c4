package dev.mlp.api.spi;

import dev.mlp.api.WeightInitializer;

/**
 * Provides a named {@link WeightInitializer}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.WeightInitializerProvider}.
 */
public interface WeightInitializerProvider extends PluginProvider<WeightInitializer> {
}
