package dev.mlp.api.spi;

import dev.mlp.api.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds the provider of a plugin by kind and name, so that a spec nested in another plugin's
 * spec ({@code lookahead(inner=adam(lr=0.01))}) is resolved among the plugins of the right kind.
 * The framework's registry is one; {@link #discovered()} serves code that has no registry.
 */
@FunctionalInterface
public interface PluginLookup {

    /**
     * @param kind the kind of plugin
     * @param name a name or alias
     * @return the provider answering to the name
     * @throws SpecException if no plugin of the kind has that name, listing the known names
     */
    PluginProvider<?> provider(PluginKind<?> kind, String name);

    /**
     * A lookup among the providers that {@link ServiceLoader} finds on the class path (through
     * the thread's context class loader, else the provider interface's own), looked up afresh on
     * every call.
     *
     * @return the lookup
     */
    static PluginLookup discovered() {
        return (kind, name) -> {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = kind.providerType().getClassLoader();
            }
            List<PluginProvider<?>> found = new ArrayList<>();
            TreeSet<String> known = new TreeSet<>();
            for (PluginProvider<?> p : ServiceLoader.load(kind.providerType(), loader)) {
                known.add(p.name());
                if (p.name().equals(name) || p.aliases().contains(name)) {
                    found.add(p);
                }
            }
            if (found.isEmpty()) {
                throw new SpecException("unknown " + kind.label() + " '" + name + "'; known: "
                        + String.join(", ", known));
            }
            if (found.size() > 1) {
                throw new SpecException("the " + kind.label() + " name '" + name + "' is claimed "
                        + "by " + found.get(0).getClass().getName() + " and "
                        + found.get(1).getClass().getName());
            }
            return found.get(0);
        };
    }
}
