package dev.mlp.optimizers;

/**
 * The run state of {@link Adadelta}: the accumulated squared gradients ({@code a.<block>}) and
 * squared updates ({@code u.<block>}) per parameter, the step count and the learning rate.
 */
final class AdadeltaState extends RunState {

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
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] ab = a[b];
            double[] ub = u[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double ai = rho * ab[i] + (1.0 - rho) * gi * gi;
                ab[i] = ai;
                double d = Math.sqrt(ub[i] + epsilon) / Math.sqrt(ai + epsilon) * gi;
                ub[i] = rho * ub[i] + (1.0 - rho) * d * d;
                w[i] -= lr * d;
            }
        }
        steps++;
    }
}
