package dev.mlp.core.train;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Metric;
import dev.mlp.core.metric.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-epoch values of a run: the training loss of each epoch, and each metric of the
 * training and validation evaluations, by key ({@code "training-loss"},
 * {@code "validation-accuracy"}, ...), in the order computed.
 */
final class RunHistory {

    /** The key of the epoch losses. */
    static final String TRAINING_LOSS = "training-loss";

    private final EpochValues losses;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<String> keys;

    /**
     * @param epochs the run's epochs: room for that many losses is made at once, so the end of
     *               an epoch allocates nothing
     * @param metrics the metrics computed besides the loss
     * @param validation whether the run has validation data
     */
    RunHistory(int epochs, List<Metric> metrics, boolean validation) {
        losses = new EpochValues(Math.min(epochs, 1 << 20));
        values.put(TRAINING_LOSS, losses);
        List<String> names = new ArrayList<>();
        names.add(Metrics.LOSS);
        for (Metric m : metrics) {
            names.add(m.name());
        }
        List<String> k = new ArrayList<>();
        for (String name : names) {
            k.add("training-" + name);
        }
        if (validation) {
            for (String name : names) {
                k.add("validation-" + name);
            }
        }
        keys = List.copyOf(k);
    }

    /** @param loss an epoch's training loss */
    void addLoss(double loss) {
        losses.add(loss);
    }

    /**
     * Records an epoch's evaluations (the training loss is recorded by {@link #addLoss}).
     *
     * @param training the training evaluation
     * @param validation the validation evaluation, or {@code null}
     */
    void addEvaluations(Evaluation training, Evaluation validation) {
        record("training-", training);
        if (validation != null) {
            record("validation-", validation);
        }
    }

    private void record(String prefix, Evaluation e) {
        e.values().forEach((k, v) -> {
            if (!(prefix + k).equals(TRAINING_LOSS)) {
                values.computeIfAbsent(prefix + k, key -> new ArrayList<>()).add(v);
            }
        });
    }

    /** @return the keys this run records, training keys first */
    List<String> keys() {
        return keys;
    }

    /** @return the epoch losses so far (live) */
    EpochValues losses() {
        return losses;
    }

    /** @return every recorded series by key, the losses first (live) */
    Map<String, List<Double>> values() {
        return values;
    }

    /**
     * Replaces the history with a checkpoint's.
     *
     * @param restored the values by key; keys this run does not record are ignored
     */
    void restore(Map<String, List<Double>> restored) {
        for (String k : keys) {
            List<Double> list = restored.getOrDefault(k, List.of());
            if (k.equals(TRAINING_LOSS)) {
                for (double v : list) {
                    losses.add(v);
                }
            } else {
                values.put(k, new ArrayList<>(list));
            }
        }
    }
}
