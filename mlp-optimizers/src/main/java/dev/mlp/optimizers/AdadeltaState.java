package dev.mlp.optimizers;

/**
 * The run state of {@link Adadelta}: the accumulated squared gradients ({@code a.<block>}) and
 * squared updates ({@code u.<block>}) per parameter, the step count and the learning rate.
 */
final class AdadeltaState extends ElementwiseState {

    private final double rho;
    private final double epsilon;
    private final double[][] a;
    private final double[][] u;

    AdadeltaState(double lr, double rho, double epsilon, int[] sizes) {
        super(Adadelta.NAME, sizes, lr);
        this.rho = rho;
        this.epsilon = epsilon;
        this.a = perBlock("a");
        this.u = perBlock("u");
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double[] ab = a[block];
        double[] ub = u[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double ai = rho * ab[i] + (1.0 - rho) * gi * gi;
            ab[i] = ai;
            double d = Math.sqrt(ub[i] + epsilon) / Math.sqrt(ai + epsilon) * gi;
            ub[i] = rho * ub[i] + (1.0 - rho) * d * d;
            w[i] -= lr * d;
        }
    }
}
