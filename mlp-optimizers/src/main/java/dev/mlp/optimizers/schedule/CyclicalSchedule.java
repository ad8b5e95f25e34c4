package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Cyclical learning rates (Smith, "Cyclical Learning Rates for Training Neural Networks", WACV
 * 2017, section 3.1), per step, as PyTorch's {@code CyclicLR}: the rate goes linearly from a
 * lower bound up to the optimizer's configured rate in {@code step-size} steps and back down in
 * as many, over and over. With {@code s} the number of steps taken before this one,
 * {@code lower = min * base} and {@code size = step-size}:
 * <pre>
 * cycle = floor(1 + s / (2 size))
 * x     = |s / size - 2 cycle + 1|
 * rate  = lower + (base - lower) * max(0, 1 - x) * scale
 * scale = 1                       (mode triangular)
 *       = 1 / 2^(cycle - 1)       (mode triangular2: the amplitude halves every cycle)
 *       = gamma^s                 (mode exp-range: the amplitude decays every step)
 * </pre>
 * so the first step uses {@code lower}, step {@code size} the peak {@code base}, step
 * {@code 2 size} {@code lower} again. The configured learning rate is the upper bound (Smith's
 * and PyTorch's {@code max_lr}), {@code min} the lower one as a fraction of it ({@code base_lr})
 * and {@code step-size} is PyTorch's {@code step_size_up}, whose default, 2000, it keeps (Smith
 * suggests 2 to 10 epochs' worth of steps). Saved state: the scale factor.
 *
 * @param stepSize the steps from the lower bound to the peak, {@code >= 1}
 * @param min the lower bound as a fraction of the base rate, in {@code (0, 1)}
 * @param mode {@code triangular}, {@code triangular2} or {@code exp-range}
 * @param gamma the decay per step of mode {@code exp-range}, in {@code (0, 1]}
 */
public record CyclicalSchedule(int stepSize, double min, String mode, double gamma)
        implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "cyclical";

    /** The half-cycle length in steps: integer {@code >= 1}, default 2000. */
    public static final ParameterSpec STEP_SIZE =
            ParameterSpec.integer("step-size", 2000, "steps from the lower bound to the peak")
                    .atLeast(1);

    /** The lower bound as a fraction of the base rate: real in {@code (0, 1)}, default 0.1. */
    public static final ParameterSpec MIN =
            ParameterSpec.real("min", 0.1, "lower bound as a fraction of the base rate")
                    .above(0).below(1);

    /** How the amplitude changes: one of three words, default {@code triangular}. */
    public static final ParameterSpec MODE =
            ParameterSpec.choice("mode", "triangular", "how the amplitude changes over cycles",
                    "triangular", "triangular2", "exp-range");

    /** The amplitude's decay per step in mode {@code exp-range}: real in {@code (0, 1]}. */
    public static final ParameterSpec GAMMA =
            ParameterSpec.real("gamma", 1.0, "amplitude factor per step (mode exp-range)")
                    .above(0).atMost(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(STEP_SIZE, MIN, MODE, GAMMA);

    /**
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public CyclicalSchedule {
        Hyperparameters.check(NAME, PARAMETERS, stepSize, min, mode, gamma);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new ScaledScheduleState(NAME, run) {
            @Override
            protected double unscaled(int epoch, long step) {
                double base = run.baseRate();
                double lower = min * base;
                long cycle = 1 + step / (2L * stepSize);
                double x = Math.abs((double) step / stepSize - 2.0 * cycle + 1.0);
                double scale = switch (mode) {
                    case "triangular2" -> Math.scalb(1.0, (int) -Math.min(cycle - 1, 1100));
                    case "exp-range" -> Math.pow(gamma, step);
                    default -> 1.0;
                };
                return lower + (base - lower) * Math.max(0.0, 1.0 - x) * scale;
            }
        };
    }

    /**
     * @return the canonical spec, for example
     *         {@code cyclical(step-size=2000, min=0.1, mode=triangular, gamma=1.0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, stepSize, min, mode, gamma);
    }

    /**
     * Provides {@link CyclicalSchedule} under the name {@value CyclicalSchedule#NAME}, with the
     * parameters declared there. Example spec: {@code cyclical(step-size=200, mode=triangular2)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(CyclicalSchedule.NAME, "triangular cycles between min * base and base "
                    + "(Smith 2017, PyTorch's CyclicLR)", CyclicalSchedule.PARAMETERS,
                    p -> new CyclicalSchedule(p.integer(CyclicalSchedule.STEP_SIZE.name()),
                            p.real(CyclicalSchedule.MIN.name()),
                            p.choice(CyclicalSchedule.MODE.name()),
                            p.real(CyclicalSchedule.GAMMA.name())));
        }
    }
}
