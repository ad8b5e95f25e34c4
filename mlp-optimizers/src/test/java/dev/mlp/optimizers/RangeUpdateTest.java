package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.RangeUpdate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which states can be split into ranges, how they check their arguments and call order, and
 * that ranges run on two real threads give the bits of {@code update}. (The contract-test kit
 * checks shuffled irregular ranges for every optimizer.)
 */
class RangeUpdateTest {

    static Stream<Arguments> elementwise() {
        return Fixtures.optimizers().stream()
                .filter(o -> !(o instanceof NormalizedGradient))
                .map(o -> Arguments.of(o.toString(), o));
    }

    private static RangeUpdate split(Optimizer o) {
        OptimizerState s = o.start(Fixtures.NET);
        assertTrue(s instanceof RangeUpdate, o + " should support range updates");
        return (RangeUpdate) s;
    }

    @Test
    void everyStateButNormalizedGradientsCanBeSplit() {
        for (Optimizer o : Fixtures.optimizers()) {
            boolean split = o.start(Fixtures.NET) instanceof RangeUpdate;
            assertEquals(!(o instanceof NormalizedGradient), split, o.toString());
        }
        assertEquals(17, Fixtures.providers().stream()
                .filter(p -> !p.name().equals(NormalizedGradient.NAME))
                .filter(p -> !p.name().equals(Lbfgs.NAME)).count(),
                "sgd, momentum, nesterov, adam, adamw, adamax, amsgrad, nadam, adagrad, rmsprop, "
                        + "adadelta, rprop, lion, radam, adam-belief, lookahead (around adam), "
                        + "schedule-free-adamw");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void halvesOnTwoThreadsGiveTheBitsOfUpdate(String spec, Optimizer o) throws Exception {
        OptimizerState whole = o.start(Fixtures.NET);
        RangeUpdate parts = split(o);
        double[][] a = Fixtures.random(Fixtures.NET, 7L);
        double[][] b = Fixtures.copy(a);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int step = 1; step <= 6; step++) {
                double[][] g = Fixtures.random(Fixtures.NET, 300L + step);
                whole.update(a, g);
                parts.beginStep();
                List<Future<?>> done = List.of(
                        pool.submit(() -> half(parts, b, g, 0)),
                        pool.submit(() -> half(parts, b, g, 1)));
                for (Future<?> f : done) {
                    f.get();
                }
                parts.endStep();
                for (int k = 0; k < a.length; k++) {
                    for (int i = 0; i < a[k].length; i++) {
                        assertEquals(Double.doubleToRawLongBits(a[k][i]),
                                Double.doubleToRawLongBits(b[k][i]),
                                spec + ": step " + step + ", block " + k + " [" + i + "]");
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        OptimizerState s = (OptimizerState) parts;
        assertEquals(whole.steps(), s.steps());
        assertEquals(whole.snapshot(), s.snapshot());
    }

    private static void half(RangeUpdate s, double[][] w, double[][] g, int which) {
        for (int b = 0; b < w.length; b++) {
            int n = Fixtures.NET.block(b).size();
            int mid = n / 2;
            s.updateRange(b, w[b], g[b], which == 0 ? 0 : mid, which == 0 ? mid : n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void badRangesAreRejectedSayingWhat(String spec, Optimizer o) {
        RangeUpdate s = split(o);
        double[] w = new double[6];
        double[] g = new double[6];
        s.beginStep();
        assertMessage(() -> s.updateRange(4, w, g, 0, 1), "block must be in [0, 4), found 4");
        assertMessage(() -> s.updateRange(-1, w, g, 0, 1), "block must be in [0, 4), found -1");
        assertMessage(() -> s.updateRange(0, w, g, -1, 2),
                "the range of block 0 must satisfy 0 <= from <= to <= 6, found [-1, 2)");
        assertMessage(() -> s.updateRange(0, w, g, 3, 2),
                "the range of block 0 must satisfy 0 <= from <= to <= 6, found [3, 2)");
        assertMessage(() -> s.updateRange(1, w, g, 0, 3),
                "the range of block 1 must satisfy 0 <= from <= to <= 2, found [0, 3)");
        assertMessage(() -> s.updateRange(0, null, g, 0, 1), "block 0 has no parameter array");
        assertMessage(() -> s.updateRange(0, w, null, 0, 1), "block 0 has no gradient array");
        assertMessage(() -> s.updateRange(0, w, new double[4], 0, 5),
                "the gradient array of block 0 must hold at least 5 values for the range [0, 5),"
                        + " found 4");
        double[] before = w.clone();
        s.updateRange(0, w, g, 2, 2); // empty: allowed, changes nothing
        assertTrue(java.util.Arrays.equals(before, w));
        s.endStep();
    }

    private static void assertMessage(Runnable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void callsOutOfOrderAreRefused(String spec, Optimizer o) {
        RangeUpdate s = split(o);
        OptimizerState state = (OptimizerState) s;
        double[] w = new double[6];
        assertThrows(IllegalStateException.class, () -> s.updateRange(0, w, w.clone(), 0, 6));
        assertThrows(IllegalStateException.class, s::endStep);
        s.beginStep();
        assertThrows(IllegalStateException.class, s::beginStep);
        assertThrows(IllegalStateException.class, state::snapshot);
        double[][] p = Fixtures.random(Fixtures.NET, 1L);
        assertThrows(IllegalStateException.class, () -> state.update(p, Fixtures.copy(p)));
        assertEquals(0, state.steps(), "steps advance only at endStep");
        s.endStep();
        assertEquals(1, state.steps());
        assertFalse(state.snapshot().values().isEmpty());
    }

    @Test
    void restoreEndsAStepLeftOpen() {
        Optimizer o = Fixtures.create("adam");
        OptimizerState s = o.start(Fixtures.NET);
        var saved = s.snapshot();
        ((RangeUpdate) s).beginStep();
        s.restore(saved);
        double[][] p = Fixtures.random(Fixtures.NET, 2L);
        s.update(p, Fixtures.random(Fixtures.NET, 3L));
        assertEquals(1, s.steps());
    }
}
