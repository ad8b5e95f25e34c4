package dev.mlp.optimizers;

import dev.mlp.api.ParameterLayout;

/**
 * The run state of {@link AdamW}: the two moment estimates per parameter ({@code m.<block>},
 * {@code v.<block>}), which blocks decay, the step count and the current learning rate.
 */
final class AdamWState extends RunState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;
    private final boolean[] decays;
    private final double[][] m;
    private final double[][] v;

    AdamWState(double lr, double beta1, double beta2, double epsilon, double decay,
               ParameterLayout layout) {
        super(AdamW.NAME, Blocks.sizes(layout), lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
        this.decays = new boolean[layout.size()];
        for (int b = 0; b < decays.length; b++) {
            decays[b] = layout.block(b).kind() == ParameterLayout.Kind.WEIGHTS;
        }
        this.m = perBlock("m");
        this.v = perBlock("v");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        long t = steps + 1;
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        double shrink = 1.0 - lr * decay;
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] mb = m[b];
            double[] vb = v[b];
            boolean decayed = decays[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double step = lr * (mi / correction1) / (Math.sqrt(vi / correction2) + epsilon);
                w[i] = (decayed ? w[i] * shrink : w[i]) - step;
            }
        }
        steps = t;
    }
}
