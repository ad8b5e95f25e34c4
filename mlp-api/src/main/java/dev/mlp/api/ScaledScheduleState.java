package dev.mlp.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A base for {@link LearningRateSchedule.State}s, so that a schedule is one method: it checks
 * the arguments of {@link #rate(int, long)}, keeps the product of the {@link #scale(double)}
 * factors (as reduce-on-plateau and divergence rollback apply them) and saves it as the first
 * number of {@link #save()}, followed by whatever {@link #extra()} returns. A schedule whose
 * later rates depend only on the epoch and step implements {@link #unscaled(int, long)} alone.
 */
public abstract class ScaledScheduleState implements LearningRateSchedule.State {

    /** The schedule's name, for messages. */
    protected final String name;
    /** The facts of the run. */
    protected final LearningRateSchedule.Run run;
    private double factor = 1.0;

    /**
     * @param name the schedule's name, for messages
     * @param run the facts of the run
     */
    protected ScaledScheduleState(String name, LearningRateSchedule.Run run) {
        this.name = name;
        this.run = Objects.requireNonNull(run, "run");
    }

    /**
     * The schedule's rate before scaling.
     *
     * @param epoch the epoch, from 1
     * @param step the steps taken before this one, from 0
     * @return the rate, finite and {@code > 0}
     */
    protected abstract double unscaled(int epoch, long step);

    @Override
    public final double rate(int epoch, long step) {
        if (epoch < 1 || step < 0) {
            throw new IllegalArgumentException(name + ": epoch must be >= 1 and step >= 0, found "
                    + "epoch " + epoch + " and step " + step);
        }
        double rate = unscaled(epoch, step) * factor;
        if (!(rate > 0)) {
            throw new IllegalStateException(name + ": the rate at epoch " + epoch + ", step "
                    + step + " underflowed to " + rate + " (scale factor " + factor + ")");
        }
        return rate;
    }

    @Override
    public final void scale(double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException(name + ": scale factor must be in (0, 1], found "
                    + f);
        }
        factor *= f;
    }

    /**
     * @return the numbers besides the scale factor that determine later rates; none by default
     */
    protected double[] extra() {
        return new double[0];
    }

    /**
     * Takes the numbers {@link #extra()} returned, already checked for count.
     *
     * @param saved the numbers
     * @throws IllegalArgumentException if a value does not fit
     */
    protected void restoreExtra(double[] saved) {
        // nothing beyond the scale factor by default
    }

    @Override
    public final double[] save() {
        double[] extra = extra();
        double[] saved = new double[1 + extra.length];
        saved[0] = factor;
        System.arraycopy(extra, 0, saved, 1, extra.length);
        return saved;
    }

    @Override
    public final void restore(double[] saved) {
        Objects.requireNonNull(saved, "saved");
        int expected = 1 + extra().length;
        if (saved.length != expected) {
            throw new IllegalArgumentException(name + ": saved state must hold " + expected
                    + " numbers, found " + saved.length);
        }
        double f = saved[0];
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException(name + ": saved scale factor must be in (0, 1], "
                    + "found " + f);
        }
        restoreExtra(Arrays.copyOfRange(saved, 1, saved.length));
        factor = f;
    }
}
