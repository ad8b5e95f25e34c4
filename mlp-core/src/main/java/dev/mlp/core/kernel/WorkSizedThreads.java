package dev.mlp.core.kernel;

/**
 * How many threads a training run uses: as many as its batches have work for, at most the
 * number it may use. Handing a part of a product to another thread costs a few microseconds
 * (waking it, and the caches it does not share), so a small network's batch, whose products
 * take tens of microseconds, runs faster on one thread than split over two; a run's result is
 * the same bits for any thread count, so this changes only its speed.
 *
 * <p>The measure is the multiply-adds of one batch's forward and backward passes, {@code 3 x
 * rows x} {@link dev.mlp.core.network.Network#multiplyAddsPerSample()}; a run gets one thread
 * per {@value #WORK_PER_THREAD} of them, so two threads from 12 million on. Measured on a
 * shared 2-core machine (OpenJDK 17, java backend, one batch's gradient of 64 rows of an
 * {@code h-h-10} network, 1 and 2 threads alternated, three rounds): at 0.9 million
 * multiply-adds (digits' 64-64-10) 2 threads took 70-344 us against 82-160 us on one; at 3.4
 * and 6.6 million two threads were faster in one round of three and slower in the other two;
 * from 13 million on they were faster in most rounds (1.7-1.9x at 13-51 million).
 */
public final class WorkSizedThreads {

    /** Multiply-adds of one batch per thread it is given. */
    public static final long WORK_PER_THREAD = 6_000_000L;

    private WorkSizedThreads() {
    }

    /**
     * @param most the most threads the run may use, at least 1
     * @param multiplyAddsPerSample the network's multiply-adds per sample and pass
     * @param batchRows the rows of the run's largest batch
     * @return the threads to use, in {@code [1, most]}
     */
    public static int forBatch(int most, long multiplyAddsPerSample, int batchRows) {
        if (most < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + most);
        }
        long work = 3 * multiplyAddsPerSample * Math.max(1, batchRows);
        long wanted = Math.max(1, work / WORK_PER_THREAD);
        return (int) Math.min(most, wanted);
    }
}
