package dev.mlp.core.plugin;

import dev.mlp.api.spi.PluginProvider;

/**
 * A plugin instance together with the canonical spec that made it (its name and every
 * parameter, defaults included), so it can be written to a model file and made again.
 *
 * @param instance the configured plugin
 * @param spec the canonical spec, for example {@code "mini-batch(size=32, shuffle=true)"}
 * @param provider the provider that made it
 * @param <T> the kind of plugin
 */
public record Configured<T>(T instance, String spec, PluginProvider<?> provider) {
}
