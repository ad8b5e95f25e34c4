package dev.mlp.core.train;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator of {@link java.util.SplittableRandom}, step for step, with a state
 * that can be saved and restored exactly. A checkpointed run restores its batching generator
 * from {@link #state()} and draws the very numbers an uninterrupted run would draw.
 *
 * <p>The sequence of {@link #nextLong()}, {@link #nextInt()} and {@link #split()} equals that of
 * a {@code SplittableRandom} with the same seed; bounded and floating-point draws use the
 * {@link RandomGenerator} defaults built on them. Not thread-safe.
 */
public final class SplitMixRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private long gamma;

    /**
     * @param seed the seed, as for {@code new SplittableRandom(seed)}
     */
    public SplitMixRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMixRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /**
     * Makes a generator from a saved {@link #state()}.
     *
     * @param state two numbers from {@link #state()}
     * @return the generator
     * @throws IllegalArgumentException if the state is not two numbers with an odd second one
     */
    public static SplitMixRandom fromState(long[] state) {
        SplitMixRandom r = new SplitMixRandom(0L);
        r.restore(state);
        return r;
    }

    /**
     * @return a new generator, independent of this one, advancing this one by two draws
     */
    public SplitMixRandom split() {
        return new SplitMixRandom(nextLong(), mixGamma(nextSeed()));
    }

    /**
     * @return a copy of the state: {@code {seed, gamma}}
     */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /**
     * Replaces the state.
     *
     * @param state two numbers from {@link #state()}
     * @throws IllegalArgumentException if the state is not two numbers with an odd second one
     */
    public void restore(long[] state) {
        if (state == null || state.length != 2 || (state[1] & 1L) == 0) {
            throw new IllegalArgumentException("a SplitMix64 state is 2 numbers, the second odd; "
                    + "found " + (state == null ? "null" : java.util.Arrays.toString(state)));
        }
        seed = state[0];
        gamma = state[1];
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return (n < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
