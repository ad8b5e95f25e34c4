package dev.mlp.optimizers;

/**
 * The run state of {@link Nadam}: the moments ({@code m.<block>}, {@code v.<block>}) per
 * parameter, the product of the momentum schedule so far ({@code mu-product}), the step count
 * and the current learning rate.
 */
final class NadamState extends ElementwiseState {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double psi;
    private final double[][] m;
    private final double[][] v;
    /** {@code P_t}, the product {@code mu_1 ... mu_t}; 1 before the first step. */
    private final double[] muProduct = register("mu-product", new double[] {1.0});

    /** {@code P_t} of the step being applied, saved by {@link #finish()}. */
    private double product;
    /** {@code 1 - beta2^t} of the step being applied. */
    private double correction2;
    /** The gradient's coefficient, {@code lr (1 - mu_t) / (1 - P_t)}, of the step being applied. */
    private double gradientRate;
    /** The moment's coefficient, {@code lr mu_(t+1) / (1 - P_(t+1))}, of the step being applied. */
    private double momentRate;

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
    void prepare() {
        long t = stepNumber;
        double lr = stepRate;
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * psi));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * psi));
        product = muProduct[0] * mu;
        double productNext = product * muNext;
        correction2 = 1.0 - Math.pow(beta2, t);
        gradientRate = lr * (1.0 - mu) / (1.0 - product);
        momentRate = lr * muNext / (1.0 - productNext);
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double c2 = correction2;
        double gr = gradientRate;
        double mr = momentRate;
        double[] mb = m[block];
        double[] vb = v[block];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
            double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
            mb[i] = mi;
            vb[i] = vi;
            double d = Math.sqrt(vi / c2) + epsilon;
            w[i] -= gr * gi / d + mr * mi / d;
        }
    }

    @Override
    void finish() {
        muProduct[0] = product;
    }
}
