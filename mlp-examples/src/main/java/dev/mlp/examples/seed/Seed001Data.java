package dev.mlp.examples.seed;

import dev.mlp.core.Mlp;

/**
 * The student-grades table of seed 001 that its numbers use (inputs I0, I1; target Z0). The seed
 * also shows an earlier table (70,100,90 / 50,85,80 / 65,70,80 / 30,95,70), but every number it
 * prints (the minima 25 and 67, the maxima 70 and 98, the target 91) comes from this one.
 */
final class Seed001Data {

    static final double[][] INPUTS = {{70, 98}, {50, 85}, {65, 67}, {25, 95}};
    static final double[][] TARGETS = {{91}, {82}, {80}, {68}};

    /** Hidden weights, {@code w[i][j]} from input {@code i} to hidden node {@code j}. */
    static final double[][] HIDDEN_WEIGHTS = {{-0.5, -0.5, 1.0}, {-1.0, 0.5, 0.0}};
    static final double[] HIDDEN_BIASES = {0.5, 0.5, 0.5};
    static final double[][] OUTPUT_WEIGHTS = {{0.5}, {-1.0}, {0.0}};
    static final double[] OUTPUT_BIASES = {0.5};

    private Seed001Data() {
    }

    /**
     * @return a builder for the seed's 2-3-1 sigmoid network at its initial weights, with the
     *         half squared error
     */
    static Mlp.Builder network() {
        return Mlp.builder()
                .inputs(2)
                .layer(3, "sigmoid")
                .layer(1, "sigmoid")
                .weights(1, HIDDEN_WEIGHTS)
                .biases(1, HIDDEN_BIASES)
                .weights(2, OUTPUT_WEIGHTS)
                .biases(2, OUTPUT_BIASES)
                .loss("half-squared-error");
    }
}
