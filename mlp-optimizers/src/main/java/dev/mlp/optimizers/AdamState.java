package dev.mlp.optimizers;

/**
 * The run state of {@link Adam}: the two moment estimates per parameter (saved as
 * {@code m.<block>} and {@code v.<block>}), the step count and the current learning rate.
 */
final class AdamState extends ElementwiseState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] v;

    /** {@code 1 - beta1^t} of the step being applied. */
    private double correction1;
    /** {@code 1 - beta2^t} of the step being applied. */
    private double correction2;

    AdamState(double lr, double beta1, double beta2, double epsilon, int[] sizes) {
        super(Adam.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = perBlock("m");
        this.v = perBlock("v");
    }

    @Override
    void prepare() {
        // 1 - beta^t: pow is exact enough and, unlike a running product, independent of history
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
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
            double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
            mb[i] = mi;
            vb[i] = vi;
            double mHat = mi / c1;
            double vHat = vi / c2;
            w[i] -= lr * mHat / (Math.sqrt(vHat) + epsilon);
        }
    }
}
