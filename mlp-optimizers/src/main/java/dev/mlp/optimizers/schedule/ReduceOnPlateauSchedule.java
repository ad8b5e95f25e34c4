package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Lowers the rate when the monitored loss stops improving, with the semantics of Keras'
 * {@code ReduceLROnPlateau(mode='min')} callback. The state holds the current rate (starting at
 * {@code base}), the best value seen, a count {@code wait} of epochs without improvement and a
 * cooldown counter. At the end of every epoch, with the monitored value {@code x}:
 * <pre>
 * if cooldown counter &gt; 0:  counter &lt;- counter - 1;  wait &lt;- 0
 * if x &lt; best - min-delta:   best &lt;- x;  wait &lt;- 0     (the first finite x always counts)
 * else if counter == 0:     wait &lt;- wait + 1
 *                           if wait &gt;= patience and rate &gt; min-rate:
 *                               rate &lt;- max(rate * factor, min-rate)
 *                               counter &lt;- cooldown;  wait &lt;- 0
 * </pre>
 * So with the defaults the rate is divided by 10 after 10 epochs in a row without an improvement
 * of more than {@code 1e-4} (absolute, as in Keras; PyTorch's {@code ReduceLROnPlateau} uses a
 * relative threshold by default and reduces after {@code patience + 1} bad epochs). During the
 * {@code cooldown} epochs after a reduction bad epochs are not counted. A {@code NaN} value never
 * improves. {@code min-rate} is an absolute rate ({@code min_lr}); with {@code min-rate = 0} a
 * reduction that would underflow to 0 is skipped, so the rate stays {@code > 0}.
 *
 * <p>Saved state: the scale factor, the current rate, whether there is a best value (1 or 0),
 * the best value (0 if none), {@code wait} and the cooldown counter.
 */
public record ReduceOnPlateauSchedule(int patience, double factor, double minDelta, int cooldown,
                                      double minRate) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "reduce-on-plateau";

    /** Epochs without improvement before a reduction: integer {@code >= 0}, default 10. */
    public static final ParameterSpec PATIENCE = ParameterSpec.integer("patience", 10,
            "epochs without improvement before the rate is reduced").atLeast(0);

    /** The reduction factor: real in {@code (0, 1)}, default 0.1. */
    public static final ParameterSpec FACTOR = ParameterSpec.real("factor", 0.1,
            "multiplies the rate on a plateau").above(0).below(1);

    /** The smallest change that counts as improvement: real {@code >= 0}, default 1e-4. */
    public static final ParameterSpec MIN_DELTA = ParameterSpec.real("min-delta", 1e-4,
            "smallest decrease of the monitored loss that counts as improvement").atLeast(0);

    /** Epochs after a reduction during which bad epochs are not counted: integer {@code >= 0}. */
    public static final ParameterSpec COOLDOWN = ParameterSpec.integer("cooldown", 0,
            "epochs after a reduction before bad epochs count again").atLeast(0);

    /** The lowest rate a reduction goes to: real {@code >= 0}, default 0. */
    public static final ParameterSpec MIN_RATE = ParameterSpec.real("min-rate", 0.0,
            "lowest learning rate reductions go to").atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(PATIENCE, FACTOR, MIN_DELTA,
            COOLDOWN, MIN_RATE);

    /**
     * @param patience epochs without improvement before a reduction, {@code >= 0}
     * @param factor the reduction factor, in {@code (0, 1)}
     * @param minDelta the smallest decrease that counts as improvement, {@code >= 0}
     * @param cooldown epochs after a reduction before bad epochs count again, {@code >= 0}
     * @param minRate the lowest rate a reduction goes to, {@code >= 0}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public ReduceOnPlateauSchedule {
        PATIENCE.check(patience, NAME);
        FACTOR.check(factor, NAME);
        MIN_DELTA.check(minDelta, NAME);
        COOLDOWN.check(cooldown, NAME);
        MIN_RATE.check(minRate, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new PlateauState(run);
    }

    /** The per-run state: current rate, best value, wait and cooldown counters. */
    private final class PlateauState extends ScaledScheduleState {

        private double rate;
        private boolean hasBest;
        private double best;
        private int wait;
        private int cooldownCounter;

        PlateauState(Run run) {
            super(NAME, run);
            this.rate = run.baseRate();
        }

        @Override
        protected double unscaled(int epoch, long step) {
            return rate;
        }

        @Override
        public void epochFinished(int epoch, double monitored) {
            if (epoch < 1) {
                throw new IllegalArgumentException(NAME + ": epoch must be >= 1, found " + epoch);
            }
            if (cooldownCounter > 0) {
                cooldownCounter--;
                wait = 0;
            }
            if (hasBest ? monitored < best - minDelta : monitored < Double.POSITIVE_INFINITY) {
                best = monitored;
                hasBest = true;
                wait = 0;
            } else if (cooldownCounter == 0) {
                wait++;
                if (wait >= patience && rate > minRate) {
                    double reduced = Math.max(rate * factor, minRate);
                    if (reduced > 0) {
                        rate = reduced;
                    }
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }

        @Override
        protected double[] extra() {
            return new double[] {rate, hasBest ? 1 : 0, hasBest ? best : 0, wait,
                    cooldownCounter};
        }

        @Override
        protected void restoreExtra(double[] saved) {
            double r = saved[0];
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException(NAME + ": saved rate must be finite and > 0, "
                        + "found " + r);
            }
            if (saved[1] != 0 && saved[1] != 1) {
                throw new IllegalArgumentException(NAME + ": saved best flag must be 0 or 1, "
                        + "found " + saved[1]);
            }
            if (!Double.isFinite(saved[2])) {
                throw new IllegalArgumentException(NAME + ": saved best value must be finite, "
                        + "found " + saved[2]);
            }
            int w = count(saved[3], "wait");
            int c = count(saved[4], "cooldown counter");
            rate = r;
            hasBest = saved[1] == 1;
            best = saved[2];
            wait = w;
            cooldownCounter = c;
        }

        private int count(double v, String what) {
            if (!(v >= 0 && v <= Integer.MAX_VALUE) || v != Math.rint(v)) {
                throw new IllegalArgumentException(NAME + ": saved " + what
                        + " must be a whole number >= 0, found " + v);
            }
            return (int) v;
        }
    }

    /**
     * @return the canonical spec, for example {@code reduce-on-plateau(patience=10, factor=0.1,
     *         min-delta=1.0E-4, cooldown=0, min-rate=0.0)}
     */
    @Override
    public String toString() {
        return NAME + "(patience=" + patience + ", factor=" + ParameterSpec.format(factor)
                + ", min-delta=" + ParameterSpec.format(minDelta) + ", cooldown=" + cooldown
                + ", min-rate=" + ParameterSpec.format(minRate) + ")";
    }

    /**
     * Provides {@link ReduceOnPlateauSchedule} under the name {@value ReduceOnPlateauSchedule#NAME},
     * with the parameters declared there. Example spec: {@code reduce-on-plateau(patience=5,
     * factor=0.5)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ReduceOnPlateauSchedule.NAME,
                    "multiplies the rate by factor when the monitored loss stops improving",
                    ReduceOnPlateauSchedule.PARAMETERS,
                    p -> new ReduceOnPlateauSchedule(
                            p.integer(ReduceOnPlateauSchedule.PATIENCE.name()),
                            p.real(ReduceOnPlateauSchedule.FACTOR.name()),
                            p.real(ReduceOnPlateauSchedule.MIN_DELTA.name()),
                            p.integer(ReduceOnPlateauSchedule.COOLDOWN.name()),
                            p.real(ReduceOnPlateauSchedule.MIN_RATE.name())));
        }
    }
}
