package dev.mlp.core.train;

import dev.mlp.api.Evaluation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run did.
 *
 * <p>{@code history} holds one value per epoch for every metric computed, under
 * {@code "training-<metric>"} and {@code "validation-<metric>"}, for example
 * {@code "training-loss"}, {@code "validation-loss"}, {@code "validation-f1"}. A resumed run's
 * history starts at epoch 1, with the epochs before the checkpoint restored from it.
 *
 * @param epochLosses (weighted) mean per-sample training loss of each epoch, in order
 * @param steps number of optimizer steps taken
 * @param stopReason why the run stopped before its planned epochs, or {@code null}
 * @param seed the run's seed
 * @param history per-epoch values of every metric by key, in the order computed
 * @param bestEpoch the best epoch by the early-stopping monitor, 0 without early stopping
 * @param rollbacks the number of times the run rolled back after a divergence
 * @param training the training metrics of the last epoch, or {@code null} if no epoch ran
 * @param validation the validation metrics of the last epoch, or {@code null}
 */
public record TrainingResult(List<Double> epochLosses, long steps, String stopReason, long seed,
                             Map<String, List<Double>> history, int bestEpoch, int rollbacks,
                             Evaluation training, Evaluation validation) {

    /** Copies the lists (a list the trainer recorded is copied once, without boxing). */
    public TrainingResult {
        List<Double> given = epochLosses;
        List<Double> losses = copy(given);
        Map<String, List<Double>> h = new LinkedHashMap<>();
        history.forEach((k, v) -> h.put(k, v == given ? losses : copy(v)));
        epochLosses = losses;
        history = Collections.unmodifiableMap(h);
    }

    private static List<Double> copy(List<Double> values) {
        return values instanceof EpochValues e ? e.frozen() : List.copyOf(values);
    }

    /**
     * A result with only losses, for runs without metrics.
     *
     * @param epochLosses mean per-sample loss of each epoch
     * @param steps number of optimizer steps
     * @param stopReason why the run stopped early, or {@code null}
     * @param seed the seed
     */
    public TrainingResult(List<Double> epochLosses, long steps, String stopReason, long seed) {
        this(epochLosses, steps, stopReason, seed, Map.of("training-loss", epochLosses), 0, 0,
                null, null);
    }

    /** @return the number of epochs completed */
    public int epochs() {
        return epochLosses.size();
    }

    /** @return the last epoch's loss, or NaN if no epoch ran */
    public double finalLoss() {
        return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
    }

    /** @return whether the run did all its planned epochs */
    public boolean completed() {
        return stopReason == null;
    }

    /**
     * @param key for example {@code "validation-accuracy"}
     * @return the metric's value per epoch
     * @throws IllegalArgumentException if the metric was not computed, listing those that were
     */
    public List<Double> metric(String key) {
        List<Double> v = history.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no history for '" + key + "'; recorded: "
                    + history.keySet());
        }
        return v;
    }
}
