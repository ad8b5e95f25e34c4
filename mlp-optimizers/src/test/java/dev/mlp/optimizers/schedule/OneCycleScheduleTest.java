package dev.mlp.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.LearningRateSchedule.Run;
import dev.mlp.api.LearningRateSchedule.State;
import dev.mlp.api.spec.Parameters;
import dev.mlp.testkit.PluginContracts;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one-cycle policy against PyTorch's OneCycleLR formula, worked by hand (digits from
 * {@code src/test/python/newer_rules_reference.py}), and through the kit.
 */
class OneCycleScheduleTest {

    private static final double TOL = 1e-15;

    @Test
    void climbsThenFallsAlongHalfCosines() {
        // base (max_lr) = 1, 2 epochs of 5 steps: T = 10; pct-start = 0.3: up = 0.3 * 10 - 1 = 2
        // initial = 1 / 25 = 0.04, final = 0.04 / 1e4 = 4e-6
        // s = 0: anneal(0.04, 1, 0)   = 0.04
        // s = 1: anneal(0.04, 1, 1/2) = 1 + (0.04 - 1)(1 + cos(pi/2)) / 2 = 1 - 0.48 = 0.52
        // s = 2: anneal(0.04, 1, 1)   = 1                                   (the peak)
        // s = 3: anneal(1, 4e-6, (3 - 2) / (9 - 2)) = 4e-6 + (1 - 4e-6)(1 + cos(pi/7)) / 2
        //      = 4e-6 + 0.999996 * 0.950484433951210 = 0.950484632013474
        // s = 9: anneal(1, 4e-6, 1) = 4e-6, and so for any later step
        State s = new OneCycleSchedule(0.3, 25, 1e4).start(new Run(1.0, 2, 5));
        assertEquals(0.04, s.rate(1, 0), TOL);
        assertEquals(0.52, s.rate(1, 1), TOL);
        assertEquals(1.0, s.rate(1, 2), TOL);
        assertEquals(0.9504846320134737, s.rate(1, 3), TOL);
        assertEquals(0.6112620219362893, s.rate(2, 5), TOL);
        assertEquals(4e-6, s.rate(2, 9), 1e-20);
        assertEquals(4e-6, s.rate(3, 12), 1e-20);
        for (long step = 0; step < 2; step++) {
            assertEquals(true, s.rate(1, step) < s.rate(1, step + 1), "climbs at " + step);
        }
        for (long step = 2; step < 9; step++) {
            assertEquals(true, s.rate(1, step) > s.rate(1, step + 1), "falls at " + step);
        }
    }

    @Test
    void aClimbOfOneStepStartsAtThePeakAndShortRunsStayPositive() {
        // T = 2, pct-start = 0.5: up = 0, the climb is step 0 alone and ends at the peak
        State s = new OneCycleSchedule(0.5, 10, 100).start(new Run(0.5, 1, 2));
        assertEquals(0.5, s.rate(1, 0), TOL);
        assertEquals(0.5 / 10 / 100, s.rate(1, 1), 1e-18);
        // T = 1, up < 0: the one step is the end of the fall
        State one = new OneCycleSchedule(0.3, 25, 1e4).start(new Run(1.0, 1, 1));
        assertEquals(4e-6, one.rate(1, 0), 1e-20);
        // no epochs: a rate is still defined
        State none = new OneCycleSchedule(0.3, 25, 1e4).start(new Run(1.0, 0, 3));
        assertEquals(4e-6, none.rate(1, 0), 1e-20);
    }

    @Test
    void specRoundTrip() {
        OneCycleSchedule.Provider p = new OneCycleSchedule.Provider();
        OneCycleSchedule s = (OneCycleSchedule) p.create(Parameters.bind(p.name(),
                p.parameters(), Map.of("pct-start", "0.25", "div-factor", "10")));
        assertEquals(new OneCycleSchedule(0.25, 10, 1e4), s);
        assertEquals("one-cycle(pct-start=0.25, div-factor=10.0, final-div-factor=10000.0)",
                s.toString());
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.schedule(new OneCycleSchedule.Provider())
                .alsoWith("one-cycle(pct-start=0.5, div-factor=1, final-div-factor=1)").tests();
    }
}
