package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMixRandomTest {

    @Test
    void drawsWhatSplittableRandomDraws() {
        SplittableRandom jdk = new SplittableRandom(42);
        SplitMixRandom ours = new SplitMixRandom(42);
        SplittableRandom jdkChild = jdk.split();
        SplitMixRandom ourChild = ours.split();
        for (int i = 0; i < 200; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong());
            assertEquals(jdkChild.nextInt(i + 1), ourChild.nextInt(i + 1));
            assertEquals(jdkChild.nextInt(), ourChild.nextInt());
        }
    }

    @Test
    void theBatchingGeneratorIsTheSecondSplitOfTheSeed() {
        SplittableRandom root = new SplittableRandom(7);
        root.split();
        SplittableRandom batching = root.split();
        SplitMixRandom ours = Seeds.of(7).batching();
        for (int i = 1; i < 100; i++) {
            assertEquals(batching.nextInt(i), ours.nextInt(i));
        }
    }

    @Test
    void aRestoredStateContinuesTheSameSequence() {
        SplitMixRandom a = new SplitMixRandom(3);
        for (int i = 0; i < 17; i++) {
            a.nextDouble();
        }
        long[] saved = a.state();
        double[] expected = new double[20];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = a.nextDouble();
        }
        SplitMixRandom b = SplitMixRandom.fromState(saved);
        double[] actual = new double[20];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = b.nextDouble();
        }
        assertArrayEquals(expected, actual);
        assertThrows(IllegalArgumentException.class, () -> b.restore(new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.restore(new long[] {1}));
    }
}
