package dev.mlp.core.plugin;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin provider known, by kind and by name (aliases included). Discovery lives here and
 * nowhere else.
 *
 * <p>{@link #discover(ClassLoader)} loads each kind's providers with {@link ServiceLoader} from
 * the given class loader. A provider that cannot be instantiated (a broken jar) is logged and
 * skipped, so the others still load. A blank name, a name that is not lowercase, or two providers
 * claiming one name are errors naming both classes and where they came from.
 */
public final class PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private static volatile PluginCatalog standard;

    private final Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind;

    private PluginCatalog(Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Finds every provider visible to a class loader.
     *
     * @param loader where to look, usually the thread's context class loader
     * @return the catalog
     * @throws IllegalStateException if two providers claim one name, or a name is invalid
     */
    public static PluginCatalog discover(ClassLoader loader) {
        Builder b = builder();
        for (PluginKind<?> kind : PluginKind.ALL) {
            load(kind, loader, b);
        }
        return b.build();
    }

    /**
     * The plugins visible to the thread's context class loader (or this class's loader), found
     * on first use and kept.
     *
     * @return the shared catalog
     * @throws IllegalStateException as {@link #discover}
     */
    public static PluginCatalog standard() {
        PluginCatalog c = standard;
        if (c == null) {
            synchronized (PluginCatalog.class) {
                c = standard;
                if (c == null) {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    c = discover(loader == null ? PluginCatalog.class.getClassLoader() : loader);
                    standard = c;
                }
            }
        }
        return c;
    }

    private static void load(PluginKind<?> kind, ClassLoader loader, Builder b) {
        Iterator<? extends PluginProvider<?>> it =
                ServiceLoader.load(kind.providerType(), loader).iterator();
        int failures = 0;
        while (true) {
            PluginProvider<?> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a {} provider that failed to load: {}", kind.label(),
                        e.getMessage());
                if (++failures > 100) {
                    break;
                }
                continue;
            }
            b.add(kind, p);
            LOG.debug("found {} '{}' in {}", kind.label(), p.name(), origin(p));
        }
    }

    /**
     * @return a builder for catalogs assembled by hand (tests, applications without
     *         ServiceLoader)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param kind a kind of plugin
     * @return name (and alias) to provider, sorted by name
     */
    public Map<String, PluginProvider<?>> providers(PluginKind<?> kind) {
        return byKind.get(kind);
    }

    /**
     * Where a provider's class was loaded from, for messages.
     *
     * @param provider a provider
     * @return its class name and jar or directory
     */
    public static String origin(Object provider) {
        Class<?> c = provider.getClass();
        String where = "unknown location";
        try {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url != null) {
                where = url.toString();
            }
        } catch (SecurityException e) {
            where = "location hidden";
        }
        return c.getName() + " (" + where + ")";
    }

    /** Assembles a catalog, checking names as providers are added. */
    public static final class Builder {
        private final Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind =
                new LinkedHashMap<>();

        private Builder() {
            for (PluginKind<?> k : PluginKind.ALL) {
                byKind.put(k, new TreeMap<>());
            }
        }

        /**
         * Adds a provider under its name and aliases.
         *
         * @param kind its kind
         * @param provider the provider
         * @return this
         * @throws IllegalStateException if a name is blank, not lowercase, or taken
         */
        public Builder add(PluginKind<?> kind, PluginProvider<?> provider) {
            Objects.requireNonNull(provider, "provider");
            if (!kind.providerType().isInstance(provider)) {
                throw new IllegalArgumentException(origin(provider) + " is not a "
                        + kind.providerType().getName());
            }
            Map<String, PluginProvider<?>> names = byKind.get(kind);
            List<String> all = new java.util.ArrayList<>();
            all.add(provider.name());
            all.addAll(provider.aliases());
            for (String name : all) {
                if (name == null || name.isBlank()) {
                    throw new IllegalStateException("the " + kind.label() + " provider "
                            + origin(provider) + " has a blank name");
                }
                if (!name.equals(name.toLowerCase(Locale.ROOT)) || !name.equals(name.strip())) {
                    throw new IllegalStateException("the " + kind.label() + " provider "
                            + origin(provider) + " has name '" + name
                            + "'; names must be lowercase without surrounding spaces");
                }
                PluginProvider<?> other = names.get(name);
                if (other != null && other != provider) {
                    throw new IllegalStateException("two " + kind.label() + " providers claim the "
                            + "name '" + name + "': " + origin(other) + " and "
                            + origin(provider));
                }
                names.put(name, provider);
            }
            return this;
        }

        /**
         * @return the catalog
         */
        public PluginCatalog build() {
            Map<PluginKind<?>, Map<String, PluginProvider<?>>> copy = new LinkedHashMap<>();
            for (Map.Entry<PluginKind<?>, Map<String, PluginProvider<?>>> e : byKind.entrySet()) {
                copy.put(e.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
            }
            return new PluginCatalog(copy);
        }
    }
}
