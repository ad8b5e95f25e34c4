package dev.mlp.examples.seed;

import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;

/**
 * Seed 002, "hidden layers with multiple neurons": a 1-2-2-1 linear network without biases,
 * {@code x = 2}, {@code y* = 1}, {@code h = 0.1}. The seed writes {@code w⁴} as a 2x2 matrix but
 * gives only {@code w⁴₁₁} and {@code w⁴₂₁}: with one output it is the column {@code [0.1, 0.1]}.
 */
public final class Seed002HiddenLayers implements Example {

    @Override
    public String name() {
        return "seed002-1-2-2-1";
    }

    @Override
    public String title() {
        return "seed 002: a 1-2-2-1 linear network";
    }

    @Override
    public void run(Report r) {
        Trace t = Seed002Linear.train(new double[] {2}, new double[] {1}, 0.1, "sgd", 15,
                new double[][] {{0.7, 0.5}},
                new double[][] {{0.4, 0.6}, {0.5, 0.2}},
                new double[][] {{0.1}, {0.1}});
        r.section("x = 2, y* = 1, h = 0.1");
        r.value("initial output", t.outputAfter(0)[0]);
        r.check("y after 5 iterations", "0.9272", t.outputAfter(5)[0]);
        r.check("y after 10 iterations", "0.9989", t.outputAfter(10)[0]);
        r.erratum("y after 15 iterations", "0.9999", t.outputAfter(15)[0],
                "truncated instead of rounded (0.999985)");
        r.convergence(name(), "1-2-2-1 network", t, new double[] {1}, 15);
    }
}
