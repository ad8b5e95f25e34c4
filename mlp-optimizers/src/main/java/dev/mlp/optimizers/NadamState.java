package dev.mlp.optimizers;

/**
 * The run state of {@link Nadam}: the moments ({@code m.<block>}, {@code v.<block>}) per
 * parameter, the product of the momentum schedule so far ({@code mu-product}), the step count
 * and the current learning rate.
 */
final class NadamState extends RunState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double psi;
    private final double[][] m;
    private final double[][] v;
    /** {@code P_t}, the product {@code mu_1 ... mu_t}; 1 before the first step. */
    private final double[] muProduct = register("mu-product", new double[] {1.0});

    NadamState(double lr, double beta1, double beta2, double epsilon, double psi, int[] sizes) {
        super(Nadam.NAME, sizes, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.psi = psi;
        this.m = perBlock("m");
        this.v = perBlock("v");
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(name, sizes, parameters, gradients);
        long t = steps + 1;
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * psi));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * psi));
        double product = muProduct[0] * mu;
        double productNext = product * muNext;
        double correction2 = 1.0 - Math.pow(beta2, t);
        double gradientRate = lr * (1.0 - mu) / (1.0 - product);
        double momentRate = lr * muNext / (1.0 - productNext);
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
                double d = Math.sqrt(vi / correction2) + epsilon;
                w[i] -= gradientRate * gi / d + momentRate * mi / d;
            }
        }
        muProduct[0] = product;
        steps = t;
    }
}
