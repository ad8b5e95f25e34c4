package dev.mlp.activations;

/**
 * The error function and its complement in double precision, after W. J. Cody, "Rational
 * Chebyshev approximations for the error function", Mathematics of Computation 23 (1969)
 * 631-637, and his Fortran routine {@code CALERF} (SPECFUN, 1990). The three intervals
 * {@code |x| <= 0.46875}, {@code 0.46875 < |x| <= 4} and {@code |x| > 4} each use a rational
 * approximation whose relative error is below about {@code 1e-16}; {@code e^(-x^2)} is computed
 * as {@code e^(-s^2) e^(-(x-s)(x+s))} with {@code s} = {@code x} rounded down to a multiple of
 * 1/16, so that the rounding error of {@code x^2} is not magnified.
 *
 * <p>{@link #erfc(double)} keeps full relative accuracy in the far tail ({@code erfc(26) ~ 5.7e-296}),
 * which is what makes {@code Phi(x) = erfc(-x / sqrt 2) / 2} accurate for very negative
 * {@code x}.
 */
final class Erf {

    private static final double THRESHOLD = 0.46875;
    private static final double X_BIG = 26.543;
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1,
    };
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03,
    };
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
    };
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03,
    };
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
    };
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3,
    };

    private Erf() {
    }

    /**
     * @param x any value
     * @return {@code erf(x)}, in {@code [-1, 1]}; {@code NaN} for {@code NaN}
     */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return x * small(y);
        }
        double r = (0.5 - tail(y)) + 0.5;
        return x < 0 ? -r : r;
    }

    /**
     * @param x any value
     * @return {@code erfc(x) = 1 - erf(x)}, in {@code [0, 2]}, with full relative accuracy for
     *         large positive {@code x}; {@code NaN} for {@code NaN}
     */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return 1.0 - x * small(y);
        }
        double r = tail(y);
        return x < 0 ? 2.0 - r : r;
    }

    /** {@code erf(y) / y} for {@code |y| <= 0.46875}. */
    private static double small(double y) {
        double ysq = y > 1.11e-16 ? y * y : 0.0;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return (num + A[3]) / (den + B[3]);
    }

    /** {@code erfc(y)} for {@code y > 0.46875} (or NaN). */
    private static double tail(double y) {
        double r;
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            r = (num + C[7]) / (den + D[7]);
        } else if (y >= X_BIG) {
            return 0.0;
        } else if (y > 4.0) {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            r = ysq * (num + P[4]) / (den + Q[4]);
            r = (ONE_OVER_SQRT_PI - r) / y;
        } else {
            return Double.NaN;
        }
        double s = Math.floor(y * 16.0) / 16.0;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del) * r;
    }
}
