package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;

/** The run state of {@link Sgd}: only the step count. */
final class SgdState implements OptimizerState {

    private final double lr;
    private final int[] sizes;
    private long steps;

    SgdState(double lr, int[] sizes) {
        this.lr = lr;
        this.sizes = sizes;
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(Sgd.NAME, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                w[i] -= lr * g[i];
            }
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }
}
