package dev.mlp.core.loss;

import dev.mlp.api.spec.ParameterSpec;

/**
 * Huber loss (Huber 1964), per sample the sum over the outputs of
 * <pre>
 *   ℓ(d) = ½ d²              if |d| ≤ δ
 *   ℓ(d) = δ (|d| − ½ δ)     otherwise,        d = a_j − y_j
 * </pre>
 * quadratic near the target (equal to {@code half-squared-error} there) and linear far from it,
 * so outliers pull with a bounded force.
 *
 * <p>Gradient {@code dℓ/da = d} for {@code |d| ≤ δ}, else {@code δ · sign(d)}; continuous, so
 * the loss is differentiable everywhere. Any output activation; the delta is that gradient
 * back-propagated through it.
 */
public final class HuberLoss extends ElementwiseLoss {

    private final double delta;

    /**
     * @param delta the width {@code δ} of the quadratic zone, finite and greater than 0
     */
    public HuberLoss(double delta) {
        super("huber", false);
        if (!(delta > 0.0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("huber delta must be finite and > 0, found "
                    + delta);
        }
        this.delta = delta;
    }

    /**
     * @return the width {@code δ} of the quadratic zone
     */
    public double delta() {
        return delta;
    }

    @Override
    double term(double a, double t) {
        double d = Math.abs(a - t);
        return d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
    }

    @Override
    double derivative(double a, double t) {
        double d = a - t;
        return Math.abs(d) <= delta ? d : delta * Math.signum(d);
    }

    @Override
    public String toString() {
        return "huber(delta=" + ParameterSpec.format(delta) + ")";
    }
}
