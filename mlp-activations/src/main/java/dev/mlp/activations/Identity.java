package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The identity (linear) activation: {@code f(z) = z}.
 *
 * <ul>
 *   <li>Range: all reals.</li>
 *   <li>Derivative: {@code f'(z) = 1} everywhere; no kinks.</li>
 * </ul>
 *
 * <p>Registered as {@code identity}, alias {@code linear}. This is the "net input" activation of
 * the seed documents' first examples ({@code s(z) = z}).
 */
public final class Identity extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "identity";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Identity() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return z;
    }

    @Override
    protected double derivative(double z, double a) {
        return 1.0;
    }

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        if (a != z) {
            System.arraycopy(z, 0, a, 0, rows * cols);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                         int cols) {
        if (gradZ != gradA) {
            System.arraycopy(gradA, 0, gradZ, 0, rows * cols);
        }
    }

    /**
     * @return every real number
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.REALS;
    }
}
