package dev.mlp.api.spi;

import dev.mlp.api.Activation;

/**
 * Provides a named {@link Activation}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.ActivationProvider}.
 */
public interface ActivationProvider extends PluginProvider<Activation> {
}
