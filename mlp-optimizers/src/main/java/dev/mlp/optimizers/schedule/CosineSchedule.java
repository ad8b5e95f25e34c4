package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Linear warm-up followed by cosine decay (Loshchilov and Hutter, "SGDR: Stochastic Gradient
 * Descent with Warm Restarts", ICLR 2017, eq. 5, without restarts; warm-up as in Goyal et al.,
 * "Accurate, Large Minibatch SGD", 2017), both per step. With {@code T = epochs * stepsPerEpoch}
 * steps in the run, {@code W = warmup * stepsPerEpoch} warm-up steps and {@code s} the number of
 * steps taken before this one:
 * <pre>
 * s &lt; W:      rate = base * (s + 1) / W
 * otherwise:  p    = min(s - W, T - W - 1) / (T - W)
 *             rate = base * (min + (1 - min) * (1 + cos(pi * p)) / 2)
 * </pre>
 * The warm-up climbs linearly and reaches {@code base} at its last step, {@code W - 1}; the decay
 * starts at {@code base} at step {@code W} and falls towards {@code min * base}, which it would
 * reach one step after the last ({@code p = 1}), as PyTorch's
 * {@code CosineAnnealingLR(T_max = T - W)}; so the rate stays {@code > 0} even for
 * {@code min = 0}. Steps beyond {@code T} keep the last step's rate; a run whose warm-up covers
 * all its epochs never decays. Saved state: the scale factor.
 */
public record CosineSchedule(int warmup, double min) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "cosine";

    /** The warm-up length in epochs: integer {@code >= 0}, default 0 (none). */
    public static final ParameterSpec WARMUP =
            ParameterSpec.integer("warmup", 0, "epochs of linear warm-up").atLeast(0);

    /** The final rate as a fraction of the base rate: real in {@code [0, 1)}, default 0. */
    public static final ParameterSpec MIN =
            ParameterSpec.real("min", 0.0, "final rate as a fraction of the base rate")
                    .atLeast(0).below(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(WARMUP, MIN);

    /**
     * @param warmup the warm-up length in epochs, {@code >= 0}
     * @param min the final rate as a fraction of the base rate, in {@code [0, 1)}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public CosineSchedule {
        WARMUP.check(warmup, NAME);
        MIN.check(min, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        long total = (long) run.epochs() * run.stepsPerEpoch();
        long warm = (long) warmup * run.stepsPerEpoch();
        return new ScaledScheduleState(NAME, run) {
            @Override
            protected double unscaled(int epoch, long step) {
                double base = run.baseRate();
                if (step < warm) {
                    return base * (step + 1) / warm;
                }
                long decay = total - warm;
                if (decay <= 0) {
                    return base;
                }
                double p = (double) Math.min(step - warm, decay - 1) / decay;
                return base * (min + (1.0 - min) * (1.0 + Math.cos(Math.PI * p)) / 2.0);
            }
        };
    }

    /**
     * @return the canonical spec, for example {@code cosine(warmup=0, min=0.0)}
     */
    @Override
    public String toString() {
        return NAME + "(warmup=" + warmup + ", min=" + ParameterSpec.format(min) + ")";
    }

    /**
     * Provides {@link CosineSchedule} under the name {@value CosineSchedule#NAME}, with the parameters
     * declared there. Example spec: {@code cosine(warmup=5, min=0.01)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(CosineSchedule.NAME, "linear warm-up, then cosine decay per step to min * base",
                    CosineSchedule.PARAMETERS,
                    p -> new CosineSchedule(p.integer(CosineSchedule.WARMUP.name()),
                            p.real(CosineSchedule.MIN.name())));
        }
    }
}
