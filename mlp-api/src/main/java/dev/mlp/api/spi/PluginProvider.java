package dev.mlp.api.spi;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import java.util.List;

/**
 * Declares one named plugin and creates configured instances of it. Providers are cheap factories
 * found by {@link java.util.ServiceLoader}; the configured instance is made only when asked for.
 *
 * @param <T> the kind of plugin this provider creates
 */
public interface PluginProvider<T> {

    /**
     * The stable, lowercase, non-blank name the plugin is found by, for example
     * {@code "leaky-relu"}. Two providers of one kind may not share a name or alias.
     *
     * @return the name
     */
    String name();

    /**
     * Other names the plugin is also found by, for example {@code "linear"} for
     * {@code "identity"}.
     *
     * @return the aliases, empty by default
     */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * The parameters the plugin accepts, in the order of its canonical spec.
     *
     * @return the declarations, empty by default
     */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * @return one line saying what the plugin does, for help texts
     */
    default String description() {
        return "";
    }

    /**
     * The version of the plugin's implementation, recorded with saved models. Defaults to the
     * {@code Implementation-Version} of the provider's jar manifest, or {@code "unknown"}.
     *
     * @return the version
     */
    default String version() {
        String v = getClass().getPackage() == null ? null
                : getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /**
     * Creates a configured instance.
     *
     * @param parameters values validated against {@link #parameters()}, defaults filled in
     * @return the instance
     */
    T create(Parameters parameters);
}
