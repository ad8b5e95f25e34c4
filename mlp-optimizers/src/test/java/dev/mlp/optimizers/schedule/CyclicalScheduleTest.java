package dev.mlp.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.LearningRateSchedule.Run;
import dev.mlp.api.LearningRateSchedule.State;
import dev.mlp.testkit.PluginContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cyclical rates against Smith (2017) / PyTorch's CyclicLR, worked by hand (also in
 * {@code src/test/python/newer_rules_reference.py}), and through the kit.
 */
class CyclicalScheduleTest {

    private static final double TOL = 1e-15;
    private static final Run RUN = new Run(1.0, 10, 4);

    private static double[] rates(CyclicalSchedule c, int n) {
        State s = c.start(RUN);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = s.rate(1 + i / 4, i);
        }
        return r;
    }

    @Test
    void triangular() {
        // base = 1, min = 0.1: lower = 0.1; step-size = 2
        // s = 0: cycle = floor(1 + 0/4) = 1, x = |0/2 - 2 + 1| = 1   -> 0.1
        // s = 1: x = |0.5 - 1| = 0.5  -> 0.1 + 0.9 * 0.5 = 0.55
        // s = 2: x = 0                -> 1 (the peak)
        // s = 3: x = 0.5 -> 0.55;  s = 4: cycle 2, x = |2 - 4 + 1| = 1 -> 0.1;  s = 6: peak again
        double[] r = rates(new CyclicalSchedule(2, 0.1, "triangular", 1.0), 8);
        double[] expected = {0.1, 0.55, 1.0, 0.55, 0.1, 0.55, 1.0, 0.55};
        for (int i = 0; i < r.length; i++) {
            assertEquals(expected[i], r[i], TOL, "step " + i);
        }
    }

    @Test
    void triangular2HalvesTheAmplitudeEveryCycle() {
        // cycle 2 (s = 4 .. 7): scale 1/2: s = 5 -> 0.1 + 0.9 * 0.5 * 0.5 = 0.325,
        //                                   s = 6 -> 0.1 + 0.9 * 0.5 = 0.55
        // cycle 3 (s = 8 .. 11): scale 1/4: s = 10 -> 0.1 + 0.9 / 4 = 0.325
        double[] r = rates(new CyclicalSchedule(2, 0.1, "triangular2", 1.0), 11);
        assertEquals(1.0, r[2], TOL);
        assertEquals(0.325, r[5], TOL);
        assertEquals(0.55, r[6], TOL);
        assertEquals(0.325, r[10], TOL);
    }

    @Test
    void expRangeDecaysTheAmplitudeEveryStep() {
        // gamma = 0.5, scale = 0.5^s:
        // s = 1: 0.1 + 0.9 * 0.5 * 0.5  = 0.325;  s = 2: 0.1 + 0.9 * 1 * 0.25 = 0.325
        // s = 3: 0.1 + 0.9 * 0.5 * 0.125 = 0.15625
        double[] r = rates(new CyclicalSchedule(2, 0.1, "exp-range", 0.5), 4);
        assertEquals(0.1, r[0], TOL);
        assertEquals(0.325, r[1], TOL);
        assertEquals(0.325, r[2], TOL);
        assertEquals(0.15625, r[3], TOL);
        // far out the amplitude underflows and the rate stays at the lower bound
        assertEquals(0.1, new CyclicalSchedule(2, 0.1, "exp-range", 0.5).start(RUN)
                .rate(10, 2001), TOL);
    }

    @Test
    void specRoundTrip() {
        CyclicalSchedule c = new CyclicalSchedule(200, 0.25, "triangular2", 1.0);
        assertEquals("cyclical(step-size=200, min=0.25, mode=triangular2, gamma=1.0)",
                c.toString());
        assertEquals("cyclical(step-size=2000, min=0.1, mode=triangular, gamma=1.0)",
                new CyclicalSchedule.Provider().create(dev.mlp.api.spec.Parameters.bind(
                        "cyclical", CyclicalSchedule.PARAMETERS, java.util.Map.of())).toString());
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.schedule(new CyclicalSchedule.Provider())
                .alsoWith("cyclical(step-size=3, min=0.2, mode=triangular2)")
                .alsoWith("cyclical(step-size=1, min=0.5, mode=exp-range, gamma=0.9)").tests();
    }
}
