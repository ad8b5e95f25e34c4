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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StratifiedBatchesTest {

    /** Samples with the given classes, weight 1 each. */
    static SampleInfo classes(int k, int... classOf) {
        return new SampleInfo() {
            @Override
            public int count() {
                return classOf.length;
            }

            @Override
            public int classes() {
                return k;
            }

            @Override
            public int classOf(int sample) {
                return classOf[sample];
            }

            @Override
            public double weight(int sample) {
                return 1.0;
            }
        };
    }

    /** {@code counts[k]} samples of class {@code k}, in a scrambled order of classes. */
    static SampleInfo classCounts(long seed, int... counts) {
        int n = Arrays.stream(counts).sum();
        int[] classOf = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++) {
                classOf[i++] = c;
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = n - 1; j > 0; j--) {
            int r = rnd.nextInt(j + 1);
            int t = classOf[j];
            classOf[j] = classOf[r];
            classOf[r] = t;
        }
        return classes(counts.length, classOf);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * Every batch holds each class's ideal share {@code size · n_k / n} rounded down or up, and
     * the epoch is a permutation; over several epochs and class mixes.
     */
    @ParameterizedTest(name = "size {0}, classes {1}")
    @CsvSource(delimiter = ';', value = {
        "32; 50 50 50", "10; 90 10", "7; 33 21 8 1", "5; 6 6", "12; 1 1 1 1 1 1 1",
        "3; 20 0 13", "1; 4 3", "100; 30 20", "16; 64 32 16 8 4 2 1", "6; 5 4 3", "5; 7 5 1",
        "4; 1 1 1 1 1 1 1 1 1 1 1", "9; 2 30 7 1",
    })
    void everyBatchFollowsTheClassProportions(int size, String countList) {
        int[] counts = Arrays.stream(countList.split(" ")).mapToInt(Integer::parseInt).toArray();
        SampleInfo info = classCounts(size, counts);
        int n = info.count();
        BatchStrategy strategy = new StratifiedBatches(size);
        int batch = strategy.batchSize(n);
        int[] order = identity(n);
        SplittableRandom random = new SplittableRandom(42);
        for (int epoch = 0; epoch < 5; epoch++) {
            strategy.arrange(order, random, info);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity(n), sorted, "epoch " + epoch + " is not a permutation");
            for (int start = 0; start < n; start += batch) {
                int s = Math.min(batch, n - start);
                int[] inBatch = new int[counts.length];
                for (int i = start; i < start + s; i++) {
                    inBatch[info.classOf(order[i])]++;
                }
                for (int c = 0; c < counts.length; c++) {
                    long q = (long) s * counts[c];
                    long low = q / n;
                    long high = q % n == 0 ? low : low + 1;
                    int got = inBatch[c];
                    String where = "batch at " + start + " (size " + s + "), class " + c + " of "
                            + counts[c] + "/" + n + ": " + got + ", expected " + low + ".." + high;
                    assertTrue(got >= low && got <= high, where);
                }
            }
        }
    }

    /** The same bound over 300 random class mixes and batch sizes (fixed seed). */
    @Test
    void everyBatchFollowsTheClassProportionsForRandomMixes() {
        SplittableRandom cases = new SplittableRandom(99);
        for (int t = 0; t < 300; t++) {
            int[] counts = new int[1 + cases.nextInt(6)];
            int n = 0;
            for (int c = 0; c < counts.length; c++) {
                counts[c] = cases.nextInt(c == 0 ? 1 : 0, 60);
                n += counts[c];
            }
            int size = 1 + cases.nextInt(40);
            SampleInfo info = classCounts(t, counts);
            BatchStrategy strategy = new StratifiedBatches(size);
            int batch = strategy.batchSize(n);
            int[] order = identity(n);
            strategy.arrange(order, new SplittableRandom(t), info);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity(n), sorted);
            for (int start = 0; start < n; start += batch) {
                int s = Math.min(batch, n - start);
                int[] inBatch = new int[counts.length];
                for (int i = start; i < start + s; i++) {
                    inBatch[info.classOf(order[i])]++;
                }
                for (int c = 0; c < counts.length; c++) {
                    long q = (long) s * counts[c];
                    assertTrue(inBatch[c] >= q / n && inBatch[c] <= (q + n - 1) / n, "case " + t
                            + " " + Arrays.toString(counts) + " size " + size + ": batch at "
                            + start + " has " + inBatch[c] + " of class " + c);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameEpochsAndAnotherSeedOthers() {
        SampleInfo info = classCounts(1, 40, 25, 15);
        BatchStrategy strategy = new StratifiedBatches(8);
        int[][] runs = new int[3][];
        long[] seeds = {7, 7, 8};
        for (int run = 0; run < 3; run++) {
            SplittableRandom random = new SplittableRandom(seeds[run]);
            int[] order = identity(info.count());
            strategy.arrange(order, random, info);
            strategy.arrange(order, random, info); // the second epoch
            runs[run] = order;
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(runs[0], runs[2]));
        // epochs differ from each other
        SplittableRandom random = new SplittableRandom(7);
        int[] first = identity(info.count());
        strategy.arrange(first, random, info);
        assertFalse(Arrays.equals(first, runs[0]));
    }

    @Test
    void batchesAreShuffledNotSortedByClass() {
        // 2 classes of 50, batches of 10: 5 and 5 each; over an epoch some batch must not start
        // with its five samples of class 0
        SampleInfo info = classCounts(3, 50, 50);
        int[] order = identity(100);
        new StratifiedBatches(10).arrange(order, new SplittableRandom(3), info);
        int sortedBatches = 0;
        for (int start = 0; start < 100; start += 10) {
            boolean sorted = true;
            for (int i = start; i < start + 5; i++) {
                sorted &= info.classOf(order[i]) == 0;
            }
            sortedBatches += sorted ? 1 : 0;
        }
        assertTrue(sortedBatches < 10, "every batch lists class 0 first");
    }

    @Test
    void targetsWithoutClassesAreAClearError() {
        BatchStrategy strategy = Mlp.standard().registry().batchStrategy("stratified-mini-batch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(identity(4), new SplittableRandom(1),
                        SampleInfo.unweighted(4)));
        assertTrue(e.getMessage().startsWith("stratified-mini-batch needs class targets"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(identity(4), new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("stratified-mini-batch needs class targets"),
                e.getMessage());
    }

    @Test
    void badClassesAndMismatchedCountsAreErrors() {
        BatchStrategy strategy = new StratifiedBatches(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(identity(3), new SplittableRandom(1), classes(2, 0, 2, 1)));
        assertTrue(e.getMessage().contains("sample 1 has class 2, expected 0..1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> strategy.arrange(identity(3), new SplittableRandom(1), classes(2, 0, 1)));
        assertTrue(e.getMessage().contains("2 samples") && e.getMessage().contains("has 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBatches(0));
        assertThrows(SpecException.class,
                () -> Mlp.standard().registry().batchStrategy("stratified-mini-batch(size=0)"));
    }

    @Test
    void specAndSizes() {
        BatchStrategy s = Mlp.standard().registry().batchStrategy("stratified-mini-batch(size=8)");
        assertEquals("stratified-mini-batch", s.name());
        assertEquals(8, s.batchSize(100));
        assertEquals(5, s.batchSize(5));
        assertTrue(s.visitsEachSampleOnce());
        assertEquals("stratified-mini-batch(size=8)", s.toString());
        assertEquals(32, Mlp.standard().registry().batchStrategy("stratified-mini-batch")
                .batchSize(1000));
        int[] none = new int[0];
        s.arrange(none, new SplittableRandom(1), classes(2));
    }
}
