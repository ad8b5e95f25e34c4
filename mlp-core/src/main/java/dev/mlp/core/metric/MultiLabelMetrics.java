package dev.mlp.core.metric;

import dev.mlp.api.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The built-in metrics of multi-label data, where each output column is a label of its own and a
 * row may have several labels or none; {@link MetricProviders} registers them.
 *
 * <p><b>Decisions.</b> A prediction (or target) has label {@code j} when its value in column
 * {@code j} is at least 0.5. To score a model with other thresholds, hand these metrics the
 * decisions (0 and 1) instead of the probabilities; {@code Model.evaluate} and the per-epoch
 * metrics of a multi-label model's training do so with the model's thresholds.
 *
 * <ul>
 * <li>{@code subset-accuracy}: the share of rows whose labels are all decided right (every
 *     column), as scikit-learn's {@code accuracy_score} on label indicator matrices;</li>
 * <li>{@code hamming-loss}: the share of (row, label) pairs decided wrong; lower is better;</li>
 * <li>{@code micro-f1}: {@code 2TP / (2TP + FP + FN)} with the counts summed over every label;</li>
 * <li>{@code macro-f1}: the mean of the per-label F1 values {@code 2TP / (2TP + FP + FN)} over
 *     the labels that occur in the targets or in the predictions; a label in neither is left
 *     out, as classes are in {@link Metrics}.</li>
 * </ul>
 *
 * <p>A ratio 0/0 counts as 0 (no label occurs anywhere: both F1 values are 0). With sample
 * weights, every count is weighted; a total weight of 0 gives NaN.
 */
public final class MultiLabelMetrics {

    private MultiLabelMetrics() {
    }

    /** The four metrics. */
    private enum Kind {
        SUBSET_ACCURACY("subset-accuracy", true),
        HAMMING_LOSS("hamming-loss", false),
        MICRO_F1("micro-f1", true),
        MACRO_F1("macro-f1", true);

        private final String label;
        private final boolean higher;

        Kind(String label, boolean higher) {
            this.label = label;
            this.higher = higher;
        }
    }

    /** @return the names of the multi-label metrics, in a fixed order */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k.label);
        }
        return out;
    }

    /**
     * @param name {@code subset-accuracy}, {@code hamming-loss}, {@code micro-f1} or
     *             {@code macro-f1}
     * @return the metric
     * @throws IllegalArgumentException for another name, listing these
     */
    public static Metric byName(String name) {
        Objects.requireNonNull(name, "name");
        for (Kind k : Kind.values()) {
            if (k.label.equals(name)) {
                return new Builtin(k);
            }
        }
        throw new IllegalArgumentException("unknown multi-label metric '" + name + "'; known: "
                + String.join(", ", names()));
    }

    /**
     * The weighted counts of one label.
     *
     * @param truePositives rows with the label in target and prediction
     * @param falsePositives rows with the label predicted but not in the target
     * @param falseNegatives rows with the label in the target but not predicted
     */
    public record LabelCounts(double truePositives, double falsePositives,
                              double falseNegatives) {

        /** @return {@code TP / (TP + FP)}, 0 for 0/0 */
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        /** @return {@code TP / (TP + FN)}, 0 for 0/0 */
        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        /** @return {@code 2TP / (2TP + FP + FN)}, 0 for 0/0 */
        public double f1() {
            return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
        }

        /** @return the weight of the rows that have the label in their target, {@code TP + FN} */
        public double support() {
            return truePositives + falseNegatives;
        }

        /** @return whether the label occurs in a target or a prediction */
        public boolean occurs() {
            return truePositives + falsePositives + falseNegatives > 0;
        }

        private static double ratio(double a, double b) {
            return b == 0.0 ? 0.0 : a / b;
        }
    }

    /**
     * The counts of each label, for a per-label report.
     *
     * @param predictions {@code rows x labels} probabilities or decisions
     * @param targets {@code rows x labels} 0/1 targets
     * @param weights per-sample weights, or {@code null} for weight 1 each
     * @param rows the number of rows
     * @param labels the number of labels
     * @return one entry per label
     */
    public static List<LabelCounts> perLabel(double[] predictions, double[] targets,
                                             double[] weights, int rows, int labels) {
        check("per-label counts", predictions, targets, weights, rows, labels);
        double[][] c = new double[labels][3];
        for (int r = 0; r < rows; r++) {
            double w = weights == null ? 1.0 : weights[r];
            for (int j = 0; j < labels; j++) {
                boolean p = predictions[r * labels + j] >= 0.5;
                boolean t = targets[r * labels + j] >= 0.5;
                if (p && t) {
                    c[j][0] += w;
                } else if (p) {
                    c[j][1] += w;
                } else if (t) {
                    c[j][2] += w;
                }
            }
        }
        List<LabelCounts> out = new ArrayList<>();
        for (double[] v : c) {
            out.add(new LabelCounts(v[0], v[1], v[2]));
        }
        return out;
    }

    private static void check(String what, double[] p, double[] y, double[] w, int rows,
                              int outputs) {
        if (p.length < rows * outputs || y.length < rows * outputs
                || (w != null && w.length < rows)) {
            throw new IllegalArgumentException(what + " needs " + rows + "x" + outputs
                    + " predictions and targets" + (w == null ? "" : " and " + rows
                    + " weights") + ", found " + p.length + ", " + y.length
                    + (w == null ? "" : ", " + w.length));
        }
    }

    /** A multi-label metric. */
    private record Builtin(Kind kind) implements Metric {

        @Override
        public String name() {
            return kind.label;
        }

        @Override
        public boolean higherIsBetter() {
            return kind.higher;
        }

        @Override
        public String toString() {
            return kind.label;
        }

        @Override
        public double compute(double[] p, double[] y, double[] w, int rows, int labels) {
            check("metric " + kind.label, p, y, w, rows, labels);
            double total = 0.0;
            for (int r = 0; r < rows; r++) {
                total += w == null ? 1.0 : w[r];
            }
            if (total == 0.0) {
                return Double.NaN;
            }
            return switch (kind) {
                case SUBSET_ACCURACY, HAMMING_LOSS -> rowwise(p, y, w, rows, labels, total);
                case MICRO_F1 -> {
                    double tp = 0.0;
                    double fp = 0.0;
                    double fn = 0.0;
                    for (LabelCounts c : perLabel(p, y, w, rows, labels)) {
                        tp += c.truePositives();
                        fp += c.falsePositives();
                        fn += c.falseNegatives();
                    }
                    yield new LabelCounts(tp, fp, fn).f1();
                }
                case MACRO_F1 -> {
                    double sum = 0.0;
                    int present = 0;
                    for (LabelCounts c : perLabel(p, y, w, rows, labels)) {
                        if (c.occurs()) {
                            sum += c.f1();
                            present++;
                        }
                    }
                    yield present == 0 ? 0.0 : sum / present;
                }
            };
        }

        private double rowwise(double[] p, double[] y, double[] w, int rows, int labels,
                               double total) {
            double exact = 0.0;
            double wrong = 0.0;
            for (int r = 0; r < rows; r++) {
                double wr = w == null ? 1.0 : w[r];
                int errors = 0;
                for (int j = 0; j < labels; j++) {
                    int i = r * labels + j;
                    if ((p[i] >= 0.5) != (y[i] >= 0.5)) {
                        errors++;
                    }
                }
                exact += errors == 0 ? wr : 0.0;
                wrong += wr * errors / labels;
            }
            return kind == Kind.SUBSET_ACCURACY ? exact / total : wrong / total;
        }
    }
}
