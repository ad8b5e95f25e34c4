package dev.mlp.core.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Splits one run seed into independent generators, one per use, always in the same order, so a
 * run is reproducible bit for bit from its seed and changing one use (say, the batch order) never
 * shifts the numbers drawn by another (the initial weights).
 *
 * <p>The generators are the first, second and third {@code split()} of
 * {@code new SplittableRandom(seed)}, the dropout generator the fourth; the batching, validation
 * and dropout generators are
 * {@link SplitMixRandom}s, whose state a checkpoint saves.
 *
 * @param initialization generator for the initial weights
 * @param batching generator for the batch order
 * @param validation generator for the validation split
 * @param dropout generator for the dropout masks (the fourth split)
 */
public record Seeds(RandomGenerator initialization, SplitMixRandom batching,
                    SplitMixRandom validation, SplitMixRandom dropout) {

    /**
     * @param seed the run's seed
     * @return the generators derived from it
     */
    public static Seeds of(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom init = root.split();
        SplitMixRandom mirror = new SplitMixRandom(seed);
        mirror.split(); // the initialization generator, drawn from root above
        SplitMixRandom batching = mirror.split();
        SplitMixRandom validation = mirror.split();
        SplitMixRandom dropout = mirror.split();
        return new Seeds(init, batching, validation, dropout);
    }
}
