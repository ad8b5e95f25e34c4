package dev.mlp.core.train;

/**
 * Training stopped because the loss or a parameter became NaN or infinite. The message names the
 * epoch, the batch and what went bad; the network holds the parameters of the failed step.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    /**
     * @param epoch 1-based epoch
     * @param batch 1-based batch within the epoch
     * @param what what became non-finite
     */
    public TrainingDivergedException(int epoch, int batch, String what) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what
                + " (try a smaller learning rate or scaled inputs)");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** @return the 1-based epoch at which training diverged */
    public int epoch() {
        return epoch;
    }

    /** @return the 1-based batch within the epoch at which training diverged */
    public int batch() {
        return batch;
    }
}
