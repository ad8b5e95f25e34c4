package dev.mlp.core.plugin;

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

/** The kinds of plugin, each with its provider interface. */
public enum PluginKind {
    /** {@link dev.mlp.api.Activation}. */
    ACTIVATION("activation", ActivationProvider.class),
    /** {@link dev.mlp.api.Loss}. */
    LOSS("loss", LossProvider.class),
    /** {@link dev.mlp.api.Optimizer}. */
    OPTIMIZER("optimizer", OptimizerProvider.class),
    /** {@link dev.mlp.api.BatchStrategy}. */
    BATCH_STRATEGY("batch strategy", BatchStrategyProvider.class),
    /** {@link dev.mlp.api.WeightInitializer}. */
    INITIALIZER("initializer", WeightInitializerProvider.class),
    /** {@link dev.mlp.api.Scaler}. */
    SCALER("scaler", ScalerProvider.class),
    /** {@link dev.mlp.api.TrainingListener}. */
    LISTENER("listener", TrainingListenerProvider.class),
    /** {@link dev.mlp.api.LearningRateSchedule}. */
    SCHEDULE("schedule", LearningRateScheduleProvider.class),
    /** {@link dev.mlp.api.GradientTransform}. */
    GRADIENT_TRANSFORM("gradient transform", GradientTransformProvider.class),
    /** {@link dev.mlp.api.Encoder}. */
    ENCODER("encoder", EncoderProvider.class);

    private final String label;
    private final Class<? extends PluginProvider<?>> providerType;

    PluginKind(String label, Class<? extends PluginProvider<?>> providerType) {
        this.label = label;
        this.providerType = providerType;
    }

    /**
     * @return the kind in words, for messages, for example {@code "batch strategy"}
     */
    public String label() {
        return label;
    }

    /**
     * @return the provider interface plugins of this kind implement
     */
    public Class<? extends PluginProvider<?>> providerType() {
        return providerType;
    }
}
