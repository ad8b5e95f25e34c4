package dev.mlp.core.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Splits one run seed into independent generators, one per use, always in the same order, so a
 * run is reproducible bit for bit from its seed and changing one use (say, the batch order) never
 * shifts the numbers drawn by another (the initial weights).
 *
 * @param initialization generator for the initial weights
 * @param batching generator for the batch order
 */
public record Seeds(RandomGenerator initialization, RandomGenerator batching) {

    /**
     * @param seed the run's seed
     * @return the generators derived from it
     */
    public static Seeds of(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom init = root.split();
        SplittableRandom batching = root.split();
        return new Seeds(init, batching);
    }
}
