package dev.mlp.core.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochLosses mean per-sample loss of each epoch, in order
 * @param steps number of optimizer steps taken
 * @param stopReason why the run stopped before its planned epochs, or {@code null}
 * @param seed the run's seed
 */
public record TrainingResult(List<Double> epochLosses, long steps, String stopReason, long seed) {

    /** Copies the losses. */
    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
    }

    /** @return the number of epochs completed */
    public int epochs() {
        return epochLosses.size();
    }

    /** @return the last epoch's loss, or NaN if no epoch ran */
    public double finalLoss() {
        return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
    }
}
