package dev.mlp.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model file records beyond the model itself: the names of the data's feature and target
 * columns (so that a program can pick the right columns of a new CSV file by name) and the final
 * metrics of training, for example {@code accuracy} on a validation set, and, for tables with
 * categorical columns or missing cells, how the raw columns become the inputs.
 *
 * @param featureNames the input columns, in input order; empty if unknown
 * @param targetNames the target columns; empty if unknown
 * @param metrics final metrics by name, in the order given
 * @param preprocessing how raw columns become the model's inputs (categorical encodings,
 *        imputed values); {@code null} when the inputs are the numeric columns as they are
 */
public record ModelMetadata(List<String> featureNames, List<String> targetNames,
                            Map<String, Double> metrics, InputPreprocessing preprocessing) {

    /** Copies the lists and the map. */
    public ModelMetadata {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(Objects.requireNonNull(k, "metric name"),
                Objects.requireNonNull(v, () -> "metric " + k)));
        metrics = Collections.unmodifiableMap(m);
    }

    /**
     * Metadata without preprocessing.
     *
     * @param featureNames the input columns, in input order; empty if unknown
     * @param targetNames the target columns; empty if unknown
     * @param metrics final metrics by name, in the order given
     */
    public ModelMetadata(List<String> featureNames, List<String> targetNames,
                         Map<String, Double> metrics) {
        this(featureNames, targetNames, metrics, null);
    }

    /**
     * @param p how raw columns become the model's inputs, or {@code null} for none
     * @return a copy with that preprocessing; {@link #featureNames()} should then name the raw
     *         columns
     */
    public ModelMetadata withPreprocessing(InputPreprocessing p) {
        return new ModelMetadata(featureNames, targetNames, metrics, p);
    }

    /** @return metadata that records nothing */
    public static ModelMetadata none() {
        return new ModelMetadata(List.of(), List.of(), Map.of());
    }

    /**
     * @param features the input columns, in input order
     * @param targets the target columns
     * @return metadata with these column names and no metrics
     */
    public static ModelMetadata columns(List<String> features, List<String> targets) {
        return new ModelMetadata(features, targets, Map.of());
    }

    /**
     * @param name the metric's name, for example {@code "validation accuracy"}
     * @param value its value
     * @return a copy with the metric added (or replaced)
     */
    public ModelMetadata withMetric(String name, double value) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>(metrics);
        m.put(name, value);
        return new ModelMetadata(featureNames, targetNames, m, preprocessing);
    }
}
