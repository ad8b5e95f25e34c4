package dev.mlp.core.train;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.RangeUpdate;
import dev.mlp.api.kernel.WorkerPool;
import java.util.Objects;

/**
 * Applies one optimizer step, split over the shared worker threads when the state supports
 * {@link RangeUpdate} and the parameters are many.
 *
 * <p>With more than one thread, a state that implements {@link RangeUpdate} and at least
 * {@link #THRESHOLD} parameters in all, a step is {@link RangeUpdate#beginStep()}, one
 * {@link WorkerPool#invoke(WorkerPool.Job, int)} on {@link WorkerPool#shared()} in which part
 * {@code p} of {@code parts = threads} updates the {@code p}-th contiguous slice
 * {@code [n p / parts, n (p + 1) / parts)} of every block of {@code n} parameters, and
 * {@link RangeUpdate#endStep()}. Because the state promises the same bits for any cut, the
 * result is the bits of {@link OptimizerState#update(double[][], double[][])}, which is what
 * every other case calls. The block sizes are the lengths of the parameter arrays, as the
 * trainer passes them; each gradient array must be at least as long as its parameter array.
 *
 * <p>Nothing is allocated per call: the job is a field, and its references to the state and the
 * arrays are cleared when the step ends. An instance is not thread-safe; give each training run
 * its own. If a range throws, the exception propagates after every part has ended and the state
 * is left in the middle of its step (restore a snapshot to continue).
 */
public final class ParallelUpdate {

    /**
     * The fewest parameters, over all blocks, for which a step is split. Below it, handing the
     * parts to the workers costs more than it saves: an element-wise step streams a few arrays
     * through memory, a few nanoseconds per parameter.
     */
    public static final int THRESHOLD = 65_536;

    private final int threads;
    private final SliceJob job = new SliceJob();

    /**
     * @param threads the number of parts a large step is split into, at least 1; 1 never splits
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ParallelUpdate(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.threads = threads;
    }

    /**
     * An updater for one run's parameters: it never splits a step when the parameters are fewer
     * than {@link #THRESHOLD}, so small networks step straight through
     * {@link OptimizerState#update(double[][], double[][])} without counting them every step.
     *
     * @param parameters the run's parameter arrays
     * @param threads the most parts a step is split into, at least 1
     * @return the updater
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static ParallelUpdate forParameters(double[][] parameters, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        long total = 0;
        for (double[] p : parameters) {
            total += p.length;
        }
        return new ParallelUpdate(total < THRESHOLD ? 1 : threads);
    }

    /**
     * @return the number of parts a large step is split into
     */
    public int threads() {
        return threads;
    }

    /**
     * Applies one step: split over the workers as described above, otherwise
     * {@code state.update(parameters, gradients)}.
     *
     * @param state the optimizer's run state
     * @param parameters one array per block, updated in place
     * @param gradients one array per block, read only
     * @throws IllegalArgumentException if the arrays do not fit each other (or the state's
     *         layout), saying which block and what sizes
     */
    public void update(OptimizerState state, double[][] parameters, double[][] gradients) {
        Objects.requireNonNull(state, "state");
        if (threads == 1 || !(state instanceof RangeUpdate ranges)) {
            state.update(parameters, gradients);
            return;
        }
        long total = check(parameters, gradients);
        if (total < THRESHOLD) {
            state.update(parameters, gradients);
            return;
        }
        ranges.beginStep();
        job.state = ranges;
        job.parameters = parameters;
        job.gradients = gradients;
        try {
            WorkerPool.shared().invoke(job, threads);
        } finally {
            job.state = null;
            job.parameters = null;
            job.gradients = null;
        }
        ranges.endStep();
    }

    /** Checks the arrays against one another; returns the number of parameters. */
    private static long check(double[][] parameters, double[][] gradients) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        if (parameters.length != gradients.length) {
            throw new IllegalArgumentException("one gradient array per parameter block needed: "
                    + parameters.length + " parameter arrays, " + gradients.length
                    + " gradient arrays");
        }
        long total = 0;
        for (int b = 0; b < parameters.length; b++) {
            if (parameters[b] == null || gradients[b] == null) {
                throw new IllegalArgumentException("block " + b + " has no "
                        + (parameters[b] == null ? "parameter" : "gradient") + " array");
            }
            if (gradients[b].length < parameters[b].length) {
                throw new IllegalArgumentException("the gradient array of block " + b
                        + " must hold at least " + parameters[b].length + " values (its "
                        + "parameters), found " + gradients[b].length);
            }
            total += parameters[b].length;
        }
        return total;
    }

    /** Part {@code p} updates the {@code p}-th slice of every block. */
    private static final class SliceJob implements WorkerPool.Job {
        RangeUpdate state;
        double[][] parameters;
        double[][] gradients;

        @Override
        public void run(int part, int parts) {
            for (int b = 0; b < parameters.length; b++) {
                long n = parameters[b].length;
                int from = (int) (n * part / parts);
                int to = (int) (n * (part + 1) / parts);
                state.updateRange(b, parameters[b], gradients[b], from, to);
            }
        }
    }
}
