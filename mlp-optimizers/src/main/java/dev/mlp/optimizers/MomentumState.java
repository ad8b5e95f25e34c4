package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;

/** The run state of {@link Momentum}: one velocity per parameter, and the step count. */
final class MomentumState implements OptimizerState {

    private final double lr;
    private final double mu;
    private final int[] sizes;
    private final double[][] velocity;
    private long steps;

    MomentumState(double lr, double mu, int[] sizes) {
        this.lr = lr;
        this.mu = mu;
        this.sizes = sizes;
        this.velocity = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            velocity[b] = new double[sizes[b]];
        }
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(Momentum.NAME, sizes, parameters, gradients);
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

    @Override
    public long steps() {
        return steps;
    }
}
