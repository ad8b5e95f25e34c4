package dev.mlp.examples.seed;

import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;

/**
 * Seed 002, "multiple neurons and multiple inputs": a 2-2-2-1 linear network without biases,
 * {@code x = [2, 4]}, {@code y* = 8}, {@code h = 0.005}.
 */
public final class Seed002MultipleInputs implements Example {

    @Override
    public String name() {
        return "seed002-2-2-2-1";
    }

    @Override
    public String title() {
        return "seed 002: a 2-2-2-1 linear network with two inputs";
    }

    @Override
    public void run(Report r) {
        Trace t = Seed002Linear.train(new double[] {2, 4}, new double[] {8}, 0.005, "sgd", 15,
                new double[][] {{0.7, 0.5}, {0.1, 0.9}},
                new double[][] {{0.4, 0.6}, {0.5, 0.2}},
                new double[][] {{0.8}, {0.4}});
        r.section("x = [2, 4], y* = 8, h = 0.005");
        r.value("initial output", t.outputAfter(0)[0]);
        r.check("y after 5 iterations", "7.7814", t.outputAfter(5)[0]);
        r.check("y after 10 iterations", "7.9992", t.outputAfter(10)[0]);
        r.check("y after 15 iterations", "8.0", t.outputAfter(15)[0]);
        r.convergence(name(), "two inputs", t, new double[] {8}, 15);
    }
}
