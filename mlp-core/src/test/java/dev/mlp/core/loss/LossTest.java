package dev.mlp.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final int ROWS = 4;
    private static final int COLS = 3;

    /**
     * {@code loss.delta} (the per-sample dL/dz through the output activation) against central
     * differences of {@code loss.value} with respect to each pre-activation.
     */
    @ParameterizedTest(name = "{1} after {0}")
    @CsvSource({
        "identity, mse",
        "identity, half-squared-error",
        "identity, squared-error",
        "sigmoid, mse",
        "sigmoid, half-squared-error",
        "sigmoid, squared-error",
        "sigmoid, binary-cross-entropy",
        "tanh, mse",
        "softplus, squared-error",
        "relu, half-squared-error",
        "softmax, mse",
        "softmax, cross-entropy",
    })
    void deltaMatchesFiniteDifferences(String activation, String lossSpec) {
        Activation f = REGISTRY.activation(activation);
        Loss loss = REGISTRY.loss(lossSpec);
        SplittableRandom rnd = new SplittableRandom(activation.hashCode() ^ lossSpec.hashCode());
        int n = ROWS * COLS;
        double[] z = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextDouble(-3, 3);
            y[i] = lossSpec.equals("binary-cross-entropy") ? rnd.nextDouble() : rnd.nextDouble(-1, 1);
        }
        if (lossSpec.equals("cross-entropy")) {
            java.util.Arrays.fill(y, 0.0);
            for (int r = 0; r < ROWS; r++) {
                y[r * COLS + rnd.nextInt(COLS)] = 1.0;
            }
        }
        double[] a = new double[n];
        f.forward(z, a, ROWS, COLS);
        double[] delta = new double[n];
        loss.delta(f, z, a, y, delta, ROWS, COLS);

        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            double saved = z[i];
            z[i] = saved + h;
            double up = value(loss, f, z, y);
            z[i] = saved - h;
            double down = value(loss, f, z, y);
            z[i] = saved;
            double numeric = (up - down) / (2 * h);
            double tol = 1e-6 * Math.max(Math.abs(numeric), Math.abs(delta[i])) + 1e-8;
            int index = i;
            assertTrue(Math.abs(numeric - delta[i]) <= tol, () -> "entry " + index + ": delta "
                    + delta[index] + ", finite difference " + numeric);
        }
    }

    private static double value(Loss loss, Activation f, double[] z, double[] y) {
        double[] a = new double[z.length];
        f.forward(z, a, ROWS, COLS);
        return loss.value(z, a, y, ROWS, COLS);
    }

    /** The fused deltas equal the unfused route dL/dA back through the activation. */
    @ParameterizedTest
    @CsvSource({"softmax, cross-entropy", "sigmoid, binary-cross-entropy"})
    void fusedDeltaEqualsOutputGradientThroughTheActivation(String activation, String lossSpec) {
        Activation f = REGISTRY.activation(activation);
        Loss loss = REGISTRY.loss(lossSpec);
        SplittableRandom rnd = new SplittableRandom(3);
        int n = ROWS * COLS;
        double[] z = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextDouble(-3, 3);
            y[i] = rnd.nextDouble();
        }
        if (activation.equals("softmax")) {
            for (int r = 0; r < ROWS; r++) { // rows of probabilities summing to 1
                double s = 0;
                for (int c = 0; c < COLS; c++) {
                    s += y[r * COLS + c];
                }
                for (int c = 0; c < COLS; c++) {
                    y[r * COLS + c] /= s;
                }
            }
        }
        double[] a = new double[n];
        f.forward(z, a, ROWS, COLS);
        double[] fused = new double[n];
        loss.delta(f, z, a, y, fused, ROWS, COLS);
        double[] unfused = new double[n];
        loss.outputGradient(a, y, unfused, ROWS, COLS);
        f.backward(z, a, unfused, unfused, ROWS, COLS);
        for (int i = 0; i < n; i++) {
            assertEquals(a[i] - y[i], fused[i], 1e-15);
            assertEquals(fused[i], unfused[i], 1e-12);
        }
    }

    @Test
    void squaredErrorValuesWorkedByHand() {
        // one sample, a = (1, 2), y = (0, 0): sum of squares 1 + 4 = 5
        double[] a = {1, 2};
        double[] y = {0, 0};
        assertEquals(5.0, REGISTRY.loss("squared-error").value(a, a, y, 1, 2), 0.0);
        assertEquals(2.5, REGISTRY.loss("half-squared-error").value(a, a, y, 1, 2), 0.0);
        assertEquals(2.5, REGISTRY.loss("mse").value(a, a, y, 1, 2), 0.0); // 5 / 2 outputs
        // two samples are summed, not averaged: (1,2) and (3,0) against 0 -> 5 + 9 = 14
        double[] a2 = {1, 2, 3, 0};
        double[] y2 = {0, 0, 0, 0};
        assertEquals(14.0, REGISTRY.loss("squared-error").value(a2, a2, y2, 2, 2), 0.0);
        assertEquals(7.0, REGISTRY.loss("mse").value(a2, a2, y2, 2, 2), 0.0);
        // gradients: 2(a-y), (a-y), 2(a-y)/2
        double[] g = new double[2];
        REGISTRY.loss("squared-error").outputGradient(a, y, g, 1, 2);
        assertEquals(2.0, g[0], 0.0);
        assertEquals(4.0, g[1], 0.0);
        REGISTRY.loss("half-squared-error").outputGradient(a, y, g, 1, 2);
        assertEquals(1.0, g[0], 0.0);
        assertEquals(2.0, g[1], 0.0);
        REGISTRY.loss("mse").outputGradient(a, y, g, 1, 2);
        assertEquals(1.0, g[0], 0.0);
        assertEquals(2.0, g[1], 0.0);
    }

    @Test
    void crossEntropyValueWorkedByHand() {
        // z = (0, ln 3): softmax = (1/4, 3/4); target class 1: -ln(3/4) = 0.28768207245178...
        double[] z = {0, Math.log(3)};
        double[] a = {0.25, 0.75};
        assertEquals(-Math.log(0.75), REGISTRY.loss("cross-entropy").value(z, a, new double[] {0, 1},
                1, 2), 1e-15);
        // binary: z = 0 -> a = 1/2, y = 1: -ln(1/2) = ln 2
        assertEquals(Math.log(2), REGISTRY.loss("binary-cross-entropy").value(new double[] {0},
                new double[] {0.5}, new double[] {1}, 1, 1), 1e-15);
    }

    @Test
    void crossEntropiesStayFiniteForSaturatedOutputs() {
        // softmax of (1000, -1000) underflows to (1, 0); target class 1: loss 2000, not infinity
        double[] z = {1000, -1000};
        double[] a = {1, 0};
        assertEquals(2000.0, REGISTRY.loss("cross-entropy").value(z, a, new double[] {0, 1}, 1, 2),
                1e-9);
        // sigmoid(800) rounds to 1; y = 0: loss log(1 + e^800) = 800 (to double precision)
        assertEquals(800.0, REGISTRY.loss("binary-cross-entropy").value(new double[] {800},
                new double[] {1}, new double[] {0}, 1, 1), 1e-9);
    }

    @Test
    void crossEntropiesCheckTheirOutputActivation() {
        Activation sigmoid = REGISTRY.activation("sigmoid");
        Activation softmax = REGISTRY.activation("softmax");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.loss("cross-entropy").checkOutputActivation(sigmoid));
        assertTrue(e.getMessage().contains("cross-entropy") && e.getMessage().contains("softmax")
                && e.getMessage().contains("sigmoid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.loss("binary-cross-entropy").checkOutputActivation(softmax));
        assertTrue(e.getMessage().contains("binary-cross-entropy")
                && e.getMessage().contains("softmax"), e.getMessage());
        REGISTRY.loss("cross-entropy").checkOutputActivation(softmax);
        REGISTRY.loss("binary-cross-entropy").checkOutputActivation(sigmoid);
        REGISTRY.loss("mse").checkOutputActivation(softmax);
    }
}
