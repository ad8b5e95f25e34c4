package dev.mlp.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of a network on one data set at the end of an epoch.
 *
 * <p>{@code values} holds {@code "loss"} (the mean per-sample loss, in the units the network is
 * trained in, including any gradient-transform penalty for training data) and every configured
 * {@link Metric} by name, in the order configured. For classification data {@code confusion}
 * holds the confusion matrix: entry {@code [t][p]} is the (weighted) number of samples of target
 * class {@code t} predicted as class {@code p}; it is {@code null} for regression data or when no
 * metric beyond the loss was computed.
 *
 * @param samples the number of samples evaluated
 * @param values metric values by name, in order
 * @param confusion the confusion matrix, or {@code null}
 */
public record Evaluation(int samples, Map<String, Double> values, double[][] confusion) {

    /** Copies the values and the matrix. */
    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (confusion != null) {
            double[][] c = new double[confusion.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = confusion[i].clone();
            }
            confusion = c;
        }
    }

    /**
     * @param name a metric name, for example {@code "loss"} or {@code "accuracy"}
     * @return the value
     * @throws IllegalArgumentException if the metric was not computed, naming those that were
     */
    public double value(String name) {
        Double v = values.get(Objects.requireNonNull(name, "name"));
        if (v == null) {
            throw new IllegalArgumentException("metric '" + name + "' was not computed; "
                    + "computed: " + values.keySet());
        }
        return v;
    }

    /**
     * @return the mean per-sample loss
     */
    public double loss() {
        return value("loss");
    }
}
