package dev.mlp.api;

/**
 * How the learning rate changes over a training run: constant, in steps, decaying, following a
 * cosine with warm-up, or reacting to a plateau of the monitored loss.
 *
 * <p>A schedule is immutable configuration. {@link #start(Run)} creates the per-run
 * {@link State}; before every optimizer step the trainer asks the state for the rate and hands it
 * to {@link OptimizerState#learningRate(double)}, and after every epoch it reports the monitored
 * value (the validation loss when there is a validation set, otherwise the training loss).
 */
public interface LearningRateSchedule {

    /**
     * The stable lowercase name this schedule is registered under, for example
     * {@code "cosine"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Creates fresh state for one training run.
     *
     * @param run what the schedule needs to know about the run
     * @return new state, not shared with any other run
     */
    State start(Run run);

    /**
     * The facts of a run a schedule may depend on.
     *
     * @param baseRate the optimizer's configured learning rate, finite and greater than 0
     * @param epochs the number of epochs the run is configured for
     * @param stepsPerEpoch the number of optimizer steps per epoch
     */
    record Run(double baseRate, int epochs, int stepsPerEpoch) {
        /** @throws IllegalArgumentException if a value is out of range */
        public Run {
            if (!(baseRate > 0) || !Double.isFinite(baseRate)) {
                throw new IllegalArgumentException("base rate must be finite and > 0, found "
                        + baseRate);
            }
            if (epochs < 0 || stepsPerEpoch < 1) {
                throw new IllegalArgumentException("need epochs >= 0 and steps per epoch >= 1, "
                        + "found " + epochs + " and " + stepsPerEpoch);
            }
        }
    }

    /** The per-run state of a schedule. Not thread-safe. */
    interface State {

        /**
         * The learning rate for the next step.
         *
         * @param epoch the current epoch, from 1
         * @param step the number of steps taken before this one in the whole run, from 0
         * @return the rate, finite and greater than 0
         */
        double rate(int epoch, long step);

        /**
         * Reports the monitored value at the end of an epoch. Schedules that react to progress
         * (reduce-on-plateau) use it; the default ignores it.
         *
         * @param epoch the epoch that ended, from 1
         * @param monitored the validation loss if there is a validation set, else the training
         *                  loss; lower is better
         */
        default void epochFinished(int epoch, double monitored) {
            // most schedules depend on the epoch and step only
        }

        /**
         * Multiplies every later rate by {@code factor}; the trainer's divergence guard calls this
         * when it rolls back and lowers the learning rate.
         *
         * @param factor the factor, in (0, 1]
         */
        void scale(double factor);

        /**
         * @return the numbers that determine later rates, for checkpoints
         */
        double[] save();

        /**
         * Restores numbers returned by {@link #save()} on a state of the same schedule.
         *
         * @param saved the saved numbers
         * @throws IllegalArgumentException if they do not fit this schedule
         */
        void restore(double[] saved);
    }
}
