package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import dev.mlp.api.spec.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots, restores and learning-rate changes of every optimizer's run state. */
class OptimizerStateTest {

    private static final ParameterLayout NET = Fixtures.NET;

    static Stream<Arguments> optimizers() {
        return Fixtures.optimizers().stream().map(o -> Arguments.of(o.toString(), o));
    }

    static Stream<Arguments> withRate() {
        return Fixtures.optimizers().stream().filter(o -> !(o instanceof Rprop))
                .map(o -> Arguments.of(o.toString(), o));
    }

    private static double[][] gradient(int step) {
        return Fixtures.random(NET, 200L + step);
    }

    private static void steps(OptimizerState s, double[][] w, int from, int to) {
        for (int t = from; t <= to; t++) {
            s.update(w, gradient(t));
        }
    }

    private static void assertSame(double[][] expected, double[][] actual, String what) {
        for (int b = 0; b < expected.length; b++) {
            assertArrayEquals(expected[b], actual[b], 0.0, what + ", block " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aRestoredStateContinuesBitIdentically(String spec, Optimizer o) {
        double[][] w = Fixtures.random(NET, 1L);
        OptimizerState s = o.start(NET);
        steps(s, w, 1, 2);
        OptimizerSnapshot snapshot = s.snapshot();
        double[][] atSnapshot = Fixtures.copy(w);
        steps(s, w, 3, 5);

        OptimizerState fresh = o.start(NET);
        fresh.restore(snapshot);
        assertEquals(2, fresh.steps());
        double[][] resumed = Fixtures.copy(atSnapshot);
        steps(fresh, resumed, 3, 5);
        assertSame(w, resumed, spec + " restored into a fresh state");
        assertEquals(s.snapshot(), fresh.snapshot());

        // rewinding the original state works too
        s.restore(snapshot);
        double[][] rewound = Fixtures.copy(atSnapshot);
        steps(s, rewound, 3, 5);
        assertSame(w, rewound, spec + " rewound");
        assertEquals(5, s.steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void snapshotsAreCopies(String spec, Optimizer o) {
        double[][] w = Fixtures.random(NET, 2L);
        OptimizerState s = o.start(NET);
        steps(s, w, 1, 2);
        OptimizerSnapshot first = s.snapshot();
        OptimizerSnapshot second = s.snapshot();
        assertEquals(first, second);
        steps(s, w, 3, 3);
        assertEquals(second, first, "a snapshot does not follow its state");
        assertNotEquals(first, s.snapshot());
        OptimizerState other = o.start(NET);
        other.restore(first);
        steps(other, Fixtures.copy(w), 4, 4);
        assertEquals(second, first, "a restored state does not write into the snapshot");
        for (Map.Entry<String, double[]> e : first.values().entrySet()) {
            double[] copy = first.value(e.getKey());
            if (copy.length > 0) {
                copy[0] = 12345;
                assertNotEquals(12345, first.value(e.getKey())[0]);
            }
        }
    }

    @Test
    void snapshotsNameEveryArrayPerBlock() {
        OptimizerState adam = new Adam(0.01, 0.9, 0.999, 1e-8).start(NET);
        steps(adam, Fixtures.random(NET, 3L), 1, 1);
        OptimizerSnapshot s = adam.snapshot();
        assertEquals("adam", s.optimizer());
        assertEquals(1, s.steps());
        assertEquals(Set.of("lr", "m.0", "m.1", "m.2", "m.3", "v.0", "v.1", "v.2", "v.3"),
                s.values().keySet());
        assertEquals(6, s.value("m.0").length);
        assertEquals(1, s.value("v.3").length);
        assertArrayEquals(new double[] {0.01}, s.value("lr"), 0.0);
        // after one step m = (1 - beta1) g
        double[][] g = gradient(1);
        assertEquals((1 - 0.9) * g[2][1], s.value("m.2")[1], 0.0);

        assertEquals(Set.of("lr"), keys(new Sgd(0.1)));
        assertEquals(Set.of("lr"), keys(new NormalizedGradient(0.1)));
        assertEquals(Set.of("lr", "v.0", "v.1", "v.2", "v.3"),
                keys(new NormalizedGradient(0.1, NormalizedGradient.Scope.GLOBAL, 0.5)));
        assertEquals(Set.of("step.0", "step.1", "step.2", "step.3", "prev.0", "prev.1",
                "prev.2", "prev.3"), keys(new Rprop(1.2, 0.5, 0.1, 1e-6, 50)));
        assertTrue(keys(new Nadam(0.002, 0.9, 0.999, 1e-8, 0.004)).contains("mu-product"));
        assertTrue(keys(new AmsGrad(0.002, 0.9, 0.999, 1e-8)).contains("vmax.3"));
        assertTrue(keys(new Adadelta(1, 0.9, 1e-6)).containsAll(Set.of("a.0", "u.0")));
    }

    private static Set<String> keys(Optimizer o) {
        return new TreeSet<>(o.start(NET).snapshot().values().keySet());
    }

    @Test
    void restoreRejectsAnotherOptimizersSnapshot() {
        OptimizerSnapshot adam = new Adam(0.01, 0.9, 0.999, 1e-8).start(NET).snapshot();
        OptimizerState sgd = new Sgd(0.1).start(NET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.restore(adam));
        assertEquals("cannot restore a 'adam' snapshot into a 'sgd' optimizer", e.getMessage());
    }

    @Test
    void restoreRejectsAnotherLayoutNamingTheValues() {
        ParameterLayout small = new ParameterLayout(List.of(new Block(1, Kind.WEIGHTS, 6),
                new Block(1, Kind.BIASES, 2)));
        OptimizerSnapshot fromSmall = new Momentum(0.1, 0.9).start(small).snapshot();
        OptimizerState s = new Momentum(0.1, 0.9).start(NET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.restore(fromSmall));
        assertTrue(e.getMessage().contains("missing [v.2, v.3]"), e.getMessage());

        ParameterLayout wider = new ParameterLayout(List.of(new Block(1, Kind.WEIGHTS, 6),
                new Block(1, Kind.BIASES, 2), new Block(2, Kind.WEIGHTS, 3),
                new Block(2, Kind.BIASES, 1)));
        OptimizerSnapshot fromWider = new Momentum(0.1, 0.9).start(wider).snapshot();
        e = assertThrows(IllegalArgumentException.class, () -> s.restore(fromWider));
        assertEquals("the momentum snapshot value 'v.2' has 3 numbers, the run needs 2",
                e.getMessage());
    }

    @Test
    void aRejectedRestoreLeavesTheStateAsItWas() {
        Optimizer o = new Adam(0.05, 0.9, 0.999, 1e-8);
        OptimizerState s = o.start(NET);
        OptimizerState twin = o.start(NET);
        double[][] w = Fixtures.random(NET, 4L);
        double[][] w2 = Fixtures.copy(w);
        steps(s, w, 1, 2);
        steps(twin, w2, 1, 2);
        Map<String, double[]> values = new LinkedHashMap<>(s.snapshot().values());
        values.put("lr", new double[] {0.0});
        values.put("m.0", new double[6]);
        OptimizerSnapshot bad = new OptimizerSnapshot("adam", 7, values);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.restore(bad));
        assertTrue(e.getMessage().contains("learning rate must be finite and > 0, found 0.0"),
                e.getMessage());
        values.put("lr", new double[] {0.1});
        values.put("v.1", new double[3]);
        OptimizerSnapshot badSize = new OptimizerSnapshot("adam", 7, values);
        assertThrows(IllegalArgumentException.class, () -> s.restore(badSize));
        assertEquals(2, s.steps());
        steps(s, w, 3, 3);
        steps(twin, w2, 3, 3);
        assertSame(w2, w, "after rejected restores");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withRate")
    void theLearningRateCanBeReadAndChanged(String spec, Optimizer o) {
        Spec canonical = Spec.parse(o.toString());
        // lookahead's rate is the inner optimizer's, inside its nested spec
        Spec holder = canonical.arguments().containsKey("lr") ? canonical
                : canonical.argument("inner");
        double configured = Double.parseDouble(holder.arguments().get("lr"));
        OptimizerState s = o.start(NET);
        assertEquals(configured, s.learningRate(), 0.0);

        // a state whose rate is set to x steps exactly like the optimizer configured with x
        double x = configured * 3.5;
        Map<String, String> args = new LinkedHashMap<>(canonical.arguments());
        if (holder == canonical) {
            args.put("lr", Double.toString(x));
        } else {
            Map<String, String> inner = new LinkedHashMap<>(holder.arguments());
            inner.put("lr", Double.toString(x));
            args.put("inner", new Spec(holder.name(), inner).toString());
        }
        Optimizer configuredWithX = Fixtures.create(canonical.name(), args);
        s.learningRate(x);
        assertEquals(x, s.learningRate(), 0.0);
        OptimizerState reference = configuredWithX.start(NET);
        double[][] w = Fixtures.random(NET, 5L);
        double[][] expected = Fixtures.copy(w);
        steps(s, w, 1, 3);
        steps(reference, expected, 1, 3);
        assertSame(expected, w, spec + " with lr set to " + x);

        // the snapshot carries the changed rate
        OptimizerState restored = o.start(NET);
        restored.restore(s.snapshot());
        assertEquals(x, restored.learningRate(), 0.0);

        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.learningRate(bad));
            assertTrue(e.getMessage().contains("learning rate must be finite and > 0, found "
                    + bad), e.getMessage());
        }
        assertEquals(x, s.learningRate(), 0.0);
    }

    @Test
    void aRateChangedMidRunAppliesFromTheNextStep() {
        // momentum: v1 = -a g1, w1 = w0 + v1; v2 = mu v1 - b g2, w2 = w1 + v2
        double a = 0.1;
        double b = 0.025;
        double mu = 0.5;
        OptimizerState s = new Momentum(a, mu).start(HandComputedStepsTest.LAYOUT);
        double[][] w = {{1, 2}, {3}};
        s.update(w, new double[][] {{1, -2}, {4}});
        s.learningRate(b);
        s.update(w, new double[][] {{2, 0}, {-4}});
        // v1 = (-0.1, 0.2 | -0.4); w1 = (0.9, 2.2 | 2.6)
        // v2 = (-0.05 - 0.05, 0.1 - 0 | -0.2 + 0.1) = (-0.1, 0.1 | -0.1); w2 = (0.8, 2.3 | 2.5)
        assertArrayEquals(new double[] {0.8, 2.3}, w[0], 1e-15);
        assertArrayEquals(new double[] {2.5}, w[1], 1e-15);
    }

    @Test
    void rpropHasNoLearningRateButSavesItsState() {
        OptimizerState s = new Rprop(1.2, 0.5, 0.1, 1e-6, 50).start(NET);
        assertTrue(Double.isNaN(s.learningRate()));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> s.learningRate(0.1));
        assertTrue(e.getMessage().startsWith("rprop has no single learning rate"),
                e.getMessage());
        assertTrue(!s.snapshot().values().containsKey("lr"));
    }

    @Test
    void adamwDecaysWeightsButNotBiases() {
        // zero gradient: the Adam part is 0, only the decay acts, on WEIGHTS blocks only
        double lr = 0.1;
        double decay = 0.5;
        OptimizerState s = new AdamW(lr, 0.9, 0.999, 1e-8, decay).start(NET);
        double[][] w = Fixtures.random(NET, 6L);
        double[][] before = Fixtures.copy(w);
        double[][] zero = new double[NET.size()][];
        for (int b = 0; b < zero.length; b++) {
            zero[b] = new double[NET.block(b).size()];
        }
        s.update(w, zero);
        for (int b = 0; b < w.length; b++) {
            boolean weights = NET.block(b).kind() == Kind.WEIGHTS;
            for (int i = 0; i < w[b].length; i++) {
                double expected = weights ? before[b][i] * (1 - lr * decay) : before[b][i];
                assertEquals(expected, w[b][i], 0.0, "block " + b + " entry " + i);
            }
        }
        assertTrue(w[0][0] != before[0][0]);
    }

    @Test
    void adamwWithoutDecayIsAdam() {
        assumeTrue(NET.size() == 4);
        OptimizerState adamw = new AdamW(0.01, 0.9, 0.999, 1e-8, 0).start(NET);
        OptimizerState adam = new Adam(0.01, 0.9, 0.999, 1e-8).start(NET);
        double[][] w1 = Fixtures.random(NET, 7L);
        double[][] w2 = Fixtures.copy(w1);
        steps(adamw, w1, 1, 3);
        steps(adam, w2, 1, 3);
        assertSame(w2, w1, "adamw(decay=0) vs adam");
    }
}
