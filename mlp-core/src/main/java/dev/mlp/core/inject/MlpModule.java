package dev.mlp.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.kernel.BackendChoice;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.util.Types;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import dev.mlp.api.spi.PluginKind;
import java.util.Map;
import java.util.Objects;

/**
 * Binds the plugins of a {@link PluginCatalog} into one {@code MapBinder} per kind, keyed by
 * name and alias, an empty {@code Multibinder} of {@link TrainingListener}s applied to every run,
 * the {@link TrainingDefaults} and the {@link BackendChoice} (compute backend and threads).
 *
 * <p>Applications add their own plugins without service files by contributing to the same map
 * binders, for example {@code MlpModule.providers(binder(), PluginKind.OPTIMIZER).addBinding("my-rule").toInstance(p)},
 * and change defaults with {@code Modules.override(new MlpModule(catalog)).with(...)}. The module
 * does no discovery itself and has no conditional logic: discovery happens when the catalog is
 * made.
 */
public final class MlpModule extends AbstractModule {

    private final PluginCatalog catalog;

    /**
     * @param catalog the plugins to bind
     */
    public MlpModule(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    protected void configure() {
        for (PluginKind<?> kind : PluginKind.ALL) {
            bindAll(kind);
        }
        listeners(binder());
        bind(TrainingDefaults.class).toInstance(TrainingDefaults.standard());
        bind(BackendChoice.class).toInstance(BackendChoice.standard());
        bind(PluginRegistry.class).toProvider(RegistryProvider.class).in(Singleton.class);
    }

    private <T> void bindAll(PluginKind<T> kind) {
        MapBinder<String, ? extends PluginProvider<T>> map = providers(binder(), kind);
        for (Map.Entry<String, PluginProvider<?>> e : catalog.providers(kind).entrySet()) {
            add(map, kind, e.getKey(), e.getValue());
        }
    }

    private static <P> void add(MapBinder<String, P> map, PluginKind<?> kind, String name,
                                PluginProvider<?> provider) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) kind.providerType();
        map.addBinding(name).toInstance(type.cast(provider));
    }

    /**
     * The map binder of one kind's providers, keyed by name and alias, to add to.
     *
     * <pre>{@code
     * MlpModule.providers(binder(), PluginKind.OPTIMIZER).addBinding("halving").toInstance(p);
     * }</pre>
     *
     * @param binder a module's binder
     * @param kind the kind
     * @param <T> the plugin type of the kind
     * @return the map binder of {@code Map<String, provider interface of kind>}
     */
    @SuppressWarnings("unchecked")
    public static <T> MapBinder<String, PluginProvider<T>> providers(Binder binder,
                                                                     PluginKind<T> kind) {
        return (MapBinder<String, PluginProvider<T>>) (MapBinder<String, ?>)
                MapBinder.newMapBinder(binder, String.class, kind.providerType());
    }

    /**
     * @param kind a kind
     * @return the key of the bound map of that kind's providers by name
     */
    public static Key<Map<String, PluginProvider<?>>> mapKey(PluginKind<?> kind) {
        @SuppressWarnings("unchecked")
        Key<Map<String, PluginProvider<?>>> key = (Key<Map<String, PluginProvider<?>>>)
                Key.get(Types.mapOf(String.class, kind.providerType()));
        return key;
    }

    /** Builds the registry from the bound map of every kind. */
    static final class RegistryProvider implements Provider<PluginRegistry> {
        private final Injector injector;

        @Inject
        RegistryProvider(Injector injector) {
            this.injector = injector;
        }

        @Override
        public PluginRegistry get() {
            Map<PluginKind<?>, Map<String, PluginProvider<?>>> byKind = new LinkedHashMap<>();
            for (PluginKind<?> kind : PluginKind.ALL) {
                byKind.put(kind, injector.getInstance(mapKey(kind)));
            }
            return new PluginRegistry(byKind);
        }
    }

    /**
     * @param binder a module's binder
     * @return the set of listeners attached to every training run, to add to
     */
    public static Multibinder<TrainingListener> listeners(Binder binder) {
        return Multibinder.newSetBinder(binder, TrainingListener.class);
    }
}
