package dev.mlp.core.loss;

/**
 * Mean absolute error, per sample the mean over the {@code n} outputs
 * {@code (1/n) Σ_j |a_j − y_j|}.
 *
 * <p>Gradient {@code sign(a_j − y_j) / n}, with the subgradient 0 where {@code a_j = y_j}. Any
 * output activation; the delta is that gradient back-propagated through it. Less sensitive to
 * outliers than {@code mse}, but its gradient does not shrink near the optimum.
 */
public final class MaeLoss extends ElementwiseLoss {

    /** The shared instance. */
    public static final MaeLoss INSTANCE = new MaeLoss();

    private MaeLoss() {
        super("mae", true);
    }

    @Override
    double term(double a, double t) {
        return Math.abs(a - t);
    }

    @Override
    double derivative(double a, double t) {
        return Math.signum(a - t);
    }
}
