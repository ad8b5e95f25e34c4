package dev.mlp.optimizers;

/**
 * The run state of {@link AmsGrad}: the moments ({@code m.<block>}, {@code v.<block>}) and the
 * running maximum of {@code v} ({@code vmax.<block>}) per parameter, the step count and the
 * current learning rate.
 */
final class AmsGradState extends ElementwiseState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] v;
    private final double[][] vMax;

    /** {@code 1 - beta1^t} of the step being applied. */
    private double correction1;
    /** {@code 1 - beta2^t} of the step being applied. */
    private double correction2;

    AmsGradState(double lr, double beta1, double beta2, double epsilon, int[] sizes) {
        super(AmsGrad.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = perBlock("m");
        this.v = perBlock("v");
        this.vMax = perBlock("vmax");
    }

    @Override
    void prepare() {
        correction1 = 1.0 - Math.pow(beta1, stepNumber);
        correction2 = 1.0 - Math.pow(beta2, stepNumber);
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        double c1 = correction1;
        double c2 = correction2;
        double[] mb = m[block];
        double[] vb = v[block];
        double[] xb = vMax[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
            double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
            double xi = Math.max(xb[i], vi);
            mb[i] = mi;
            vb[i] = vi;
            xb[i] = xi;
            w[i] -= lr * (mi / c1) / (Math.sqrt(xi / c2) + epsilon);
        }
    }
}
