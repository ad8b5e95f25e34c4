package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.core.Mlp;
import dev.mlp.core.kernel.Float32Products;
import dev.mlp.core.kernel.FloatGemm;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.layer.NetworkAssembly;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared rounded weights of {@code float32} shards: rounding split into parts gives the
 * weights rounded to {@code float}; a workspace reading them computes the same bits as one that
 * rounds in every product, and leaves its weight gradients in {@code float}.
 */
class FloatWeightsTest {

    private static final int IN = 20;

    private static Network network(String spec) {
        Network n = NetworkAssembly.assemble(spec, IN, Mlp.standard().registry()).network();
        n.initialize(Mlp.standard().registry().initializer("xavier"), new SplittableRandom(5));
        return n;
    }

    private static Float32Products engine() {
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

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {1, 2, 3, 7})
    void roundingInPartsRoundsEveryWeightOnce(int parts) {
        Network net = network("dense(9, relu) dense(4)");
        FloatWeights copy = new FloatWeights(net);
        for (int p = parts - 1; p >= 0; p--) {
            copy.round(p, parts);
        }
        for (int l = 0; l < net.layerCount(); l++) {
            double[] w = net.weights(l + 1);
            float[] f = copy.layer(l);
            assertEquals(w.length, f.length);
            for (int i = 0; i < w.length; i++) {
                assertEquals((float) w[i], f[i], 0.0f, "layer " + (l + 1) + " weight " + i);
            }
        }
    }

    @Test
    void aShardWorkspaceHasTheBitsOfOneThatRoundsInEveryProduct() {
        Network net = network("dense(16, relu) dense(8, tanh) dense(3)");
        int rows = 64;
        assertEquals(false, net.runsPlainLoops(rows));
        double[] x = inputs(rows);
        Workspace shard = shardWorkspace(net, rows);
        Workspace plain = new Workspace(net, rows, engine());
        assertNull(plain.floatWeightGradients(1));
        double[] a = net.forward(shard, x, rows).clone();
        double[] b = net.forward(plain, x, rows);
        assertArrayEquals(b, a, 0.0, "outputs");
        double[] delta = inputs(rows * 3 / IN + 1);
        System.arraycopy(delta, 0, shard.delta(3), 0, rows * 3);
        System.arraycopy(delta, 0, plain.delta(3), 0, rows * 3);
        net.backward(shard, x, rows, 0.5);
        net.backward(plain, x, rows, 0.5);
        assertSameGradients(plain, shard, 3);
        assertArrayEquals(Arrays.copyOf(plain.delta(1), rows * 16),
                Arrays.copyOf(shard.delta(1), rows * 16), 0.0, "delta of layer 1");
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 2})
    void passesSmallEnoughForPlainLoopsAlsoLeaveWeightGradientsInFloat(int rows) {
        Network net = network("dense(16, relu) dense(8, tanh) dense(3)");
        assertEquals(true, net.runsPlainLoops(rows));
        double[] x = inputs(rows);
        Workspace shard = shardWorkspace(net, rows);
        Workspace plain = new Workspace(net, rows, engine());
        double[] delta = {0.5, -0.25, 1.5, -2, 0.75, 0.125};
        if (rows == 1) {
            // the one-sample pass, reading the row in place
            net.forwardSample(shard, x, 0);
            net.forwardSample(plain, x, 0);
            System.arraycopy(delta, 0, shard.delta(3), 0, 3);
            System.arraycopy(delta, 0, plain.delta(3), 0, 3);
            net.backwardSample(shard, x, 0);
            net.backwardSample(plain, x, 0);
        } else {
            net.forward(shard, x, rows);
            net.forward(plain, x, rows);
            System.arraycopy(delta, 0, shard.delta(3), 0, 6);
            System.arraycopy(delta, 0, plain.delta(3), 0, 6);
            net.backward(shard, x, rows, 0.5);
            net.backward(plain, x, rows, 0.5);
        }
        assertSameGradients(plain, shard, 3);
    }

    /** A shard workspace of {@code net}, reading weights rounded now. */
    private static Workspace shardWorkspace(Network net, int rows) {
        FloatWeights copy = new FloatWeights(net);
        copy.round(0, 1);
        return new Workspace(net, rows, engine(), copy);
    }

    /**
     * The shard's float weight gradients, widened, are the plain workspace's, and the bias
     * gradients stay in double with the same values.
     */
    private static void assertSameGradients(Workspace plain, Workspace shard, int layers) {
        for (int layer = 1; layer <= layers; layer++) {
            float[] f = shard.floatWeightGradients(layer);
            assertNotNull(f);
            double[] widened = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                widened[i] = f[i];
            }
            assertArrayEquals(plain.weightGradients(layer), widened, 0.0,
                    "weight gradients of layer " + layer);
            assertArrayEquals(plain.biasGradients(layer), shard.biasGradients(layer), 0.0,
                    "bias gradients of layer " + layer + " stay in double");
        }
    }

    @Test
    void refusedWithADoubleEngineOrAnotherNetwork() {
        Network net = network("dense(4)");
        FloatWeights copy = new FloatWeights(net);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Workspace(net, 2, new Gemm(1), copy));
        assertEquals("rounded float weights need a float32 engine, found " + new Gemm(1),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Workspace(network("dense(4)"), 2, engine(), copy));
        assertEquals("the rounded weights belong to another network", e.getMessage());
    }

    @Test
    void aNetworkWithOtherBlocksGetsAPlainWorkspace() {
        Network net = network("dense(6, tanh) layer-norm dense(2)");
        Workspace ws = new Workspace(net, 4, engine(), new FloatWeights(net));
        assertNull(ws.floatWeightGradients(1), "its passes do not read the copy");
        assertEquals(true, ws.float32());
    }
}
