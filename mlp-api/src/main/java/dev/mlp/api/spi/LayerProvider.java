package dev.mlp.api.spi;

import dev.mlp.api.Layer;

/**
 * Provides a named {@link Layer}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.LayerProvider}.
 */
public interface LayerProvider extends PluginProvider<Layer> {
}
