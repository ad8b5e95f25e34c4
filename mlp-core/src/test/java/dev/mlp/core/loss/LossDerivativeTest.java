package dev.mlp.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in loss against central finite differences, and its per-sample values against its
 * batch value. Targets are drawn from each loss's domain (see {@link #targets}).
 */
class LossDerivativeTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final int ROWS = 5;
    private static final int COLS = 3;

    /** Losses computed from the pre-activations in a form fused with their activation. */
    private static final List<String> FUSED = List.of("cross-entropy", "binary-cross-entropy",
            "kl-divergence");

    /** Random targets in the domain of the loss named by {@code spec}. */
    static double[] targets(String spec, SplittableRandom rnd, int rows, int cols) {
        double[] y = new double[rows * cols];
        String name = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
        switch (name) {
            case "hinge", "squared-hinge" -> {
                double[] labels = {-1, 0, 1};
                for (int i = 0; i < y.length; i++) {
                    y[i] = labels[rnd.nextInt(3)];
                }
            }
            case "binary-cross-entropy" -> {
                for (int i = 0; i < y.length; i++) {
                    y[i] = rnd.nextDouble();
                }
            }
            case "poisson" -> {
                for (int i = 0; i < y.length; i++) { // counts, some zero, some fractional rates
                    y[i] = i % 4 == 3 ? rnd.nextDouble(0, 5) : rnd.nextInt(5);
                }
            }
            case "cross-entropy", "kl-divergence" -> {
                for (int r = 0; r < rows; r++) { // probability rows, the first with a zero entry
                    double s = 0;
                    for (int c = 0; c < cols; c++) {
                        y[r * cols + c] = r == 0 && c == 0 ? 0.0 : rnd.nextDouble(0.05, 1);
                        s += y[r * cols + c];
                    }
                    for (int c = 0; c < cols; c++) {
                        y[r * cols + c] /= s;
                    }
                }
            }
            default -> {
                for (int i = 0; i < y.length; i++) {
                    y[i] = rnd.nextDouble(-1, 1);
                }
            }
        }
        return y;
    }

    private static double value(Loss loss, Activation f, double[] z, double[] y) {
        double[] a = new double[z.length];
        f.forward(z, a, ROWS, COLS);
        return loss.value(z, a, y, ROWS, COLS);
    }

    private static void assertClose(double expected, double actual, double relTol, String what) {
        double tol = relTol * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-8;
        assertTrue(Math.abs(expected - actual) <= tol, () -> what + ": expected " + expected
                + ", found " + actual);
    }

    /** {@code delta} against central differences of {@code value} in each pre-activation. */
    @ParameterizedTest(name = "{1} after {0}")
    @CsvSource(delimiter = ';', value = {
        "identity; mae", "tanh; mae", "sigmoid; mae",
        "identity; huber", "identity; huber(delta=0.3)", "sigmoid; huber(delta=0.1)",
        "identity; log-cosh", "tanh; log-cosh",
        "identity; hinge", "tanh; hinge", "identity; squared-hinge", "tanh; squared-hinge",
        "softmax; kl-divergence",
        "softplus; poisson", "sigmoid; poisson", "softmax; poisson",
        "identity; mse", "leaky-relu; squared-error", "sigmoid; half-squared-error",
        "softmax; cross-entropy", "sigmoid; binary-cross-entropy",
    })
    void deltaMatchesFiniteDifferencesOfTheValue(String activation, String spec) {
        Activation f = REGISTRY.activation(activation);
        Loss loss = REGISTRY.loss(spec);
        loss.checkOutputActivation(f);
        SplittableRandom rnd = new SplittableRandom(activation.hashCode() * 31L + spec.hashCode());
        double[] y = targets(spec, rnd, ROWS, COLS);
        double[] z = new double[ROWS * COLS];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextDouble(-3, 3);
        }
        double[] a = new double[z.length];
        f.forward(z, a, ROWS, COLS);
        double[] delta = new double[z.length];
        loss.delta(f, z, a, y, delta, ROWS, COLS);

        double h = 1e-6;
        for (int i = 0; i < z.length; i++) {
            double saved = z[i];
            z[i] = saved + h;
            double up = value(loss, f, z, y);
            z[i] = saved - h;
            double down = value(loss, f, z, y);
            z[i] = saved;
            assertClose((up - down) / (2 * h), delta[i], 1e-6, spec + " after " + activation
                    + ", entry " + i);
        }
    }

    /** {@code outputGradient} against central differences of {@code value} in each output. */
    @ParameterizedTest
    @ValueSource(strings = {"mae", "huber", "huber(delta=0.25)", "log-cosh", "hinge",
        "squared-hinge", "poisson", "mse", "squared-error", "half-squared-error"})
    void outputGradientMatchesFiniteDifferencesOfTheValue(String spec) {
        Loss loss = REGISTRY.loss(spec);
        SplittableRandom rnd = new SplittableRandom(spec.hashCode());
        double[] y = targets(spec, rnd, ROWS, COLS);
        double[] a = new double[ROWS * COLS];
        for (int i = 0; i < a.length; i++) { // poisson needs positive outputs
            a[i] = spec.equals("poisson") ? rnd.nextDouble(0.1, 4) : rnd.nextDouble(-2, 2);
        }
        double[] g = new double[a.length];
        loss.outputGradient(a, y, g, ROWS, COLS);
        double h = 1e-6;
        for (int i = 0; i < a.length; i++) {
            double saved = a[i];
            a[i] = saved + h;
            double up = loss.value(a, a, y, ROWS, COLS);
            a[i] = saved - h;
            double down = loss.value(a, a, y, ROWS, COLS);
            a[i] = saved;
            assertClose((up - down) / (2 * h), g[i], 1e-6, spec + ", entry " + i);
        }
    }

    /**
     * For the fused losses the value is a function of the pre-activations, so their
     * {@code outputGradient} is checked another way: back-propagated through the activation it
     * must give the fused delta.
     */
    @ParameterizedTest
    @CsvSource({"softmax, cross-entropy", "sigmoid, binary-cross-entropy",
        "softmax, kl-divergence"})
    void fusedDeltaEqualsTheOutputGradientThroughTheActivation(String activation, String spec) {
        Activation f = REGISTRY.activation(activation);
        Loss loss = REGISTRY.loss(spec);
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = targets(spec, rnd, ROWS, COLS);
        double[] z = new double[ROWS * COLS];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextDouble(-4, 4);
        }
        double[] a = new double[z.length];
        f.forward(z, a, ROWS, COLS);
        double[] fused = new double[z.length];
        loss.delta(f, z, a, y, fused, ROWS, COLS);
        double[] unfused = new double[z.length];
        loss.outputGradient(a, y, unfused, ROWS, COLS);
        f.backward(z, a, unfused, unfused, ROWS, COLS);
        for (int i = 0; i < z.length; i++) {
            assertEquals(a[i] - y[i], fused[i], 0.0);
            assertEquals(fused[i], unfused[i], 1e-12, spec + ", entry " + i);
        }
    }

    /**
     * The per-sample losses add up to the batch loss bit for bit (the batch loss is their sum in
     * row order), and each equals the batch loss of its row alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"squared-error", "half-squared-error", "mse", "mae", "huber",
        "huber(delta=0.2)", "log-cosh", "hinge", "squared-hinge", "cross-entropy",
        "binary-cross-entropy", "kl-divergence", "poisson"})
    void valuesAddUpToTheValue(String spec) {
        Loss loss = REGISTRY.loss(spec);
        SplittableRandom rnd = new SplittableRandom(5 + spec.hashCode());
        double[] y = targets(spec, rnd, ROWS, COLS);
        double[] z = new double[ROWS * COLS];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextDouble(-3, 3);
        }
        String activation = switch (spec) {
            case "cross-entropy", "kl-divergence" -> "softmax";
            case "binary-cross-entropy" -> "sigmoid";
            case "poisson" -> "softplus";
            default -> "tanh";
        };
        double[] a = new double[z.length];
        REGISTRY.activation(activation).forward(z, a, ROWS, COLS);
        double[] out = new double[ROWS];
        loss.values(z, a, y, out, ROWS, COLS);
        double sum = 0;
        for (int r = 0; r < ROWS; r++) {
            sum += out[r];
            double[] zr = java.util.Arrays.copyOfRange(z, r * COLS, (r + 1) * COLS);
            double[] ar = java.util.Arrays.copyOfRange(a, r * COLS, (r + 1) * COLS);
            double[] yr = java.util.Arrays.copyOfRange(y, r * COLS, (r + 1) * COLS);
            assertEquals(loss.value(zr, ar, yr, 1, COLS), out[r], 0.0, spec + ", row " + r);
        }
        assertEquals(loss.value(z, a, y, ROWS, COLS), sum, 0.0, spec);
        assertTrue(Double.isFinite(sum) && sum != 0.0, spec + " sum " + sum);
    }

    @Test
    void valuesOfAnEmptyBatchAreNothingAndTheValueIsZero() {
        for (String spec : REGISTRY.names(dev.mlp.api.spi.PluginKind.LOSS)) {
            Loss loss = REGISTRY.loss(spec);
            double[] none = new double[0];
            loss.values(none, none, none, none, 0, 3);
            assertEquals(0.0, loss.value(none, none, none, 0, 3), 0.0, spec);
        }
    }
}
