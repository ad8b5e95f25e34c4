package dev.mlp.examples.seed;

import dev.mlp.examples.Example;
import dev.mlp.examples.Report;
import dev.mlp.examples.Trace;

/**
 * Seed 002, "Single neural network": one linear weight, {@code x = 2}, {@code y* = 1},
 * {@code h = 0.1}, {@code w = 0.95}. Each step is {@code w ← w − h·(xw − y*)·x = 0.6w + 0.2},
 * so {@code w_n = 0.5 + 0.45·0.6^n}.
 */
public final class Seed002SingleWeight implements Example {

    @Override
    public String name() {
        return "seed002-single-weight";
    }

    @Override
    public String title() {
        return "seed 002: a single linear weight trained by gradient descent";
    }

    @Override
    public void run(Report r) {
        Trace t = Seed002Linear.train(new double[] {2}, new double[] {1}, 0.1, "sgd", 20,
                new double[][] {{0.95}});
        r.section("x = 2, y* = 1, h = 0.1, w = 0.95");
        r.check("initial output y = x*w", "1.9", t.outputAfter(0)[0]);
        r.check("w after 1 step", "0.77", t.after(1).weights()[0][0]);
        r.check("w after 10 steps", "0.5027", t.after(10).weights()[0][0]);
        r.check("w after 15 steps", "0.5002", t.after(15).weights()[0][0]);
        r.check("w after 20 steps", "0.5000", t.after(20).weights()[0][0]);
        r.value("closed form 0.5 + 0.45*0.6^20", 0.5 + 0.45 * Math.pow(0.6, 20));
        r.value("J after 20 steps", 0.5 * Math.pow(t.outputAfter(20)[0] - 1, 2));
        r.convergence(name(), "single weight", t, new double[] {1}, 20);
    }
}
