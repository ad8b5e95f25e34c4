package dev.mlp.optimizers;

/**
 * The run state of {@link Nesterov}: one velocity per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class NesterovState extends RunState {

    private final double mu;
    private final double[][] velocity;

    NesterovState(double lr, double mu, int[] sizes) {
        super(Nesterov.NAME, sizes, lr);
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
                double step = lr * g[i];
                double vi = mu * v[i] - step;
                v[i] = vi;
                w[i] += mu * vi - step;
            }
        }
        steps++;
    }
}
