package dev.mlp.testkit;

import java.util.SplittableRandom;

/**
 * Generates the pre-activations and targets a loss is checked on, for one output activation.
 * The defaults ({@link #DEFAULT}) fit most losses; a loss that expects other data (labels of
 * +-1, counts, strictly positive targets...) gives its own with
 * {@link LossContract#samples(LossSamples)}.
 */
@FunctionalInterface
public interface LossSamples {

    /**
     * Fills one batch.
     *
     * @param activation the name of the output activation the loss follows, for example
     *                   {@code "softmax"}
     * @param rows the number of samples
     * @param cols the number of outputs
     * @param random the generator to draw from
     * @param z receives {@code rows x cols} pre-activations
     * @param y receives {@code rows x cols} targets
     */
    void fill(String activation, int rows, int cols, SplittableRandom random, double[] z,
              double[] y);

    /**
     * Regression targets after {@code identity} (outputs and targets in {@code [0.25, 2]}, so
     * that losses needing positive values work too), probability targets in {@code [0, 1]} after
     * {@code sigmoid}, one-hot rows after {@code softmax}; pre-activations of sigmoid and softmax
     * in {@code [-3, 3]}. Other activations get the identity's data.
     */
    LossSamples DEFAULT = (activation, rows, cols, random, z, y) -> {
        int n = rows * cols;
        switch (activation) {
            case "sigmoid" -> {
                for (int i = 0; i < n; i++) {
                    z[i] = -3 + 6 * random.nextDouble();
                    y[i] = random.nextDouble();
                }
            }
            case "softmax" -> {
                for (int i = 0; i < n; i++) {
                    z[i] = -3 + 6 * random.nextDouble();
                    y[i] = 0.0;
                }
                for (int r = 0; r < rows; r++) {
                    y[r * cols + random.nextInt(cols)] = 1.0;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    z[i] = 0.25 + 1.75 * random.nextDouble();
                    y[i] = 0.25 + 1.75 * random.nextDouble();
                }
            }
        }
    };
}
