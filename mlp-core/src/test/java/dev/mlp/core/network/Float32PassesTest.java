package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.Mlp;
import dev.mlp.core.kernel.Float32Products;
import dev.mlp.core.kernel.FloatGemm;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.layer.NetworkAssembly;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under {@code float32} a pass small enough for plain loops multiplies in {@code float} like
 * the float engine of larger passes: the same rows give the same bits in a batch small enough
 * for plain loops and in one large enough for the engine, and the gradients of a plain pass
 * are those the float engine computes from the same operands.
 */
class Float32PassesTest {

    private static final int IN = 3;

    private static Network network(String spec) {
        Network n = NetworkAssembly.assemble(spec, IN, Mlp.standard().registry()).network();
        n.initialize(Mlp.standard().registry().initializer("xavier"), new SplittableRandom(3));
        return n;
    }

    private static MatrixProducts float32() {
        return new Float32Products(new FloatGemm(1), true);
    }

    private static double[] inputs(int rows) {
        SplittableRandom r = new SplittableRandom(rows);
        double[] x = new double[rows * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-2, 2);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense(6, tanh) dense(2)",
            "dense(6, tanh) layer-norm dense(6, relu) dense(2)"})
    void smallAndLargeBatchesGiveTheSameBitsPerRow(String spec) {
        Network net = network(spec);
        int large = 300;
        int small = 5;
        assertFalse(net.runsPlainLoops(large));
        assertTrue(net.runsPlainLoops(small));
        double[] x = inputs(large);
        int out = net.outputSize();
        double[] whole = net.forward(new Workspace(net, large, float32()), x, large).clone();
        Workspace ws = new Workspace(net, small, float32());
        assertTrue(ws.float32());
        for (int from = 0; from < large; from += small) {
            double[] part = Arrays.copyOfRange(x, from * IN, (from + small) * IN);
            double[] got = net.forward(ws, part, small);
            assertArrayEquals(Arrays.copyOfRange(whole, from * out, (from + small) * out),
                    Arrays.copyOf(got, small * out), 0.0, "rows from " + from);
        }
        // the same rows in float64 take other bits: the comparison above sees the precision
        double[] inDouble = net.forward(new Workspace(net, large, new Gemm(1)), x, large);
        assertFalse(Arrays.equals(whole, Arrays.copyOf(inDouble, large * out)));
        assertFalse(new Workspace(net, 1, new Gemm(1)).float32());
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 4})
    void aPlainPassHasTheFloatEnginesGradients(int rows) {
        Network net = network("dense(6, tanh) dense(2)");
        assertTrue(net.runsPlainLoops(rows));
        double[] x = inputs(rows);
        Workspace ws = new Workspace(net, rows, float32());
        double[] z1 = new double[rows * 6];
        MatrixProducts engine = float32();
        engine.multiply(x, rows, IN, net.weights(1), 6, net.biases(1), z1);
        net.forward(ws, x, rows);
        assertArrayEquals(z1, Arrays.copyOf(ws.preActivations(1), rows * 6), 0.0, "Z of layer 1");

        double[] d2 = {0.25, -0.5, 0.125, 0.75, -1, 0.5, 2, -0.25};
        System.arraycopy(d2, 0, ws.delta(2), 0, rows * 2);
        double scale = 1.0 / 3;
        if (rows == 1) {
            // the fused one-sample pass (scale 1), reading the row in place
            double[] data = new double[2 * IN];
            System.arraycopy(x, 0, data, IN, IN);
            net.forwardSample(ws, data, 1);
            assertTrue(net.backwardSample(ws, data, 1));
            scale = 1.0;
        } else {
            net.backward(ws, x, rows, scale);
        }
        double[] a1 = Arrays.copyOf(ws.activations(1), rows * 6);
        double[] g2 = new double[6 * 2];
        engine.multiplyTransposedLeft(a1, rows, 6, ws.delta(2), 2, scale, g2);
        assertArrayEquals(g2, ws.weightGradients(2), 0.0, "weight gradient of layer 2");
        double[] back = new double[rows * 6];
        engine.multiplyTransposedRight(ws.delta(2), rows, 2, net.weights(2), 6, back);
        double[] d1 = new double[rows * 6];
        net.activation(1).backward(ws.preActivations(1), ws.activations(1), back, d1, rows, 6);
        assertArrayEquals(d1, Arrays.copyOf(ws.delta(1), rows * 6), 0.0, "delta of layer 1");
        double[] g1 = new double[IN * 6];
        engine.multiplyTransposedLeft(x, rows, IN, d1, 6, scale, g1);
        assertArrayEquals(g1, ws.weightGradients(1), 0.0, "weight gradient of layer 1");
        double[] gb = new double[2];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 2; c++) {
                gb[c] += d2[r * 2 + c];
            }
        }
        for (int c = 0; c < 2; c++) {
            gb[c] *= scale;
        }
        assertArrayEquals(gb, ws.biasGradients(2), 0.0, "bias gradients stay in double");
        assertEquals(6 * IN, ws.weightGradients(1).length);
    }
}
