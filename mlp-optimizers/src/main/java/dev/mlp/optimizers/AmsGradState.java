package dev.mlp.optimizers;

/**
 * The run state of {@link AmsGrad}: the moments ({@code m.<block>}, {@code v.<block>}) and the
 * running maximum of {@code v} ({@code vmax.<block>}) per parameter, the step count and the
 * current learning rate.
 */
final class AmsGradState extends RunState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] v;
    private final double[][] vMax;

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
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        long t = steps + 1;
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] mb = m[b];
            double[] vb = v[b];
            double[] xb = vMax[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                double xi = Math.max(xb[i], vi);
                mb[i] = mi;
                vb[i] = vi;
                xb[i] = xi;
                w[i] -= lr * (mi / correction1) / (Math.sqrt(xi / correction2) + epsilon);
            }
        }
        steps = t;
    }
}
