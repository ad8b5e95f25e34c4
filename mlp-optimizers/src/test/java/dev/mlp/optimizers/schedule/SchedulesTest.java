package dev.mlp.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.LearningRateSchedule.Run;
import dev.mlp.api.LearningRateSchedule.State;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rates of every schedule at chosen epochs and steps, scaling, saving and restoring. */
class SchedulesTest {

    private static final double TOL = 1e-15;

    private static List<LearningRateScheduleProvider> providers() {
        List<LearningRateScheduleProvider> list = new ArrayList<>();
        ServiceLoader.load(LearningRateScheduleProvider.class).forEach(list::add);
        return list;
    }

    private static LearningRateSchedule create(String spec) {
        Spec s = Spec.parse(spec);
        for (LearningRateScheduleProvider p : providers()) {
            if (p.name().equals(s.name())) {
                return p.create(Parameters.bind(p.name(), p.parameters(), s.arguments()));
            }
        }
        throw new AssertionError("no schedule " + spec);
    }

    static Stream<Arguments> schedules() {
        return Stream.of("constant", "step(every=2, factor=0.5)", "exponential(gamma=0.8)",
                "inverse-scaling(power=0.25)", "cosine(warmup=1, min=0.1)",
                "reduce-on-plateau(patience=1, factor=0.5, cooldown=1)",
                "one-cycle(pct-start=0.25)", "cyclical(step-size=3, mode=triangular2)",
                "cyclical(step-size=2, mode=exp-range, gamma=0.8)", "warmup(steps=5, then=cosine)",
                "warmup(steps=3, then=reduce-on-plateau)")
                .map(s -> Arguments.of(s, create(s)));
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.abs(expected), what);
    }

    @Test
    void providersAreFoundWithTheirCanonicalSpecs() {
        Set<String> names = new TreeSet<>();
        for (LearningRateScheduleProvider p : providers()) {
            assertTrue(names.add(p.name()), "twice: " + p.name());
            assertFalse(p.description().isBlank(), p.name());
            Parameters defaults = Parameters.bind(p.name(), p.parameters(), Map.of());
            LearningRateSchedule s = p.create(defaults);
            assertEquals(p.name(), s.name());
            assertEquals(defaults.toSpec(), s.toString());
            assertEquals(s, p.create(defaults));
            assertEquals(s.hashCode(), p.create(defaults).hashCode());
        }
        assertEquals(new TreeSet<>(Set.of("constant", "step", "exponential", "inverse-scaling",
                "cosine", "reduce-on-plateau", "one-cycle", "cyclical", "warmup")), names);
        assertEquals(new StepSchedule(10, 0.5), create("step"));
        assertEquals(new ExponentialSchedule(0.95), create("exponential"));
        assertEquals(new InverseScalingSchedule(0.5), create("inverse-scaling"));
        assertEquals(new CosineSchedule(0, 0), create("cosine"));
        assertEquals(new ReduceOnPlateauSchedule(10, 0.1, 1e-4, 0, 0),
                create("reduce-on-plateau"));
    }

    @Test
    void badParametersAreRejected() {
        Map<String, String> expected = Map.of(
                "step(every=0)", "parameter 'every' of 'step' must be >= 1, found 0",
                "step(factor=1.5)", "parameter 'factor' of 'step' must be in (0.0, 1.0], found 1.5",
                "exponential(gamma=0)",
                "parameter 'gamma' of 'exponential' must be in (0.0, 1.0], found 0",
                "inverse-scaling(power=-1)",
                "parameter 'power' of 'inverse-scaling' must be >= 0.0, found -1",
                "cosine(min=1)", "parameter 'min' of 'cosine' must be in [0.0, 1.0), found 1",
                "cosine(warmup=1.5)",
                "parameter 'warmup' of 'cosine' must be an integer, found '1.5'",
                "reduce-on-plateau(factor=1)",
                "parameter 'factor' of 'reduce-on-plateau' must be in (0.0, 1.0), found 1",
                "reduce-on-plateau(cooldown=-1)",
                "parameter 'cooldown' of 'reduce-on-plateau' must be >= 0, found -1");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            SpecException x = assertThrows(SpecException.class, () -> create(e.getKey()));
            assertEquals(e.getValue(), x.getMessage(), e.getKey());
        }
        assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(-1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReduceOnPlateauSchedule(1, 0.5, Double.NaN, 0, 0));
    }

    @Test
    void constant() {
        State s = new ConstantSchedule().start(new Run(0.3, 10, 4));
        assertEquals(0.3, s.rate(1, 0), 0.0);
        assertEquals(0.3, s.rate(9, 35), 0.0);
    }

    @Test
    void stepDecaysEveryFewEpochs() {
        State s = new StepSchedule(3, 0.5).start(new Run(0.8, 10, 4));
        double[] expected = {0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1};
        for (int epoch = 1; epoch <= 10; epoch++) {
            assertRel(expected[epoch - 1], s.rate(epoch, (epoch - 1) * 4L), "epoch " + epoch);
        }
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        State s = new ExponentialSchedule(0.9).start(new Run(2.0, 10, 4));
        assertEquals(2.0, s.rate(1, 0), 0.0);
        assertEquals(2.0, s.rate(1, 3), 0.0, "constant within an epoch");
        assertRel(1.8, s.rate(2, 4), "epoch 2");
        assertRel(1.62, s.rate(3, 8), "epoch 3");
        assertRel(2.0 * Math.pow(0.9, 9), s.rate(10, 36), "epoch 10");
    }

    @Test
    void inverseScalingFollowsScikitLearnCountingSteps() {
        // scikit-learn, stochastic steps over 4 samples, learning_rate_init = 0.1, power_t = 0.5:
        // epoch 1 uses 0.1; after it t = 4 and the rate is 0.1 / 5^0.5; after epoch 2, t = 8:
        // 0.1 / 9^0.5 = 0.1 / 3
        State s = new InverseScalingSchedule(0.5).start(new Run(0.1, 10, 4));
        assertEquals(0.1, s.rate(1, 0), 0.0);
        assertEquals(0.1, s.rate(1, 3), 0.0);
        assertRel(0.1 / Math.sqrt(5), s.rate(2, 4), "epoch 2");
        assertRel(0.1 / Math.sqrt(5), s.rate(2, 7), "epoch 2, last step");
        assertRel(0.1 / 3, s.rate(3, 8), "epoch 3");
        // power 0.25 with 1 step per epoch (full batch): epoch e -> base / e^0.25
        State full = new InverseScalingSchedule(0.25).start(new Run(1.0, 100, 1));
        assertRel(1 / Math.pow(16, 0.25), full.rate(16, 15), "epoch 16");
        assertEquals(0.5, full.rate(16, 15), 1e-15);
    }

    @Test
    void cosineWarmsUpThenDecaysPerStep() {
        // base 1, 10 epochs of 5 steps: T = 50; warm-up 2 epochs: W = 10; min = 0.1
        State s = new CosineSchedule(2, 0.1).start(new Run(1.0, 10, 5));
        assertRel(0.1, s.rate(1, 0), "first warm-up step");
        assertRel(0.5, s.rate(1, 4), "step 4");
        assertRel(0.9, s.rate(2, 8), "step 8");
        assertEquals(1.0, s.rate(2, 9), 0.0, "last warm-up step reaches the base rate");
        assertEquals(1.0, s.rate(3, 10), 0.0, "the decay starts at the base rate");
        assertRel(0.55, s.rate(7, 30), "half-way through the decay: p = 20 / 40");
        double last = 0.1 + 0.9 * (1 + Math.cos(Math.PI * 39 / 40)) / 2;
        assertRel(last, s.rate(10, 49), "last step");
        assertTrue(last > 0.1 && last < 0.102, "just above min * base: " + last);
        assertEquals(s.rate(10, 49), s.rate(12, 60), 0.0, "beyond the run: the last rate");
        double previous = Double.POSITIVE_INFINITY;
        for (long step = 10; step < 50; step++) {
            double r = s.rate((int) (step / 5) + 1, step);
            assertTrue(r < previous || step == 10, "decreasing at step " + step);
            previous = r;
        }
    }

    @Test
    void cosineEdgeCases() {
        State noWarmup = new CosineSchedule(0, 0).start(new Run(0.2, 4, 1));
        assertEquals(0.2, noWarmup.rate(1, 0), 0.0);
        assertRel(0.2 * (1 + Math.cos(Math.PI * 0.75)) / 2, noWarmup.rate(4, 3), "last");
        assertTrue(noWarmup.rate(4, 3) > 0, "min = 0 never gives a zero rate");
        State allWarmup = new CosineSchedule(5, 0).start(new Run(0.2, 3, 2));
        assertRel(0.02, allWarmup.rate(1, 0), "1 / 10 of the base");
        assertRel(0.2 * 6 / 10, allWarmup.rate(3, 5), "still warming up at the end");
        State noEpochs = new CosineSchedule(0, 0).start(new Run(0.2, 0, 3));
        assertEquals(0.2, noEpochs.rate(1, 0), 0.0);
    }

    @Test
    void reduceOnPlateauWithCooldown() {
        // patience 2, factor 0.5, min-delta 0.1, cooldown 2, min-rate 0.2 (Keras semantics)
        State s = new ReduceOnPlateauSchedule(2, 0.5, 0.1, 2, 0.2).start(new Run(1.0, 100, 3));
        double[] monitored = {1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.5, 0.45, 0.45, 0.45, 0.45,
            0.45, 0.45};
        double[] rateAfter = {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2};
        // e1: first value is the best; e2, e3: not 0.1 better -> wait 1, 2 -> halve, cooldown 2
        // e4: cooldown 2 -> 1, not counted; e5: cooldown 1 -> 0, wait 1; e6: wait 2 -> halve
        // e7: 0.5 improves; e8: cooldown ends, wait 1; e9: wait 2 -> max(0.125, 0.2) = 0.2
        // e10, e11: cooldown; then the rate is at min-rate and stays
        assertEquals(1.0, s.rate(1, 0), 0.0);
        for (int e = 1; e <= monitored.length; e++) {
            s.epochFinished(e, monitored[e - 1]);
            assertEquals(rateAfter[e - 1], s.rate(e + 1, e * 3L), 0.0, "after epoch " + e);
        }
    }

    @Test
    void reduceOnPlateauCountsNaNAsNoImprovementAndUsesMinDeltaAbsolutely() {
        State s = new ReduceOnPlateauSchedule(1, 0.1, 1e-4, 0, 0).start(new Run(1.0, 10, 1));
        s.epochFinished(1, Double.NaN);
        assertEquals(0.1, s.rate(2, 1), 1e-17, "NaN never improves; patience 1");
        s.epochFinished(2, 5.0);
        s.epochFinished(3, 5.0 - 0.99e-4);
        assertEquals(0.01, s.rate(4, 3), 1e-17, "a decrease below min-delta is a bad epoch");
        s.epochFinished(4, 5.0 - 2e-4);
        assertEquals(0.01, s.rate(5, 4), 1e-17, "a decrease beyond min-delta is improvement");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void scaleMultipliesEveryLaterRate(String spec, LearningRateSchedule schedule) {
        Run run = new Run(0.4, 6, 3);
        State plain = schedule.start(run);
        State scaled = schedule.start(run);
        scaled.scale(0.5);
        scaled.scale(0.5);
        for (int e = 1; e <= 6; e++) {
            for (long step = (e - 1) * 3L; step < e * 3L; step++) {
                assertEquals(plain.rate(e, step) * 0.25, scaled.rate(e, step), 0.0,
                        spec + " epoch " + e + " step " + step);
            }
            plain.epochFinished(e, 1.0);
            scaled.epochFinished(e, 1.0);
        }
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> scaled.scale(bad));
            assertTrue(x.getMessage().contains("scale factor must be in (0, 1], found " + bad),
                    x.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void aRestoredStateGivesTheSameRates(String spec, LearningRateSchedule schedule) {
        Run run = new Run(0.4, 8, 2);
        double[] monitored = {3, 2, 2, 2, 2, 1, 1, 1};
        State s = schedule.start(run);
        s.scale(0.75);
        for (int e = 1; e <= 4; e++) {
            s.epochFinished(e, monitored[e - 1]);
        }
        double[] saved = s.save();
        double[] copy = saved.clone();
        State restored = schedule.start(run);
        restored.restore(saved);
        saved[0] = 0.123; // the state took a copy
        assertArrayEquals(copy, restored.save(), 0.0);
        for (int e = 5; e <= 8; e++) {
            for (long step = (e - 1) * 2L; step < e * 2L; step++) {
                assertEquals(s.rate(e, step), restored.rate(e, step), 0.0, spec + " epoch " + e);
            }
            s.epochFinished(e, monitored[e - 1]);
            restored.epochFinished(e, monitored[e - 1]);
        }
        assertArrayEquals(s.save(), restored.save(), 0.0);
        double[] out = s.save();
        out[0] = 0.001;
        assertEquals(restored.save()[0], s.save()[0], 0.0, "save returns a copy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void badSavedStatesAndArgumentsAreRejected(String spec, LearningRateSchedule schedule) {
        State s = schedule.start(new Run(0.4, 8, 2));
        double[] good = s.save();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.restore(new double[good.length + 1]));
        assertTrue(e.getMessage().contains("must hold " + good.length + " numbers"),
                e.getMessage());
        double[] badScale = good.clone();
        badScale[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> s.restore(badScale));
        assertThrows(IllegalArgumentException.class, () -> s.rate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> s.rate(1, -1));
        assertArrayEquals(good, s.save(), 0.0, "rejected restores change nothing");
    }

    @Test
    void plateauStateIsCheckedOnRestore() {
        State s = new ReduceOnPlateauSchedule(1, 0.5, 0, 0, 0).start(new Run(1, 5, 1));
        s.epochFinished(1, 2.0);
        double[] saved = s.save();
        assertArrayEquals(new double[] {1, 1, 1, 2.0, 0, 0}, saved, 0.0);
        for (int i : new int[] {1, 2, 4, 5}) {
            double[] bad = saved.clone();
            bad[i] = i == 1 ? 0 : i == 2 ? 0.5 : -1;
            assertThrows(IllegalArgumentException.class, () -> s.restore(bad), "index " + i);
        }
        double[] noBest = {1, 0.5, 0, 0, 0, 0};
        s.restore(noBest);
        assertEquals(0.5, s.rate(2, 1), 0.0);
        s.epochFinished(2, 100.0); // first value after restore: becomes the best, no reduction
        assertEquals(0.5, s.rate(3, 2), 0.0);
    }
}
