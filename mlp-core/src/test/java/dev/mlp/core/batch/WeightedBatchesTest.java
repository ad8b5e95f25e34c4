package dev.mlp.core.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.SampleInfo;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedBatchesTest {

    static SampleInfo weights(double... w) {
        return new SampleInfo() {
            @Override
            public int count() {
                return w.length;
            }

            @Override
            public int classes() {
                return 0;
            }

            @Override
            public int classOf(int sample) {
                return -1;
            }

            @Override
            public double weight(int sample) {
                return w[sample];
            }
        };
    }

    /** Counts how often each sample is drawn over {@code epochs} epochs from seed 2024. */
    private static long[] frequencies(BatchStrategy strategy, SampleInfo info, int epochs) {
        int n = info.count();
        int[] order = new int[n];
        long[] seen = new long[n];
        SplittableRandom random = new SplittableRandom(2024);
        for (int e = 0; e < epochs; e++) {
            strategy.arrange(order, random, info);
            for (int i : order) {
                seen[i]++;
            }
        }
        return seen;
    }

    @Test
    void samplesAreDrawnInProportionToTheirWeights() {
        // weights 1, 2, 3, 0, 4 over 10: expected shares 0.1, 0.2, 0.3, 0, 0.4
        double[] w = {1, 2, 3, 0, 4};
        int epochs = 20_000; // 100,000 draws; the standard deviation of a share is <= 0.0016
        long[] seen = frequencies(new WeightedBatches(2), weights(w), epochs);
        double draws = 5.0 * epochs;
        assertEquals(0, seen[3], "a sample of weight 0 was drawn");
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] / 10, seen[i] / draws, 0.008, "share of sample " + i);
        }
    }

    @Test
    void withoutWeightsTheDrawIsUniformWithReplacement() {
        BatchStrategy strategy = new WeightedBatches(4);
        long[] seen = frequencies(strategy, SampleInfo.unweighted(8), 10_000);
        for (long s : seen) {
            assertEquals(1.0 / 8, s / 80_000.0, 0.01);
        }
        int[] order = new int[8];
        strategy.arrange(order, new SplittableRandom(1));
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, sorted),
                "eight draws with replacement from seed 1 happened to be a permutation");
        assertFalse(strategy.visitsEachSampleOnce());
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        SampleInfo info = weights(0.5, 1, 1.5, 2, 0.25, 3);
        BatchStrategy strategy = new WeightedBatches(3);
        int[] a = new int[6];
        int[] b = new int[6];
        int[] c = new int[6];
        SplittableRandom ra = new SplittableRandom(9);
        SplittableRandom rb = new SplittableRandom(9);
        SplittableRandom rc = new SplittableRandom(10);
        for (int epoch = 0; epoch < 3; epoch++) {
            strategy.arrange(a, ra, info);
            strategy.arrange(b, rb, info);
            strategy.arrange(c, rc, info);
            assertArrayEquals(a, b, "epoch " + epoch);
        }
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aSingleWeightedSampleIsAlwaysDrawn() {
        int[] order = new int[5];
        new WeightedBatches(5).arrange(order, new SplittableRandom(3), weights(0, 0, 0, 7, 0));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3}, order);
    }

    @Test
    void badWeightsAreClearErrors() {
        BatchStrategy strategy = Mlp.standard().registry().batchStrategy("weighted-mini-batch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(new int[3], new SplittableRandom(1), weights(0, 0, 0)));
        assertTrue(e.getMessage().contains("weighted-mini-batch")
                && e.getMessage().contains("all 3 weights 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(new int[3], new SplittableRandom(1), weights(1, -1, 1)));
        assertTrue(e.getMessage().contains("sample 1 has weight -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> strategy.arrange(new int[2],
                new SplittableRandom(1), weights(1, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> strategy.arrange(new int[2],
                new SplittableRandom(1), weights(Double.MAX_VALUE, Double.MAX_VALUE)));
        assertThrows(IllegalArgumentException.class, () -> strategy.arrange(new int[2],
                new SplittableRandom(1), weights(1, 1, 1)));
        assertThrows(SpecException.class,
                () -> Mlp.standard().registry().batchStrategy("weighted-mini-batch(size=0)"));
    }

    @Test
    void specAndSizes() {
        BatchStrategy s = Mlp.standard().registry().batchStrategy("weighted-mini-batch(size=16)");
        assertEquals("weighted-mini-batch", s.name());
        assertEquals(16, s.batchSize(100));
        assertEquals(3, s.batchSize(3));
        assertEquals("weighted-mini-batch(size=16)", s.toString());
    }
}
