package dev.mlp.api.spi;

import dev.mlp.api.Scaler;

/**
 * Provides a named {@link Scaler}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.ScalerProvider}.
 */
public interface ScalerProvider extends PluginProvider<Scaler> {
}
