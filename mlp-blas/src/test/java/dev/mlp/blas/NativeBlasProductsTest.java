package dev.mlp.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.kernel.MatrixProducts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native backend against the pure-Java one over a sweep of shapes (0 and 1, odd sizes,
 * products on both sides of the size where the native backend hands over to Java). Skipped, with
 * the reason, when no native BLAS can be loaded on this machine.
 */
class NativeBlasProductsTest {

    private static MatrixProducts nativeBlas;

    @BeforeAll
    static void load() {
        String why = new NativeBlasProvider().unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "native BLAS tests skipped: " + why);
        nativeBlas = MatrixBackends.create(NativeBlasProvider.NAME, 2);
    }

    static List<Arguments> shapes() {
        int[] dims = {0, 1, 2, 7, 16, 33};
        List<Arguments> out = new ArrayList<>();
        for (int r : dims) {
            for (int k : dims) {
                for (int c : dims) {
                    out.add(Arguments.of(r, k, c));
                }
            }
        }
        out.add(Arguments.of(128, 97, 65));
        out.add(Arguments.of(1, 300, 129));
        out.add(Arguments.of(130, 1, 257));
        return out;
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-2, 2);
        }
        return v;
    }

    private static void assertClose(double[] expected, double[] actual, int terms, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-13 * (1 + terms) * (1 + Math.abs(expected[i])) * 4;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + " entry " + i
                    + ": java " + expected[i] + ", native " + actual[i]);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void agreesWithPureJava(int rows, int inner, int cols) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + inner * 10L + cols);
        Gemm java = new Gemm(1);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);

        double[] expected = new double[rows * cols];
        double[] actual = new double[rows * cols];
        java.multiply(a, rows, inner, w, cols, bias, expected);
        Arrays.fill(actual, Double.NaN);
        nativeBlas.multiply(a, rows, inner, w, cols, bias, actual);
        assertClose(expected, actual, inner, "A·W+b");
        java.multiply(a, rows, inner, w, cols, null, expected);
        nativeBlas.multiply(a, rows, inner, w, cols, null, actual);
        assertClose(expected, actual, inner, "A·W");

        double[] g1 = new double[inner * cols];
        double[] g2 = new double[inner * cols];
        Arrays.fill(g2, Double.NaN);
        java.multiplyTransposedLeft(a, rows, inner, d, cols, 0.125, g1);
        nativeBlas.multiplyTransposedLeft(a, rows, inner, d, cols, 0.125, g2);
        assertClose(g1, g2, rows, "s·Aᵀ·δ");

        double[] b1 = new double[rows * inner];
        double[] b2 = new double[rows * inner];
        Arrays.fill(b2, Double.NaN);
        java.multiplyTransposedRight(d, rows, cols, w, inner, b1);
        nativeBlas.multiplyTransposedRight(d, rows, cols, w, inner, b2);
        assertClose(b1, b2, cols, "δ·Wᵀ");
    }

    @Test
    void rowWiseProductsAreCutIntoBlocksOnlyForASingleThreadedLibrary() {
        NativeBlasProducts single = new NativeBlasProducts(NativeBLAS.getInstance(), new Gemm(2),
                true);
        assertEquals(1, single.blocks(127));
        assertEquals(2, single.blocks(128));
        assertEquals(4, single.blocks(300));
        assertEquals(8, single.blocks(1024));
        assertEquals(single.blocks(300),
                new NativeBlasProducts(NativeBLAS.getInstance(), new Gemm(1), true).blocks(300),
                "the cut does not depend on the thread count");
        assertEquals(1, new NativeBlasProducts(NativeBLAS.getInstance(), new Gemm(2), false)
                .blocks(1024));
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {127, 128, 129, 300, 1000})
    void blockedProductsAgreeWithJavaAndAreTheSameBitsForAnyThreadCount(int rows) {
        int inner = 70;
        int cols = 45;
        SplittableRandom rnd = new SplittableRandom(rows);
        double[] a = random(rnd, rows * inner);
        double[] w = random(rnd, inner * cols);
        double[] d = random(rnd, rows * cols);
        double[] bias = random(rnd, cols);
        Gemm java = new Gemm(1);
        double[] z = new double[rows * cols];
        double[] back = new double[rows * inner];
        java.multiply(a, rows, inner, w, cols, bias, z);
        java.multiplyTransposedRight(d, rows, cols, w, inner, back);
        double[] z1 = null;
        double[] back1 = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            NativeBlasProducts blocked = new NativeBlasProducts(NativeBLAS.getInstance(),
                    new Gemm(threads), true);
            double[] zt = new double[rows * cols];
            double[] backT = new double[rows * inner];
            Arrays.fill(zt, Double.NaN);
            Arrays.fill(backT, Double.NaN);
            blocked.multiply(a, rows, inner, w, cols, bias, zt);
            blocked.multiplyTransposedRight(d, rows, cols, w, inner, backT);
            assertClose(z, zt, inner, "A·W+b, " + threads + " threads");
            assertClose(back, backT, cols, "δ·Wᵀ, " + threads + " threads");
            if (z1 == null) {
                z1 = zt;
                back1 = backT;
            } else {
                assertArrayEquals(z1, zt, 0.0, "A·W+b bits, " + threads + " threads");
                assertArrayEquals(back1, backT, 0.0, "δ·Wᵀ bits, " + threads + " threads");
            }
        }
    }

    @Test
    void foundByNameThroughServiceLoader() {
        assertInstanceOf(NativeBlasProducts.class, nativeBlas);
        assertTrue(MatrixBackends.providers().stream()
                .anyMatch(p -> p.name().equals("native-blas")));
        assertInstanceOf(Gemm.class, MatrixBackends.create("java", 1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MatrixBackends.create("cuda", 1));
        assertEquals("unknown compute backend 'cuda' (system property mlp.backend); known: java,"
                + " native-blas", e.getMessage());
    }
}
