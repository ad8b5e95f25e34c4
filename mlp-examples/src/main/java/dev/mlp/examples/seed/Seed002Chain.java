package dev.mlp.examples.seed;

import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;

/**
 * Seed 002, "hidden layers with a single neuron": four linear single-neuron layers,
 * {@code w = [0.8, 0.6, 0.1, 0.5]}, {@code x = 2}, {@code y* = 1}, {@code h = 0.1}.
 */
public final class Seed002Chain implements Example {

    @Override
    public String name() {
        return "seed002-chain";
    }

    @Override
    public String title() {
        return "seed 002: a chain of four single-neuron linear layers";
    }

    @Override
    public void run(Report r) {
        Trace t = Seed002Linear.train(new double[] {2}, new double[] {1}, 0.1, "sgd", 20,
                new double[][] {{0.8}}, new double[][] {{0.6}}, new double[][] {{0.1}},
                new double[][] {{0.5}});
        r.section("forward pass at the initial weights");
        double z1 = 2 * t.after(0).weights()[0][0];
        double z2 = z1 * t.after(0).weights()[1][0];
        double z3 = z2 * t.after(0).weights()[2][0];
        r.check("z1 = x*w1", "1.6", z1);
        r.check("z2 = z1*w2", "0.96", z2);
        r.check("z3 = z2*w3", "0.096", z3);
        r.check("y = z3*w4 (network output)", "0.048", t.outputAfter(0)[0]);
        r.section("output after training");
        r.erratum("y after 10 iterations", "0.7235", t.outputAfter(10)[0],
                "truncated instead of rounded (0.723556)");
        r.check("y after 15 iterations", "0.992283", t.outputAfter(15)[0]);
        r.check("y after 20 iterations", "0.9999", t.outputAfter(20)[0]);
        for (int l = 0; l < 4; l++) {
            r.value("w" + (l + 1) + " after 20 iterations", t.after(20).weights()[l][0]);
        }
        r.convergence(name(), "chain of four neurons", t, new double[] {1}, 20);
    }
}
