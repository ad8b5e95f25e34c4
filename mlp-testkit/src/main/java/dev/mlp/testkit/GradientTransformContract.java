package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.spi.PluginProvider;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contract of a {@link GradientTransform}, applied to the four blocks of
 * {@link OptimizerContract}'s layout, with parameters in {@code [-2, 2]} and gradients in
 * {@code [-3, 3]} plus a few large ones ({@code +-50}) so that clipping has something to clip.
 *
 * <ul>
 *   <li>{@value #PARAMETERS}: the parameter arrays keep their values.</li>
 *   <li>{@value #DETERMINISTIC}: the same input gives the same gradients and penalty, bit for
 *       bit, on the same and on another instance.</li>
 *   <li>{@value #PENALTY}: the penalty is finite and at least 0, and so is every gradient
 *       finite.</li>
 * </ul>
 */
public final class GradientTransformContract extends PluginContract<GradientTransform,
        GradientTransformContract> {

    static final String PARAMETERS = "parameters are not modified";
    static final String DETERMINISTIC = "same input, same output";
    static final String PENALTY = "penalty and gradients are finite, penalty not negative";

    static final List<String> CHECKS = List.of(PARAMETERS, DETERMINISTIC, PENALTY);

    GradientTransformContract(PluginProvider<GradientTransform> provider) {
        super(PluginKind.GRADIENT_TRANSFORM, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(PARAMETERS, spec, () -> checkParameters(spec)),
                new Check(DETERMINISTIC, spec, () -> checkDeterministic(spec)),
                new Check(PENALTY, spec, () -> checkPenalty(spec)));
    }

    @Override
    String nameOf(GradientTransform instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(GradientTransform t) {
        double[][] params = blocks(1, 2);
        double[][] grads = gradients(2);
        double penalty = t.apply(OptimizerContract.LAYOUT, params, grads);
        return Numbers.concat(Numbers.flatten(grads), new double[] {penalty});
    }

    static double[][] blocks(long seed, double range) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[OptimizerContract.LAYOUT.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = Numbers.uniform(r, OptimizerContract.LAYOUT.block(i).size(), -range, range);
        }
        return b;
    }

    static double[][] gradients(long seed) {
        double[][] g = blocks(seed + 100, 3);
        g[0][1] = 50;
        g[0][4] = -50;
        g[2][0] = 40;
        return g;
    }

    private void checkParameters(String spec) {
        GradientTransform t = create(spec);
        double[][] params = blocks(3, 2);
        double[][] keep = Numbers.copy(params);
        t.apply(OptimizerContract.LAYOUT, params, gradients(3));
        for (int b = 0; b < params.length; b++) {
            if (!Numbers.sameBits(keep[b], params[b])) {
                throw new AssertionError(spec + ": apply changed the parameters of block " + b
                        + " " + OptimizerContract.LAYOUT.block(b) + ": "
                        + Numbers.describeDifference(keep[b], params[b]));
            }
        }
    }

    private void checkDeterministic(String spec) {
        double[][] params = blocks(4, 2);
        GradientTransform t = create(spec);
        double[][] g1 = gradients(4);
        double[][] g2 = gradients(4);
        double[][] g3 = gradients(4);
        double p1 = t.apply(OptimizerContract.LAYOUT, Numbers.copy(params), g1);
        double p2 = t.apply(OptimizerContract.LAYOUT, Numbers.copy(params), g2);
        double p3 = create(spec).apply(OptimizerContract.LAYOUT, Numbers.copy(params), g3);
        double[] f1 = Numbers.concat(Numbers.flatten(g1), new double[] {p1});
        double[] f2 = Numbers.concat(Numbers.flatten(g2), new double[] {p2});
        double[] f3 = Numbers.concat(Numbers.flatten(g3), new double[] {p3});
        if (!Numbers.sameBits(f1, f2) || !Numbers.sameBits(f1, f3)) {
            throw new AssertionError(spec + ": the same gradients and parameters give different "
                    + "results (gradients, then the penalty last): "
                    + Numbers.describeDifference(f1, Numbers.sameBits(f1, f2) ? f3 : f2));
        }
    }

    private void checkPenalty(String spec) {
        double[][] g = gradients(5);
        double penalty = create(spec).apply(OptimizerContract.LAYOUT, blocks(5, 2), g);
        Problems p = new Problems(spec + ": penalty and gradients");
        if (!(penalty >= 0) || !Double.isFinite(penalty)) {
            p.add("penalty is " + penalty);
        }
        for (int b = 0; b < g.length; b++) {
            for (int i = 0; i < g[b].length; i++) {
                if (!Double.isFinite(g[b][i])) {
                    p.add("gradient " + i + " of block " + b + " is " + g[b][i]);
                }
            }
        }
        p.throwIfAny();
    }
}
