package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * The one-cycle policy (Smith and Topin, "Super-Convergence: Very Fast Training of Neural Networks
 * Using Large Learning Rates", 2018), per step, in the form of PyTorch's
 * {@code OneCycleLR(max_lr=base, anneal_strategy='cos', three_phase=False)}: the rate climbs from
 * {@code base / div-factor} to {@code base} over the first {@code pct-start} of the run, then
 * falls to {@code base / (div-factor * final-div-factor)} at its last step, both along a half
 * cosine. With {@code T = max(1, epochs * stepsPerEpoch)} steps in the run and {@code s} the
 * number of steps taken before this one (steps beyond the run keep the last step's rate):
 * <pre>
 * initial = base / div-factor,  final = initial / final-div-factor
 * up      = pct-start * T - 1                       (the last step of the climb)
 * anneal(a, b, p) = b + (a - b) * (1 + cos(pi * p)) / 2
 * s &lt;= up:   rate = anneal(initial, base, s / up)                (p = 1 if up = 0)
 * otherwise: rate = anneal(base, final, (s - up) / (T - 1 - up))
 * </pre>
 * The configured learning rate of the optimizer is the peak, PyTorch's {@code max_lr}; the
 * defaults are PyTorch's. PyTorch also cycles the momentum inversely; an optimizer's momentum is
 * not something a schedule can reach here, so only the rate cycles. Saved state: the scale
 * factor.
 *
 * @param pctStart the fraction of the run spent climbing, in {@code (0, 1)}
 * @param divFactor the peak over the initial rate, {@code >= 1}
 * @param finalDivFactor the initial rate over the final one, {@code >= 1}
 */
public record OneCycleSchedule(double pctStart, double divFactor, double finalDivFactor)
        implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "one-cycle";

    /** The fraction of the run spent climbing: real in {@code (0, 1)}, default 0.3. */
    public static final ParameterSpec PCT_START =
            ParameterSpec.real("pct-start", 0.3, "fraction of the run spent climbing to the peak")
                    .above(0).below(1);

    /** The peak over the initial rate: real {@code >= 1}, default 25. */
    public static final ParameterSpec DIV_FACTOR =
            ParameterSpec.real("div-factor", 25.0, "initial rate = base / div-factor")
                    .atLeast(1);

    /** The initial rate over the final one: real {@code >= 1}, default 1e4. */
    public static final ParameterSpec FINAL_DIV_FACTOR =
            ParameterSpec.real("final-div-factor", 1e4,
                    "final rate = initial rate / final-div-factor").atLeast(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(PCT_START, DIV_FACTOR,
            FINAL_DIV_FACTOR);

    /**
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public OneCycleSchedule {
        Hyperparameters.check(NAME, PARAMETERS, pctStart, divFactor, finalDivFactor);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        long total = Math.max(1L, (long) run.epochs() * run.stepsPerEpoch());
        double up = pctStart * total - 1.0;
        double last = total - 1.0;
        return new ScaledScheduleState(NAME, run) {
            @Override
            protected double unscaled(int epoch, long step) {
                double peak = run.baseRate();
                double initial = peak / divFactor;
                double end = initial / finalDivFactor;
                double s = Math.min(step, total - 1);
                if (s <= up) {
                    return anneal(initial, peak, up > 0 ? s / up : 1.0);
                }
                return anneal(peak, end, (s - up) / (last - up));
            }
        };
    }

    /** From {@code a} at {@code p = 0} to {@code b} at {@code p = 1} along a half cosine. */
    private static double anneal(double a, double b, double p) {
        return b + (a - b) * (1.0 + Math.cos(Math.PI * p)) / 2.0;
    }

    /**
     * @return the canonical spec, for example
     *         {@code one-cycle(pct-start=0.3, div-factor=25.0, final-div-factor=10000.0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, pctStart, divFactor, finalDivFactor);
    }

    /**
     * Provides {@link OneCycleSchedule} under the name {@value OneCycleSchedule#NAME}, with the
     * parameters declared there. Example spec: {@code one-cycle(pct-start=0.25, div-factor=10)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(OneCycleSchedule.NAME, "one cycle per run: cosine climb to the base rate, then "
                    + "cosine fall far below it (Smith 2018, PyTorch's OneCycleLR)",
                    OneCycleSchedule.PARAMETERS,
                    p -> new OneCycleSchedule(p.real(OneCycleSchedule.PCT_START.name()),
                            p.real(OneCycleSchedule.DIV_FACTOR.name()),
                            p.real(OneCycleSchedule.FINAL_DIV_FACTOR.name())));
        }
    }
}
