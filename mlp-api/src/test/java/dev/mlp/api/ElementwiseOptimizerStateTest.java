package dev.mlp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookkeeping a third-party optimizer gets from the published state base classes. */
class ElementwiseOptimizerStateTest {

    static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterLayout.Block(1, ParameterLayout.Kind.WEIGHTS, 3),
            new ParameterLayout.Block(1, ParameterLayout.Kind.BIASES, 2)));

    /** Heavy-ball momentum per element: v <- 0.5 v - lr g; w <- w + v. */
    static final class Momentum extends ElementwiseOptimizerState {
        final double[][] v = perBlock("v");
        long prepared;

        Momentum(double lr) {
            super("half-momentum", LAYOUT, lr);
        }

        @Override
        protected void prepare() {
            prepared = stepNumber();
        }

        @Override
        protected double step(int block, int i, double w, double g) {
            double vi = 0.5 * v[block][i] - stepRate() * g;
            v[block][i] = vi;
            return w + vi;
        }
    }

    static double[][] params() {
        return new double[][] {{1, 2, 3}, {4, 5}};
    }

    static final double[][] GRAD = {{1, -2, 0}, {0.5, 4}};

    @Test
    void perElementStepsByHand() {
        Momentum s = new Momentum(0.1);
        double[][] w = params();
        s.update(w, GRAD);
        // v = -0.1 g; w = w + v
        assertArrayEquals(new double[] {0.9, 2.2, 3.0}, w[0], 1e-15);
        assertArrayEquals(new double[] {3.95, 4.6}, w[1], 1e-15);
        s.update(w, GRAD);
        // v = 0.5 (-0.1 g) - 0.1 g = -0.15 g
        assertArrayEquals(new double[] {0.75, 2.5, 3.0}, w[0], 1e-15);
        assertEquals(2, s.steps());
        assertEquals(2, s.prepared);
    }

    @Test
    void splitStepsEqualWholeStepsBitForBit() {
        Momentum whole = new Momentum(0.1);
        Momentum split = new Momentum(0.1);
        double[][] a = params();
        double[][] b = params();
        for (int step = 0; step < 3; step++) {
            whole.update(a, GRAD);
            split.beginStep();
            split.updateRange(1, b[1], GRAD[1], 1, 2);
            split.updateRange(0, b[0], GRAD[0], 2, 3);
            split.updateRange(0, b[0], GRAD[0], 0, 2);
            split.updateRange(1, b[1], GRAD[1], 0, 1);
            split.endStep();
        }
        assertArrayEquals(a[0], b[0], 0.0);
        assertArrayEquals(a[1], b[1], 0.0);
        assertEquals(whole.snapshot(), split.snapshot());
    }

    @Test
    void snapshotHoldsArraysRateAndStepsAndRestoresThem() {
        Momentum s = new Momentum(0.1);
        double[][] w = params();
        s.update(w, GRAD);
        s.learningRate(0.2);
        OptimizerSnapshot snap = s.snapshot();
        assertEquals(List.of("lr", "v.0", "v.1"), List.copyOf(snap.values().keySet()));
        assertArrayEquals(new double[] {0.2}, snap.value("lr"), 0.0);
        assertArrayEquals(new double[] {-0.1, 0.2, -0.0}, snap.value("v.0"), 1e-15);
        Momentum fresh = new Momentum(0.1);
        fresh.restore(snap);
        assertEquals(1, fresh.steps());
        assertEquals(0.2, fresh.learningRate());
        assertEquals(snap, fresh.snapshot());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fresh.restore(new OptimizerSnapshot("other", 0, snap.values())));
        assertEquals("cannot restore a 'other' snapshot into a 'half-momentum' optimizer",
                e.getMessage());
    }

    @Test
    void callsOutOfOrderAndBadRangesAreRefused() {
        Momentum s = new Momentum(0.1);
        double[][] w = params();
        assertThrows(IllegalStateException.class, () -> s.updateRange(0, w[0], GRAD[0], 0, 1));
        assertThrows(IllegalStateException.class, s::endStep);
        s.beginStep();
        assertThrows(IllegalStateException.class, s::beginStep);
        assertThrows(IllegalStateException.class, s::snapshot);
        assertThrows(IllegalStateException.class, () -> s.learningRate(0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.updateRange(0, w[0], GRAD[0], 2, 4));
        assertEquals("half-momentum: the range of block 0 must satisfy 0 <= from <= to <= 3, "
                + "found [2, 4)", e.getMessage());
        s.endStep();
        assertEquals(1, s.steps());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> s.update(new double[][] {{1, 2}, {3, 4}}, GRAD));
        assertEquals("half-momentum: the parameter array of block 0 must hold at least 3 "
                + "values, found 2", shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.learningRate(Double.NaN));
    }

    @Test
    void aStateWithoutAStepMethodSaysWhatToOverride() {
        ElementwiseOptimizerState none = new ElementwiseOptimizerState("none", LAYOUT, 0.1) { };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> none.update(params(), GRAD));
        assertTrue(e.getMessage().contains("must override apply"), e.getMessage());
    }

    @Test
    void anOptimizerWithoutARateSavesNone() {
        OptimizerRunState s = new OptimizerRunState("no-rate", LAYOUT, Double.NaN) {
            @Override
            public void update(double[][] parameters, double[][] gradients) {
                checkArrays(parameters, gradients);
                countStep();
            }
        };
        s.update(params(), GRAD);
        assertEquals(1, s.steps());
        assertTrue(Double.isNaN(s.learningRate()));
        assertThrows(UnsupportedOperationException.class, () -> s.learningRate(0.1));
        assertEquals(List.of(), List.copyOf(s.snapshot().values().keySet()));
    }
}
