package dev.mlp.api;

/**
 * Receives the typed events of a training run: progress display, logging, custom stopping
 * rules, monitoring of gradients.
 *
 * <p>Events arrive on the training thread, in this order: {@link #runStarted} once; then per
 * epoch {@link #epochStarted}, per batch {@link #beforeUpdate}, {@link #afterUpdate} and
 * {@link #batchFinished}, and {@link #epochFinished} with the epoch's metrics; then
 * {@link #runFinished} once, also when the run stops early. When the trainer rolls an epoch back
 * after a divergence, the epoch starts again with a new {@link #epochStarted}.
 *
 * <p>Batch and update events cost an object per step; a run without listeners creates none.
 *
 * <p>A listener must not keep the {@link NetworkView} or the arrays of an {@link Update} beyond
 * the call, nor write into them: they are the live state of the run.
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
     * Called at the start of each epoch.
     *
     * @param event the epoch about to run
     */
    default void epochStarted(EpochStart event) {
    }

    /**
     * Called before each optimizer step, after the gradient transforms, with the learning rate
     * already set.
     *
     * @param event the gradients about to be applied
     */
    default void beforeUpdate(Update event) {
    }

    /**
     * Called right after each optimizer step.
     *
     * @param event the parameters just updated
     */
    default void afterUpdate(Update event) {
    }

    /**
     * Called after each optimizer step, after {@link #afterUpdate}.
     *
     * @param event the batch that was just used
     */
    default void batchFinished(BatchEnd event) {
    }

    /**
     * Called after each epoch, with its metrics.
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
     * @param epochs the number of epochs planned, counting from the first epoch of the run
     * @param samples the number of training samples
     * @param batchSize the number of samples per step
     * @param network the network at its initial parameters
     * @param validationSamples the number of validation samples, 0 without validation
     * @param startEpoch the number of epochs already done: 0 for a new run, the checkpoint's
     *                   epoch for a resumed run
     */
    record RunStart(long seed, int epochs, int samples, int batchSize, NetworkView network,
                    int validationSamples, int startEpoch) {
    }

    /**
     * The start of one epoch.
     *
     * @param epoch 1-based epoch number
     * @param steps total number of steps taken in the run so far
     * @param learningRate the optimizer's learning rate now, NaN if it has none
     */
    record EpochStart(int epoch, long steps, double learningRate) {
    }

    /**
     * One optimizer step, seen just before or just after it is applied. The arrays are the live
     * parameters and gradients in the order of {@code layout}: read only, valid during the call.
     *
     * @param epoch 1-based epoch number
     * @param batch 1-based batch number within the epoch
     * @param step number of steps taken in the run before this one
     * @param learningRate the learning rate of this step, NaN if the optimizer has none
     * @param layout the parameter blocks
     * @param parameters the parameters (before the step in {@code beforeUpdate}, after it in
     *                   {@code afterUpdate})
     * @param gradients the gradients of the step, after the gradient transforms
     */
    record Update(int epoch, int batch, long step, double learningRate, ParameterLayout layout,
                  double[][] parameters, double[][] gradients) {
    }

    /**
     * The end of one optimizer step.
     *
     * @param epoch 1-based epoch number
     * @param batch 1-based batch number within the epoch
     * @param size number of samples in the batch
     * @param loss (weighted) mean per-sample loss of the batch, computed before the step, plus
     *             any gradient-transform penalty
     * @param step total number of steps taken in the run so far, this one included
     */
    record BatchEnd(int epoch, int batch, int size, double loss, long step) {
    }

    /**
     * The end of one epoch.
     *
     * @param epoch 1-based epoch number
     * @param loss (weighted) mean per-sample training loss over the epoch's batches, each
     *             computed before its step
     * @param steps total number of steps taken in the run so far
     * @param network the network after the epoch's last step
     * @param control lets the listener stop the run
     * @param training the training metrics ({@code training.loss()} equals {@code loss})
     * @param validation the validation metrics, or {@code null} without validation data
     * @param learningRate the optimizer's learning rate after the epoch, NaN if it has none
     */
    record EpochEnd(int epoch, double loss, long steps, NetworkView network,
                    TrainingControl control, Evaluation training, Evaluation validation,
                    double learningRate) {
    }

    /**
     * The end of a run.
     *
     * @param epochs the number of epochs completed
     * @param loss the last epoch's loss
     * @param stopReason why the run stopped before its planned epochs, or {@code null}
     * @param network the trained network (with the best weights restored, if early stopping
     *                asked for it)
     */
    record RunEnd(int epochs, double loss, String stopReason, NetworkView network) {
    }
}
