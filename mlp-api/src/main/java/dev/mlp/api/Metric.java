package dev.mlp.api;

/**
 * A number that says how good a network's predictions are on a data set: accuracy, F1,
 * mean squared error, R², ...
 *
 * <p>Metrics are immutable and stateless. The trainer computes them once per epoch, for the
 * training data and for the validation data, on predictions and targets in the data's own units
 * (after undoing any target scaling). Each metric says whether higher values are better, so that
 * early stopping and model selection can use any of them.
 */
public interface Metric {

    /**
     * The stable lowercase name the metric is found by, for example {@code "f1"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * @return {@code true} if higher values are better (accuracy), {@code false} if lower values
     *         are better (mean squared error)
     */
    boolean higherIsBetter();

    /**
     * Whether the metric reads predictions and targets as class labels (one-hot rows, or one
     * 0/1 column), as accuracy and F1 do. A run refuses such a metric when its targets are not
     * one class per sample.
     *
     * @return {@code false} unless overridden
     */
    default boolean needsClasses() {
        return false;
    }

    /**
     * Computes the metric.
     *
     * @param predictions {@code rows x outputs} network outputs, row-major, in the targets' units
     * @param targets {@code rows x outputs} targets, row-major
     * @param weights per-sample weights (finite, at least 0), or {@code null} for weight 1 each
     * @param rows the number of samples, at least 1
     * @param outputs the number of output columns, at least 1
     * @return the value; NaN if it is undefined for this data (for example a total weight of 0)
     */
    double compute(double[] predictions, double[] targets, double[] weights, int rows,
                   int outputs);
}
