package dev.mlp.examples.seed;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;
import java.util.Arrays;

/**
 * Seed 002, "biases and activation functions": the 2-4-3-2-4 network now with a bias in every
 * layer and one activation throughout, {@code x = [0.2, 0.5]},
 * {@code y* = [0.8, 0.1, 0.5, 0.7]}, plain gradient descent with {@code h = 0.1} for 30
 * iterations, compared across linear, ReLU, sigmoid and tanh.
 *
 * <p>The seed's weights and biases are "given in the code", which it does not show. This example
 * chooses all-positive initial values (printed below); as the seed remarks, with positive values
 * and linear mappings ReLU never leaves its linear branch, so ReLU and linear train identically,
 * which the example checks.
 */
public final class Seed002Activations implements Example {

    static final double[][] W1 = {{0.1, 0.2, 0.3, 0.4}, {0.5, 0.6, 0.7, 0.8}};
    static final double[] B1 = {0.1, 0.1, 0.1, 0.1};
    static final double[][] W2 = {{0.2, 0.1, 0.3}, {0.3, 0.2, 0.1}, {0.1, 0.3, 0.2},
        {0.2, 0.2, 0.2}};
    static final double[] B2 = {0.1, 0.1, 0.1};
    static final double[][] W3 = {{0.3, 0.2}, {0.2, 0.3}, {0.1, 0.4}};
    static final double[] B3 = {0.1, 0.1};
    static final double[][] W4 = {{0.4, 0.1, 0.3, 0.5}, {0.3, 0.2, 0.4, 0.2}};
    static final double[] B4 = {0.1, 0.1, 0.1, 0.1};

    @Override
    public String name() {
        return "seed002-activations";
    }

    @Override
    public String title() {
        return "seed 002: biases and four activations (linear, relu, sigmoid, tanh) compared";
    }

    @Override
    public void run(Report r) {
        double[] x = {0.2, 0.5};
        double[] target = {0.8, 0.1, 0.5, 0.7};
        r.section("chosen initial weights and biases (all positive)");
        r.note("w1 = " + Arrays.deepToString(W1) + ", b1 = " + Arrays.toString(B1));
        r.note("w2 = " + Arrays.deepToString(W2) + ", b2 = " + Arrays.toString(B2));
        r.note("w3 = " + Arrays.deepToString(W3) + ", b3 = " + Arrays.toString(B3));
        r.note("w4 = " + Arrays.deepToString(W4) + ", b4 = " + Arrays.toString(B4));
        String[] printed = {"0.8002", "0.1005", "0.5001", "0.6997"};
        double[][] finals = new double[4][];
        String[] names = {"linear", "relu", "sigmoid", "tanh"};
        for (int k = 0; k < names.length; k++) {
            Trace t = train(names[k], x, target);
            finals[k] = t.outputAfter(30);
            r.section(names[k] + ": outputs after 30 iterations");
            for (int j = 0; j < 4; j++) {
                if (k == 0) {
                    r.unreproducible("y" + (j + 1), printed[j], finals[k][j],
                            "seed's initial values not given");
                } else {
                    r.value("y" + (j + 1), finals[k][j]);
                }
            }
            r.value("J initially", j(t.outputAfter(0), target));
            r.value("J after 10 iterations", j(t.outputAfter(10), target));
            r.value("J after 30 iterations", j(finals[k], target));
            r.convergence(name() + "-" + names[k], names[k], t, target, 30);
        }
        r.section("relu against linear");
        double diff = 0;
        for (int j = 0; j < 4; j++) {
            diff = Math.max(diff, Math.abs(finals[0][j] - finals[1][j]));
        }
        r.value("largest |relu - linear| after 30 iterations", diff);
    }

    static Trace train(String activation, double[] x, double[] target) {
        Trace t = new Trace(x);
        Model m = Mlp.builder()
                .inputs(2)
                .layer(4, activation).layer(3, activation).layer(2, activation)
                .layer(4, activation)
                .weights(1, W1).biases(1, B1).weights(2, W2).biases(2, B2)
                .weights(3, W3).biases(3, B3).weights(4, W4).biases(4, B4)
                .loss("half-squared-error")
                .optimizer("sgd(lr=0.1)")
                .batch("full-batch")
                .epochs(30)
                .listener(t)
                .build();
        m.fit(new double[][] {x}, new double[][] {target});
        return t;
    }

    private static double j(double[] y, double[] t) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += 0.5 * (y[k] - t[k]) * (y[k] - t[k]);
        }
        return s;
    }
}
