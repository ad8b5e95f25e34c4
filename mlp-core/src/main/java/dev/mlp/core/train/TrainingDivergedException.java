package dev.mlp.core.train;

/**
 * Training stopped because the loss, a gradient or a parameter became NaN or infinite. The
 * message names the epoch, the batch and what went bad first, for a parameter or gradient as
 * {@code "layer 2 weight [3,1]"} ({@code [input, neuron]}, 0-based) or
 * {@code "layer 2 bias [1]"}; the network holds the parameters of the failed step.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final String what;
    private final String parameter;

    /**
     * @param epoch 1-based epoch
     * @param batch 1-based batch within the epoch
     * @param what what became non-finite
     */
    public TrainingDivergedException(int epoch, int batch, String what) {
        this(epoch, batch, what, null, null);
    }

    /**
     * @param epoch 1-based epoch
     * @param batch 1-based batch within the epoch
     * @param what what became non-finite, in words
     * @param parameter the first bad parameter, for example {@code "layer 2 weight [3,1]"}, or
     *                  {@code null} if no parameter or gradient was bad
     * @param note why the run could not recover, or {@code null}
     */
    public TrainingDivergedException(int epoch, int batch, String what, String parameter,
                                     String note) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what
                + (note == null ? "" : "; " + note)
                + " (try a smaller learning rate or scaled inputs)");
        this.epoch = epoch;
        this.batch = batch;
        this.what = what;
        this.parameter = parameter;
    }

    /**
     * @param note why the run could not recover
     * @return the same divergence with the note added to the message
     */
    public TrainingDivergedException withNote(String note) {
        TrainingDivergedException e = new TrainingDivergedException(epoch, batch, what,
                parameter, note);
        e.initCause(this);
        return e;
    }

    /** @return the 1-based epoch at which training diverged */
    public int epoch() {
        return epoch;
    }

    /** @return the 1-based batch within the epoch at which training diverged */
    public int batch() {
        return batch;
    }

    /**
     * @return the first bad parameter (or the parameter of the first bad gradient), for example
     *         {@code "layer 2 weight [3,1]"}, or {@code null} if only the loss was bad
     */
    public String parameter() {
        return parameter;
    }
}
