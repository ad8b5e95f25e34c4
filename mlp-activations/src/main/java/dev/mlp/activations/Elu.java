package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;

/**
 * The exponential linear unit (Clevert, Unterthiner and Hochreiter, "Fast and Accurate Deep
 * Network Learning by Exponential Linear Units (ELUs)", 2016): {@code f(z) = z} for
 * {@code z > 0}, {@code f(z) = alpha (e^z - 1)} for {@code z <= 0}.
 *
 * <ul>
 *   <li>Parameter: {@code alpha > 0}, default {@code 1.0}: the value {@code -alpha} the function
 *       approaches for very negative inputs.</li>
 *   <li>Range: {@code (-alpha, inf)}; in {@code double} arithmetic {@code [-alpha, inf)}.</li>
 *   <li>Derivative: {@code 1} for {@code z > 0}, {@code alpha e^z} for {@code z <= 0}.</li>
 *   <li>Kink at {@code z = 0} unless {@code alpha = 1}: the left derivative is used there,
 *       {@code f'(0) = alpha}, as for {@link LeakyRelu}. With {@code alpha = 1} both sides
 *       agree and the function is smooth to first order.</li>
 * </ul>
 *
 * <p>{@code e^z - 1} is computed with {@link Math#expm1}, exact to full relative precision near
 * 0; {@code e^z} of a negative {@code z} never overflows, so every finite input gives a finite
 * output.
 */
public final class Elu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "elu";

    /** The default saturation value. */
    public static final double DEFAULT_ALPHA = 1.0;

    /** The declaration of the {@code alpha} parameter: real {@code > 0}, default 1.0. */
    public static final ParameterSpec ALPHA = ParameterSpec
            .real("alpha", DEFAULT_ALPHA, "-alpha is the limit for very negative inputs").above(0);

    private final double alpha;

    /** Creates the activation with {@code alpha = 1}. */
    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * @param alpha the saturation value, finite and {@code > 0}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if
     *         {@code alpha} is not finite and positive
     */
    public Elu(double alpha) {
        super(NAME);
        ALPHA.check(alpha, NAME);
        this.alpha = alpha;
    }

    /**
     * @return the saturation value {@code alpha}
     */
    public double alpha() {
        return alpha;
    }

    @Override
    protected double value(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    protected double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Elu e && Double.compare(e.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    /**
     * @return the canonical spec, for example {@code elu(alpha=1.0)}
     */
    @Override
    public String toString() {
        return NAME + "(alpha=" + ParameterSpec.format(alpha) + ")";
    }

    /**
     * @return {@code (-alpha, +∞)}
     */
    @Override
    public OutputRange outputRange() {
        return alpha > 0 ? OutputRange.open(-alpha, Double.POSITIVE_INFINITY) : new OutputRange(0, Double.POSITIVE_INFINITY, true, false);
    }
}
