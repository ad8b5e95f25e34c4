package dev.mlp.onnx.builtin;

import dev.mlp.onnx.graph.GraphBuilder;

/**
 * The complementary error function in {@code tensor(double)} operators: W. J. Cody's rational
 * Chebyshev approximations ("Rational Chebyshev approximations for the error function", Math.
 * Comp. 23, 1969), the same coefficients and steps as the exact {@code gelu} of
 * {@code mlp-activations} computes with. ONNX's {@code Erf} is not used because ONNX Runtime
 * has no double kernel for it. Each of the three ranges is evaluated on the whole tensor and
 * {@code Where} picks the one that applies.
 */
final class CodyErfc {

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

    private CodyErfc() {
    }

    /**
     * Adds the nodes of {@code erfc(x)}.
     *
     * @param g the graph
     * @param x the argument
     * @return the name of {@code erfc(x)}
     */
    static String erfc(GraphBuilder g, String x) {
        String y = g.node("Abs", x);
        // |x| <= 0.46875: 1 - x * small(|x|)
        String tiny = g.node("Greater", y, g.scalar("tiny", 1.11e-16));
        String ysq = g.node("Where", tiny, g.node("Mul", y, y), g.scalar("zero", 0.0));
        String small = ratio(g, ysq, A, B, 3);
        String nearZero = g.node("Sub", g.scalar("one", 1.0), g.node("Mul", x, small));
        // 0.46875 < |x| <= 4
        String middle = ratio(g, y, C, D, 7);
        // |x| > 4
        String inv = g.node("Div", g.scalar("one", 1.0), g.node("Mul", y, y));
        String far = g.node("Div", g.node("Mul", inv, g.node("Add", numerator(g, inv, P, 4),
                        g.scalar("p", P[4]))),
                g.node("Add", denominator(g, inv, Q, 4), g.scalar("q", Q[4])));
        far = g.node("Div", g.node("Sub", g.scalar("one_over_sqrt_pi", ONE_OVER_SQRT_PI), far),
                y);
        String r = g.node("Where", g.node("LessOrEqual", y, g.scalar("four", 4.0)), middle,
                far);
        // exp(-y^2) in two factors, exp(-s^2) exp(-(y - s)(y + s)) with s = floor(16 y) / 16
        String sixteen = g.scalar("sixteen", 16.0);
        String s = g.node("Div", g.node("Floor", g.node("Mul", y, sixteen)), sixteen);
        String del = g.node("Mul", g.node("Sub", y, s), g.node("Add", y, s));
        String tail = g.node("Mul", g.node("Mul", g.node("Exp", g.node("Mul", g.node("Neg", s),
                s)), g.node("Exp", g.node("Neg", del))), r);
        tail = g.node("Where", g.node("GreaterOrEqual", y, g.scalar("x_big", X_BIG)),
                g.scalar("zero", 0.0), tail);
        String signed = g.node("Where", g.node("Less", x, g.scalar("zero", 0.0)),
                g.node("Sub", g.scalar("two", 2.0), tail), tail);
        return g.node("Where", g.node("LessOrEqual", y, g.scalar("threshold", THRESHOLD)),
                nearZero, signed);
    }

    /**
     * {@code (num + n[steps]) / (den + d[steps])} where {@code num} and {@code den} are
     * Cody's Horner loops over {@code steps} coefficients in {@code t}.
     */
    private static String ratio(GraphBuilder g, String t, double[] n, double[] d, int steps) {
        String num = numerator(g, t, n, steps);
        String den = denominator(g, t, d, steps);
        return g.node("Div", g.node("Add", num, g.scalar("n", n[steps])),
                g.node("Add", den, g.scalar("d", d[steps])));
    }

    /** {@code num = n[last]·t; for i < steps: num = (num + n[i])·t}, last = steps + 1. */
    private static String numerator(GraphBuilder g, String t, double[] n, int steps) {
        String num = g.node("Mul", g.scalar("n", n[n.length - 1]), t);
        for (int i = 0; i < steps; i++) {
            num = g.node("Mul", g.node("Add", num, g.scalar("n", n[i])), t);
        }
        return num;
    }

    /** {@code den = t; for i < steps: den = (den + d[i])·t}. */
    private static String denominator(GraphBuilder g, String t, double[] d, int steps) {
        String den = t;
        for (int i = 0; i < steps; i++) {
            den = g.node("Mul", g.node("Add", den, g.scalar("d", d[i])), t);
        }
        return den;
    }
}
