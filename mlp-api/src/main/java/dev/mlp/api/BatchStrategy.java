package dev.mlp.api;

import java.util.random.RandomGenerator;

/**
 * How an epoch's samples are grouped into the batches of gradient steps: all at once
 * (full-batch), one at a time (stochastic), or in groups (mini-batch).
 *
 * <p>Per epoch the trainer calls {@link #arrange(int[], RandomGenerator)} to get the order in
 * which samples are visited, then cuts that order into consecutive batches of
 * {@link #batchSize(int)} samples (the last batch may be smaller) and takes one optimizer step per
 * batch. Implementations are immutable; all randomness comes from the generator they are handed,
 * so a run is reproducible from its seed.
 */
public interface BatchStrategy {

    /**
     * The stable lowercase name this strategy is registered under, for example
     * {@code "mini-batch"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * The number of samples per step.
     *
     * @param sampleCount the number of training samples, at least 1
     * @return a batch size between 1 and {@code sampleCount}
     */
    int batchSize(int sampleCount);

    /**
     * Arranges the visiting order for one epoch, in place. On the first call {@code order} holds
     * {@code 0, 1, ..., n-1}; on later calls it holds the previous epoch's order.
     *
     * @param order the sample indices, permuted in place
     * @param random the run's generator for batching
     */
    void arrange(int[] order, RandomGenerator random);

    /**
     * Arranges the visiting order for one epoch, with access to the samples' classes and
     * weights. The trainer always calls this method; the default ignores {@code samples} and
     * calls {@link #arrange(int[], RandomGenerator)}.
     *
     * @param order the sample indices, rearranged in place; strategies that
     *              {@linkplain #visitsEachSampleOnce() sample} may repeat indices
     * @param random the run's generator for batching
     * @param samples the samples' classes and weights
     */
    default void arrange(int[] order, RandomGenerator random, SampleInfo samples) {
        arrange(order, random);
    }

    /**
     * Whether every epoch visits each sample exactly once ({@code order} stays a permutation).
     * Strategies that sample, with replacement or by weight, return {@code false}.
     *
     * @return {@code true} for permutations, the default
     */
    default boolean visitsEachSampleOnce() {
        return true;
    }
}
