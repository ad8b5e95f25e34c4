package dev.mlp.optimizers;

/** The run state of {@link Sgd}: the step count and the current learning rate. */
final class SgdState extends ElementwiseState {

    SgdState(double lr, int[] sizes) {
        super(Sgd.NAME, sizes, lr);
    }

    @Override
    void apply(int block, double[] w, double[] g, int from, int to) {
        double lr = stepRate;
        for (int i = from; i < to; i++) {
            w[i] -= lr * g[i];
        }
    }
}
