package dev.mlp.testkit;

import dev.mlp.api.Activation;
import dev.mlp.api.OutputRange;
import java.util.List;

/**
 * Small, plain reference implementations of the three output activations losses are usually
 * paired with, {@code "identity"}, {@code "sigmoid"} and {@code "softmax"}, each declaring its
 * {@link Activation#outputRange()} and {@link Activation#probabilities()} as the built-ins do,
 * since losses check their output layer by those properties. The loss contract runs a loss after each of
 * them that its {@link dev.mlp.api.Loss#checkOutputActivation(Activation)} accepts, so a loss
 * can be tested without any activation plugin on the class path.
 */
public final class ReferenceActivations {

    private ReferenceActivations() {
    }

    /**
     * @return {@code f(z) = z}
     */
    public static Activation identity() {
        return new Identity();
    }

    /**
     * @return {@code f(z) = 1 / (1 + e^-z)}, evaluated stably
     */
    public static Activation sigmoid() {
        return new Sigmoid();
    }

    /**
     * @return row-wise {@code e^z_j / sum_k e^z_k}, max-subtracted
     */
    public static Activation softmax() {
        return new Softmax();
    }

    /**
     * @return identity, sigmoid and softmax, in that order
     */
    public static List<Activation> all() {
        return List.of(identity(), sigmoid(), softmax());
    }

    private static final class Identity implements Activation {
        @Override
        public String name() {
            return "identity";
        }

        @Override
        public void forward(double[] z, double[] a, int rows, int cols) {
            System.arraycopy(z, 0, a, 0, rows * cols);
        }

        @Override
        public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                             int cols) {
            System.arraycopy(gradA, 0, gradZ, 0, rows * cols);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final class Sigmoid implements Activation {
        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public void forward(double[] z, double[] a, int rows, int cols) {
            for (int i = 0, n = rows * cols; i < n; i++) {
                double v = z[i];
                if (v >= 0) {
                    a[i] = 1.0 / (1.0 + Math.exp(-v));
                } else {
                    double e = Math.exp(v);
                    a[i] = e / (1.0 + e);
                }
            }
        }

        @Override
        public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                             int cols) {
            for (int i = 0, n = rows * cols; i < n; i++) {
                gradZ[i] = gradA[i] * a[i] * (1.0 - a[i]);
            }
        }

        @Override
        public OutputRange outputRange() {
            return OutputRange.open(0, 1);
        }

        @Override
        public Probabilities probabilities() {
            return Probabilities.PER_OUTPUT;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final class Softmax implements Activation {
        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public void forward(double[] z, double[] a, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < cols; c++) {
                    max = Math.max(max, z[o + c]);
                }
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    a[o + c] = Math.exp(z[o + c] - max);
                    sum += a[o + c];
                }
                for (int c = 0; c < cols; c++) {
                    a[o + c] /= sum;
                }
            }
        }

        @Override
        public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                             int cols) {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += gradA[o + c] * a[o + c];
                }
                for (int c = 0; c < cols; c++) {
                    gradZ[o + c] = a[o + c] * (gradA[o + c] - dot);
                }
            }
        }

        @Override
        public OutputRange outputRange() {
            return OutputRange.open(0, 1);
        }

        @Override
        public Probabilities probabilities() {
            return Probabilities.PER_ROW;
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
