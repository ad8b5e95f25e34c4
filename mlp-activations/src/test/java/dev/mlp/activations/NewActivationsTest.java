package dev.mlp.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseActivation;
import org.junit.jupiter.api.Test;

/**
 * Known values of the activations added after the first seven. Reference values for erf, erfc
 * and the exact gelu come from mpmath 1.3 at 40 digits ({@code mp.erf}, {@code mp.erfc},
 * {@code x * mp.ncdf(x)}, {@code mp.ncdf(x) + x * mp.npdf(x)}), the others from Python's
 * {@code math} module in IEEE double.
 */
class NewActivationsTest {

    private static void close(double expected, double actual, double relative, String what) {
        double tol = relative * Math.abs(expected);
        assertTrue(Math.abs(expected - actual) <= tol, () -> what + ": expected " + expected
                + ", found " + actual + " (relative error "
                + Math.abs(expected - actual) / Math.abs(expected) + ")");
    }

    @Test
    void erfAndErfcMatchReferenceValuesInEveryInterval() {
        double[][] ref = {
            {0.1, 0.1124629160182849, 0.8875370839817151},
            {0.46875, 0.49261347321793799, 0.50738652678206201},
            {0.5, 0.52049987781304654, 0.47950012218695346},
            {1, 0.84270079294971487, 0.15729920705028513},
            {2, 0.99532226501895273, 0.0046777349810472658},
            {3.9, 0.9999999652077514, 3.4792248597231767e-8},
            {4.5, 0.99999999980338396, 1.9661604415428875e-10},
            {6, 0.99999999999999998, 2.1519736712498913e-17},
            {10, 1.0, 2.0884875837625448e-45},
            {26, 1.0, 5.6631924088561428e-296},
        };
        for (double[] r : ref) {
            close(r[1], Erf.erf(r[0]), 1e-15, "erf(" + r[0] + ")");
            close(-r[1], Erf.erf(-r[0]), 1e-15, "erf(" + -r[0] + ")");
            close(r[2], Erf.erfc(r[0]), 2e-15, "erfc(" + r[0] + ")");
            close(2 - r[2], Erf.erfc(-r[0]), 1e-15, "erfc(" + -r[0] + ")");
        }
        assertEquals(0.0, Erf.erf(0.0), 0.0);
        assertEquals(1.0, Erf.erfc(0.0), 0.0);
        assertEquals(0.0, Erf.erfc(27), 0.0);
        assertEquals(1.0, Erf.erf(1e300), 0.0);
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    }

    @Test
    void geluExactValuesAndDerivatives() {
        double[][] ref = {
            {-20, -5.5072482372124674e-88, -1.1014360483133464e-86},
            {-10, -7.6198530241605261e-23, -7.6184000964648141e-22},
            {-3, -0.0040496940948902836, -0.011945647204183927},
            {-1, -0.15865525393145705, -0.083315470587686298},
            {-0.5, -0.15426876936299345, 0.13250487534383716},
            {0.5, 0.34573123063700655, 0.86749512465616284},
            {1, 0.84134474606854295, 1.0833154705876863},
            {3, 2.9959503059051097, 1.0119456472041839},
        };
        Gelu f = new Gelu();
        for (double[] r : ref) {
            close(r[1], f.apply(r[0]), 1e-15, "gelu(" + r[0] + ")");
            close(r[2], f.slope(r[0]), 1e-15, "gelu'(" + r[0] + ")");
        }
        assertEquals(0.0, f.apply(-40), 0.0);
        assertEquals(0.0, f.slope(-1000), 0.0);
        assertEquals(1000.0, f.apply(1000), 0.0);
        assertEquals(1.0, f.slope(1000), 0.0);
        assertEquals("gelu(approximate=none)", f.toString());
    }

    @Test
    void geluTanhApproximation() {
        Gelu f = new Gelu(Gelu.TANH);
        close(0.8411919906082768, f.apply(1.0), 1e-15, "gelu-tanh(1)");
        close(-0.04540230591222494, f.apply(-2.0), 1e-14, "gelu-tanh(-2)");
        assertEquals(1e200, f.apply(1e200), 0.0);
        assertEquals(1.0, f.slope(1e200), 0.0, "no inf * 0 where z^3 overflows");
        assertEquals(0.0, f.slope(-1e200), 0.0);
        assertEquals("tanh", f.approximate());
        assertThrows(IllegalArgumentException.class, () -> new Gelu("erf"));
    }

    @Test
    void seluUsesThePapersConstantsAndTheLeftDerivativeAtZero() {
        Selu f = new Selu();
        assertEquals(1.6732632423543772, Selu.ALPHA, 0.0);
        assertEquals(1.0507009873554805, Selu.LAMBDA, 0.0);
        assertEquals(Selu.LAMBDA * 2, f.apply(2), 0.0);
        close(-1.7580993408473766, f.apply(-1000), 1e-16, "selu(-1000)");
        assertEquals(1.7580993408473766, f.slope(0.0), 1e-16, "f'(0) = lambda alpha");
        assertEquals(Selu.LAMBDA, f.slope(Double.MIN_VALUE), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, f.apply(Double.MAX_VALUE));
    }

    @Test
    void eluValuesAndKink() {
        Elu f = new Elu(0.5);
        close(0.5 * Math.expm1(-2), f.apply(-2), 1e-16, "elu(-2)");
        assertEquals(3.0, f.apply(3), 0.0);
        assertEquals(0.5, f.slope(0.0), 0.0, "f'(0) = alpha");
        assertEquals(1.0, f.slope(1e-300), 0.0);
        assertEquals(-0.5, f.apply(-1000), 0.0);
        assertEquals("elu(alpha=0.5)", f.toString());
        assertEquals(1.0, new Elu().alpha(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Elu(0.0));
    }

    @Test
    void siluAndMishValues() {
        Silu s = new Silu();
        close(1.7615941559557646, s.apply(2), 1e-15, "silu(2)");
        assertEquals(0.5, s.slope(0), 0.0);
        assertEquals(1000.0, s.apply(1000), 0.0);
        assertEquals(1.0, s.slope(1000), 0.0);
        assertEquals(0.0, s.apply(-1000), 0.0);
        Mish m = new Mish();
        close(0.8650983882673103, m.apply(1), 1e-15, "mish(1)");
        assertEquals(1000.0, m.apply(1000), 0.0);
        assertEquals(1.0, m.slope(1000), 0.0);
        assertEquals(0.0, m.apply(-1000), 0.0);
        assertEquals(0.0, m.slope(-1000), 0.0);
    }

    @Test
    void piecewiseLinearFunctionsAndTheirKinkConventions() {
        ElementwiseActivation hs = new HardSigmoid();
        assertEquals(0.5, hs.apply(0), 0.0);
        assertEquals(0.0, hs.apply(-3), 0.0);
        assertEquals(1.0, hs.apply(3), 0.0);
        assertEquals(1.0 / 6, hs.slope(0), 0.0);
        assertEquals(0.0, hs.slope(-3), 0.0);
        assertEquals(0.0, hs.slope(3), 0.0);

        ElementwiseActivation ht = new HardTanh();
        assertEquals(0.25, ht.apply(0.25), 0.0);
        assertEquals(-1.0, ht.apply(-7), 0.0);
        assertEquals(1.0, ht.slope(0.999), 0.0);
        assertEquals(0.0, ht.slope(1.0), 0.0);
        assertEquals(0.0, ht.slope(-1.0), 0.0);

        ElementwiseActivation r6 = new Relu6();
        assertEquals(6.0, r6.apply(8), 0.0);
        assertEquals(0.0, r6.apply(-8), 0.0);
        assertEquals(0.0, r6.slope(0.0), 0.0);
        assertEquals(0.0, r6.slope(6.0), 0.0);
        assertEquals(1.0, r6.slope(5.999), 0.0);

        ElementwiseActivation ss = new Softsign();
        assertEquals(0.5, ss.apply(1), 0.0);
        assertEquals(0.25, ss.slope(-1), 0.0);
        assertEquals(1.0, ss.apply(Double.MAX_VALUE), 0.0);
    }
}
