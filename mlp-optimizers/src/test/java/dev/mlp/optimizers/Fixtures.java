package dev.mlp.optimizers;

import dev.mlp.api.ObjectiveOptimizer;
import dev.mlp.api.Optimizer;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

/** Layouts, arrays and optimizers shared by the tests. */
final class Fixtures {

    /** Two layers: weights 3x2, biases 2, weights 2x1, bias 1. */
    static final ParameterLayout NET = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 6), new Block(1, Kind.BIASES, 2),
            new Block(2, Kind.WEIGHTS, 2), new Block(2, Kind.BIASES, 1)));

    private Fixtures() {
    }

    /**
     * Every step optimizer of this module with its defaults, and a few other configurations;
     * not those that evaluate the objective themselves (lbfgs, see {@code LbfgsTest}).
     */
    static List<Optimizer> optimizers() {
        List<Optimizer> list = new ArrayList<>();
        for (OptimizerProvider p : providers()) {
            Optimizer o = create(p.name());
            if (!(o instanceof ObjectiveOptimizer)) {
                list.add(o);
            }
        }
        list.add(create("normalized-gradient(scope=per-layer, momentum=0.5)"));
        list.add(create("normalized-gradient(scope=per-parameter, momentum=0.9)"));
        list.add(create("normalized-gradient(momentum=0.9)"));
        list.add(create("adamw(decay=0.5, lr=0.05)"));
        list.add(create("lookahead(inner=momentum, lr=0.05, k=2, alpha=0.5)"));
        list.add(create("schedule-free-adamw(lr=0.01, beta1=0.5, warmup=3)"));
        return list;
    }

    static List<OptimizerProvider> providers() {
        List<OptimizerProvider> list = new ArrayList<>();
        for (OptimizerProvider p : ServiceLoader.load(OptimizerProvider.class)) {
            if (p.getClass().getPackageName().equals("dev.mlp.optimizers")) {
                list.add(p);
            }
        }
        return list;
    }

    static OptimizerProvider provider(String name) {
        for (OptimizerProvider p : providers()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider '" + name + "'");
    }

    static Optimizer create(String spec) {
        Spec s = Spec.parse(spec);
        return create(s.name(), s.arguments());
    }

    static Optimizer create(String name, Map<String, String> arguments) {
        OptimizerProvider p = provider(name);
        return p.create(Parameters.bind(p.name(), p.parameters(), arguments));
    }

    /** Uniform values in {@code [-1, 1]}. */
    static double[][] random(ParameterLayout layout, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[layout.size()][];
        for (int b = 0; b < x.length; b++) {
            x[b] = new double[layout.block(b).size()];
            for (int i = 0; i < x[b].length; i++) {
                x[b][i] = -1 + 2 * rnd.nextDouble();
            }
        }
        return x;
    }

    /** Values of magnitude in {@code [0.5, 1.5]} with random signs: far from 0. */
    static double[][] awayFromZero(ParameterLayout layout, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[layout.size()][];
        for (int b = 0; b < x.length; b++) {
            x[b] = new double[layout.block(b).size()];
            for (int i = 0; i < x[b].length; i++) {
                x[b][i] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble());
            }
        }
        return x;
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int b = 0; b < x.length; b++) {
            c[b] = x[b].clone();
        }
        return c;
    }
}
