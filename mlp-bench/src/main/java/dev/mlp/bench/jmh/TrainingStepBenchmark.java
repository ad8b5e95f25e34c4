package dev.mlp.bench.jmh;

import dev.mlp.api.Loss;
import dev.mlp.core.Mlp;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.BatchGradient;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step's loss and gradient ({@link BatchGradient#compute}: forward, loss, delta,
 * backward) for W1's network on a batch of 128 and for W2's 2-3-1 network on one sample, and
 * the activation passes of W1's first layer. Run with {@code -prof gc} to see the allocation
 * per step ({@code gc.alloc.rate.norm}, bytes per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {

    /** Threads for the products (W1 only). */
    @Param({"1", "2"})
    public int threads;

    private BatchGradient w1;
    private double[] w1x;
    private double[] w1y;
    private BatchGradient w2;
    private double[] w2x;
    private double[] w2y;
    private double[] z;
    private double[] a;
    private double[] g;
    private dev.mlp.api.Activation relu;

    /** Builds both networks and their batches. */
    @Setup
    public void setUp() {
        System.setProperty("mlp.threads", Integer.toString(threads));
        PluginRegistry registry = Mlp.standard().registry();
        SplittableRandom rnd = new SplittableRandom(1);
        relu = registry.activation("relu");
        Network net = new Network(784, List.of(new Network.LayerSpec(256, relu, true),
                new Network.LayerSpec(128, relu, true),
                new Network.LayerSpec(10, registry.activation("softmax"), true)));
        net.initialize(Initializers.uniform(-0.05, 0.05), rnd);
        Loss ce = registry.loss("cross-entropy");
        w1 = new BatchGradient(net, ce, 128);
        w1x = new double[128 * 784];
        w1y = new double[128 * 10];
        for (int i = 0; i < w1x.length; i++) {
            w1x[i] = rnd.nextDouble();
        }
        for (int r = 0; r < 128; r++) {
            w1y[r * 10 + rnd.nextInt(10)] = 1.0;
        }
        dev.mlp.api.Activation sigmoid = registry.activation("sigmoid");
        Network tiny = new Network(2, List.of(new Network.LayerSpec(3, sigmoid, true),
                new Network.LayerSpec(1, sigmoid, true)));
        tiny.initialize(Initializers.uniform(-1, 1), rnd);
        w2 = new BatchGradient(tiny, registry.loss("half-squared-error"), 1);
        w2x = new double[] {1, 0};
        w2y = new double[] {1};
        z = new double[128 * 256];
        a = new double[128 * 256];
        g = new double[128 * 256];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextDouble(-1, 1);
            g[i] = rnd.nextDouble(-1, 1);
        }
    }

    /** @return the batch loss */
    @Benchmark
    public double w1Batch128() {
        return w1.compute(w1x, w1y, null, 128);
    }

    /** @return the sample loss */
    @Benchmark
    public double w2Sample() {
        return w2.compute(w2x, w2y, null, 1);
    }

    /** @return the activations */
    @Benchmark
    public double[] reluForward128x256() {
        relu.forward(z, a, 128, 256);
        return a;
    }

    /** @return the back-propagated delta */
    @Benchmark
    public double[] reluBackward128x256() {
        relu.backward(z, a, g, a, 128, 256);
        return a;
    }
}
