package dev.mlp.optimizers;

/**
 * The run state of {@link Adamax}: the first moment ({@code m.<block>}) and the infinity-norm
 * estimate ({@code u.<block>}) per parameter, the step count and the current learning rate.
 */
final class AdamaxState extends RunState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] u;

    AdamaxState(double lr, double beta1, double beta2, double epsilon, int[] sizes) {
        super(Adamax.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = perBlock("m");
        this.u = perBlock("u");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        long t = steps + 1;
        double rate = lr / (1.0 - Math.pow(beta1, t));
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] mb = m[b];
            double[] ub = u[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double ui = Math.max(beta2 * ub[i], Math.abs(gi) + epsilon);
                mb[i] = mi;
                ub[i] = ui;
                w[i] -= rate * mi / ui;
            }
        }
        steps = t;
    }
}
