package dev.mlp.optimizers;

/**
 * The run state of {@link Momentum}: one velocity per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class MomentumState extends ElementwiseState {

    private final double mu;
    private final double[][] velocity;

    MomentumState(double lr, double mu, int[] sizes) {
        super(Momentum.NAME, sizes, lr);
        this.mu = mu;
        this.velocity = perBlock("v");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double[] v = velocity[block];
        for (int i = from; i < to; i++) {
            double vi = mu * v[i] - lr * g[i];
            v[i] = vi;
            w[i] += vi;
        }
    }
}
