package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;

/**
 * The optimizer's configured learning rate throughout the run: {@code rate = base} (times the
 * product of any {@link LearningRateSchedule.State#scale(double) scale} factors). Saved state:
 * the scale factor.
 */
public final class ConstantSchedule implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "constant";

    /** Creates the schedule; it has no parameters. */
    public ConstantSchedule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new ScaledState(NAME, run) {
            @Override
            double unscaled(int epoch, long step) {
                return run.baseRate();
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstantSchedule;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    /**
     * @return the canonical spec, {@code constant}
     */
    @Override
    public String toString() {
        return NAME;
    }
}
