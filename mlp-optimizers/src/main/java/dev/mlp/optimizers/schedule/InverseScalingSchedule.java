package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * scikit-learn's {@code learning_rate='invscaling'} for {@code MLPClassifier} and
 * {@code MLPRegressor} with {@code solver='sgd'}, counted in optimizer steps instead of samples.
 *
 * <p>scikit-learn ({@code sklearn/neural_network/_stochastic_optimizers.py},
 * {@code SGDOptimizer.iteration_ends}) sets, at the end of every epoch,
 * {@code learning_rate = learning_rate_init / (t + 1) ** power_t}, where {@code t} is the number
 * of samples seen so far; the new rate holds for the whole next epoch, and the first epoch uses
 * {@code learning_rate_init}. The rate therefore changes per epoch, not per step. Here:
 * <pre>
 * rate(epoch) = base / ((epoch - 1) * stepsPerEpoch + 1)^power
 * </pre>
 * The framework tells a schedule the number of steps per epoch, not the number of samples, so
 * {@code t} counts steps: with one sample per step (the {@code stochastic} batch strategy) this
 * is exactly scikit-learn's schedule; with batches of {@code k} samples scikit-learn's {@code t}
 * is about {@code k} times larger, and its rate correspondingly lower. {@code power = 0.5} is
 * scikit-learn's default {@code power_t}. Saved state: the scale factor.
 */
public record InverseScalingSchedule(double power) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "inverse-scaling";

    /** The exponent: real {@code >= 0}, default 0.5 (scikit-learn's {@code power_t}). */
    public static final ParameterSpec POWER =
            ParameterSpec.real("power", 0.5, "exponent of the inverse scaling (power_t)")
                    .atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(POWER);

    /**
     * @param power the exponent, {@code >= 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public InverseScalingSchedule {
        POWER.check(power, NAME);
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
                long t = (long) (epoch - 1) * run.stepsPerEpoch();
                return run.baseRate() / Math.pow(t + 1.0, power);
            }
        };
    }

    /**
     * @return the canonical spec, for example {@code inverse-scaling(power=0.5)}
     */
    @Override
    public String toString() {
        return NAME + "(power=" + ParameterSpec.format(power) + ")";
    }

    /**
     * Provides {@link InverseScalingSchedule} under the name {@value InverseScalingSchedule#NAME}, with
     * the parameters declared there. Example spec: {@code inverse-scaling(power=0.25)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(InverseScalingSchedule.NAME,
                    "scikit-learn's invscaling, base / (t + 1)^power per epoch, t in steps",
                    InverseScalingSchedule.PARAMETERS,
                    p -> new InverseScalingSchedule(p.real(InverseScalingSchedule.POWER.name())));
        }
    }
}
