package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Inverted dropout: mask statistics, reproducibility, gradients through a fixed mask, inference. */
class NetworkDropoutTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    private static Network network(double p1, double p2) {
        Activation relu = REGISTRY.activation("relu");
        Activation tanh = REGISTRY.activation("tanh");
        Activation identity = REGISTRY.activation("identity");
        Network net = new Network(10, List.of(new Network.LayerSpec(200, relu, true, p1),
                new Network.LayerSpec(150, tanh, true, p2),
                new Network.LayerSpec(3, identity, true)));
        net.initialize(Initializers.uniform(-0.3, 0.3), new SplittableRandom(3));
        return net;
    }

    private static double[] inputs(int rows, int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void masksDropTheRateAndScaleTheRest() {
        Network net = network(0.3, 0.5);
        int rows = 100;
        double[] x = inputs(rows, 10, 1);
        Workspace ws = new Workspace(net, rows, 2);
        net.forward(ws, x, rows, new SplittableRandom(7));
        assertTrue(ws.masked());
        double[] rates = {0.3, 0.5};
        for (int layer = 1; layer <= 2; layer++) {
            double p = rates[layer - 1];
            double[] mask = ws.mask(layer);
            int n = rows * net.layerOutputs(layer);
            int dropped = 0;
            for (int i = 0; i < n; i++) {
                if (mask[i] == 0.0) {
                    dropped++;
                } else {
                    assertEquals(1.0 / (1.0 - p), mask[i], 0.0, "kept entries are scaled");
                }
            }
            // n is 20,000 or 15,000: the standard deviation of the dropped fraction is < 0.005
            assertEquals(p, (double) dropped / n, 0.02, "dropped fraction of layer " + layer);
        }
        // layer 2 saw A1 ⊙ mask1: recompute its pre-activations from that
        double[] a1 = ws.activations(1);
        double[] seen = new double[rows * 200];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = a1[i] * ws.mask(1)[i];
        }
        double[] z2 = new double[rows * 150];
        Matrices.multiply(seen, rows, 200, net.weights(2), 150, net.biases(2), z2);
        assertArrayEquals(z2, java.util.Arrays.copyOf(ws.preActivations(2), z2.length), 1e-12);
        assertNull(ws.mask(3), "the output layer has no mask");
    }

    @Test
    void sameSeedSameMasksOtherSeedOtherMasks() {
        Network net = network(0.4, 0.2);
        int rows = 16;
        double[] x = inputs(rows, 10, 2);
        Workspace one = new Workspace(net, rows, 1);
        Workspace two = new Workspace(net, rows, 2);
        double[] out1 = net.forward(one, x, rows, new SplittableRandom(11)).clone();
        double[] out2 = net.forward(two, x, rows, new SplittableRandom(11)).clone();
        assertArrayEquals(out1, out2, 0.0);
        assertArrayEquals(one.mask(1), two.mask(1), 0.0);
        net.forward(two, x, rows, new SplittableRandom(12));
        assertFalse(java.util.Arrays.equals(one.mask(1), two.mask(1)));
    }

    @Test
    void inferenceIgnoresDropout() {
        Network with = network(0.5, 0.5);
        Network without = new Network(10, List.of(
                new Network.LayerSpec(200, with.activation(1), true),
                new Network.LayerSpec(150, with.activation(2), true),
                new Network.LayerSpec(3, with.activation(3), true)));
        for (int l = 1; l <= 3; l++) {
            without.setWeights(l, with.weights(l));
            without.setBiases(l, with.biases(l));
        }
        int rows = 9;
        double[] x = inputs(rows, 10, 4);
        Workspace ws = new Workspace(with, rows);
        double[] plain = without.forward(new Workspace(without, rows), x, rows).clone();
        with.forward(ws, x, rows, new SplittableRandom(1)); // a training pass first
        assertArrayEquals(plain, with.forward(ws, x, rows), 0.0);
        assertFalse(ws.masked());
        assertArrayEquals(plain, with.predict(x, rows), 0.0);
        // and backward after an inference pass ignores the old masks
        Workspace wsPlain = new Workspace(without, rows);
        without.forward(wsPlain, x, rows);
        fillDelta(ws.delta(3), wsPlain.delta(3));
        with.backward(ws, x, rows);
        without.backward(wsPlain, x, rows);
        for (int g = 0; g < ws.gradients().length; g++) {
            assertArrayEquals(wsPlain.gradients()[g], ws.gradients()[g], 0.0);
        }
    }

    private static void fillDelta(double[] a, double[] b) {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble(-1, 1);
            b[i] = a[i];
        }
    }

    /** Replays the same draws after every {@link #rewind()}: a fixed mask. */
    private static final class Replay implements RandomGenerator {
        private final double[] draws;
        private int next;

        Replay(long seed, int n) {
            SplittableRandom rnd = new SplittableRandom(seed);
            draws = new double[n];
            for (int i = 0; i < n; i++) {
                draws[i] = rnd.nextDouble();
            }
        }

        Replay rewind() {
            next = 0;
            return this;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextDouble is replayed");
        }

        @Override
        public double nextDouble() {
            return draws[next++];
        }
    }

    @Test
    void backwardMatchesFiniteDifferencesThroughAFixedMask() {
        Activation tanh = REGISTRY.activation("tanh");
        Activation sigmoid = REGISTRY.activation("sigmoid");
        Network net = new Network(3, List.of(new Network.LayerSpec(5, tanh, true, 0.4),
                new Network.LayerSpec(4, sigmoid, false, 0.25),
                new Network.LayerSpec(2, REGISTRY.activation("identity"), true)));
        net.initialize(Initializers.uniform(-1, 1), new SplittableRandom(5));
        Loss loss = REGISTRY.loss("mse");
        int rows = 4;
        double[] x = inputs(rows, 3, 6);
        double[] y = inputs(rows, 2, 7);
        Replay mask = new Replay(9, rows * (5 + 4));
        Workspace ws = new Workspace(net, rows);
        double[] a = net.forward(ws, x, rows, mask.rewind());
        loss.delta(net.activation(3), ws.preActivations(3), a, y, ws.delta(3), rows, 2);
        net.backward(ws, x, rows);
        double[][] grads = ws.gradients();
        double[][] params = net.parameters();
        double h = 1e-6;
        int checked = 0;
        for (int b = 0; b < params.length; b++) {
            for (int i = 0; i < params[b].length; i++) {
                double keep = params[b][i];
                params[b][i] = keep + h;
                Workspace w1 = new Workspace(net, rows);
                double[] o1 = net.forward(w1, x, rows, mask.rewind());
                double up = loss.value(w1.preActivations(3), o1, y, rows, 2) / rows;
                params[b][i] = keep - h;
                double[] o2 = net.forward(w1, x, rows, mask.rewind());
                double down = loss.value(w1.preActivations(3), o2, y, rows, 2) / rows;
                params[b][i] = keep;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grads[b][i], 1e-7 * (1 + Math.abs(numeric)),
                        "block " + b + " entry " + i);
                checked++;
            }
        }
        assertEquals(3 * 5 + 5 + 5 * 4 + 4 * 2 + 2, checked);
        // the masks dropped something, or the check would not involve them
        int zeros = 0;
        for (double m : ws.mask(1)) {
            zeros += m == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros < rows * 5);
    }

    @Test
    void badRatesAreRejected() {
        Activation relu = REGISTRY.activation("relu");
        for (double p : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Network.LayerSpec(3, relu, true, p));
            assertEquals("dropout rate must be in [0, 1), found " + p, e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(2, List.of(new Network.LayerSpec(3, relu, true, 0.5),
                        new Network.LayerSpec(1, relu, true, 0.5))));
        assertEquals("dropout applies to hidden layers' outputs; layer 2 is the output layer,"
                + " found dropout rate 0.5", e.getMessage());
        Network plain = new Network(2, List.of(new Network.LayerSpec(3, relu, true),
                new Network.LayerSpec(1, relu, true)));
        Network dropping = new Network(2, List.of(new Network.LayerSpec(3, relu, true, 0.5),
                new Network.LayerSpec(1, relu, true)));
        Workspace ws = new Workspace(plain, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> dropping.forward(ws, new double[2], 1, new SplittableRandom(1)));
        assertEquals("workspace was made for a network without dropout on layer 1, this one has"
                + " rate 0.5", e.getMessage());
        assertEquals(0.5, dropping.dropout(1));
        assertEquals(0.5, dropping.copy().dropout(1));
        assertTrue(dropping.hasDropout());
        assertFalse(plain.hasDropout());
    }
}
