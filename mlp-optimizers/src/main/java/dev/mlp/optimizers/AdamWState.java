package dev.mlp.optimizers;

import dev.mlp.api.ParameterLayout;

/**
 * The run state of {@link AdamW}: the two moment estimates per parameter ({@code m.<block>},
 * {@code v.<block>}), which blocks decay, the step count and the current learning rate.
 */
final class AdamWState extends ElementwiseState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;
    private final boolean[] decays;
    private final double[][] m;
    private final double[][] v;

    /** {@code 1 - beta1^t} of the step being applied. */
    private double correction1;
    /** {@code 1 - beta2^t} of the step being applied. */
    private double correction2;
    /** {@code 1 - lr * decay} of the step being applied. */
    private double shrink;

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
    void prepare() {
        correction1 = 1.0 - Math.pow(beta1, stepNumber);
        correction2 = 1.0 - Math.pow(beta2, stepNumber);
        shrink = 1.0 - stepRate * decay;
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double c1 = correction1;
        double c2 = correction2;
        double s = shrink;
        double[] mb = m[block];
        double[] vb = v[block];
        boolean decayed = decays[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
            double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
            mb[i] = mi;
            vb[i] = vi;
            double step = lr * (mi / c1) / (Math.sqrt(vi / c2) + epsilon);
            w[i] = (decayed ? w[i] * s : w[i]) - step;
        }
    }
}
