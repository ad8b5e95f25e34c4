package dev.mlp.testkit;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A seeded generator that counts how many numbers were drawn from it, so that a contract can
 * tell a plugin that never uses randomness (and may therefore give the same result for every
 * seed) from one that ignores its seed.
 */
final class CountingRandom implements RandomGenerator {

    private final SplittableRandom random;
    private long draws;

    CountingRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
        draws++;
        return random.nextLong();
    }

    long draws() {
        return draws;
    }
}
