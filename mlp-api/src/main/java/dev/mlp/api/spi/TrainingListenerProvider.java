package dev.mlp.api.spi;

import dev.mlp.api.TrainingListener;

/**
 * Provides a named {@link TrainingListener}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.TrainingListenerProvider}.
 */
public interface TrainingListenerProvider extends PluginProvider<TrainingListener> {
}
