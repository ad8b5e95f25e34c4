package dev.mlp.api;

/**
 * Lets a {@link TrainingListener} steer the run it listens to.
 */
public interface TrainingControl {

    /**
     * Asks the run to stop after the current epoch. The run ends normally, with its result
     * saying it stopped early and why.
     *
     * @param reason a short human-readable reason, logged and kept in the result
     */
    void requestStop(String reason);

    /**
     * @return whether a stop has been requested
     */
    boolean stopRequested();
}
