package org.example.mlp.plugin;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;

/**
 * The inverse square root unit (Carlile, Delamarter, Kinney, Marti and Whitney, "Improving Deep
 * Learning by Inverse Square Root Linear Units (ISRLUs)", 2017):
 * {@code f(z) = z / sqrt(1 + alpha z^2)}.
 *
 * <ul>
 *   <li>Parameter: {@code alpha > 0}, default {@code 1.0}.</li>
 *   <li>Range: {@code (-1/sqrt(alpha), 1/sqrt(alpha))}; a smooth, odd, sigmoid-shaped curve
 *       like tanh but without exponentials.</li>
 *   <li>Derivative: {@code (1 + alpha z^2)^(-3/2)}; smooth, no kinks.</li>
 * </ul>
 *
 * <p>For {@code |z| > 1} both are evaluated with {@code t = 1/|z|} as
 * {@code sign(z) / sqrt(t^2 + alpha)} and {@code t^3 / (t^2 + alpha)^(3/2)}, so {@code z^2}
 * never overflows: {@code f(1e300) = 1/sqrt(alpha)}, not {@code 0}.
 */
public final class Isru extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "isru";

    /** The declaration of {@code alpha}: real {@code > 0}, default 1.0. */
    public static final ParameterSpec ALPHA = ParameterSpec
            .real("alpha", 1.0, "1/sqrt(alpha) is the limit for large inputs").above(0);

    private final double alpha;

    /**
     * @param alpha the shape parameter, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code alpha} is not finite and positive
     */
    public Isru(double alpha) {
        super(NAME);
        ALPHA.check(alpha, NAME);
        this.alpha = alpha;
    }

    /**
     * @return the shape parameter
     */
    public double alpha() {
        return alpha;
    }

    @Override
    protected double value(double z) {
        double m = Math.abs(z);
        if (m <= 1.0) {
            return z / Math.sqrt(1.0 + alpha * z * z);
        }
        double t = 1.0 / m;
        return Math.copySign(1.0 / Math.sqrt(t * t + alpha), z);
    }

    @Override
    protected double derivative(double z, double a) {
        double m = Math.abs(z);
        if (m <= 1.0) {
            double s = 1.0 / Math.sqrt(1.0 + alpha * z * z);
            return s * s * s;
        }
        double t = 1.0 / m;
        double s = t / Math.sqrt(t * t + alpha);
        return s * s * s;
    }

    /**
     * @return the canonical spec, for example {@code isru(alpha=1.0)}
     */
    @Override
    public String toString() {
        return NAME + "(alpha=" + ParameterSpec.format(alpha) + ")";
    }

    /**
     * @return {@code (-1/sqrt(alpha), 1/sqrt(alpha))}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(-1 / Math.sqrt(alpha), 1 / Math.sqrt(alpha));
    }
}
