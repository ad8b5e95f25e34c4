package dev.mlp.api.spi;

import dev.mlp.api.Encoder;

/**
 * Provides a named {@link Encoder}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.EncoderProvider}.
 */
public interface EncoderProvider extends PluginProvider<Encoder> {
}
