package dev.mlp.api.spi;

import dev.mlp.api.GradientTransform;

/**
 * Provides a named {@link GradientTransform}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.GradientTransformProvider}.
 */
public interface GradientTransformProvider extends PluginProvider<GradientTransform> {
}
