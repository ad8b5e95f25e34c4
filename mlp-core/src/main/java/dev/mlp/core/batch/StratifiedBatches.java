package dev.mlp.core.batch;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.SampleInfo;
import java.util.random.RandomGenerator;

/**
 * Mini-batches whose class mix follows the class proportions of the whole training set, as
 * closely as integer counts allow, for classification.
 *
 * <p>With {@code n} samples, {@code n_k} of class {@code k}, and a batch of {@code s} samples, the
 * ideal count of class {@code k} in the batch is {@code s · n_k / n}. Every batch gets either that
 * count rounded down or rounded up, and over the epoch every sample is visited exactly once. Each
 * epoch:
 * <ol>
 *   <li>the samples of each class are shuffled (Fisher-Yates, classes in index order);</li>
 *   <li>a smaller last batch, if any, gets the rounded-down counts plus one more sample of each
 *       class with the largest remainders (the largest-remainder method);</li>
 *   <li>the full batches get the rounded-down counts, and the samples left over are dealt out
 *       round-robin, class after class, over the full batches taken in a random order, so no
 *       batch gets two extra samples of one class;</li>
 *   <li>each batch is filled from the shuffled classes and shuffled itself.</li>
 * </ol>
 * All randomness comes from the generator handed in, so an epoch's order is a function of the
 * generator's state alone (the previous epoch's order is not used): the same seed gives the same
 * batches.
 *
 * <p>The classes come from {@link SampleInfo#classOf}; targets that are not one class per sample
 * (regression) are an error, as is calling {@link #arrange(int[], RandomGenerator)} without the
 * samples' classes.
 */
public final class StratifiedBatches implements BatchStrategy {

    /** The registered name. */
    public static final String NAME = "stratified-mini-batch";

    private final int size;

    /**
     * @param size samples per batch, at least 1; the last batch may be smaller
     */
    public StratifiedBatches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(NAME + " size must be >= 1, found " + size);
        }
        this.size = size;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int batchSize(int sampleCount) {
        return Math.min(size, sampleCount);
    }

    /**
     * Always fails: stratified batches need the samples' classes.
     *
     * @throws IllegalArgumentException always
     */
    @Override
    public void arrange(int[] order, RandomGenerator random) {
        throw noClasses();
    }

    private static IllegalArgumentException noClasses() {
        return new IllegalArgumentException(NAME + " needs class targets (one class per sample, "
                + "for example one-hot rows), found targets without classes; use mini-batch");
    }

    @Override
    public void arrange(int[] order, RandomGenerator random, SampleInfo samples) {
        int n = order.length;
        if (samples.count() != n) {
            throw new IllegalArgumentException(NAME + ": the sample information covers "
                    + samples.count() + " samples, but the order has " + n);
        }
        int k = samples.classes();
        if (k <= 0) {
            throw noClasses();
        }
        if (n == 0) {
            return;
        }
        // the samples grouped by class (a counting sort), each class then shuffled
        int[] classStart = new int[k + 1];
        for (int i = 0; i < n; i++) {
            int c = samples.classOf(i);
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException(NAME + ": sample " + i + " has class " + c
                        + ", expected 0.." + (k - 1));
            }
            classStart[c + 1]++;
        }
        int[] classCount = new int[k];
        for (int c = 0; c < k; c++) {
            classCount[c] = classStart[c + 1];
            classStart[c + 1] += classStart[c];
        }
        int[] byClass = new int[n];
        int[] next = classStart.clone();
        for (int i = 0; i < n; i++) {
            byClass[next[samples.classOf(i)]++] = i;
        }
        for (int c = 0; c < k; c++) {
            shuffle(byClass, classStart[c], classCount[c], random);
        }

        int s = batchSize(n);
        int batches = (n + s - 1) / s;
        int lastSize = n - (batches - 1) * s;
        int full = lastSize == s ? batches : batches - 1;

        // rounded-down counts of a full batch; what is left of each class after them
        int[] base = new int[k];
        int[] left = new int[k];
        int extrasPerFullBatch = s;
        for (int c = 0; c < k; c++) {
            base[c] = (int) ((long) s * classCount[c] / n);
            left[c] = classCount[c] - full * base[c];
            extrasPerFullBatch -= base[c];
        }
        int[] lastCounts = null;
        if (full < batches) {
            lastCounts = largestRemainder(lastSize, classCount, n);
            for (int c = 0; c < k; c++) {
                left[c] -= lastCounts[c];
            }
        }
        // left[c] extra samples of class c go to distinct full batches: at most one per batch
        int[] unitStart = new int[k + 1];
        for (int c = 0; c < k; c++) {
            if (left[c] < 0 || left[c] > full) {
                throw new IllegalStateException(NAME + ": " + left[c] + " samples of class " + c
                        + " left for " + full + " batches");
            }
            unitStart[c + 1] = unitStart[c] + left[c];
        }
        int[] rank = new int[full];
        for (int b = 0; b < full; b++) {
            rank[b] = b;
        }
        shuffle(rank, 0, full, random);

        int[] counts = new int[k];
        int[] cursor = classStart.clone();
        int position = 0;
        for (int b = 0; b < batches; b++) {
            int batchSize;
            if (b < full) {
                System.arraycopy(base, 0, counts, 0, k);
                int c = 0;
                for (int m = 0; m < extrasPerFullBatch; m++) {
                    int unit = rank[b] + m * full;
                    while (unitStart[c + 1] <= unit) {
                        c++;
                    }
                    counts[c]++;
                }
                batchSize = s;
            } else {
                System.arraycopy(lastCounts, 0, counts, 0, k);
                batchSize = lastSize;
            }
            int start = position;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < counts[c]; j++) {
                    order[position++] = byClass[cursor[c]++];
                }
            }
            if (position - start != batchSize) {
                throw new IllegalStateException(NAME + ": batch " + b + " got "
                        + (position - start) + " samples instead of " + batchSize);
            }
            shuffle(order, start, batchSize, random);
        }
    }

    /**
     * Hamilton's largest-remainder apportionment of {@code seats} among the classes by size:
     * each class gets {@code seats · count / n} rounded down, and the seats left go one each to
     * the classes with the largest remainders, ties to the lower class index.
     */
    private static int[] largestRemainder(int seats, int[] count, int n) {
        int k = count.length;
        int[] result = new int[k];
        long[] remainder = new long[k];
        int given = 0;
        for (int c = 0; c < k; c++) {
            long q = (long) seats * count[c];
            result[c] = (int) (q / n);
            remainder[c] = q % n;
            given += result[c];
        }
        for (int left = seats - given; left > 0; left--) {
            int best = -1;
            for (int c = 0; c < k; c++) {
                if (remainder[c] > 0 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            result[best]++;
            remainder[best] = 0;
        }
        return result;
    }

    private static void shuffle(int[] a, int from, int length, RandomGenerator random) {
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[from + i];
            a[from + i] = a[from + j];
            a[from + j] = t;
        }
    }

    @Override
    public String toString() {
        return NAME + "(size=" + size + ")";
    }
}
