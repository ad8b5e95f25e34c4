package dev.mlp.core;

import dev.mlp.api.SampleInfo;
import java.util.Objects;

/**
 * Training or test data: a {@code rows x inputs} feature matrix and a {@code rows x outputs}
 * target matrix, row-major, every value finite, and optionally one weight per sample.
 *
 * <p><b>Weights.</b> A sample of weight {@code w} counts {@code w} times: losses and gradients
 * are weighted means {@code sum_r w_r loss_r / sum_r w_r} (see
 * {@link dev.mlp.core.train.BatchGradient}), and so are the epoch loss and every metric. Without
 * weights every sample has weight 1 and the means are plain means.
 *
 * <p><b>Classes.</b> The data is taken to be classification data when its targets are one class
 * per sample: one-hot rows (two or more target columns, exactly one 1 and otherwise 0 in each
 * row; the class is the position of the 1), or one column holding only 0 and 1 (classes 0 and
 * 1). Then {@link #classes()} is the number of classes, validation splits are stratified and
 * classification metrics apply. {@link #asRegression()} turns the detection off for 0/1
 * regression targets.
 */
public final class Dataset implements SampleInfo {

    private final double[] features;
    private final double[] targets;
    private final int rows;
    private final int inputs;
    private final int outputs;
    private final double[] weights;
    private final int[] classOf;
    private final int classCount;

    /**
     * @param features {@code rows x inputs} values, row-major
     * @param targets {@code rows x outputs} values, row-major
     * @param rows number of samples, at least 1
     * @param inputs number of feature columns, at least 1
     * @param outputs number of target columns, at least 1
     */
    public Dataset(double[] features, double[] targets, int rows, int inputs, int outputs) {
        this(features, targets, rows, inputs, outputs, null);
    }

    /**
     * @param features {@code rows x inputs} values, row-major
     * @param targets {@code rows x outputs} values, row-major
     * @param rows number of samples, at least 1
     * @param inputs number of feature columns, at least 1
     * @param outputs number of target columns, at least 1
     * @param weights one weight per sample (finite, at least 0, not all 0), or {@code null} for
     *                weight 1 each
     */
    public Dataset(double[] features, double[] targets, int rows, int inputs, int outputs,
                   double[] weights) {
        this(features, targets, rows, inputs, outputs, weights, true);
    }

    private Dataset(double[] features, double[] targets, int rows, int inputs, int outputs,
                    double[] weights, boolean detectClasses) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (rows < 1) {
            throw new IllegalArgumentException("a data set needs at least 1 row, found " + rows);
        }
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a data set needs at least 1 feature and 1 target "
                    + "column, found " + inputs + " and " + outputs);
        }
        if (features.length != rows * inputs) {
            throw new IllegalArgumentException("features must hold " + rows + "x" + inputs + " = "
                    + rows * inputs + " values, found " + features.length);
        }
        if (targets.length != rows * outputs) {
            throw new IllegalArgumentException("targets must hold " + rows + "x" + outputs + " = "
                    + rows * outputs + " values, found " + targets.length);
        }
        checkFinite(features, inputs, "feature");
        checkFinite(targets, outputs, "target");
        if (weights != null) {
            checkWeights(weights, rows);
        }
        this.features = features;
        this.targets = targets;
        this.rows = rows;
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights;
        int[] cls = detectClasses ? detectClasses(targets, rows, outputs) : null;
        this.classOf = cls;
        this.classCount = cls == null ? 0 : Math.max(2, outputs);
    }

    private static void checkWeights(double[] w, int rows) {
        if (w.length != rows) {
            throw new IllegalArgumentException("sample weights must hold one value per row ("
                    + rows + "), found " + w.length);
        }
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            if (!Double.isFinite(w[r]) || w[r] < 0) {
                throw new IllegalArgumentException("sample weight of row " + r
                        + " must be finite and >= 0, found " + w[r]);
            }
            total += w[r];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("sample weights must not all be 0");
        }
    }

    private static int[] detectClasses(double[] y, int rows, int outputs) {
        int[] cls = new int[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * outputs;
            if (outputs == 1) {
                double v = y[base];
                if (v != 0.0 && v != 1.0) {
                    return null;
                }
                cls[r] = v == 1.0 ? 1 : 0;
            } else {
                int hot = -1;
                for (int c = 0; c < outputs; c++) {
                    double v = y[base + c];
                    if (v == 1.0 && hot < 0) {
                        hot = c;
                    } else if (v != 0.0) {
                        return null;
                    }
                }
                if (hot < 0) {
                    return null;
                }
                cls[r] = hot;
            }
        }
        return cls;
    }

    /**
     * @param sampleWeights one weight per sample (finite, at least 0, not all 0), or
     *                      {@code null} for none
     * @return a data set with the same values (shared, not copied) and these weights
     */
    public Dataset withWeights(double[] sampleWeights) {
        return new Dataset(features, targets, rows, inputs, outputs,
                sampleWeights == null ? null : sampleWeights.clone(), classOf != null);
    }

    /**
     * @return the same data (shared, not copied) treated as regression data: no classes
     */
    public Dataset asRegression() {
        return new Dataset(features, targets, rows, inputs, outputs, weights, false);
    }

    /**
     * Copies some rows into a new data set, keeping weights and the classification setting.
     *
     * @param indices the rows to take, in order, each in {@code [0, rows)}
     * @return the new data set
     */
    public Dataset subset(int[] indices) {
        int m = indices.length;
        double[] x = new double[m * inputs];
        double[] y = new double[m * outputs];
        double[] w = weights == null ? null : new double[m];
        for (int i = 0; i < m; i++) {
            int r = Objects.checkIndex(indices[i], rows);
            System.arraycopy(features, r * inputs, x, i * inputs, inputs);
            System.arraycopy(targets, r * outputs, y, i * outputs, outputs);
            if (w != null) {
                w[i] = weights[r];
            }
        }
        return new Dataset(x, y, m, inputs, outputs, w, classOf != null);
    }

    /**
     * Copies rectangular arrays into a data set.
     *
     * @param x one row of features per sample
     * @param y one row of targets per sample
     * @return the data set
     */
    public static Dataset of(double[][] x, double[][] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("features and targets must have the same number "
                    + "of rows, found " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("a data set needs at least 1 row, found 0");
        }
        return new Dataset(flatten(x, "features"), flatten(y, "targets"), x.length, x[0].length,
                y[0].length);
    }

    /**
     * Copies rectangular arrays and sample weights into a data set.
     *
     * @param x one row of features per sample
     * @param y one row of targets per sample
     * @param sampleWeights one weight per sample, or {@code null} for weight 1 each
     * @return the data set
     */
    public static Dataset of(double[][] x, double[][] y, double[] sampleWeights) {
        return of(x, y).withWeights(sampleWeights);
    }

    /**
     * Copies a rectangular array into one row-major array.
     *
     * @param m the rows
     * @param what the name of the matrix, for messages
     * @return the flat array
     */
    public static double[] flatten(double[][] m, String what) {
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != cols) {
                throw new IllegalArgumentException(what + " row " + r + " has " + m[r].length
                        + " values, but row 0 has " + cols);
            }
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }

    private static void checkFinite(double[] v, int cols, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " row " + (i / cols) + ", column "
                        + (i % cols) + " must be a finite number, found " + v[i]);
            }
        }
    }

    /** @return the feature matrix (not a copy) */
    public double[] features() {
        return features;
    }

    /** @return the target matrix (not a copy) */
    public double[] targets() {
        return targets;
    }

    /** @return the number of samples */
    public int rows() {
        return rows;
    }

    /** @return the number of feature columns */
    public int inputs() {
        return inputs;
    }

    /** @return the number of target columns */
    public int outputs() {
        return outputs;
    }

    /** @return the per-sample weights (not a copy), or {@code null} if every weight is 1 */
    public double[] weights() {
        return weights;
    }

    /** @return {@code true} if the targets are one class per sample (see the class comment) */
    public boolean isClassification() {
        return classOf != null;
    }

    /** @return {@link #rows()} */
    @Override
    public int count() {
        return rows;
    }

    /**
     * @return the number of classes (the number of target columns, or 2 for one 0/1 column), or
     *         0 if this is not classification data
     */
    @Override
    public int classes() {
        return classCount;
    }

    @Override
    public int classOf(int sample) {
        Objects.checkIndex(sample, rows);
        return classOf == null ? -1 : classOf[sample];
    }

    @Override
    public double weight(int sample) {
        Objects.checkIndex(sample, rows);
        return weights == null ? 1.0 : weights[sample];
    }

    /**
     * @return the sum of the weights ({@link #rows()} without weights)
     */
    public double totalWeight() {
        if (weights == null) {
            return rows;
        }
        double t = 0.0;
        for (double w : weights) {
            t += w;
        }
        return t;
    }

    /** @return the shape in words, for messages, for example {@code "150 rows x 4 features -> 3 targets"} */
    public String shape() {
        return rows + " rows x " + inputs + " features -> " + outputs + " targets";
    }
}
