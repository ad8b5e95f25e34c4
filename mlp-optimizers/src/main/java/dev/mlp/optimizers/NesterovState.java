package dev.mlp.optimizers;

/**
 * The run state of {@link Nesterov}: one velocity per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class NesterovState extends ElementwiseState {

    private final double mu;
    private final double[][] velocity;

    NesterovState(double lr, double mu, int[] sizes) {
        super(Nesterov.NAME, sizes, lr);
        this.mu = mu;
        this.velocity = perBlock("v");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double[] v = velocity[block];
        for (int i = from; i < to; i++) {
            double step = lr * g[i];
            double vi = mu * v[i] - step;
            v[i] = vi;
            w[i] += mu * vi - step;
        }
    }
}
