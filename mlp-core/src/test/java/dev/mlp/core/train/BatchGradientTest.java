package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.activations.Relu;
import dev.mlp.activations.Sigmoid;
import dev.mlp.activations.Softmax;
import dev.mlp.activations.Tanh;
import dev.mlp.api.Loss;
import dev.mlp.core.loss.CrossEntropyLoss;
import dev.mlp.core.loss.SquaredErrorLoss;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchGradientTest {

    private static Network network() {
        Network n = new Network(2, List.of(new Network.LayerSpec(3, new Tanh(), true),
                new Network.LayerSpec(1, new Sigmoid(), true)));
        SplittableRandom r = new SplittableRandom(7);
        for (double[] block : n.parameters()) {
            for (int i = 0; i < block.length; i++) {
                block[i] = r.nextDouble(-1, 1);
            }
        }
        return n;
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        Network net = network();
        var loss = SquaredErrorLoss.HALF;
        double[] x = {0.1, 0.9, -0.4, 0.3, 0.7, -0.2};
        double[] y = {1, 0, 1};
        double[] w = {2, 0, 3};
        BatchGradient weighted = new BatchGradient(net, loss, 3);
        double sum = weighted.compute(x, y, w, 3);
        double[][] gw = copy(weighted.gradients());

        double[] xr = {0.1, 0.9, 0.1, 0.9, 0.7, -0.2, 0.7, -0.2, 0.7, -0.2};
        double[] yr = {1, 1, 1, 1, 1};
        BatchGradient repeated = new BatchGradient(net, loss, 5);
        double sumRepeated = repeated.compute(xr, yr, null, 5);

        assertEquals(sumRepeated, sum, 1e-15);
        assertEquals(5.0, weighted.weightSum());
        assertEquals(5.0, repeated.weightSum());
        for (int i = 0; i < gw.length; i++) {
            assertArrayEquals(repeated.gradients()[i], gw[i], 1e-15);
        }
    }

    @Test
    void unitWeightsEqualNoWeights() {
        Network net = network();
        var loss = SquaredErrorLoss.HALF;
        double[] x = {0.1, 0.9, -0.4, 0.3};
        double[] y = {1, 0};
        BatchGradient a = new BatchGradient(net, loss, 2);
        BatchGradient b = new BatchGradient(net, loss, 2);
        assertEquals(a.compute(x, y, null, 2), b.compute(x, y, new double[] {1, 1}, 2), 1e-15);
        for (int i = 0; i < a.gradients().length; i++) {
            assertArrayEquals(a.gradients()[i], b.gradients()[i], 1e-15);
        }
    }

    /** 40-64-32-5: 4,768 multiply-adds per sample, enough to be split into shards. */
    private static Network shardable() {
        Network n = new Network(40, List.of(new Network.LayerSpec(64, new Relu(), true),
                new Network.LayerSpec(32, new Tanh(), true),
                new Network.LayerSpec(5, new Softmax(), true)));
        SplittableRandom r = new SplittableRandom(11);
        for (double[] block : n.parameters()) {
            for (int i = 0; i < block.length; i++) {
                block[i] = r.nextDouble(-0.3, 0.3);
            }
        }
        return n;
    }

    private static double[] inputs(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] oneHot(int rows, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[rows * classes];
        for (int i = 0; i < rows; i++) {
            y[i * classes + r.nextInt(classes)] = 1.0;
        }
        return y;
    }

    @Test
    void shardCountDependsOnRowsAndNetworkOnly() {
        BatchGradient big = new BatchGradient(shardable(), CrossEntropyLoss.INSTANCE, 1024, 1);
        assertEquals(1, big.shards(1));
        assertEquals(1, big.shards(127));
        assertEquals(2, big.shards(128));
        assertEquals(4, big.shards(300));
        assertEquals(8, big.shards(1024));
        BatchGradient other = new BatchGradient(shardable(), CrossEntropyLoss.INSTANCE, 1024, 3);
        assertEquals(big.shards(300), other.shards(300));
        BatchGradient small = new BatchGradient(network(), SquaredErrorLoss.HALF, 1024, 2);
        assertEquals(1, small.shards(1024), "a 2-3-1 network is never split");
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 130, 300, 1000})
    void shardsAgreeWithTheWholeBatch(int rows) {
        Network net = shardable();
        Loss loss = CrossEntropyLoss.INSTANCE;
        double[] x = inputs(rows, 40, rows);
        double[] y = oneHot(rows, 5, rows + 1);

        Workspace ws = new Workspace(net, rows, 1);
        double[] a = net.forward(ws, x, rows);
        double expectedLoss = loss.value(ws.preActivations(3), a, y, rows, 5);
        loss.delta(net.activation(3), ws.preActivations(3), a, y, ws.delta(3), rows, 5);
        net.backward(ws, x, rows);

        BatchGradient sharded = new BatchGradient(net, loss, rows, 2);
        double sum = sharded.compute(x, y, null, rows);
        assertEquals(expectedLoss, sum, 1e-12 * Math.abs(expectedLoss));
        assertEquals(rows, sharded.weightSum());
        assertClose(ws.gradients(), sharded.gradients(), 1e-13);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void shardedResultsAreTheSameBitsForAnyThreadCount(int threads) {
        Network net = shardable();
        int rows = 1000;
        double[] x = inputs(rows, 40, 5);
        double[] y = oneHot(rows, 5, 6);
        double[] w = inputs(rows, 1, 7);
        for (int i = 0; i < rows; i++) {
            w[i] = Math.abs(w[i]) * 3;
        }
        BatchGradient one = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 1);
        BatchGradient many = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, threads);
        for (double[] weights : new double[][] {null, w}) {
            double expected = one.compute(x, y, weights, rows);
            double[][] g = copy(one.gradients());
            double actual = many.compute(x, y, weights, rows);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
            assertEquals(one.weightSum(), many.weightSum());
            for (int i = 0; i < g.length; i++) {
                assertArrayEquals(g[i], many.gradients()[i], 0.0);
            }
            // and again: nothing left over from the previous call
            many.compute(x, y, weights, rows);
            for (int i = 0; i < g.length; i++) {
                assertArrayEquals(g[i], many.gradients()[i], 0.0);
            }
        }
    }

    @Test
    void weightedShardsAgreeWithTheWholeWeightedBatch() {
        Network net = shardable();
        int rows = 256;
        double[] x = inputs(rows, 40, 21);
        double[] y = oneHot(rows, 5, 22);
        double[] w = new double[rows];
        SplittableRandom r = new SplittableRandom(23);
        for (int i = 0; i < rows; i++) {
            w[i] = r.nextInt(4);
        }
        BatchGradient sharded = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2);
        BatchGradient whole = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2);
        double expected = 0.0;
        double[][] sum = null;
        // the same batch as four unsplit batches of 64, combined by weight as a caller would
        BatchGradient part = new BatchGradient(net, CrossEntropyLoss.INSTANCE, 64, 1);
        double total = 0.0;
        for (int p = 0; p < 4; p++) {
            double[] xp = java.util.Arrays.copyOfRange(x, p * 64 * 40, (p + 1) * 64 * 40);
            double[] yp = java.util.Arrays.copyOfRange(y, p * 64 * 5, (p + 1) * 64 * 5);
            double[] wp = java.util.Arrays.copyOfRange(w, p * 64, (p + 1) * 64);
            expected += part.compute(xp, yp, wp, 64);
            double ws = part.weightSum();
            total += ws;
            if (sum == null) {
                sum = new double[part.gradients().length][];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] = new double[part.gradients()[i].length];
                }
            }
            for (int i = 0; i < sum.length; i++) {
                for (int j = 0; j < sum[i].length; j++) {
                    sum[i][j] += part.gradients()[i][j] * ws;
                }
            }
        }
        for (double[] block : sum) {
            for (int j = 0; j < block.length; j++) {
                block[j] /= total;
            }
        }
        assertEquals(4, sharded.shards(rows));
        assertEquals(expected, sharded.compute(x, y, w, rows), 1e-12 * Math.abs(expected));
        assertEquals(total, sharded.weightSum());
        assertClose(sum, sharded.gradients(), 1e-13);
        assertEquals(expected, whole.compute(x, y, w, rows), 1e-12 * Math.abs(expected));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 128, 300})
    void rowsPickedByOrderAreTheSameBitsAsGatheredRows(int rows) {
        Network net = shardable();
        int n = 700;
        double[] features = inputs(n, 40, 51);
        double[] targets = oneHot(n, 5, 52);
        double[] weights = inputs(n, 1, 53);
        for (int i = 0; i < n; i++) {
            weights[i] = Math.abs(weights[i]) * 2;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(54);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int first = 123;
        double[] x = new double[rows * 40];
        double[] y = new double[rows * 5];
        double[] w = new double[rows];
        dev.mlp.core.kernel.Matrices.gatherRows(features, 40, order, first, rows, x);
        dev.mlp.core.kernel.Matrices.gatherRows(targets, 5, order, first, rows, y);
        dev.mlp.core.kernel.Matrices.gatherRows(weights, 1, order, first, rows, w);
        BatchGradient gathered = new BatchGradient(net, CrossEntropyLoss.INSTANCE, 300, 2);
        BatchGradient picked = new BatchGradient(net, CrossEntropyLoss.INSTANCE, 300, 2);
        assertEquals(rows >= 128 ? rows / 64 : 1, picked.shards(rows));
        for (boolean weighted : new boolean[] {false, true}) {
            double expected = gathered.compute(x, y, weighted ? w : null, rows);
            double actual = picked.compute(features, targets, weighted ? weights : null, order,
                    first, rows, null);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
            assertEquals(gathered.weightSum(), picked.weightSum());
            for (int b = 0; b < gathered.gradients().length; b++) {
                assertArrayEquals(gathered.gradients()[b], picked.gradients()[b], 0.0);
            }
            assertTrue(picked.gradientsFinite());
        }
    }

    @Test
    void rowsOutsideTheOrderAreRefused() {
        BatchGradient g = new BatchGradient(shardable(), CrossEntropyLoss.INSTANCE, 128, 1);
        double[] features = inputs(10, 40, 1);
        double[] targets = oneHot(10, 5, 2);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        var e = assertThrows(IllegalArgumentException.class,
                () -> g.compute(features, targets, null, order, 8, 3, null));
        assertEquals("rows [8, 11) of the batch order are outside its 10 entries",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> g.compute(features, targets, null, order, -1, 2, null));
        var big = assertThrows(IllegalArgumentException.class,
                () -> g.compute(features, targets, null, order, 0, 129, null));
        assertEquals("batch must have between 0 and 128 rows, found 129", big.getMessage());
        int[] wrong = {0, 1, 10, 3};
        var outside = assertThrows(IllegalArgumentException.class,
                () -> g.compute(features, targets, null, wrong, 1, 3, null));
        assertEquals("batch order entry 2 is row 10, but the data set has rows 0 to 9",
                outside.getMessage());
    }

    /** Squared error whose output delta, when switched on, is infinite in its last entry. */
    private static final class InfiniteDelta implements Loss {
        private boolean on;

        @Override
        public String name() {
            return "infinite-delta";
        }

        @Override
        public double value(double[] z, double[] a, double[] y, int rows, int cols) {
            return SquaredErrorLoss.HALF.value(z, a, y, rows, cols);
        }

        @Override
        public void values(double[] z, double[] a, double[] y, double[] out, int rows,
                           int cols) {
            SquaredErrorLoss.HALF.values(z, a, y, out, rows, cols);
        }

        @Override
        public void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
            SquaredErrorLoss.HALF.outputGradient(a, y, gradA, rows, cols);
            if (on) {
                gradA[rows * cols - 1] = Double.POSITIVE_INFINITY;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void gradientsFiniteFollowsEachBatchWholeOrSharded(String precision) {
        Network net = shardable();
        double[] x = inputs(256, 40, 61);
        double[] y = oneHot(256, 5, 62);
        InfiniteDelta loss = new InfiniteDelta();
        BatchGradient g = new BatchGradient(net, loss, 256, 2,
                javaBackend(Precision.parse(precision)));
        assertEquals(4, g.shards(256));
        assertEquals(2, g.shards(128));
        assertEquals(1, g.shards(64));
        // {rows, infinite?}: sharded (in four and in two) and whole batches in turn, so no
        // answer is left over
        int[][] steps = {{256, 0}, {64, 1}, {256, 1}, {64, 0}, {256, 0}, {128, 1}, {128, 0},
                {256, 1}};
        for (int[] step : steps) {
            loss.on = step[1] == 1;
            double sum = g.compute(x, y, null, step[0]);
            assertTrue(Double.isFinite(sum), "the loss stays finite");
            assertEquals(!loss.on, g.gradientsFinite(), step[0] + " rows, infinite " + loss.on);
            assertEquals(!loss.on, Finite.all(g.gradients()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 256})
    void float32ShardsTellANonFiniteWeightGradient(int rows) {
        // without biases every gradient block is a weight block that float32 shards keep in
        // float: the check made while adding them is the only one
        Network net = new Network(40, List.of(new Network.LayerSpec(128, new Relu(), false),
                new Network.LayerSpec(5, new Sigmoid(), false)));
        SplittableRandom r = new SplittableRandom(13);
        for (double[] block : net.parameters()) {
            for (int i = 0; i < block.length; i++) {
                block[i] = r.nextDouble(-0.3, 0.3);
            }
        }
        double[] x = inputs(rows, 40, 63);
        double[] y = oneHot(rows, 5, 64);
        InfiniteDelta loss = new InfiniteDelta();
        BatchGradient g = new BatchGradient(net, loss, rows, 2,
                javaBackend(Precision.FLOAT32));
        assertEquals(rows / 64, g.shards(rows));
        for (boolean on : new boolean[] {false, true, false}) {
            loss.on = on;
            g.compute(x, y, null, rows);
            assertEquals(!on, g.gradientsFinite(), rows + " rows, infinite " + on);
            assertEquals(!on, Finite.all(g.gradients()));
        }
    }

    @Test
    void batchesWithDropoutAreNotSplit() {
        Network net = new Network(40, List.of(new Network.LayerSpec(64, new Relu(), true, 0.5),
                new Network.LayerSpec(5, new Softmax(), true)));
        net.initialize(dev.mlp.core.init.Initializers.uniform(-0.3, 0.3),
                new SplittableRandom(3));
        int rows = 256;
        double[] x = inputs(rows, 40, 31);
        double[] y = oneHot(rows, 5, 32);
        BatchGradient g = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2);
        g.compute(x, y, null, rows, new SplitMixRandom(9));
        // the masks of all rows are in the one workspace: the batch ran unsplit
        double[] mask = g.workspace().mask(1);
        int dropped = 0;
        for (int i = 0; i < rows * 64; i++) {
            dropped += mask[i] == 0.0 ? 1 : 0;
        }
        assertEquals(rows * 64 * 0.5, dropped, rows * 64 * 0.05);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void float32ShardsAreTheSameBitsAsShardsThatRoundInEveryProduct(int threads) {
        // the shards share one rounded copy of the weights and keep weight gradients in
        // float; each shard computed on its own, rounding in every product and widening every
        // result, then added in shard order, must give the same bits
        Network net = shardable();
        int rows = 300;
        double[] x = inputs(rows, 40, 21);
        double[] y = oneHot(rows, 5, 22);
        BatchGradient g = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, threads,
                javaBackend(Precision.FLOAT32));
        int count = g.shards(rows);
        assertEquals(4, count);
        for (int step = 0; step < 2; step++) {
            double sum = g.compute(x, y, null, rows);
            double[][] expected = null;
            double expectedSum = 0.0;
            for (int s = 0; s < count; s++) {
                int from = rows * s / count;
                int to = rows * (s + 1) / count;
                int n = to - from;
                Workspace ws = new Workspace(net, n, new dev.mlp.core.kernel.Float32Products(
                        new dev.mlp.core.kernel.FloatGemm(1), true));
                double[] part = java.util.Arrays.copyOfRange(x, from * 40, to * 40);
                double[] target = java.util.Arrays.copyOfRange(y, from * 5, to * 5);
                double[] a = net.forward(ws, part, n);
                expectedSum += CrossEntropyLoss.INSTANCE.value(ws.preActivations(3), a, target,
                        n, 5);
                CrossEntropyLoss.INSTANCE.delta(net.activation(3), ws.preActivations(3), a,
                        target, ws.delta(3), n, 5);
                net.backward(ws, part, n, 1.0 / rows);
                if (expected == null) {
                    expected = copy(ws.gradients());
                } else {
                    for (int b = 0; b < expected.length; b++) {
                        for (int i = 0; i < expected[b].length; i++) {
                            expected[b][i] += ws.gradients()[b][i];
                        }
                    }
                }
            }
            assertEquals(Double.doubleToRawLongBits(expectedSum),
                    Double.doubleToRawLongBits(sum));
            for (int b = 0; b < expected.length; b++) {
                assertArrayEquals(expected[b], g.gradients()[b], 0.0, "block " + b);
            }
            // a changed weight must reach the next batch: the rounded copy is made per batch
            net.parameters()[0][0] += 0.25;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void aWarmShardedStepAllocatesNothingOnAnyThread(String precision) {
        var bean = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        Network net = shardable();
        int rows = 256;
        double[] x = inputs(rows, 40, 41);
        double[] y = oneHot(rows, 5, 42);
        BatchGradient g = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2,
                javaBackend(Precision.parse(precision)));
        assertEquals(4, g.shards(rows));
        for (int i = 0; i < 300; i++) {
            g.compute(x, y, null, rows);
        }
        // the calling thread and the pool's workers, which run the shards
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("mlp-kernel-"))
                .mapToLong(Thread::getId).toArray();
        // reading the counters allocates (the array of results): measure that with no step
        long reading = Long.MAX_VALUE;
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = allocated(bean, ids);
            reading = Math.min(reading, allocated(bean, ids) - before);
            before = allocated(bean, ids);
            for (int i = 0; i < 20; i++) {
                g.compute(x, y, null, rows);
            }
            quietest = Math.min(quietest, allocated(bean, ids) - before);
        }
        assertEquals(0, quietest - reading, "bytes allocated by 20 warm sharded steps on "
                + ids.length + " threads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"float64", "float32"})
    void aWarmTrainingStepAllocatesNothingOnAnyThread(String precision) {
        // what the trainer runs per batch: rows picked by order, the finiteness answer, and an
        // optimizer step split over the workers (this network has more than THRESHOLD weights)
        var bean = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        Network net = new Network(300, List.of(new Network.LayerSpec(256, new Relu(), true),
                new Network.LayerSpec(5, new Softmax(), true)));
        net.initialize(dev.mlp.core.init.Initializers.uniform(-0.1, 0.1),
                new SplittableRandom(43));
        int n = 1000;
        int rows = 256;
        double[] features = inputs(n, 300, 44);
        double[] targets = oneHot(n, 5, 45);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (i * 7919) % n;
        }
        BatchGradient g = new BatchGradient(net, CrossEntropyLoss.INSTANCE, rows, 2,
                javaBackend(Precision.parse(precision)));
        assertEquals(4, g.shards(rows));
        ParallelUpdate update = new ParallelUpdate(2);
        var state = new dev.mlp.optimizers.Sgd(0.01).start(net.layout());
        assertTrue(state instanceof dev.mlp.api.RangeUpdate);
        long weights = 0;
        for (double[] block : net.parameters()) {
            weights += block.length;
        }
        assertTrue(weights >= ParallelUpdate.THRESHOLD, weights + " parameters");
        double[][] params = net.parameters();
        Runnable step = () -> {
            for (int first = 0; first + rows <= n; first += rows) {
                g.compute(features, targets, null, order, first, rows, null);
                assertTrue(g.gradientsFinite());
                update.update(state, params, g.gradients());
            }
        };
        for (int i = 0; i < 100; i++) {
            step.run();
        }
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("mlp-kernel-"))
                .mapToLong(Thread::getId).toArray();
        long reading = Long.MAX_VALUE;
        long quietest = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = allocated(bean, ids);
            reading = Math.min(reading, allocated(bean, ids) - before);
            before = allocated(bean, ids);
            for (int i = 0; i < 5; i++) {
                step.run();
            }
            quietest = Math.min(quietest, allocated(bean, ids) - before);
        }
        assertEquals(0, quietest - reading, "bytes allocated by 15 warm training steps on "
                + ids.length + " threads");
    }

    private static long allocated(com.sun.management.ThreadMXBean bean, long[] ids) {
        long[] bytes = bean.getThreadAllocatedBytes(ids);
        long sum = 0;
        for (long b : bytes) {
            sum += b;
        }
        return sum;
    }

    private static void assertClose(double[][] expected, double[][] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double scale = 0.0;
            for (double v : expected[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertArrayEquals(expected[i], actual[i], relative * Math.max(scale, 1e-300),
                    "block " + i);
        }
    }

    /** The pure-Java backend in a precision, as a run names it. */
    private static dev.mlp.api.kernel.ComputeBackend javaBackend(Precision precision) {
        return dev.mlp.core.kernel.MatrixBackends.withPrecision(
                dev.mlp.api.kernel.ComputeBackend.of("java", (t, reference) -> reference),
                precision);
    }

    private static double[][] copy(double[][] g) {
        double[][] c = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i].clone();
        }
        return c;
    }
}
