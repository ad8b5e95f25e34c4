package dev.mlp.core.loss;

import dev.mlp.api.Activation;

/**
 * Checks and small numerical helpers shared by the built-in losses: target validation with
 * messages naming the loss, row and column, the required output activation, and a stable
 * log-sum-exp.
 */
final class Targets {

    /** How far a probability row's sum may be from 1 for the fused softmax delta. */
    static final double ROW_SUM_TOLERANCE = 1e-6;

    private Targets() {
    }

    static void requireActivation(String loss, String example, Activation.Probabilities needed,
                                  Activation output) {
        if (output.probabilities() != needed) {
            throw new IllegalArgumentException("loss '" + loss + "' needs a '" + example
                    + "' output layer (an activation whose probabilities() is " + needed
                    + "), found '" + output.name() + "'");
        }
    }

    /**
     * A class label for a margin loss: {@code 1} stays {@code 1}; {@code −1} and {@code 0} are read
     * as {@code −1}.
     */
    static double sign(String loss, double[] y, int i, int cols) {
        double t = y[i];
        if (t == 1.0) {
            return 1.0;
        }
        if (t == -1.0 || t == 0.0) {
            return -1.0;
        }
        throw new IllegalArgumentException("loss '" + loss + "' needs targets -1 or 1 (0 is read"
                + " as -1), found " + t + " at " + where(i, cols));
    }

    /** The target at {@code i}, which must be at least 0. */
    static double nonNegative(String loss, double[] y, int i, int cols) {
        double t = y[i];
        if (!(t >= 0.0)) {
            throw new IllegalArgumentException("loss '" + loss + "' needs targets >= 0, found "
                    + t + " at " + where(i, cols));
        }
        return t;
    }

    /** Checks that every target row is a probability distribution (entries >= 0, sum 1). */
    static void probabilityRows(String loss, double[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double s = 0.0;
            for (int c = 0; c < cols; c++) {
                s += nonNegative(loss, y, o + c, cols);
            }
            if (!(Math.abs(s - 1.0) <= ROW_SUM_TOLERANCE)) {
                throw new IllegalArgumentException("loss '" + loss + "' needs target rows of "
                        + "probabilities summing to 1, row " + r + " sums to " + s);
            }
        }
    }

    /** {@code log Σ_c exp(z[o + c])}, computed with the maximum subtracted. */
    static double logSumExp(double[] z, int o, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, z[o + c]);
        }
        double s = 0.0;
        for (int c = 0; c < cols; c++) {
            s += Math.exp(z[o + c] - max);
        }
        return max + Math.log(s);
    }

    private static String where(int i, int cols) {
        return "row " + (i / cols) + ", column " + (i % cols);
    }
}
