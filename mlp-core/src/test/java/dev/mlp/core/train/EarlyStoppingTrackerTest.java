package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Evaluation;
import dev.mlp.core.metric.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The early-stopping state machine, epoch by epoch. */
class EarlyStoppingTrackerTest {

    private static Evaluation loss(double v) {
        return new Evaluation(10, Map.of("loss", v), null);
    }

    private static Evaluation accuracy(double v) {
        return new Evaluation(10, Map.of("loss", 1.0, "accuracy", v), null);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndKeepsTheBest() {
        EarlyStoppingTracker t = new EarlyStoppingTracker(
                new EarlyStopping("loss", 2, 0.1, true), false, List.of());
        double[][] p = {{1.0}};
        assertNull(t.epochFinished(1, loss(5.0), null, p));
        p[0][0] = 2.0;
        assertNull(t.epochFinished(2, loss(4.0), null, p)); // better by 1 > 0.1
        p[0][0] = 3.0;
        assertNull(t.epochFinished(3, loss(3.95), null, p)); // better by only 0.05: a wait
        assertEquals(2, t.bestEpoch());
        p[0][0] = 4.0;
        String stop = t.epochFinished(4, loss(3.99), null, p);
        assertEquals("early stopping: training-loss did not improve by more than 0.1 for 2 "
                + "epochs; best 4.0 at epoch 2 (its weights restored)", stop);
        t.runFinished(p);
        assertEquals(2.0, p[0][0]);
        assertArrayEquals(new double[] {4.0, 2, 2}, t.state(), 0.0);
    }

    @Test
    void higherIsBetterForAccuracyOnValidation() {
        EarlyStoppingTracker t = new EarlyStoppingTracker(
                new EarlyStopping("accuracy", 1, 0.0, false), true,
                List.of(Metrics.byName("accuracy")));
        double[][] p = {{1.0}};
        assertNull(t.epochFinished(1, accuracy(0.1), accuracy(0.5), p));
        assertNull(t.epochFinished(2, accuracy(0.9), accuracy(0.6), p));
        String stop = t.epochFinished(3, accuracy(0.99), accuracy(0.6), p);
        assertTrue(stop.startsWith("early stopping: validation-accuracy did not improve by "
                + "more than 0.0 for 1 epoch; best 0.6 at epoch 2"), stop);
        p[0][0] = 7.0;
        t.runFinished(p);
        assertEquals(7.0, p[0][0], "without restore-best the last parameters stay");
    }

    @Test
    void aNaNFirstEpochIsNotAnImprovement() {
        EarlyStoppingTracker t = new EarlyStoppingTracker(
                new EarlyStopping("loss", 3, 0.0, true), false, List.of());
        double[][] p = {{1.0}};
        assertNull(t.epochFinished(1, loss(Double.NaN), null, p));
        assertEquals(0, t.bestEpoch());
        assertNull(t.bestParameters());
        assertNull(t.epochFinished(2, loss(1.0), null, p));
        assertEquals(2, t.bestEpoch());
    }

    @Test
    void aMetricThatIsNotComputedIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EarlyStoppingTracker(new EarlyStopping("f1", 3, 0.0, true), false,
                        List.of()));
        assertEquals("early stopping monitors 'f1', but metric 'f1' is not computed; add it "
                + "to the metrics", e.getMessage());
    }

    @Test
    void restoredStateContinuesTheCount() {
        EarlyStoppingTracker t = new EarlyStoppingTracker(
                new EarlyStopping("loss", 2, 0.0, true), false, List.of());
        t.restore(new double[] {1.0, 3, 1}, new double[][] {{9.0}});
        double[][] p = {{0.0}};
        String stop = t.epochFinished(5, loss(2.0), null, p);
        assertTrue(stop.contains("for 2 epochs; best 1.0 at epoch 3"), stop);
        t.runFinished(p);
        assertEquals(9.0, p[0][0]);
    }
}
