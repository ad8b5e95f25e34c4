package dev.mlp.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.kernel.FloatGemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.loss.CrossEntropyLoss;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.BatchGradient;
import dev.mlp.core.train.Precision;
import dev.mlp.core.train.TrainingResult;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code java-vector} under {@code float32}: its engines multiply with the {@code FloatVector}
 * kernels, a training run learns and gives the same bits on 1 and 2 threads (and the bits of the
 * {@code java} backend's float products, the same fma chains), and a warm training step
 * allocates nothing on any thread.
 */
class Float32VectorTrainingTest {

    private static ComputeBackend vector() {
        return new VectorBackendProvider().create(null);
    }

    @Test
    void theFloat32EnginesUseTheFloatVectorKernels() {
        ComputeBackend backend = vector();
        assertInstanceOf(FloatVectorProducts.class, backend.floatProducts(2, new FloatGemm(2)));
        MatrixProducts engine = MatrixBackends.engine(
                MatrixBackends.withPrecision(backend, Precision.FLOAT32), 2);
        assertTrue(engine.toString().startsWith("float32(java-vector-float(threads=2, "),
                engine.toString());
    }

    @Test
    void trainingInFloat32LearnsWithTheSameBitsOnOneOrTwoThreads() {
        double[][] x = new double[512][64];
        double[][] y = new double[512][1];
        Random r = new Random(11);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.tanh(x[i][0] - x[i][1]);
        }
        Model one = train(x, y, "java-vector", 1);
        Model two = train(x, y, "java-vector", 2);
        Model java = train(x, y, "java", 2);
        List<Double> losses = last(one).epochLosses();
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), "loss falls: " + losses);
        assertEquals(losses, last(two).epochLosses());
        double[][] p1 = one.network().parameters();
        double[][] p2 = two.network().parameters();
        double[][] pj = java.network().parameters();
        for (int b = 0; b < p1.length; b++) {
            assertArrayEquals(p1[b], p2[b], 0.0, "parameter block " + b + ", 1 and 2 threads");
            assertArrayEquals(pj[b], p2[b], 0.0, "parameter block " + b + ", java and "
                    + "java-vector");
        }
    }

    private static TrainingResult last(Model m) {
        return m.history().get(m.history().size() - 1);
    }

    private static Model train(double[][] x, double[][] y, String backend, int threads) {
        Model m = Mlp.builder().inputs(x[0].length).layer(256, "relu").layer(1, "identity")
                .loss("mse").optimizer("adam(lr=0.003)")
                .batch("mini-batch(size=256, shuffle=true)").epochs(6).seed(7)
                .backend(backend).threads(threads).precision("float32").build();
        TrainingResult result = m.fit(x, y);
        assertEquals(6, result.epochs());
        return m;
    }

    @Test
    void aWarmFloat32StepAllocatesNothingOnAnyThread() {
        var bean = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        Network net = new Network(300, List.of(
                new Network.LayerSpec(256, Mlp.standard().registry().activation("relu"), true),
                new Network.LayerSpec(5, Mlp.standard().registry().activation("softmax"),
                        true)));
        net.initialize(Mlp.standard().registry().initializer("xavier"),
                new SplittableRandom(43));
        int rows = 256;
        SplittableRandom r = new SplittableRandom(44);
        double[] x = new double[rows * 300];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        double[] y = new double[rows * 5];
        for (int i = 0; i < rows; i++) {
            y[i * 5 + i % 5] = 1.0;
        }
        BatchGradient g = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2,
                MatrixBackends.withPrecision(vector(), Precision.FLOAT32));
        assertEquals(4, g.shards(rows), "the batch runs as shards on both threads");
        for (int i = 0; i < 200; i++) {
            g.compute(x, y, null, rows);
        }
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("mlp-kernel-"))
                .mapToLong(Thread::getId).toArray();
        // reading the counters allocates (the array of results): measure that with no step
        // until the JIT has compiled the vector kernels, their vectors are objects: on a busy
        // machine that can take a while, so windows of steps run until one allocates nothing
        // or a minute has passed
        long reading = Long.MAX_VALUE;
        long quietest = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int window = 0; window < 5
                || (quietest > reading && System.nanoTime() < deadline); window++) {
            long before = allocated(bean, ids);
            reading = Math.min(reading, allocated(bean, ids) - before);
            before = allocated(bean, ids);
            for (int i = 0; i < 20; i++) {
                g.compute(x, y, null, rows);
            }
            quietest = Math.min(quietest, allocated(bean, ids) - before);
        }
        assertEquals(0, quietest - reading, "bytes allocated by 20 warm float32 steps on "
                + ids.length + " threads");
    }

    private static long allocated(com.sun.management.ThreadMXBean bean, long[] ids) {
        long sum = 0;
        for (long b : bean.getThreadAllocatedBytes(ids)) {
            sum += b;
        }
        return sum;
    }
}
