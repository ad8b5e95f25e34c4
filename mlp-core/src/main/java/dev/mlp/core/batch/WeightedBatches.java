package dev.mlp.core.batch;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.SampleInfo;
import java.util.random.RandomGenerator;

/**
 * Mini-batches of samples drawn with replacement, each draw choosing sample {@code i} with
 * probability {@code w_i / Σ_j w_j} for the samples' weights {@code w} ({@link SampleInfo#weight}).
 *
 * <p>Each epoch draws as many indices as there are samples, so an epoch has the usual number of
 * steps, but a sample may appear several times or not at all, and samples of weight 0 never
 * appear: {@link #visitsEachSampleOnce()} is {@code false}. A draw takes one
 * {@link RandomGenerator#nextDouble()} from the generator handed in, scaled by the total weight,
 * and finds its sample by binary search in the cumulative weights; the same seed gives the same
 * batches. Without weights (all 1) this is uniform sampling with replacement.
 *
 * <p>The weights already enter through the sampling frequencies; a trainer that also multiplies
 * each sample's loss by its weight would count them twice.
 */
public final class WeightedBatches implements BatchStrategy {

    /** The registered name. */
    public static final String NAME = "weighted-mini-batch";

    private final int size;

    /**
     * @param size samples per batch, at least 1; the last batch may be smaller
     */
    public WeightedBatches(int size) {
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
     * Draws uniformly with replacement, as if every sample had weight 1.
     */
    @Override
    public void arrange(int[] order, RandomGenerator random) {
        arrange(order, random, SampleInfo.unweighted(order.length));
    }

    @Override
    public void arrange(int[] order, RandomGenerator random, SampleInfo samples) {
        int n = order.length;
        if (samples.count() != n) {
            throw new IllegalArgumentException(NAME + ": the sample information covers "
                    + samples.count() + " samples, but the order has " + n);
        }
        if (n == 0) {
            return;
        }
        double[] cumulative = new double[n];
        double total = 0.0;
        int lastPositive = -1;
        for (int i = 0; i < n; i++) {
            double w = samples.weight(i);
            if (!(w >= 0.0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(NAME + ": sample " + i + " has weight " + w
                        + "; weights must be finite and >= 0");
            }
            if (w > 0.0) {
                lastPositive = i;
            }
            total += w;
            cumulative[i] = total;
        }
        if (lastPositive < 0) {
            throw new IllegalArgumentException(NAME + " needs at least one sample with a weight "
                    + "> 0, found all " + n + " weights 0");
        }
        if (total == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(NAME + ": the sample weights sum to infinity");
        }
        for (int j = 0; j < n; j++) {
            double u = random.nextDouble() * total;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) { // the first sample whose cumulative weight exceeds u
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            order[j] = cumulative[lo] > u ? lo : lastPositive; // u rounded up to the total
        }
    }

    /**
     * @return {@code false}: samples are drawn with replacement
     */
    @Override
    public boolean visitsEachSampleOnce() {
        return false;
    }

    @Override
    public String toString() {
        return NAME + "(size=" + size + ")";
    }
}
