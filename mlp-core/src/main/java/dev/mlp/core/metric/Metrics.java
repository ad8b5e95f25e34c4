package dev.mlp.core.metric;

import dev.mlp.api.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The built-in metrics, and the class decision they share. Runs find metrics through the plugin
 * registry ({@link MetricProviders} registers these); {@link #byName} is the direct way to the
 * built-ins.
 *
 * <p><b>Classes.</b> A row of several outputs (or targets) belongs to the class of its largest
 * value (the first, on ties); a single output column is class 1 when the value is at least 0.5,
 * else class 0. Classification metrics therefore work on probabilities and on one-hot targets
 * alike.
 *
 * <p><b>Macro averages.</b> Precision, recall and F1 are computed per class and averaged with
 * equal weight over the classes that occur in the targets or in the predictions; classes that
 * occur in neither are left out. A ratio 0/0 counts as 0: precision of a class never predicted,
 * recall of a class never in the targets, and F1 of a class whose precision and recall are both
 * 0 (as scikit-learn with {@code zero_division=0}). Per-class F1 is
 * {@code 2PR / (P + R)}; macro F1 is the mean of the per-class F1 values, not the F1 of the
 * macro precision and recall.
 *
 * <p><b>Units.</b> The trainer hands metrics predictions and targets in the data's own units,
 * after undoing any target scaling, so MSE, MAE and R² are in raw units. R² is computed per
 * output column and averaged; a column whose targets are all equal scores 1 if it is predicted
 * exactly and 0 otherwise.
 *
 * <p>With sample weights, every count and mean is weighted.
 */
public final class Metrics {

    /** The name under which evaluations report the mean loss; lower is better. */
    public static final String LOSS = "loss";

    private Metrics() {
    }

    /**
     * @return the names of the built-in metrics, in a fixed order
     */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k.label);
        }
        return out;
    }

    /**
     * @param name a metric name: {@code accuracy}, {@code precision}, {@code recall},
     *             {@code f1}, {@code mse}, {@code mae} or {@code r2}
     * @return the metric
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Metric byName(String name) {
        Objects.requireNonNull(name, "name");
        for (Kind k : Kind.values()) {
            if (k.label.equals(name)) {
                return new Builtin(k);
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; known: "
                + String.join(", ", names()) + " (and loss)");
    }

    /**
     * @param name {@code "loss"} or a built-in metric name
     * @return whether higher values are better
     * @throws IllegalArgumentException for an unknown name
     */
    public static boolean higherIsBetter(String name) {
        return !LOSS.equals(name) && byName(name).higherIsBetter();
    }

    /**
     * The class of one row: the position of the largest value, or for one column, 1 if the value
     * is at least 0.5.
     *
     * @param values row-major values
     * @param row the row
     * @param columns the number of columns
     * @return the class index
     */
    public static int classOf(double[] values, int row, int columns) {
        int base = row * columns;
        if (columns == 1) {
            return values[base] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < columns; c++) {
            if (values[base + c] > values[base + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The (weighted) confusion matrix: entry {@code [t][p]} sums the weights of the samples of
     * target class {@code t} predicted as class {@code p}.
     *
     * @param predictions {@code rows x outputs} outputs
     * @param targets {@code rows x outputs} targets
     * @param weights per-sample weights or {@code null}
     * @param rows number of samples
     * @param outputs number of columns
     * @return a {@code k x k} matrix, {@code k = max(2, outputs)}
     */
    public static double[][] confusion(double[] predictions, double[] targets, double[] weights,
                                       int rows, int outputs) {
        int k = Math.max(2, outputs);
        double[][] m = new double[k][k];
        for (int r = 0; r < rows; r++) {
            m[classOf(targets, r, outputs)][classOf(predictions, r, outputs)] +=
                    weights == null ? 1.0 : weights[r];
        }
        return m;
    }

    /** The seven built-in metrics. */
    private enum Kind {
        ACCURACY("accuracy", true),
        PRECISION("precision", true),
        RECALL("recall", true),
        F1("f1", true),
        MSE("mse", false),
        MAE("mae", false),
        R2("r2", true);

        private final String label;
        private final boolean higher;

        Kind(String label, boolean higher) {
            this.label = label;
            this.higher = higher;
        }
    }

    /** A built-in metric. */
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
        public boolean needsClasses() {
            return switch (kind) {
                case ACCURACY, PRECISION, RECALL, F1 -> true;
                default -> false;
            };
        }

        @Override
        public String toString() {
            return kind.label;
        }

        @Override
        public double compute(double[] p, double[] y, double[] w, int rows, int outputs) {
            String name = kind.label;
            if (p.length < rows * outputs || y.length < rows * outputs
                    || (w != null && w.length < rows)) {
                throw new IllegalArgumentException("metric " + name + " needs " + rows + "x"
                        + outputs + " predictions and targets" + (w == null ? "" : " and "
                        + rows + " weights") + ", found " + p.length + ", " + y.length
                        + (w == null ? "" : ", " + w.length));
            }
            return switch (kind) {
                case ACCURACY, PRECISION, RECALL, F1 ->
                        classification(confusion(p, y, w, rows, outputs));
                case MSE -> meanError(p, y, w, rows, outputs, true);
                case MAE -> meanError(p, y, w, rows, outputs, false);
                case R2 -> rSquared(p, y, w, rows, outputs);
            };
        }

        private double classification(double[][] m) {
            int k = m.length;
            double total = 0.0;
            double right = 0.0;
            double sumP = 0.0;
            double sumR = 0.0;
            double sumF = 0.0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                double tp = m[c][c];
                double actual = 0.0;
                double predicted = 0.0;
                for (int j = 0; j < k; j++) {
                    actual += m[c][j];
                    predicted += m[j][c];
                }
                total += actual;
                right += tp;
                if (actual == 0.0 && predicted == 0.0) {
                    continue;
                }
                present++;
                double precision = predicted == 0.0 ? 0.0 : tp / predicted;
                double recall = actual == 0.0 ? 0.0 : tp / actual;
                sumP += precision;
                sumR += recall;
                sumF += precision + recall == 0.0 ? 0.0
                        : 2 * precision * recall / (precision + recall);
            }
            if (total == 0.0) {
                return Double.NaN;
            }
            return switch (kind) {
                case ACCURACY -> right / total;
                case PRECISION -> sumP / present;
                case RECALL -> sumR / present;
                default -> sumF / present;
            };
        }

        private static double meanError(double[] p, double[] y, double[] w, int rows, int outputs,
                                        boolean squared) {
            double sum = 0.0;
            double weight = 0.0;
            for (int r = 0; r < rows; r++) {
                double wr = w == null ? 1.0 : w[r];
                double row = 0.0;
                for (int c = 0; c < outputs; c++) {
                    double d = p[r * outputs + c] - y[r * outputs + c];
                    row += squared ? d * d : Math.abs(d);
                }
                sum += wr * row;
                weight += wr;
            }
            return weight == 0.0 ? Double.NaN : sum / (weight * outputs);
        }

        private static double rSquared(double[] p, double[] y, double[] w, int rows,
                                       int outputs) {
            double weight = 0.0;
            for (int r = 0; r < rows; r++) {
                weight += w == null ? 1.0 : w[r];
            }
            if (weight == 0.0) {
                return Double.NaN;
            }
            double sum = 0.0;
            for (int c = 0; c < outputs; c++) {
                double mean = 0.0;
                for (int r = 0; r < rows; r++) {
                    mean += (w == null ? 1.0 : w[r]) * y[r * outputs + c];
                }
                mean /= weight;
                double res = 0.0;
                double tot = 0.0;
                for (int r = 0; r < rows; r++) {
                    double wr = w == null ? 1.0 : w[r];
                    double d = y[r * outputs + c] - p[r * outputs + c];
                    double e = y[r * outputs + c] - mean;
                    res += wr * d * d;
                    tot += wr * e * e;
                }
                sum += tot == 0.0 ? (res == 0.0 ? 1.0 : 0.0) : 1.0 - res / tot;
            }
            return sum / outputs;
        }
    }
}
