package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;

/**
 * The leaky rectified linear unit with slope {@code alpha} for negative inputs (Maas, Hannun and
 * Ng, "Rectifier Nonlinearities Improve Neural Network Acoustic Models", 2013):
 * {@code f(z) = z} for {@code z > 0}, {@code f(z) = alpha z} for {@code z <= 0}.
 *
 * <ul>
 *   <li>Parameter: {@code alpha} in {@code [0, 1)}, default {@code 0.01}. With
 *       {@code alpha = 0} it is {@link Relu}.</li>
 *   <li>Range: all reals for {@code alpha > 0}; {@code [0, inf)} for {@code alpha = 0}.</li>
 *   <li>Derivative: {@code 1} for {@code z > 0}, {@code alpha} for {@code z < 0}.</li>
 *   <li>Kink at {@code z = 0}: by convention this class uses the left derivative there,
 *       {@code f'(0) = alpha} (also for {@code z = -0.0}); it is a valid subgradient, and matches
 *       {@link Relu}'s {@code f'(0) = 0} when {@code alpha = 0}.</li>
 * </ul>
 */
public final class LeakyRelu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "leaky-relu";

    /** The default negative slope. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** The declaration of the {@code alpha} parameter: real in {@code [0, 1)}, default 0.01. */
    public static final ParameterSpec ALPHA = ParameterSpec
            .real("alpha", DEFAULT_ALPHA, "slope for negative inputs").atLeast(0).below(1);

    private final double alpha;

    /** Creates the activation with the default slope {@value #DEFAULT_ALPHA}. */
    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * @param alpha the slope for {@code z <= 0}, in {@code [0, 1)}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if
     *         {@code alpha} is outside {@code [0, 1)} or not finite
     */
    public LeakyRelu(double alpha) {
        super(NAME);
        ALPHA.check(alpha, NAME);
        this.alpha = alpha;
    }

    /**
     * @return the slope for {@code z <= 0}
     */
    public double alpha() {
        return alpha;
    }

    @Override
    protected double value(double z) {
        return z > 0 ? z : alpha * z; // NaN * alpha = NaN
    }

    @Override
    protected double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeakyRelu l && Double.compare(l.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    /**
     * @return the canonical spec, for example {@code leaky-relu(alpha=0.01)}
     */
    @Override
    public String toString() {
        return NAME + "(alpha=" + ParameterSpec.format(alpha) + ")";
    }

    /**
     * @return every real number (with {@code alpha = 0}, {@code [0, +∞)})
     */
    @Override
    public OutputRange outputRange() {
        return alpha == 0 ? new OutputRange(0, Double.POSITIVE_INFINITY, true, false) : OutputRange.REALS;
    }
}
