package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mlp.api.Norms;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract-level behaviour shared by all optimizers, and the normalized step's geometry. */
class OptimizerBehaviourTest {

    /** Two layers: weights 3x2, biases 2, weights 2x1, bias 1. */
    private static final ParameterLayout NET = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 6), new Block(1, Kind.BIASES, 2),
            new Block(2, Kind.WEIGHTS, 2), new Block(2, Kind.BIASES, 1)));

    static Stream<Arguments> defaults() {
        return Fixtures.optimizers().stream().map(o -> Arguments.of(o.toString(), o));
    }

    private static double[][] random(ParameterLayout layout, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[layout.size()][];
        for (int b = 0; b < x.length; b++) {
            x[b] = new double[layout.block(b).size()];
            for (int i = 0; i < x[b].length; i++) {
                x[b][i] = -1 + 2 * rnd.nextDouble();
            }
        }
        return x;
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int b = 0; b < x.length; b++) {
            c[b] = x[b].clone();
        }
        return c;
    }

    private static double halfSquaredNorm(double[][] w) {
        double s = 0;
        for (double[] block : w) {
            for (double v : block) {
                s += v * v;
            }
        }
        return s / 2;
    }

    // ---------------------------------------------------------------- all optimizers

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void everyOptimizerDecreasesHalfSquaredNormOver100Steps(String spec, Optimizer o) {
        // f(w) = 1/2 sum w^2 has gradient w and its minimum 0 at w = 0
        double[][] w = random(NET, 1L);
        for (double[] block : w) {
            for (int i = 0; i < block.length; i++) {
                block[i] *= 3; // norm around 5: no optimizer reaches the minimum in 100 steps
            }
        }
        double before = halfSquaredNorm(w);
        OptimizerState s = o.start(NET);
        for (int step = 0; step < 100; step++) {
            s.update(w, copy(w));
        }
        double after = halfSquaredNorm(w);
        assertTrue(after < before, o + ": loss " + before + " -> " + after);
        assertEquals(100, s.steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void twoStartsGiveIndependentStates(String spec, Optimizer o) {
        double[][] w0 = random(NET, 2L);
        double[][] g1 = random(NET, 3L);
        double[][] g2 = random(NET, 4L);

        // reference: a single state, two steps
        double[][] ref = copy(w0);
        OptimizerState r = o.start(NET);
        r.update(ref, g1);
        r.update(ref, g2);

        // two states interleaved: a's steps must not leak into b and vice versa
        OptimizerState a = o.start(NET);
        OptimizerState b = o.start(NET);
        double[][] wa = copy(w0);
        double[][] wb = copy(w0);
        a.update(wa, g1);
        a.update(wa, g1);
        a.update(wa, g1);
        b.update(wb, g1);
        a.update(wa, g2);
        b.update(wb, g2);
        for (int k = 0; k < ref.length; k++) {
            assertArrayEquals(ref[k], wb[k], 0.0, o + " block " + k);
        }
        assertEquals(4, a.steps());
        assertEquals(2, b.steps());
        assertEquals(0, o.start(NET).steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void gradientsAreNotModified(String spec, Optimizer o) {
        double[][] w = random(NET, 5L);
        double[][] g = random(NET, 6L);
        double[][] before = copy(g);
        OptimizerState s = o.start(NET);
        s.update(w, g);
        s.update(w, g);
        for (int k = 0; k < g.length; k++) {
            assertArrayEquals(before[k], g[k], 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void zeroGradientLeavesParametersUnchangedAndCountsTheStep(String spec, Optimizer o) {
        // decoupled weight decay shrinks the weights whatever the gradient; tested apart
        assumeFalse(o instanceof AdamW, "adamw decays weights without a gradient");
        double[][] w = random(NET, 7L);
        double[][] expected = copy(w);
        double[][] zero = copy(w);
        for (double[] block : zero) {
            java.util.Arrays.fill(block, 0.0);
        }
        OptimizerState s = o.start(NET);
        s.update(w, zero);
        for (int k = 0; k < w.length; k++) {
            assertArrayEquals(expected[k], w[k], 0.0, o + " block " + k);
        }
        assertEquals(1, s.steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void arraysLongerThanTheirBlocksKeepTheirTail(String spec, Optimizer o) {
        ParameterLayout layout = new ParameterLayout(List.of(new Block(1, Kind.WEIGHTS, 2),
                new Block(1, Kind.BIASES, 1)));
        double[][] w = {{1, 2, 99}, {3, 98, 97}};
        double[][] g = {{0.5, -0.5, 1e6}, {1, 1e6, 1e6}};
        double[][] exact = {{1, 2}, {3}};
        OptimizerState s = o.start(layout);
        s.update(w, g);
        o.start(layout).update(exact, new double[][] {{0.5, -0.5}, {1}});
        assertArrayEquals(new double[] {exact[0][0], exact[0][1], 99}, w[0], 0.0);
        assertArrayEquals(new double[] {exact[1][0], 98, 97}, w[1], 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void shapeMismatchesAreReportedClearly(String spec, Optimizer o) {
        OptimizerState s = o.start(NET);
        double[][] w = random(NET, 8L);
        double[][] g = random(NET, 9L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.update(w, new double[][] {g[0], g[1]}));
        assertTrue(e.getMessage().contains("4 blocks"), e.getMessage());
        double[][] shortBlock = copy(g);
        shortBlock[2] = new double[1];
        e = assertThrows(IllegalArgumentException.class, () -> s.update(w, shortBlock));
        assertTrue(e.getMessage().contains("block 2") && e.getMessage().contains("at least 2"),
                e.getMessage());
        assertEquals(0, s.steps(), "a rejected update is not a step");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void emptyLayoutIsANoOp(String spec, Optimizer o) {
        OptimizerState s = o.start(new ParameterLayout(List.of()));
        s.update(new double[0][], new double[0][]);
        assertEquals(1, s.steps());
    }

    // ---------------------------------------------------------------- normalized gradient

    private static double stepLength(double[][] before, double[][] after) {
        double s = 0;
        for (int b = 0; b < before.length; b++) {
            for (int i = 0; i < before[b].length; i++) {
                double d = after[b][i] - before[b][i];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void normalizedStepHasLengthLrOverAllBlocks() {
        double lr = 0.25;
        OptimizerState s = new NormalizedGradient(lr).start(NET);
        for (long seed = 10; seed < 20; seed++) {
            double[][] w = random(NET, seed);
            double[][] before = copy(w);
            double[][] g = random(NET, seed + 100);
            g[1][0] *= 1000; // very unequal blocks: normalization is still global
            s.update(w, g);
            assertEquals(lr, stepLength(before, w), 1e-15, "seed " + seed);
        }
    }

    @Test
    void normalizedStepLengthSurvivesTinyAndHugeGradients() {
        double lr = 0.5;
        // every component equal: the step is lr / sqrt(n) per component; squares of 1e-200
        // underflow to 0 and squares of 1e200 overflow to infinity without scaling
        for (double c : new double[] {1e-200, 1e-170, Double.MIN_VALUE, 1e170, 1e200,
                Double.MAX_VALUE / 4}) {
            double[][] w = new double[NET.size()][];
            double[][] g = new double[NET.size()][];
            for (int b = 0; b < NET.size(); b++) {
                w[b] = new double[NET.block(b).size()];
                g[b] = new double[NET.block(b).size()];
                java.util.Arrays.fill(g[b], c);
            }
            double[][] before = copy(w);
            new NormalizedGradient(lr).start(NET).update(w, g);
            assertEquals(lr, stepLength(before, w), 1e-15, "components " + c);
        }
    }

    @Test
    void normIsRobust() {
        int[] sizes = {2, 1};
        assertEquals(5.0, Norms.norm(sizes, new double[][] {{3, 0}, {4}}), 0.0);
        assertEquals(5e-300, Norms.norm(sizes, new double[][] {{3e-300, 0}, {4e-300}}),
                1e-315);
        assertEquals(5e300, Norms.norm(sizes, new double[][] {{3e300, 0}, {4e300}}),
                1e285);
        assertEquals(0.0, Norms.norm(sizes, new double[][] {{0, -0.0}, {0}}), 0.0);
        assertEquals(Double.MIN_VALUE,
                Norms.norm(sizes, new double[][] {{0, Double.MIN_VALUE}, {0}}), 0.0);
        assertTrue(Double.isNaN(
                Norms.norm(sizes, new double[][] {{1, Double.NaN}, {2}})));
        assertEquals(Double.POSITIVE_INFINITY,
                Norms.norm(sizes, new double[][] {{1, Double.NEGATIVE_INFINITY}, {2}}),
                0.0);
    }

    @Test
    void normalizedStepDoesNotHideANaNGradient() {
        double[][] w = {{1, 2}, {3}};
        ParameterLayout layout = HandComputedStepsTest.LAYOUT;
        new NormalizedGradient(0.1).start(layout).update(w, new double[][] {{Double.NaN, 1}, {1}});
        assertTrue(Double.isNaN(w[0][0]) && Double.isNaN(w[0][1]) && Double.isNaN(w[1][0]));
    }

    @Test
    void normalizedStepDoesNotHideAnInfiniteGradient() {
        double[][] w = {{1, 2}, {3}};
        ParameterLayout layout = HandComputedStepsTest.LAYOUT;
        new NormalizedGradient(0.1).start(layout)
                .update(w, new double[][] {{Double.POSITIVE_INFINITY, 1}, {1}});
        assertTrue(Double.isNaN(w[0][0]), "the infinite entry's parameter becomes NaN");
        assertEquals(2.0, w[0][1], 0.0);
        assertEquals(3.0, w[1][0], 0.0);
    }
}
