package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import dev.mlp.api.spi.PluginKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * <p>The other schedule can be any {@link LearningRateSchedule}, a third party's included: in
 * Java code {@code new WarmupSchedule(100, new CosineSchedule(0, 0.01))}, in a spec any schedule
 * of the registry (a jar on the class path) as a nested spec with its own parameters,
 * {@code warmup(steps=100, then=cosine(min=0.01))}, or by name at its defaults,
 * {@code warmup(steps=100, then=cosine)} (the spelling from before nested specs, with the same
 * meaning). The canonical spec nests the other schedule's canonical spec:
 * {@code warmup(steps=100, then=cosine(warmup=0, min=0.01))}.
 *
 * @param steps the number of warm-up steps, {@code >= 1}
 * @param then the schedule whose rate is warmed up, not null
 */
public record WarmupSchedule(int steps, LearningRateSchedule then) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "warmup";

    /** The warm-up length in steps: integer {@code >= 1}, default 100. */
    public static final ParameterSpec STEPS =
            ParameterSpec.integer("steps", 100, "steps of linear warm-up").atLeast(1);

    /** The schedule after (and under) the warm-up: any schedule's spec, default constant. */
    public static final ParameterSpec THEN =
            ParameterSpec.plugin("then", PluginKind.SCHEDULE, ConstantSchedule.NAME,
                    "the schedule the warm-up multiplies (a name or a nested spec)");

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
     * A warm-up in front of a schedule, as the spec {@code warmup(steps=..., then=...)}
     * configures it, the schedule found among those on the class path.
     *
     * @param steps the number of warm-up steps, {@code >= 1}
     * @param then the schedule's name or spec, for example {@code "cosine"} or
     *             {@code "cosine(min=0.1)"}
     * @return the configured schedule
     * @throws dev.mlp.api.spec.SpecException if a value is out of range or the schedule unknown
     */
    public static WarmupSchedule of(int steps, String then) {
        Parameters p = Parameters.bind(NAME, PARAMETERS, Map.of(STEPS.name(),
                Integer.toString(steps), THEN.name(), then));
        return new WarmupSchedule(steps, p.plugin(THEN.name(), LearningRateSchedule.class));
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
     * @return the canonical spec, with the other schedule's own canonical spec nested, for
     *         example {@code warmup(steps=100, then=cosine(warmup=0, min=0.0))}; if the other
     *         schedule's {@code toString()} is not a spec of its name,
     *         {@code warmup(steps=100) then } and the other schedule
     */
    @Override
    public String toString() {
        String text = String.valueOf(then);
        try {
            Spec spec = Spec.parse(text);
            if (spec.name().equals(then.name())) {
                return NAME + "(" + STEPS.name() + "=" + steps + ", " + THEN.name() + "=" + spec
                        + ")";
            }
        } catch (SpecException e) {
            // not a spec: say what it is instead
        }
        return NAME + "(" + STEPS.name() + "=" + steps + ") then " + then;
    }

    /**
     * Provides {@link WarmupSchedule} under the name {@value WarmupSchedule#NAME}, with the
     * parameters declared there. Example specs: {@code warmup(steps=200, then=cosine)},
     * {@code warmup(steps=200, then=cosine(min=0.1))}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(WarmupSchedule.NAME, "linear warm-up over the first steps, multiplying another "
                    + "schedule's rate", WarmupSchedule.PARAMETERS,
                    p -> new WarmupSchedule(p.integer(WarmupSchedule.STEPS.name()),
                            p.plugin(WarmupSchedule.THEN.name(), LearningRateSchedule.class)));
        }
    }
}
