package dev.mlp.core.loss;

/**
 * Log-cosh loss, per sample the sum over the outputs of {@code log cosh(a_j − y_j)}: about
 * {@code ½d²} for small errors and {@code |d| − log 2} for large ones, smooth everywhere.
 *
 * <p>Computed without overflow for any finite {@code d}: for {@code |d| > 1} as
 * {@code |d| + log1p(e^{−2|d|}) − log 2}, for {@code |d| ≤ 1} as {@code log1p(2 sinh²(d/2))},
 * which keeps full relative precision near 0. Gradient {@code dℓ/da = tanh(a_j − y_j)}. Any output
 * activation; the delta is that gradient back-propagated through it.
 */
public final class LogCoshLoss extends ElementwiseLoss {

    /** The shared instance. */
    public static final LogCoshLoss INSTANCE = new LogCoshLoss();

    private static final double LN2 = Math.log(2.0);

    private LogCoshLoss() {
        super("log-cosh", false);
    }

    /**
     * @param d the error
     * @return {@code log cosh(d)}, finite for finite {@code d}
     */
    static double logCosh(double d) {
        double x = Math.abs(d);
        if (x <= 1.0) {
            double s = Math.sinh(0.5 * x);
            return Math.log1p(2.0 * s * s);
        }
        return x + Math.log1p(Math.exp(-2.0 * x)) - LN2;
    }

    @Override
    double term(double a, double t) {
        return logCosh(a - t);
    }

    @Override
    double derivative(double a, double t) {
        return Math.tanh(a - t);
    }
}
