package dev.mlp.optimizers;

/**
 * The run state of {@link Adagrad}: the sum of squared gradients per parameter (saved as
 * {@code s.<block>}), the step count and the current learning rate.
 */
final class AdagradState extends RunState {

    private final double epsilon;
    private final double[][] sum;

    AdagradState(double lr, double epsilon, int[] sizes) {
        super(Adagrad.NAME, sizes, lr);
        this.epsilon = epsilon;
        this.sum = perBlock("s");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] s = sum[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double si = s[i] + gi * gi;
                s[i] = si;
                w[i] -= lr * gi / (Math.sqrt(si) + epsilon);
            }
        }
        steps++;
    }
}
