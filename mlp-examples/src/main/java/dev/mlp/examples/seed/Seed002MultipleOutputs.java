package dev.mlp.examples.seed;

import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;
import java.util.Arrays;

/**
 * Seed 002, "multiple outputs": a 2-4-3-2-4 linear network without biases, {@code x = [2, 4]},
 * {@code y* = [5, 6, 7, 8]}, trained with normalized-gradient steps
 * {@code w ← w − h·∇J/‖∇J‖}, {@code h = 0.002}, for 25 iterations.
 *
 * <p>The seed says its weights "are given in the code", which it does not show, so its printed
 * outputs cannot be reproduced. This example chooses its own weights (printed below), set so that
 * the initial outputs lie within about 0.35 of the targets, as the seed's evidently did. Every
 * step moves the weight vector by exactly {@code h}, so the outputs approach the targets and then
 * hover within a step's reach of them instead of settling.
 */
public final class Seed002MultipleOutputs implements Example {

    static final double[][] W2 = {{0.1, 0.2, 0.3, 0.4}, {0.4, 0.3, 0.2, 0.1}};
    static final double[][] W3 = {{0.2, 0.3, 0.1}, {0.3, 0.1, 0.2}, {0.1, 0.2, 0.3},
        {0.2, 0.2, 0.2}};
    static final double[][] W4 = {{0.5, 0.4}, {0.4, 0.5}, {0.3, 0.6}};
    static final double[][] W5 = {{1.4, 1.7, 2.0, 2.3}, {1.5, 1.8, 2.1, 2.4}};

    @Override
    public String name() {
        return "seed002-multiple-outputs";
    }

    @Override
    public String title() {
        return "seed 002: 2-4-3-2-4 linear network, four outputs, normalized-gradient steps";
    }

    @Override
    public void run(Report r) {
        double[] target = {5, 6, 7, 8};
        Trace t = Seed002Linear.train(new double[] {2, 4}, target, 0.002, "normalized-gradient",
                25, W2, W3, W4, W5);
        r.section("chosen initial weights (w[i][j] from neuron i to neuron j)");
        r.note("w2 = " + Arrays.deepToString(W2));
        r.note("w3 = " + Arrays.deepToString(W3));
        r.note("w4 = " + Arrays.deepToString(W4));
        r.note("w5 = " + Arrays.deepToString(W5));
        r.section("outputs");
        double[] y0 = t.outputAfter(0);
        for (int j = 0; j < 4; j++) {
            r.value("y" + (j + 1) + " initially", y0[j]);
        }
        String[] printed = {"5.0038", "5.9990", "7.0032", "7.9952"};
        double[] y = t.outputAfter(25);
        for (int j = 0; j < 4; j++) {
            r.unreproducible("y" + (j + 1) + " after 25 iterations", printed[j], y[j],
                    "seed's initial weights not given");
        }
        for (int n : new int[] {0, 5, 10, 15, 20, 25}) {
            double[] v = t.outputAfter(n);
            double j = 0;
            for (int k = 0; k < 4; k++) {
                j += 0.5 * (v[k] - target[k]) * (v[k] - target[k]);
            }
            r.value("J after " + n + " iterations", j);
        }
        double moved = 0;
        for (int l = 0; l < 4; l++) {
            double[] a = t.after(24).weights()[l];
            double[] b = t.after(25).weights()[l];
            for (int i = 0; i < a.length; i++) {
                moved += (b[i] - a[i]) * (b[i] - a[i]);
            }
        }
        r.value("length of the 25th step (must be h = 0.002)", Math.sqrt(moved));
        r.convergence(name(), "four outputs", t, target, 25);
    }
}
