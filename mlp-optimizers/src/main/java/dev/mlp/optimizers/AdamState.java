package dev.mlp.optimizers;

/**
 * The run state of {@link Adam}: the two moment estimates per parameter (saved as
 * {@code m.<block>} and {@code v.<block>}), the step count and the current learning rate.
 */
final class AdamState extends RunState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] v;

    AdamState(double lr, double beta1, double beta2, double epsilon, int[] sizes) {
        super(Adam.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = perBlock("m");
        this.v = perBlock("v");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        long t = steps + 1;
        // 1 - beta^t: pow is exact enough and, unlike a running product, independent of history
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] mb = m[b];
            double[] vb = v[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double mHat = mi / correction1;
                double vHat = vi / correction2;
                w[i] -= lr * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
        steps = t;
    }
}
