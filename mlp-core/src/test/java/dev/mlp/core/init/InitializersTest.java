package dev.mlp.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.WeightInitializer;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InitializersTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();
    private static final int FAN_IN = 200;
    private static final int FAN_OUT = 250;

    private static double[] weights(String spec, int fanIn, int fanOut, double[] biases,
                                    long seed) {
        double[] w = new double[fanIn * fanOut];
        REGISTRY.initializer(spec).initialize(1, fanIn, fanOut, w, biases,
                new SplittableRandom(seed));
        return w;
    }

    /**
     * Sample mean and standard deviation of 50,000 draws. The standard error of the mean is
     * {@code std / 224} and that of the standard deviation {@code std / 316}; the tolerances are
     * five of those, and the seed is fixed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lecun, 0.0, 0.07071067811865475",          // sqrt(1/200)
        "lecun-normal, 0.0, 0.07071067811865475",
        "xavier-normal, 0.0, 0.06666666666666667",  // sqrt(2/450)
        "he-normal, 0.0, 0.1",                      // sqrt(2/200)
        "he, 0.0, 0.1",
        "normal, 0.0, 0.05",
        "'normal(mean=0.5, std=2)', 0.5, 2.0",
    })
    void normalInitializersHaveTheirMeanAndStandardDeviation(String spec, double mean,
                                                             double std) {
        double[] b = new double[FAN_OUT];
        Arrays.fill(b, 9.0);
        double[] w = weights(spec, FAN_IN, FAN_OUT, b, 12345);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double m = sum / w.length;
        double squares = 0;
        long tails = 0; // plain normals: about 0.27% of the draws lie beyond 3 standard deviations
        for (double x : w) {
            squares += (x - m) * (x - m);
            tails += Math.abs(x - mean) > 3 * std ? 1 : 0;
        }
        double var = squares / (w.length - 1);
        assertEquals(mean, m, 5 * std / Math.sqrt(w.length), spec + " mean");
        assertEquals(std, Math.sqrt(var), 5 * std / Math.sqrt(2.0 * w.length), spec + " std");
        for (double x : b) {
            assertEquals(0.0, x, 0.0, spec + " bias");
        }
        assertEquals(0.0027, tails / (double) w.length, 0.0012, spec + " tail share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lecun", "xavier-normal", "he-normal", "normal(std=0.1)",
        "orthogonal", "orthogonal(gain=2)"})
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers(String spec) {
        double[] a = weights(spec, 7, 5, new double[5], 1);
        double[] b = weights(spec, 7, 5, new double[5], 1);
        double[] c = weights(spec, 7, 5, new double[5], 2);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void normalsDrawFromTheGeneratorTheyAreGiven() {
        // lecun with fanIn 4 is 0.5 times the generator's own Gaussians, in row-major order
        double[] w = weights("lecun", 4, 3, null, 77);
        SplittableRandom r = new SplittableRandom(77);
        for (int i = 0; i < w.length; i++) {
            assertEquals(0.5 * r.nextGaussian(), w[i], 0.0);
        }
        w = weights("normal(mean=1, std=3)", 2, 2, null, 78);
        r = new SplittableRandom(78);
        for (int i = 0; i < w.length; i++) {
            assertEquals(1 + 3 * r.nextGaussian(), w[i], 0.0);
        }
    }

    @Test
    void constantSetsEveryWeightAndBias() {
        double[] b = new double[3];
        double[] w = weights("constant(value=0.25, bias=-1)", 2, 3, b, 1);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, w, 0.0);
        assertArrayEquals(new double[] {-1, -1, -1}, b, 0.0);
        assertArrayEquals(new double[4], weights("constant", 2, 2, null, 1), 0.0);
    }

    /** {@code WᵀW = gain² I} (tall or square) or {@code WWᵀ = gain² I} (wide), to 1e-12. */
    @ParameterizedTest(name = "{0} x {1}, gain {2}")
    @CsvSource({"50, 20, 1", "20, 50, 1", "30, 30, 1", "64, 64, 2", "1, 5, 1", "5, 1, 1",
        "1, 1, 1", "2, 3, 0.5", "200, 3, 1", "3, 200, 1"})
    void orthogonalWeightsHaveOrthonormalColumnsOrRows(int fanIn, int fanOut, double gain) {
        double[] b = {7};
        double[] w = new double[fanIn * fanOut];
        double[] biases = new double[fanOut];
        Arrays.fill(biases, 3.0);
        REGISTRY.initializer("orthogonal(gain=" + gain + ")").initialize(2, fanIn, fanOut, w,
                biases, new SplittableRandom(fanIn * 1000L + fanOut));
        boolean tall = fanIn >= fanOut;
        int k = Math.min(fanIn, fanOut);
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double dot = 0;
                if (tall) { // columns p and q
                    for (int i = 0; i < fanIn; i++) {
                        dot += w[i * fanOut + p] * w[i * fanOut + q];
                    }
                } else { // rows p and q
                    for (int j = 0; j < fanOut; j++) {
                        dot += w[p * fanOut + j] * w[q * fanOut + j];
                    }
                }
                assertEquals(p == q ? gain * gain : 0.0, dot, 1e-12, "entry " + p + ", " + q);
            }
        }
        for (double x : biases) {
            assertEquals(0.0, x, 0.0);
        }
        assertEquals(7, b[0], 0.0);
    }

    /**
     * The orthogonal matrix is the Q of the QR decomposition of the generator's Gaussian matrix,
     * with R's diagonal positive: {@code R = QᵀG} is upper triangular with a positive diagonal.
     */
    @ParameterizedTest
    @CsvSource({"6, 4", "4, 6", "5, 5"})
    void orthogonalIsTheSignCorrectedQOfTheGaussianMatrix(int fanIn, int fanOut) {
        double[] w = weights("orthogonal", fanIn, fanOut, null, 31);
        int m = Math.max(fanIn, fanOut);
        int k = Math.min(fanIn, fanOut);
        SplittableRandom r = new SplittableRandom(31);
        double[] g = new double[m * k];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextGaussian();
        }
        for (int p = 0; p < k; p++) {
            for (int c = 0; c < k; c++) {
                double rpc = 0;
                for (int i = 0; i < m; i++) {
                    double qip = fanIn >= fanOut ? w[i * fanOut + p] : w[p * fanOut + i];
                    rpc += qip * g[i * k + c];
                }
                if (p > c) {
                    assertEquals(0.0, rpc, 1e-12, "R below the diagonal at " + p + ", " + c);
                } else if (p == c) {
                    assertTrue(rpc > 0, "R's diagonal at " + p + " is " + rpc);
                }
            }
        }
    }

    @Test
    void badParametersAreClearErrors() {
        assertThrows(SpecException.class, () -> REGISTRY.initializer("normal(std=-1)"));
        assertThrows(SpecException.class, () -> REGISTRY.initializer("orthogonal(gain=0)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.normal(0, Double.NaN));
        assertTrue(e.getMessage().contains("std=NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.constant(Double.POSITIVE_INFINITY, 0));
        assertTrue(e.getMessage().contains("value=Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializers.orthogonal(-1));
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.orthogonal(1)
                .initialize(3, 2, 2, new double[3], null, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("layer 3") && e.getMessage().contains("2 x 2"),
                e.getMessage());
    }

    @Test
    void namesAndAliases() {
        assertTrue(REGISTRY.names(PluginKind.INITIALIZER).containsAll(java.util.List.of("lecun",
                "xavier-normal", "normal", "constant", "orthogonal", "he")));
        assertFalse(REGISTRY.names(PluginKind.INITIALIZER).contains("he-normal"));
        assertSame(Initializers.HE, REGISTRY.initializer("he-normal"));
        assertSame(Initializers.XAVIER_NORMAL, REGISTRY.initializer("glorot-normal"));
        assertEquals("orthogonal", REGISTRY.initializer("orthogonal").name());
        assertEquals("normal(mean=0.0, std=0.05)",
                REGISTRY.configure(PluginKind.INITIALIZER, "normal").spec());
    }
}
