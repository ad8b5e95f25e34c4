package dev.mlp.core.loss;

/**
 * Hinge losses for binary classification with one or more independent outputs, each target a
 * class label {@code −1} or {@code 1}; a target of {@code 0} is read as {@code −1}, so
 * {@code 0/1} labels work unchanged. Any other target is an error naming its row and column.
 * With the label {@code t_j} and the margin {@code m_j = 1 − t_j a_j}, per sample:
 *
 * <ul>
 *   <li>{@code hinge}: {@code Σ_j max(0, m_j)}, gradient {@code −t_j} where {@code m_j > 0},
 *       else 0 (the subgradient 0 at the kink {@code t_j a_j = 1});</li>
 *   <li>{@code squared-hinge}: {@code Σ_j max(0, m_j)²}, gradient {@code −2 t_j max(0, m_j)},
 *       differentiable everywhere.</li>
 * </ul>
 *
 * <p>Meant for an {@code identity} (linear) output, as in a linear SVM: predict class
 * {@code sign(a)}. A {@code tanh} output works too, though its outputs never reach the margin.
 * The delta is the gradient back-propagated through the output activation.
 */
public final class HingeLoss extends ElementwiseLoss {

    /** {@code hinge}: {@code Σ max(0, 1 − t·a)}. */
    public static final HingeLoss HINGE = new HingeLoss("hinge", false);
    /** {@code squared-hinge}: {@code Σ max(0, 1 − t·a)²}. */
    public static final HingeLoss SQUARED = new HingeLoss("squared-hinge", true);

    private final boolean squared;

    private HingeLoss(String name, boolean squared) {
        super(name, false);
        this.squared = squared;
    }

    @Override
    double target(double[] y, int i, int cols) {
        return Targets.sign(name(), y, i, cols);
    }

    @Override
    double term(double a, double t) {
        double m = Math.max(0.0, 1.0 - t * a);
        return squared ? m * m : m;
    }

    @Override
    double derivative(double a, double t) {
        double m = 1.0 - t * a;
        if (!(m > 0.0)) {
            return 0.0;
        }
        return squared ? -2.0 * t * m : -t;
    }
}
