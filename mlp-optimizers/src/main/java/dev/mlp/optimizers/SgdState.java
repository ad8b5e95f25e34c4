package dev.mlp.optimizers;

/** The run state of {@link Sgd}: the step count and the current learning rate. */
final class SgdState extends RunState {

    SgdState(double lr, int[] sizes) {
        super(Sgd.NAME, sizes, lr);
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                w[i] -= lr * g[i];
            }
        }
        steps++;
    }
}
