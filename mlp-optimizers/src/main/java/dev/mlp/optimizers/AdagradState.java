package dev.mlp.optimizers;

/**
 * The run state of {@link Adagrad}: the sum of squared gradients per parameter (saved as
 * {@code s.<block>}), the step count and the current learning rate.
 */
final class AdagradState extends ElementwiseState {

    private final double epsilon;
    private final double[][] sum;

    AdagradState(double lr, double epsilon, int[] sizes) {
        super(Adagrad.NAME, sizes, lr);
        this.epsilon = epsilon;
        this.sum = perBlock("s");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double[] s = sum[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = s[i] + gi * gi;
            s[i] = si;
            w[i] -= lr * gi / (Math.sqrt(si) + epsilon);
        }
    }
}
