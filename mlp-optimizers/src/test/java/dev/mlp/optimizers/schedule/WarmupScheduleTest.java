package dev.mlp.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.LearningRateSchedule.Run;
import dev.mlp.api.LearningRateSchedule.State;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.testkit.PluginContracts;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The linear warm-up in front of other schedules, worked by hand, and the kit. */
class WarmupScheduleTest {

    private static final double TOL = 1e-15;

    private static LearningRateSchedule create(Map<String, String> args) {
        WarmupSchedule.Provider p = new WarmupSchedule.Provider();
        return p.create(Parameters.bind(p.name(), p.parameters(), args));
    }

    @Test
    void multipliesTheOtherSchedulesRateDuringTheFirstSteps() {
        // warmup(steps=4) over step(every=1, factor=0.5), base 1, 2 steps per epoch:
        //   epoch 1 (inner 1):   s = 0: 1 * 1/4 = 0.25,   s = 1: 1 * 2/4 = 0.5
        //   epoch 2 (inner 0.5): s = 2: 0.5 * 3/4 = 0.375, s = 3: 0.5 * 4/4 = 0.5
        //   epoch 3 (inner 0.25): s = 4: 0.25 (warm-up over)
        State s = new WarmupSchedule(4, new StepSchedule(1, 0.5)).start(new Run(1.0, 10, 2));
        assertEquals(0.25, s.rate(1, 0), TOL);
        assertEquals(0.5, s.rate(1, 1), TOL);
        assertEquals(0.375, s.rate(2, 2), TOL);
        assertEquals(0.5, s.rate(2, 3), TOL);
        assertEquals(0.25, s.rate(3, 4), TOL);
    }

    @Test
    void passesEpochReportsScaleAndSavedStateToTheOtherSchedule() {
        // reduce-on-plateau(patience=1, factor=0.5) behind a 2-step warm-up, 1 step per epoch
        State s = new WarmupSchedule(2, new ReduceOnPlateauSchedule(1, 0.5, 0, 0, 0))
                .start(new Run(1.0, 10, 1));
        assertEquals(0.5, s.rate(1, 0), TOL);
        s.epochFinished(1, 3.0);
        assertEquals(1.0, s.rate(2, 1), TOL);
        s.epochFinished(2, 3.0); // no improvement: halved
        assertEquals(0.5, s.rate(3, 2), TOL);
        s.scale(0.5);
        assertEquals(0.25, s.rate(3, 2), TOL);
        double[] saved = s.save();
        State other = new WarmupSchedule(2, new ReduceOnPlateauSchedule(1, 0.5, 0, 0, 0))
                .start(new Run(1.0, 10, 1));
        other.restore(saved);
        assertEquals(0.25, other.rate(3, 2), TOL);
    }

    @Test
    void wrapsAScheduleMadeInCode() {
        // a third party's schedule: base / epoch
        LearningRateSchedule harmonic = new LearningRateSchedule() {
            @Override
            public String name() {
                return "harmonic";
            }

            @Override
            public State start(Run run) {
                return new State() {
                    private double factor = 1;

                    @Override
                    public double rate(int epoch, long step) {
                        return factor * run.baseRate() / epoch;
                    }

                    @Override
                    public void scale(double f) {
                        factor *= f;
                    }

                    @Override
                    public double[] save() {
                        return new double[] {factor};
                    }

                    @Override
                    public void restore(double[] saved) {
                        factor = saved[0];
                    }
                };
            }
        };
        WarmupSchedule w = new WarmupSchedule(2, harmonic);
        State s = w.start(new Run(0.8, 5, 1));
        assertEquals(0.4, s.rate(1, 0), TOL);
        assertEquals(0.4, s.rate(2, 1), TOL);
        assertEquals(0.8 / 3, s.rate(3, 2), TOL);
        assertTrue(w.toString().startsWith("warmup(steps=2) then "), w.toString());
    }

    @Test
    void specRoundTrip() {
        LearningRateSchedule w = create(Map.of("steps", "100", "then", "cosine"));
        assertEquals(new WarmupSchedule(100, new CosineSchedule(0, 0)), w);
        assertEquals("warmup(steps=100, then=cosine(warmup=0, min=0.0))", w.toString());
        assertEquals(WarmupSchedule.of(100, "cosine"), w);
        assertEquals(w, create(Map.of("steps", "100", "then", "cosine(warmup=0, min=0.0)")));
        assertEquals(new WarmupSchedule(100, new ConstantSchedule()), create(Map.of()));
        assertThrows(SpecException.class, () -> create(Map.of("steps", "0")));
    }

    @Test
    void aNestedSpecGivesTheOtherSchedulesParameters() {
        LearningRateSchedule w = create(Map.of("steps", "10", "then", "step(every=3, factor=0.25)"));
        assertEquals(new WarmupSchedule(10, new StepSchedule(3, 0.25)), w);
        assertEquals("warmup(steps=10, then=step(every=3, factor=0.25))", w.toString());
        assertEquals(new WarmupSchedule(5, new CosineSchedule(2, 0.1)),
                WarmupSchedule.of(5, "cosine(warmup=2, min=0.1)"));
        SpecException bad = assertThrows(SpecException.class,
                () -> create(Map.of("then", "cosine(min=2)")));
        assertTrue(bad.getMessage().startsWith("parameter 'then' of 'warmup': parameter 'min' "
                + "of 'cosine' must be"), bad.getMessage());
        SpecException unknown = assertThrows(SpecException.class,
                () -> create(Map.of("then", "cosin")));
        assertTrue(unknown.getMessage().startsWith("parameter 'then' of 'warmup': unknown "
                + "schedule 'cosin'; known: "), unknown.getMessage());
        // a warm-up may warm up a warm-up: the two factors multiply
        State s = create(Map.of("steps", "2", "then", "warmup(steps=4)"))
                .start(new Run(1.0, 1, 8));
        assertEquals(0.5 * 0.25, s.rate(1, 0), TOL);
        assertEquals(1.0 * 0.5, s.rate(1, 1), TOL);
        assertEquals(1.0, s.rate(1, 4), TOL);
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.schedule(new WarmupSchedule.Provider())
                .alsoWith("warmup(steps=3, then=cosine)")
                .alsoWith("warmup(steps=7, then=reduce-on-plateau)")
                .alsoWith("warmup(steps=2, then=one-cycle)")
                .alsoWith("warmup(steps=4, then=step(every=1, factor=0.5))").tests();
    }
}
