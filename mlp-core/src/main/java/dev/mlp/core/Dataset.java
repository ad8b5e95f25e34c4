package dev.mlp.core;

import java.util.Objects;

/**
 * Training or test data: a {@code rows x inputs} feature matrix and a {@code rows x outputs}
 * target matrix, row-major, every value finite.
 */
public final class Dataset {

    private final double[] features;
    private final double[] targets;
    private final int rows;
    private final int inputs;
    private final int outputs;

    /**
     * @param features {@code rows x inputs} values, row-major
     * @param targets {@code rows x outputs} values, row-major
     * @param rows number of samples, at least 1
     * @param inputs number of feature columns, at least 1
     * @param outputs number of target columns, at least 1
     */
    public Dataset(double[] features, double[] targets, int rows, int inputs, int outputs) {
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
        this.features = features;
        this.targets = targets;
        this.rows = rows;
        this.inputs = inputs;
        this.outputs = outputs;
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

    /** @return the shape in words, for messages, for example {@code "150 rows x 4 features -> 3 targets"} */
    public String shape() {
        return rows + " rows x " + inputs + " features -> " + outputs + " targets";
    }
}
