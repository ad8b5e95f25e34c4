package dev.mlp.optimizers;

/**
 * The run state of {@link Adamax}: the first moment ({@code m.<block>}) and the infinity-norm
 * estimate ({@code u.<block>}) per parameter, the step count and the current learning rate.
 */
final class AdamaxState extends ElementwiseState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] u;

    /** {@code lr / (1 - beta1^t)} of the step being applied. */
    private double scaledRate;

    AdamaxState(double lr, double beta1, double beta2, double epsilon, int[] sizes) {
        super(Adamax.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = perBlock("m");
        this.u = perBlock("u");
    }

    @Override
    void prepare() {
        scaledRate = stepRate / (1.0 - Math.pow(beta1, stepNumber));
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double r = scaledRate;
        double[] mb = m[block];
        double[] ub = u[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
            double ui = Math.max(beta2 * ub[i], Math.abs(gi) + epsilon);
            mb[i] = mi;
            ub[i] = ui;
            w[i] -= r * mi / ui;
        }
    }
}
