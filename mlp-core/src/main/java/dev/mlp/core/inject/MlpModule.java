package dev.mlp.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.spi.ActivationProvider;
import dev.mlp.api.spi.BatchStrategyProvider;
import dev.mlp.api.spi.EncoderProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.LossProvider;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.api.spi.ScalerProvider;
import dev.mlp.api.spi.TrainingListenerProvider;
import dev.mlp.api.spi.WeightInitializerProvider;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginKind;
import java.util.Map;
import java.util.Objects;

/**
 * Binds the plugins of a {@link PluginCatalog} into one {@code MapBinder} per kind, keyed by
 * name and alias, an empty {@code Multibinder} of {@link TrainingListener}s applied to every run,
 * and the {@link TrainingDefaults}.
 *
 * <p>Applications add their own plugins without ServiceLoader by contributing to the same map
 * binders, for example {@code MlpModule.optimizers(binder()).addBinding("my-rule").toInstance(p)},
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
        bindAll(activations(binder()), PluginKind.ACTIVATION);
        bindAll(losses(binder()), PluginKind.LOSS);
        bindAll(optimizers(binder()), PluginKind.OPTIMIZER);
        bindAll(batchStrategies(binder()), PluginKind.BATCH_STRATEGY);
        bindAll(initializers(binder()), PluginKind.INITIALIZER);
        bindAll(scalers(binder()), PluginKind.SCALER);
        bindAll(listenerProviders(binder()), PluginKind.LISTENER);
        bindAll(schedules(binder()), PluginKind.SCHEDULE);
        bindAll(gradientTransforms(binder()), PluginKind.GRADIENT_TRANSFORM);
        bindAll(encoders(binder()), PluginKind.ENCODER);
        listeners(binder());
        bind(TrainingDefaults.class).toInstance(TrainingDefaults.standard());
    }

    private <P extends PluginProvider<?>> void bindAll(MapBinder<String, P> map, PluginKind kind) {
        for (Map.Entry<String, PluginProvider<?>> e : catalog.providers(kind).entrySet()) {
            @SuppressWarnings("unchecked")
            P provider = (P) e.getValue();
            map.addBinding(e.getKey()).toInstance(provider);
        }
    }

    /**
     * @param binder a module's binder
     * @return the map binder of activation providers, to add to
     */
    public static MapBinder<String, ActivationProvider> activations(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ActivationProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of loss providers, to add to
     */
    public static MapBinder<String, LossProvider> losses(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LossProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of optimizer providers, to add to
     */
    public static MapBinder<String, OptimizerProvider> optimizers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, OptimizerProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of batch strategy providers, to add to
     */
    public static MapBinder<String, BatchStrategyProvider> batchStrategies(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, BatchStrategyProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of initializer providers, to add to
     */
    public static MapBinder<String, WeightInitializerProvider> initializers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, WeightInitializerProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of scaler providers, to add to
     */
    public static MapBinder<String, ScalerProvider> scalers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ScalerProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of listener providers, to add to
     */
    public static MapBinder<String, TrainingListenerProvider> listenerProviders(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, TrainingListenerProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of learning-rate schedule providers, to add to
     */
    public static MapBinder<String, LearningRateScheduleProvider> schedules(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LearningRateScheduleProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of gradient transform providers, to add to
     */
    public static MapBinder<String, GradientTransformProvider> gradientTransforms(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, GradientTransformProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the map binder of encoder providers, to add to
     */
    public static MapBinder<String, EncoderProvider> encoders(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, EncoderProvider.class);
    }

    /**
     * @param binder a module's binder
     * @return the set of listeners attached to every training run, to add to
     */
    public static Multibinder<TrainingListener> listeners(Binder binder) {
        return Multibinder.newSetBinder(binder, TrainingListener.class);
    }
}
