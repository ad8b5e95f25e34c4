package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.Activation;
import dev.mlp.core.Mlp;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.plugin.PluginRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The thread count changes only the speed: forward and backward give the same bits for 1, 2 and
 * 3 threads, and a training step allocates nothing once warm.
 */
class NetworkThreadsTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    private static Network network() {
        Activation relu = REGISTRY.activation("relu");
        Network net = new Network(97, List.of(new Network.LayerSpec(130, relu, true, 0.2),
                new Network.LayerSpec(67, relu, true),
                new Network.LayerSpec(10, REGISTRY.activation("softmax"), true)));
        net.initialize(Initializers.uniform(-0.2, 0.2), new SplittableRandom(1));
        return net;
    }

    private static double[] data(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void sameBitsForAnyThreadCount() {
        Network net = network();
        int rows = 70;
        double[] x = data(rows * 97, 2);
        double[] delta = data(rows * 10, 3);
        double[] out1 = null;
        double[][] grads1 = null;
        for (int threads : new int[] {1, 2, 3}) {
            Workspace ws = new Workspace(net, rows, threads);
            assertEquals(threads, ws.threads());
            double[] out = net.forward(ws, x, rows, new SplittableRandom(4)).clone();
            System.arraycopy(delta, 0, ws.delta(3), 0, delta.length);
            net.backward(ws, x, rows);
            double[][] grads = ws.gradients();
            if (out1 == null) {
                out1 = out;
                grads1 = new double[grads.length][];
                for (int g = 0; g < grads.length; g++) {
                    grads1[g] = grads[g].clone();
                }
            } else {
                assertArrayEquals(out1, out, 0.0, threads + " threads: outputs");
                for (int g = 0; g < grads.length; g++) {
                    assertArrayEquals(grads1[g], grads[g], 0.0, threads + " threads: block " + g);
                }
            }
        }
    }

    @Test
    void aWarmTrainingStepAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Network net = network();
        int rows = 64;
        double[] x = data(rows * 97, 5);
        double[] delta = data(rows * 10, 6);
        Workspace ws = new Workspace(net, rows, 2);
        SplittableRandom dropout = new SplittableRandom(7);
        // warm up until the JIT has compiled the loops (interpreted code may allocate what
        // compiled code keeps in registers)
        for (int i = 0; i < 300; i++) {
            step(net, ws, x, delta, rows, dropout);
        }
        // Any allocation per step shows in every window. A rare one-off (the JIT recompiling a
        // method while the machine is busy) may show in one window, so the quietest counts.
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20; i++) {
                step(net, ws, x, delta, rows, dropout);
            }
            quietest = Math.min(quietest, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertEquals(0, quietest, "bytes allocated by 20 warm training steps");
    }

    private static void step(Network net, Workspace ws, double[] x, double[] delta, int rows,
                             SplittableRandom dropout) {
        net.forward(ws, x, rows, dropout);
        System.arraycopy(delta, 0, ws.delta(3), 0, delta.length);
        net.backward(ws, x, rows);
    }
}
