package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import dev.mlp.api.RangeUpdate;
import dev.mlp.optimizers.Adam;
import dev.mlp.optimizers.Momentum;
import dev.mlp.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelUpdateTest {

    /** Above the threshold, with odd sizes so that the slices are uneven: 77,014 parameters. */
    private static final ParameterLayout LARGE = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 301 * 251), new Block(1, Kind.BIASES, 251),
            new Block(2, Kind.WEIGHTS, 251 * 7), new Block(2, Kind.BIASES, 7)));

    private static double[][] random(ParameterLayout layout, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[layout.size()][];
        for (int b = 0; b < a.length; b++) {
            a[b] = new double[layout.block(b).size()];
            for (int i = 0; i < a[b].length; i++) {
                a[b][i] = r.nextDouble(-1, 1);
            }
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int b = 0; b < a.length; b++) {
            c[b] = a[b].clone();
        }
        return c;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError(what + " [" + i + "]: " + actual[i] + ", expected "
                        + expected[i]);
            }
        }
    }

    static Stream<Arguments> optimizersAndThreads() {
        List<Arguments> list = new ArrayList<>();
        for (Optimizer o : List.of(new Sgd(0.1), new Momentum(0.05, 0.9),
                new Adam(0.01, 0.9, 0.999, 1e-8))) {
            for (int threads = 1; threads <= 3; threads++) {
                list.add(Arguments.of(o, threads));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}, {1} threads")
    @MethodSource("optimizersAndThreads")
    void givesTheBitsOfUpdate(Optimizer optimizer, int threads) {
        long total = 0;
        for (Block b : LARGE.blocks()) {
            total += b.size();
        }
        assertTrue(total >= ParallelUpdate.THRESHOLD, "the layout must be split");
        OptimizerState whole = optimizer.start(LARGE);
        OptimizerState split = optimizer.start(LARGE);
        assertTrue(split instanceof RangeUpdate);
        double[][] a = random(LARGE, 1);
        double[][] b = copy(a);
        ParallelUpdate parallel = new ParallelUpdate(threads);
        for (int step = 1; step <= 4; step++) {
            double[][] g = random(LARGE, 100 + step);
            double[][] keep = copy(g);
            whole.update(a, g);
            parallel.update(split, b, g);
            for (int k = 0; k < a.length; k++) {
                assertSameBits(a[k], b[k], optimizer + ", step " + step + ", block " + k);
                assertSameBits(keep[k], g[k], "gradients after step " + step + ", block " + k);
            }
        }
        assertEquals(whole.steps(), split.steps());
        for (Map.Entry<String, double[]> e : whole.snapshot().values().entrySet()) {
            assertSameBits(e.getValue(), split.snapshot().values().get(e.getKey()),
                    "snapshot value " + e.getKey());
        }
    }

    /** Records how it was called; {@code update} counts, ranges are kept per call. */
    private static class Recording implements OptimizerState {
        int updates;
        long steps;

        @Override
        public void update(double[][] parameters, double[][] gradients) {
            updates++;
            steps++;
        }

        @Override
        public long steps() {
            return steps;
        }
    }

    private static final class RecordingRanges extends Recording implements RangeUpdate {
        int begun;
        int ended;
        final List<int[]> ranges = new ArrayList<>();
        boolean failLaterSlices;

        @Override
        public void beginStep() {
            begun++;
        }

        @Override
        public void updateRange(int block, double[] parameters, double[] gradients, int from,
                                int to) {
            synchronized (ranges) {
                ranges.add(new int[] {block, from, to});
            }
            if (failLaterSlices && block == 0 && from > 0) {
                throw new IllegalStateException("range [" + from + ", " + to + ") failed");
            }
        }

        @Override
        public void endStep() {
            ended++;
            steps++;
        }
    }

    @Test
    void largeStepsOfRangeStatesAreCutIntoOneSlicePerThreadOfEveryBlock() {
        RecordingRanges s = new RecordingRanges();
        double[][] p = random(LARGE, 3);
        new ParallelUpdate(3).update(s, p, random(LARGE, 4));
        assertEquals(1, s.begun);
        assertEquals(1, s.ended);
        assertEquals(0, s.updates);
        assertEquals(3 * LARGE.size(), s.ranges.size());
        for (int b = 0; b < LARGE.size(); b++) {
            int n = LARGE.block(b).size();
            int[] covered = new int[n];
            for (int[] r : s.ranges) {
                if (r[0] == b) {
                    assertTrue(r[1] <= r[2] && r[2] - r[1] <= n / 3 + 1,
                            "block " + b + ": [" + r[1] + ", " + r[2] + ")");
                    for (int i = r[1]; i < r[2]; i++) {
                        covered[i]++;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1, covered[i], "block " + b + " index " + i + " covered once");
            }
        }
    }

    @Test
    void smallLayoutsOneThreadAndOtherStatesUseUpdate() {
        ParameterLayout small = new ParameterLayout(List.of(new Block(1, Kind.WEIGHTS,
                ParallelUpdate.THRESHOLD - 1)));
        RecordingRanges below = new RecordingRanges();
        new ParallelUpdate(2).update(below, random(small, 1), random(small, 2));
        assertEquals(1, below.updates);
        assertEquals(0, below.begun);

        RecordingRanges oneThread = new RecordingRanges();
        new ParallelUpdate(1).update(oneThread, random(LARGE, 1), random(LARGE, 2));
        assertEquals(1, oneThread.updates);
        assertEquals(0, oneThread.begun);

        Recording plain = new Recording();
        ParallelUpdate two = new ParallelUpdate(2);
        two.update(plain, random(LARGE, 1), random(LARGE, 2));
        two.update(plain, random(LARGE, 1), random(LARGE, 2));
        assertEquals(2, plain.updates);
        assertEquals(2, plain.steps());
    }

    @Test
    void badShapesAreRejectedBeforeTheStepBegins() {
        RecordingRanges s = new RecordingRanges();
        ParallelUpdate u = new ParallelUpdate(2);
        double[][] p = random(LARGE, 1);
        double[][] g = random(LARGE, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> u.update(s, p, new double[][] {g[0], g[1], g[2]}));
        assertEquals("one gradient array per parameter block needed: 4 parameter arrays, "
                + "3 gradient arrays", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> u.update(s, p, new double[][] {g[0], null, g[2], g[3]}));
        assertEquals("block 1 has no gradient array", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> u.update(s, p, new double[][] {g[0], g[1], new double[5], g[3]}));
        assertEquals("the gradient array of block 2 must hold at least 1757 values (its "
                + "parameters), found 5", e.getMessage());
        assertEquals(0, s.begun);
        assertThrows(IllegalArgumentException.class, () -> new ParallelUpdate(0));
    }

    @Test
    void aFailingRangeIsRethrownAndTheStepIsNotEnded() {
        RecordingRanges s = new RecordingRanges();
        s.failLaterSlices = true;
        ParallelUpdate u = new ParallelUpdate(2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> u.update(s, random(LARGE, 1), random(LARGE, 2)));
        assertTrue(e.getMessage().endsWith("failed"), e.getMessage());
        assertEquals(1, s.begun);
        assertEquals(0, s.ended);
        // the instance is still usable
        RecordingRanges next = new RecordingRanges();
        u.update(next, random(LARGE, 1), random(LARGE, 2));
        assertEquals(1, next.ended);
        assertEquals(2 * LARGE.size(), next.ranges.size());
    }
}
