package dev.mlp.optimizers;

/**
 * The run state of {@link RmsProp}: the mean square per parameter (saved as {@code v.<block>}),
 * the step count and the current learning rate.
 */
final class RmsPropState extends RunState {

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
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] vb = v[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double vi = rho * vb[i] + (1.0 - rho) * gi * gi;
                vb[i] = vi;
                w[i] -= lr * gi / (Math.sqrt(vi) + epsilon);
            }
        }
        steps++;
    }
}
