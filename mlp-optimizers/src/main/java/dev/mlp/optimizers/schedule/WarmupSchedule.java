package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Linear warm-up in front of any other schedule (Goyal et al., "Accurate, Large Minibatch SGD:
 * Training ImageNet in 1 Hour", 2017, section 2.2, gradual warm-up): the other schedule's rate,
 * multiplied during the first {@code steps} steps by a factor that climbs linearly to 1. With
 * {@code s} the number of steps taken before this one:
 * <pre>
 * rate = then(epoch, s) * (s + 1) / steps     for s &lt; steps
 * rate = then(epoch, s)                       afterwards
 * </pre>
 * so the first step uses {@code 1/steps} of the other schedule's rate and step {@code steps - 1}
 * all of it (the convention of {@link CosineSchedule}'s own warm-up). The other schedule runs
 * from step 0 as it would alone (this is a multiplier, not a delay: a cosine decay still ends
 * where it would); it receives every end-of-epoch report (so {@code reduce-on-plateau} works
 * behind a warm-up) and every scale factor, and its saved state is this schedule's saved state.
 *
 * <p>In Java code the other schedule can be any {@link LearningRateSchedule}, a third party's
 * included: {@code new WarmupSchedule(100, new CosineSchedule(0, 0.01))}. A spec names a built-in
 * schedule of this module at its defaults: {@code warmup(steps=100, then=cosine)}. (The spec
 * grammar has no nested specs and a parameter is a number, a boolean or a word from a fixed list,
 * so a spec cannot carry the other schedule's own parameters.)
 *
 * @param steps the number of warm-up steps, {@code >= 1}
 * @param then the schedule whose rate is warmed up, not null
 */
public record WarmupSchedule(int steps, LearningRateSchedule then) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "warmup";

    /** The built-in schedules a spec can warm up, by name. */
    private static final Map<String, Supplier<LearningRateScheduleProvider>> WRAPPABLE =
            wrappable();

    /** The warm-up length in steps: integer {@code >= 1}, default 100. */
    public static final ParameterSpec STEPS =
            ParameterSpec.integer("steps", 100, "steps of linear warm-up").atLeast(1);

    /** The schedule after (and under) the warm-up: a built-in's name, default constant. */
    public static final ParameterSpec THEN =
            ParameterSpec.choice("then", ConstantSchedule.NAME,
                    "the built-in schedule, at its defaults, that the warm-up multiplies",
                    WRAPPABLE.keySet().toArray(new String[0]));

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(STEPS, THEN);

    /**
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if
     *         {@code steps} is out of range
     * @throws NullPointerException if {@code then} is null
     */
    public WarmupSchedule {
        STEPS.check(steps, NAME);
        Objects.requireNonNull(then, "then");
    }

    /**
     * A warm-up in front of a built-in schedule at its defaults, as the spec
     * {@code warmup(steps=..., then=...)} configures it.
     *
     * @param steps the number of warm-up steps, {@code >= 1}
     * @param then the built-in schedule's name, one of {@link #THEN}'s choices
     * @return the configured schedule
     * @throws dev.mlp.api.spec.SpecException if a value is out of range
     */
    public static WarmupSchedule of(int steps, String then) {
        return new WarmupSchedule(steps, builtIn(then));
    }

    private static LearningRateSchedule builtIn(String name) {
        THEN.check(name, NAME);
        LearningRateScheduleProvider p = WRAPPABLE.get(name).get();
        return p.create(Parameters.bind(p.name(), p.parameters(), Map.of()));
    }

    private static Map<String, Supplier<LearningRateScheduleProvider>> wrappable() {
        Map<String, Supplier<LearningRateScheduleProvider>> m = new LinkedHashMap<>();
        m.put(ConstantSchedule.NAME, ConstantSchedule.Provider::new);
        m.put(CosineSchedule.NAME, CosineSchedule.Provider::new);
        m.put(StepSchedule.NAME, StepSchedule.Provider::new);
        m.put(ExponentialSchedule.NAME, ExponentialSchedule.Provider::new);
        m.put(InverseScalingSchedule.NAME, InverseScalingSchedule.Provider::new);
        m.put(ReduceOnPlateauSchedule.NAME, ReduceOnPlateauSchedule.Provider::new);
        m.put(OneCycleSchedule.NAME, OneCycleSchedule.Provider::new);
        m.put(CyclicalSchedule.NAME, CyclicalSchedule.Provider::new);
        return m;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new WarmupState(then.start(run));
    }

    /** The per-run state: the other schedule's state, and the warm-up factor on top. */
    private final class WarmupState implements State {

        private final State inner;

        WarmupState(State inner) {
            this.inner = Objects.requireNonNull(inner, "the state of " + then.name());
        }

        @Override
        public double rate(int epoch, long step) {
            if (epoch < 1 || step < 0) {
                throw new IllegalArgumentException(NAME + ": epoch must be >= 1 and step >= 0, "
                        + "found epoch " + epoch + " and step " + step);
            }
            double rate = inner.rate(epoch, step);
            if (step < steps) {
                rate = rate * (step + 1) / steps;
            }
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalStateException(NAME + ": the rate at epoch " + epoch + ", step "
                        + step + " is " + rate + " (" + then.name() + " gave "
                        + inner.rate(epoch, step) + ")");
            }
            return rate;
        }

        @Override
        public void epochFinished(int epoch, double monitored) {
            inner.epochFinished(epoch, monitored);
        }

        @Override
        public void scale(double factor) {
            inner.scale(factor);
        }

        @Override
        public double[] save() {
            return inner.save();
        }

        @Override
        public void restore(double[] saved) {
            inner.restore(saved);
        }
    }

    /**
     * @return the canonical spec when the other schedule is a built-in one at its defaults, for
     *         example {@code warmup(steps=100, then=cosine)}; otherwise
     *         {@code warmup(steps=100) then } and the other schedule
     */
    @Override
    public String toString() {
        String name = then.name();
        if (WRAPPABLE.containsKey(name) && then.equals(builtIn(name))) {
            return NAME + "(" + STEPS.name() + "=" + steps + ", " + THEN.name() + "=" + name + ")";
        }
        return NAME + "(" + STEPS.name() + "=" + steps + ") then " + then;
    }

    /**
     * Provides {@link WarmupSchedule} under the name {@value WarmupSchedule#NAME}, with the
     * parameters declared there. Example spec: {@code warmup(steps=200, then=cosine)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(WarmupSchedule.NAME, "linear warm-up over the first steps, multiplying another "
                    + "schedule's rate", WarmupSchedule.PARAMETERS,
                    p -> WarmupSchedule.of(p.integer(WarmupSchedule.STEPS.name()),
                            p.choice(WarmupSchedule.THEN.name())));
        }
    }
}
