package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.train.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The float32 precision: float products, same bits for any thread count, kept in model files. */
class Float32Test {

    @Test
    void floatProductsMatchDoubleOnesToFloatRoundingAndAnyThreadCount() {
        Random r = new Random(3);
        int rows = 37;
        int inner = 150;
        int cols = 70;
        double[] a = gaussian(r, rows * inner);
        double[] w = gaussian(r, inner * cols);
        double[] bias = gaussian(r, cols);
        double[] d = gaussian(r, rows * cols);
        double[][] exact = products(new Gemm(1), a, w, bias, d, rows, inner, cols);
        double[][] one = products(new Float32Products(new FloatGemm(1), true), a, w, bias, d,
                rows, inner, cols);
        for (int threads : new int[] {2, 3, 5}) {
            double[][] many = products(new Float32Products(new FloatGemm(threads), false), a, w,
                    bias, d, rows, inner, cols);
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(one[p], many[p], 0.0, "product " + p + ", threads " + threads);
            }
        }
        for (int p = 0; p < 3; p++) {
            boolean differs = false;
            for (int i = 0; i < exact[p].length; i++) {
                assertEquals(exact[p][i], one[p][i], 1e-4 * Math.sqrt(inner + rows + cols),
                        "product " + p + " entry " + i);
                differs |= exact[p][i] != one[p][i];
                assertEquals((float) one[p][i], one[p][i], 0.0, "a float result widened");
            }
            assertTrue(differs, "product " + p + " is summed in float");
        }
    }

    @Test
    void trainingInFloat32GivesTheSameBitsOnOneOrTwoThreadsAndIsKeptInTheModelFile(
            @TempDir Path dir) throws Exception {
        double[][] x = new double[512][64];
        double[][] y = new double[512][1];
        Random r = new Random(11);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.tanh(x[i][0] - x[i][1]);
        }
        // 3 x 256 x (64 x 256 + 256) = 12.8 million multiply-adds per batch: both threads run
        assertEquals(2, WorkSizedThreads.forBatch(2, 64 * 256 + 256, 256));
        Model one = train(x, y, "float32", 1);
        Model two = train(x, y, "float32", 2);
        Model f64 = train(x, y, "float64", 2);
        java.util.List<Double> losses = one.history().get(0).epochLosses();
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "loss falls: " + losses);
        assertEquals(losses, two.history().get(0).epochLosses());
        double[][] p1 = one.network().parameters();
        double[][] p2 = two.network().parameters();
        double[][] p64 = f64.network().parameters();
        for (int b = 0; b < p1.length; b++) {
            assertArrayEquals(p1[b], p2[b], 0.0, "parameter block " + b);
            assertFalse(Arrays.equals(p1[b], p64[b]), "float32 differs from float64, block " + b);
            assertArrayEquals(p64[b], p1[b], 1e-2, "float32 stays close to float64, block " + b);
        }
        Path file = dir.resolve("f32.mlp");
        ModelFile.save(one, file);
        Model back = ModelFile.load(file);
        assertEquals("float32", back.specs().get("precision"));
        assertArrayEquals(one.predict(x[3]), back.predict(x[3]), 0.0);
        Path plain = dir.resolve("f64.mlp");
        ModelFile.save(f64, plain);
        assertEquals(null, ModelFile.load(plain).specs().get("precision"));
        assertFalse(new String(Files.readAllBytes(plain), "ISO-8859-1").contains("float32"));
        // described with one precision line each, whether recorded or not
        for (Object[] c : new Object[][] {{file, "float32"}, {plain, "float64"}}) {
            dev.mlp.core.io.ModelInfo info = ModelFile.read((Path) c[0]);
            assertEquals(c[1], info.precision());
            String text = info.describe();
            assertEquals(1, text.lines().filter(l -> l.startsWith("precision:")).count(), text);
            assertTrue(text.lines().anyMatch(l -> l.matches("precision: +" + c[1])), text);
        }
    }

    @Test
    void anUnknownPrecisionIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().precision("float16"));
        assertEquals("unknown precision 'float16'; known: float64, float32", e.getMessage());
        assertEquals(Precision.FLOAT32, Precision.parse(" Float32 "));
    }

    private static Model train(double[][] x, double[][] y, String precision, int threads) {
        Model m = Mlp.builder().inputs(x[0].length).layer(256, "relu").layer(1, "identity")
                .loss("mse").optimizer("adam(lr=0.01)")
                .batch("mini-batch(size=256, shuffle=true)").epochs(3).seed(7)
                .backend("java").threads(threads).precision(precision).build();
        m.fit(x, y);
        return m;
    }

    private static double[][] products(dev.mlp.api.kernel.MatrixProducts e, double[] a,
                                       double[] w, double[] bias, double[] d, int rows,
                                       int inner, int cols) {
        double[] z = new double[rows * cols];
        e.multiply(a, rows, inner, w, cols, bias, z);
        double[] g = new double[inner * cols];
        e.multiplyTransposedLeft(a, rows, inner, d, cols, 0.5, g);
        double[] back = new double[rows * inner];
        e.multiplyTransposedRight(d, rows, cols, w, inner, back);
        return new double[][] {z, g, back};
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
