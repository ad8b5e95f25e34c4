package dev.mlp.api;

/**
 * Receives the events of a training run: progress display, logging, early stopping,
 * checkpoints.
 *
 * <p>Events arrive on the training thread, in this order: {@link #runStarted} once; then per
 * epoch {@link #batchFinished} once per batch and {@link #epochFinished} once; then
 * {@link #runFinished} once, also when the run stops early. A listener must not keep the
 * {@link NetworkView} beyond the call: the parameters keep changing.
 */
public interface TrainingListener {

    /**
     * Called once before the first epoch.
     *
     * @param event what the run is about to do
     */
    default void runStarted(RunStart event) {
    }

    /**
     * Called after each optimizer step.
     *
     * @param event the batch that was just used
     */
    default void batchFinished(BatchEnd event) {
    }

    /**
     * Called after each epoch.
     *
     * @param event the epoch that just ended
     */
    default void epochFinished(EpochEnd event) {
    }

    /**
     * Called once when the run ends, normally or early.
     *
     * @param event how the run ended
     */
    default void runFinished(RunEnd event) {
    }

    /**
     * The start of a run.
     *
     * @param seed the run's seed
     * @param epochs the number of epochs planned
     * @param samples the number of training samples
     * @param batchSize the number of samples per step
     * @param network the network at its initial parameters
     */
    record RunStart(long seed, int epochs, int samples, int batchSize, NetworkView network) {
    }

    /**
     * The end of one optimizer step.
     *
     * @param epoch 1-based epoch number
     * @param batch 1-based batch number within the epoch
     * @param size number of samples in the batch
     * @param loss mean per-sample loss of the batch, computed before the step
     * @param step total number of steps taken in the run so far, this one included
     */
    record BatchEnd(int epoch, int batch, int size, double loss, long step) {
    }

    /**
     * The end of one epoch.
     *
     * @param epoch 1-based epoch number
     * @param loss mean per-sample loss over the epoch's batches, each computed before its step
     * @param steps total number of steps taken in the run so far
     * @param network the network after the epoch's last step
     * @param control lets the listener stop the run
     */
    record EpochEnd(int epoch, double loss, long steps, NetworkView network,
                    TrainingControl control) {
    }

    /**
     * The end of a run.
     *
     * @param epochs the number of epochs completed
     * @param loss the last epoch's loss
     * @param stopReason why the run stopped before its planned epochs, or {@code null}
     * @param network the trained network
     */
    record RunEnd(int epochs, double loss, String stopReason, NetworkView network) {
    }
}
