package dev.mlp.api.spi;

import dev.mlp.api.Metric;

/**
 * Provides a named {@link Metric}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.MetricProvider}.
 */
public interface MetricProvider extends PluginProvider<Metric> {
}
