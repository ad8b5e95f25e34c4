package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;

/**
 * The Gaussian error linear unit (Hendrycks and Gimpel, "Gaussian Error Linear Units (GELUs)",
 * 2016): {@code f(z) = z Phi(z)}, where {@code Phi(z) = erfc(-z / sqrt 2) / 2} is the standard
 * normal distribution function.
 *
 * <ul>
 *   <li>Parameter {@code approximate}: {@code none} (default) for the exact form above, with
 *       {@code erfc} from W. J. Cody's rational approximations (relative error about
 *       {@code 1e-16}); {@code tanh} for the paper's approximation
 *       {@code f(z) = z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))) / 2}, as in PyTorch's
 *       {@code approximate='tanh'}.</li>
 *   <li>Range: {@code [-0.16997, inf)}; the minimum {@code -0.1699715...} is at
 *       {@code z = -0.7517916...} (exact form).</li>
 *   <li>Derivative, exact form: {@code Phi(z) + z phi(z)} with
 *       {@code phi(z) = e^(-z^2/2) / sqrt(2 pi)}. Tanh form, with
 *       {@code u = sqrt(2/pi) (z + 0.044715 z^3)} and {@code t = tanh u}:
 *       {@code (1 + t) / 2 + z (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 z^2) / 2}. Smooth, no
 *       kinks.</li>
 * </ul>
 *
 * <p>Stable for large {@code |z|}: {@code Phi} comes from {@code erfc}, accurate in the far
 * negative tail, and {@code e^(-z^2/2)} only ever underflows to 0; for the tanh form the second
 * term of the derivative is dropped where {@code t = +-1} exactly, so {@code z^3} overflowing to
 * infinity never meets a zero factor.
 */
public final class Gelu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "gelu";

    /** The value of {@code approximate} for the exact form. */
    public static final String EXACT = "none";

    /** The value of {@code approximate} for the tanh approximation. */
    public static final String TANH = "tanh";

    /** The declaration of the {@code approximate} parameter: {@code none} or {@code tanh}. */
    public static final ParameterSpec APPROXIMATE = ParameterSpec.choice("approximate", EXACT,
            "none for z Phi(z), tanh for the tanh approximation", EXACT, TANH);

    private static final double INV_SQRT2 = 0.7071067811865476;
    /** {@code 1/sqrt(2) - INV_SQRT2}, the rounding error of the constant. */
    private static final double INV_SQRT2_LO = -4.833646656726456e-17;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double K = 0.044715;

    private final boolean tanh;

    /** Creates the exact form. */
    public Gelu() {
        this(EXACT);
    }

    /**
     * @param approximate {@value #EXACT} for {@code z Phi(z)}, {@value #TANH} for the tanh
     *                    approximation
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) for any other
     *         value
     */
    public Gelu(String approximate) {
        super(NAME);
        this.tanh = TANH.equals(APPROXIMATE.check(approximate, NAME));
    }

    /**
     * @return {@value #TANH} for the tanh approximation, {@value #EXACT} for the exact form
     */
    public String approximate() {
        return tanh ? TANH : EXACT;
    }

    /**
     * The standard normal distribution function.
     *
     * @param z any value
     * @return {@code Phi(z)} in {@code [0, 1]}, to about {@code 1e-16} relative accuracy also in
     *         the lower tail
     */
    public static double phi(double z) {
        // y = -z / sqrt 2 = hi + lo exactly (to about 1e-32 relative); erfc has condition number
        // ~2 y^2, so dropping lo would cost up to ~1e-14 relative accuracy at z = -10
        double hi = -z * INV_SQRT2;
        double e = Erf.erfc(hi);
        if (Math.abs(hi) <= 0.5) {
            return 0.5 * e;
        }
        double lo = Math.fma(-z, INV_SQRT2, -hi) - z * INV_SQRT2_LO;
        return 0.5 * (e - lo * TWO_OVER_SQRT_PI * Math.exp(-hi * hi));
    }

    @Override
    protected double value(double z) {
        if (tanh) {
            double t = Math.tanh(SQRT_2_OVER_PI * (z + K * z * z * z));
            return 0.5 * z * (1.0 + t);
        }
        return z * phi(z);
    }

    @Override
    protected double derivative(double z, double a) {
        if (tanh) {
            double t = Math.tanh(SQRT_2_OVER_PI * (z + K * z * z * z));
            double sech2 = 1.0 - t * t;
            double first = 0.5 * (1.0 + t);
            if (sech2 == 0.0) {
                return first;
            }
            return first + 0.5 * z * sech2 * SQRT_2_OVER_PI * (1.0 + 3.0 * K * z * z);
        }
        double density = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        return phi(z) + z * density;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gelu g && g.tanh == tanh;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(tanh);
    }

    /**
     * @return the canonical spec, for example {@code gelu(approximate=none)}
     */
    @Override
    public String toString() {
        return NAME + "(approximate=" + approximate() + ")";
    }

    /**
     * @return from its minimum, about {@code -0.16997}, up
     */
    @Override
    public OutputRange outputRange() {
        return new OutputRange(-0.17, Double.POSITIVE_INFINITY, true, false);
    }
}
