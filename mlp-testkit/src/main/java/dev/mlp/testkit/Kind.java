package dev.mlp.testkit;

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

/** The kinds of plugin the kit has a contract for, each with its provider interface. */
public enum Kind {
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
    /** {@link dev.mlp.api.LearningRateSchedule}. */
    SCHEDULE("schedule", LearningRateScheduleProvider.class),
    /** {@link dev.mlp.api.GradientTransform}. */
    GRADIENT_TRANSFORM("gradient transform", GradientTransformProvider.class),
    /** {@link dev.mlp.api.TrainingListener}: only the provider checks apply. */
    LISTENER("listener", TrainingListenerProvider.class),
    /** {@link dev.mlp.api.Encoder}. */
    ENCODER("encoder", EncoderProvider.class);

    private final String label;
    private final Class<?> providerType;

    Kind(String label, Class<?> providerType) {
        this.label = label;
        this.providerType = providerType;
    }

    /**
     * @return the kind in words, for example {@code "batch strategy"}
     */
    public String label() {
        return label;
    }

    /**
     * @return the provider interface of this kind
     */
    public Class<?> providerType() {
        return providerType;
    }

    /**
     * The kind of a provider, from the provider interface it implements.
     *
     * @param provider a provider
     * @return its kind
     * @throws IllegalArgumentException if it implements none of the known provider interfaces,
     *                                  or more than one
     */
    public static Kind of(PluginProvider<?> provider) {
        Kind found = null;
        for (Kind k : values()) {
            if (k.providerType.isInstance(provider)) {
                if (found != null) {
                    throw new IllegalArgumentException(provider.getClass().getName()
                            + " implements both " + found.providerType.getName() + " and "
                            + k.providerType.getName() + "; use the kind's own entry point");
                }
                found = k;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(provider.getClass().getName()
                    + " implements no known provider interface (ActivationProvider, LossProvider,"
                    + " OptimizerProvider, ...)");
        }
        return found;
    }
}
