package dev.mlp.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known values, ranges at extreme inputs, in-place use and the array-length contract. */
class ActivationBehaviourTest {

    private static final double EXACT = 0.0;
    private static final double TIGHT = 1e-15;

    private static final double[] EXTREMES = {
        -Double.MAX_VALUE, -1e300, -1000, -745.2, -700, -30, -1, -Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_VALUE, 1, 30, 700, 745.2, 1000, 1e300, Double.MAX_VALUE,
    };

    static Stream<Arguments> activations() {
        return Activations.arguments();
    }

    // ---------------------------------------------------------------- known values

    @Test
    void identityValues() {
        Identity f = new Identity();
        assertEquals(-2.5, f.apply(-2.5), EXACT);
        assertEquals(1.0, f.slope(123), EXACT);
    }

    @Test
    void sigmoidValues() {
        Sigmoid f = new Sigmoid();
        assertEquals(0.5, f.apply(0), EXACT);
        assertEquals(0.25, f.slope(0), EXACT);
        // 1 / (1 + e^-2) = 0.8807970779778823
        assertEquals(0.8807970779778823, f.apply(2), TIGHT);
        assertEquals(1 - 0.8807970779778823, f.apply(-2), TIGHT);
        assertEquals(0.0, f.apply(-1000), EXACT);
        assertEquals(1.0, f.apply(1000), EXACT);
        assertEquals(0.0, f.slope(-1000), EXACT);
        assertEquals(0.0, f.slope(1000), EXACT);
    }

    @Test
    void tanhValues() {
        Tanh f = new Tanh();
        assertEquals(0.0, f.apply(0), EXACT);
        assertEquals(1.0, f.slope(0), EXACT);
        assertEquals(-1.0, f.apply(-1000), EXACT);
        assertEquals(1.0, f.apply(1000), EXACT);
        // 1 - tanh(1)^2 = 0.41997434161402614
        assertEquals(0.41997434161402614, f.slope(1), TIGHT);
    }

    @Test
    void reluValuesAndKinkConvention() {
        Relu f = new Relu();
        assertEquals(0.0, f.apply(-3), EXACT);
        assertEquals(3.0, f.apply(3), EXACT);
        assertEquals(0.0, f.slope(-3), EXACT);
        assertEquals(1.0, f.slope(3), EXACT);
        assertEquals(0.0, f.slope(0.0), EXACT, "f'(0) = 0 by convention");
        assertEquals(0.0, f.slope(-0.0), EXACT, "f'(-0) = 0 by convention");
        assertEquals(1.0, f.slope(Double.MIN_VALUE), EXACT);
    }

    @Test
    void reluBackwardIsTheSameBitsAsTheBranchOnEveryKindOfValue() {
        // backward computes z > 0 ? 1 : 0 from the bits of z; it must agree with the branch on
        // both zeros, subnormals, the largest values, infinities and NaNs of either sign, and
        // keep the sign and NaN of the incoming gradient as gradA * 0.0 does
        double[] zs = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7FF0000000000001L),
                Double.longBitsToDouble(0xFFF8000000000000L), 1.0, -1.0, 1e-300, -1e-300};
        double[] grads = {2.5, -2.5, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        int n = zs.length * grads.length;
        double[] z = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < zs.length; i++) {
            for (int j = 0; j < grads.length; j++) {
                z[i * grads.length + j] = zs[i];
                g[i * grads.length + j] = grads[j];
            }
        }
        double[] out = new double[n];
        new Relu().backward(z, new double[n], g, out, 1, n);
        for (int i = 0; i < n; i++) {
            double expected = g[i] * (z[i] > 0 ? 1.0 : 0.0);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]),
                    "z = " + z[i] + ", gradient " + g[i]);
        }
    }

    @Test
    void leakyReluValuesAndKinkConvention() {
        LeakyRelu f = new LeakyRelu(0.1);
        assertEquals(0.1, f.alpha(), EXACT);
        assertEquals(-0.30000000000000004, f.apply(-3), EXACT); // 0.1 * -3 in double
        assertEquals(3.0, f.apply(3), EXACT);
        assertEquals(0.1, f.slope(-3), EXACT);
        assertEquals(1.0, f.slope(3), EXACT);
        assertEquals(0.1, f.slope(0.0), EXACT, "f'(0) = alpha by convention");
        assertEquals(0.01, new LeakyRelu().alpha(), EXACT);
        assertEquals("leaky-relu(alpha=0.1)", f.toString());
        assertEquals(new LeakyRelu(0.1), f);
        assertEquals(new LeakyRelu(0.1).hashCode(), f.hashCode());
    }

    @Test
    void softplusValues() {
        Softplus f = new Softplus();
        assertEquals(Math.log(2), f.apply(0), TIGHT);
        assertEquals(0.5, f.slope(0), EXACT);
        // ln(1 + e^1) = 1.3132616875182228
        assertEquals(1.3132616875182228, f.apply(1), TIGHT);
        assertEquals(1000.0, f.apply(1000), EXACT);
        assertEquals(0.0, f.apply(-1000), EXACT);
        // for very negative z, ln(1 + e^z) = e^z to full relative precision
        assertEquals(Math.exp(-700), f.apply(-700), Math.exp(-700) * 1e-15);
        assertEquals(Math.exp(-700), f.slope(-700), Math.exp(-700) * 1e-15);
    }

    @Test
    void softmaxValuesAndBackward() {
        Softmax f = new Softmax();
        // row 1: e^0 : e^ln2 = 1 : 2; row 2: equal entries
        double[] z = {0, Math.log(2), 5, 5};
        double[] a = new double[4];
        f.forward(z, a, 2, 2);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0.5, 0.5}, a, TIGHT);
        // gradA = (1, 0): dot = 1/3; gradZ = (1/3 (1 - 1/3), 2/3 (0 - 1/3)) = (2/9, -2/9)
        // gradA = (1, 1): dot = 1; gradZ = (0, 0) (softmax is shift invariant)
        double[] g = {1, 0, 1, 1};
        double[] gz = new double[4];
        f.backward(z, a, g, gz, 2, 2);
        assertArrayEquals(new double[] {2.0 / 9, -2.0 / 9, 0, 0}, gz, TIGHT);
        assertEquals("softmax", f.name());
    }

    // ---------------------------------------------------------------- extremes

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void extremeInputsGiveFiniteValuesInRange(String spec, Activation f) {
        double[] z = EXTREMES.clone();
        int n = z.length;
        double[] a = new double[n];
        // as one row (couples everything for softmax) and as a column (n rows of one)
        for (int[] shape : new int[][] {{1, n}, {n, 1}}) {
            f.forward(z, a, shape[0], shape[1]);
            double[] g = new double[n];
            Arrays.fill(g, 1.0);
            double[] gz = new double[n];
            f.backward(z, a, g, gz, shape[0], shape[1]);
            for (int i = 0; i < n; i++) {
                double ai = a[i];
                String at = f + " at z = " + z[i] + ", shape " + Arrays.toString(shape);
                if (f instanceof Selu && z[i] > Double.MAX_VALUE / Selu.LAMBDA) {
                    assertEquals(Double.POSITIVE_INFINITY, ai, at + ": lambda z overflows");
                } else {
                    assertTrue(Double.isFinite(ai), at + ": f = " + ai);
                }
                assertTrue(Double.isFinite(gz[i]), at + ": gradZ = " + gz[i]);
                if (f instanceof Sigmoid || f instanceof Softmax) {
                    assertTrue(ai >= 0 && ai <= 1, at + ": f = " + ai + " outside [0, 1]");
                } else if (f instanceof HardSigmoid) {
                    assertTrue(ai >= 0 && ai <= 1, at + ": f = " + ai + " outside [0, 1]");
                } else if (f instanceof Tanh || f instanceof HardTanh || f instanceof Softsign) {
                    assertTrue(ai >= -1 && ai <= 1, at + ": f = " + ai + " outside [-1, 1]");
                } else if (f instanceof Relu || f instanceof Softplus) {
                    assertTrue(ai >= 0, at + ": f = " + ai + " negative");
                } else if (f instanceof Relu6) {
                    assertTrue(ai >= 0 && ai <= 6, at + ": f = " + ai + " outside [0, 6]");
                } else if (f instanceof Elu e) {
                    assertTrue(ai >= -e.alpha(), at + ": f = " + ai + " below -alpha");
                } else if (f instanceof Selu) {
                    assertTrue(ai >= -Selu.LAMBDA * Selu.ALPHA, at + ": f = " + ai);
                } else if (f instanceof Gelu) {
                    assertTrue(ai >= -0.17, at + ": f = " + ai + " below the minimum");
                } else if (f instanceof Silu) {
                    assertTrue(ai >= -0.2785, at + ": f = " + ai + " below the minimum");
                } else if (f instanceof Mish) {
                    assertTrue(ai >= -0.3089, at + ": f = " + ai + " below the minimum");
                }
            }
        }
    }

    @Test
    void softmaxRowsOfHugeInputsSumToOne() {
        double[] z = {
            1000, 1000, 1000,
            1e308, -1e308, 0,
            -1e308, -1e308, -1e308,
            -1000, -1000.5, -1001,
            Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        };
        double[] a = new double[z.length];
        new Softmax().forward(z, a, 5, 3);
        for (int r = 0; r < 5; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                double v = a[r * 3 + c];
                assertTrue(v >= 0 && v <= 1, "row " + r + ": " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-15, "row " + r + " sums to " + sum);
        }
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, Arrays.copyOfRange(a, 0, 3),
                TIGHT);
        assertArrayEquals(new double[] {1, 0, 0}, Arrays.copyOfRange(a, 3, 6), EXACT);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, Arrays.copyOfRange(a, 12, 15), EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void nanPropagates(String spec, Activation f) {
        double[] z = {Double.NaN, 1.0};
        double[] a = new double[2];
        f.forward(z, a, 1, 2);
        assertTrue(Double.isNaN(a[0]), f + " hides a NaN input: " + a[0]);
    }

    // ---------------------------------------------------------------- in place, lengths

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void inPlaceGivesTheSameAsSeparateArrays(String spec, Activation f) {
        Random rnd = new Random(99L);
        int rows = 3;
        int cols = 4;
        int n = rows * cols;
        double[] z = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = -8 + 16 * rnd.nextDouble();
            g[i] = -1 + 2 * rnd.nextDouble();
        }
        z[5] = 700;
        z[6] = -700;

        double[] a = new double[n];
        f.forward(z, a, rows, cols);
        double[] gz = new double[n];
        f.backward(z, a, g, gz, rows, cols);

        double[] zInPlace = z.clone();
        f.forward(zInPlace, zInPlace, rows, cols);
        assertArrayEquals(a, zInPlace, EXACT, "forward with a == z");

        double[] gInPlace = g.clone();
        f.backward(z, a, gInPlace, gInPlace, rows, cols);
        assertArrayEquals(gz, gInPlace, EXACT, "backward with gradZ == gradA");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void readsAndWritesOnlyTheFirstRowsTimesColsEntries(String spec, Activation f) {
        int rows = 2;
        int cols = 3;
        int n = rows * cols;
        double[] z = {0.5, -1, 2, -0.25, 3, -2, 111, 222};
        double[] g = {1, 2, 3, -1, -2, -3, 333, 444};
        double[] a = new double[n + 2];
        a[n] = -7;
        a[n + 1] = -8;
        f.forward(z, a, rows, cols);
        assertEquals(-7, a[n], EXACT);
        assertEquals(-8, a[n + 1], EXACT);
        // the tail of z must not have been read: same result as from exact-size arrays
        double[] exact = new double[n];
        f.forward(Arrays.copyOf(z, n), exact, rows, cols);
        assertArrayEquals(exact, Arrays.copyOf(a, n), EXACT);

        double[] gz = new double[n + 2];
        gz[n] = -9;
        gz[n + 1] = -10;
        f.backward(z, a, g, gz, rows, cols);
        assertEquals(-9, gz[n], EXACT);
        assertEquals(-10, gz[n + 1], EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void emptyBatchIsANoOp(String spec, Activation f) {
        double[] none = new double[0];
        f.forward(none, none, 0, 5);
        f.backward(none, none, none, none, 0, 5);
        f.forward(none, none, 3, 0);
        f.backward(none, none, none, none, 3, 0);
        // with room in the arrays, an empty batch still writes nothing
        for (int[] shape : new int[][] {{0, 5}, {3, 0}}) {
            double[] z = {0.5, -0.25, 2.0, -3.0};
            double[] a = {7, 7, 7, 7};
            double[] g = {1, 2, 3, 4};
            double[] out = {9, 9, 9, 9};
            f.forward(z, a, shape[0], shape[1]);
            assertArrayEquals(new double[] {7, 7, 7, 7}, a, 0.0, spec + " forward " + shape[0]
                    + "x" + shape[1]);
            f.backward(z, a, g, out, shape[0], shape[1]);
            assertArrayEquals(new double[] {9, 9, 9, 9}, out, 0.0, spec + " backward "
                    + shape[0] + "x" + shape[1]);
            assertArrayEquals(new double[] {0.5, -0.25, 2.0, -3.0}, z, 0.0, spec);
            assertArrayEquals(new double[] {1, 2, 3, 4}, g, 0.0, spec);
        }
    }
}
