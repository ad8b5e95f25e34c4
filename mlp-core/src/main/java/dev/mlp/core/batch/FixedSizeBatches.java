package dev.mlp.core.batch;

import dev.mlp.api.BatchStrategy;
import java.util.random.RandomGenerator;

/**
 * Batches of a fixed size (the whole data set when {@code size} is 0), visited in order or
 * reshuffled every epoch with a Fisher-Yates shuffle drawn from the run's generator.
 *
 * <p>This one class serves the three built-in strategies of seed 002: {@code full-batch} (one
 * batch holding every sample: the gradient is averaged over all samples), {@code stochastic} (one
 * sample per step) and {@code mini-batch(size, shuffle)}.
 */
public final class FixedSizeBatches implements BatchStrategy {

    private final String name;
    private final int size;
    private final boolean shuffle;

    /**
     * @param name the registered name
     * @param size samples per batch, or 0 for all samples
     * @param shuffle whether to reshuffle every epoch
     */
    public FixedSizeBatches(String name, int size, boolean shuffle) {
        if (size < 0) {
            throw new IllegalArgumentException("batch size must be >= 0, found " + size);
        }
        this.name = name;
        this.size = size;
        this.shuffle = shuffle;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int batchSize(int sampleCount) {
        return size == 0 ? sampleCount : Math.min(size, sampleCount);
    }

    @Override
    public void arrange(int[] order, RandomGenerator random) {
        if (!shuffle) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * @return whether samples are reshuffled every epoch
     */
    public boolean shuffles() {
        return shuffle;
    }

    @Override
    public String toString() {
        return name + "(size=" + (size == 0 ? "all" : size) + ", shuffle=" + shuffle + ")";
    }
}
