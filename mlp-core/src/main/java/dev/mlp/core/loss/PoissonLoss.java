package dev.mlp.core.loss;

import dev.mlp.api.Activation;

/**
 * Poisson negative log-likelihood for count targets, per sample the sum over the outputs of
 * {@code a_j − y_j log a_j}, each output {@code a_j} the predicted rate (mean count) and each
 * target {@code y_j ≥ 0}. The constant {@code log(y_j!)} is left out, so the loss can be negative;
 * it is smallest at {@code a_j = y_j}.
 *
 * <p>Gradient {@code dℓ/da = 1 − y_j / a_j}; the delta is that gradient back-propagated through
 * the output activation. The term {@code y log a} is taken as 0 when {@code y = 0}.
 *
 * <p>The outputs must be positive rates: use an output activation whose values are positive,
 * such as {@code softplus} (the usual choice) or {@code sigmoid} (rates below 1). An activation
 * whose declared {@link Activation#outputRange()} includes values {@code ≤ 0} (such as
 * {@code identity}, {@code tanh}, {@code relu}, or any activation that declares no range) is
 * rejected by {@link #checkOutputActivation}. If an output still reaches
 * {@code a ≤ 0} (for example through underflow),
 * the term is {@code +∞} (except {@code a = 0} with {@code y = 0}, which gives 0), so the
 * trainer's divergence guard stops training with the batch named instead of learning from a
 * meaningless number. A negative or NaN target is an error naming its row and column.
 */
public final class PoissonLoss extends ElementwiseLoss {

    /** The shared instance. */
    public static final PoissonLoss INSTANCE = new PoissonLoss();

    private PoissonLoss() {
        super("poisson", false);
    }

    @Override
    public void checkOutputActivation(Activation output) {
        if (!output.outputRange().onlyPositive()) {
            throw new IllegalArgumentException("loss 'poisson' needs positive outputs (rates), "
                    + "such as a 'softplus' or 'sigmoid' output layer; found '" + output.name()
                    + "', which can give outputs <= 0 (its output range is "
                    + output.outputRange() + ")");
        }
    }

    @Override
    double target(double[] y, int i, int cols) {
        return Targets.nonNegative(name(), y, i, cols);
    }

    @Override
    double term(double a, double t) {
        if (a > 0.0) {
            return t == 0.0 ? a : a - t * Math.log(a);
        }
        if (a == 0.0 && t == 0.0) {
            return 0.0;
        }
        return a <= 0.0 ? Double.POSITIVE_INFINITY : a; // a is NaN: pass it on
    }

    @Override
    double derivative(double a, double t) {
        return t == 0.0 ? 1.0 : 1.0 - t / a;
    }
}
