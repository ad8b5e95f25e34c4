package dev.mlp.optimizers;

/**
 * The run state of {@link Momentum}: one velocity per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class MomentumState extends RunState {

    private final double mu;
    private final double[][] velocity;

    MomentumState(double lr, double mu, int[] sizes) {
        super(Momentum.NAME, sizes, lr);
        this.mu = mu;
        this.velocity = perBlock("v");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] v = velocity[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double vi = mu * v[i] - lr * g[i];
                v[i] = vi;
                w[i] += vi;
            }
        }
        steps++;
    }
}
