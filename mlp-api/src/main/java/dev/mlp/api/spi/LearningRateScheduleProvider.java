package dev.mlp.api.spi;

import dev.mlp.api.LearningRateSchedule;

/**
 * Provides a named {@link LearningRateSchedule}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.LearningRateScheduleProvider}.
 */
public interface LearningRateScheduleProvider extends PluginProvider<LearningRateSchedule> {
}
