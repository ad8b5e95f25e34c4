package dev.mlp.optimizers;

/**
 * The run state of {@link RmsProp}: the mean square per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class RmsPropState extends ElementwiseState {

    private final double rho;
    private final double epsilon;
    private final double[][] v;

    RmsPropState(double lr, double rho, double epsilon, int[] sizes) {
        super(RmsProp.NAME, sizes, lr);
        this.rho = rho;
        this.epsilon = epsilon;
        this.v = perBlock("v");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double[] vb = v[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double vi = rho * vb[i] + (1.0 - rho) * gi * gi;
            vb[i] = vi;
            w[i] -= lr * gi / (Math.sqrt(vi) + epsilon);
        }
    }
}
