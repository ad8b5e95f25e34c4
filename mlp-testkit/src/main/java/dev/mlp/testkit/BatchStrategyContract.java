package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.BatchStrategy;
import dev.mlp.api.SampleInfo;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of a {@link BatchStrategy}, run for several sample counts (by default 1, 2, 7 and
 * 64) over three epochs, with {@link SampleInfo} giving three imbalanced classes (half the
 * samples in class 0) and weights between 0.5 and 3.5.
 *
 * <ul>
 *   <li>{@value #SIZE}: {@code batchSize(n)} is in {@code [1, n]}.</li>
 *   <li>{@value #ORDER}: if the strategy {@code visitsEachSampleOnce()}, every epoch's order is a
 *       permutation of {@code 0..n-1}; otherwise every index is in {@code [0, n)}.</li>
 *   <li>{@value #SAME_SEED}: two runs from generators with the same seed give the same orders,
 *       also when a second instance is used in between.</li>
 *   <li>{@value #OTHER_SEED}: two seeds give different orders for 64 samples, unless the
 *       strategy keeps every sample in its place (then the check is skipped).</li>
 * </ul>
 */
public final class BatchStrategyContract extends PluginContract<BatchStrategy,
        BatchStrategyContract> {

    static final String SIZE = "batch size is in [1, n]";
    static final String ORDER = "each epoch is a permutation (sampling strategies: indices in "
            + "range)";
    static final String SAME_SEED = "same seed, same orders";
    static final String OTHER_SEED = "different seeds, different orders";

    static final List<String> CHECKS = List.of(SIZE, ORDER, SAME_SEED, OTHER_SEED);

    private static final int EPOCHS = 3;

    private int[] counts = {1, 2, 7, 64};

    BatchStrategyContract(PluginProvider<BatchStrategy> provider) {
        super(PluginKind.BATCH_STRATEGY, provider);
    }

    /**
     * Replaces the sample counts the strategy is run for.
     *
     * @param counts sample counts, each at least 1
     * @return this contract
     */
    public BatchStrategyContract sampleCounts(int... counts) {
        for (int n : counts) {
            if (n < 1) {
                throw new IllegalArgumentException("sample counts must be >= 1, found " + n);
            }
        }
        this.counts = counts.clone();
        return this;
    }

    /**
     * The samples the kit arranges: three classes, imbalanced (every even index is class 0,
     * indices 1 mod 4 are class 1, indices 3 mod 4 class 2), and weights {@code 0.5 + i mod 4}.
     *
     * @param n the number of samples
     * @return the sample information
     */
    public static SampleInfo samples(int n) {
        int classes = 0;
        for (int i = 0; i < n; i++) {
            classes = Math.max(classes, classOf(i) + 1);
        }
        int k = classes;
        return new SampleInfo() {
            @Override
            public int count() {
                return n;
            }

            @Override
            public int classes() {
                return k;
            }

            @Override
            public int classOf(int sample) {
                return BatchStrategyContract.classOf(sample);
            }

            @Override
            public double weight(int sample) {
                return 0.5 + sample % 4;
            }
        };
    }

    private static int classOf(int i) {
        return i % 2 == 0 ? 0 : (i % 4 == 1 ? 1 : 2);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(SIZE, spec, () -> checkSize(spec)),
                new Check(ORDER, spec, () -> checkOrder(spec)),
                new Check(SAME_SEED, spec, () -> checkSameSeed(spec)),
                new Check(OTHER_SEED, spec, () -> checkOtherSeed(spec)));
    }

    @Override
    String nameOf(BatchStrategy instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(BatchStrategy s) {
        List<Double> out = new ArrayList<>();
        for (int n : new int[] {1, 7, 64, 1000}) {
            out.add((double) s.batchSize(n));
        }
        out.add(s.visitsEachSampleOnce() ? 1.0 : 0.0);
        for (int n : new int[] {7, 64}) {
            for (int[] order : epochs(s, n, 5)) {
                for (int i : order) {
                    out.add((double) i);
                }
            }
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    /** The orders of {@value #EPOCHS} epochs from one generator. */
    static List<int[]> epochs(BatchStrategy s, int n, long seed) {
        return epochs(s, n, new CountingRandom(seed));
    }

    private static List<int[]> epochs(BatchStrategy s, int n, CountingRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SampleInfo info = samples(n);
        List<int[]> result = new ArrayList<>();
        for (int e = 0; e < EPOCHS; e++) {
            s.arrange(order, random, info);
            result.add(order.clone());
        }
        return result;
    }

    private void checkSize(String spec) {
        BatchStrategy s = create(spec);
        Problems p = new Problems(spec + ": batchSize(n)");
        for (int n : new int[] {1, 2, 3, 7, 64, 1000}) {
            int b = s.batchSize(n);
            if (b < 1 || b > n) {
                p.add("batchSize(" + n + ") = " + b + ", outside [1, " + n + "]");
            }
        }
        p.throwIfAny();
    }

    private void checkOrder(String spec) {
        BatchStrategy s = create(spec);
        boolean once = s.visitsEachSampleOnce();
        Problems p = new Problems(spec + (once ? ": permutations" : ": sampled indices"));
        for (int n : counts) {
            List<int[]> orders = epochs(s, n, 1);
            for (int e = 0; e < orders.size(); e++) {
                int[] order = orders.get(e);
                String where = "n = " + n + ", epoch " + (e + 1) + ", order "
                        + (n <= 16 ? Arrays.toString(order) : "of " + order.length);
                boolean[] seen = new boolean[n];
                for (int i : order) {
                    if (i < 0 || i >= n) {
                        p.add(where + ": index " + i + " outside [0, " + n + ")");
                        break;
                    }
                    if (once && seen[i]) {
                        p.add(where + ": sample " + i + " appears twice, but visitsEachSampleOnce()"
                                + " is true");
                        break;
                    }
                    seen[i] = true;
                }
            }
        }
        p.throwIfAny();
    }

    private void checkSameSeed(String spec) {
        Problems p = new Problems(spec + ": reproducibility");
        for (int n : counts) {
            List<int[]> first = epochs(create(spec), n, 17);
            BatchStrategy s = create(spec);
            epochs(create(spec), n, 99); // another instance in between
            List<int[]> second = epochs(s, n, 17);
            List<int[]> third = epochs(s, n, 17);
            for (int e = 0; e < EPOCHS; e++) {
                if (!Arrays.equals(first.get(e), second.get(e))
                        || !Arrays.equals(first.get(e), third.get(e))) {
                    p.add("n = " + n + ", epoch " + (e + 1) + ": seed 17 gives "
                            + (n <= 16 ? Arrays.toString(first.get(e)) + " and then "
                            + Arrays.toString(second.get(e)) + ", "
                            + Arrays.toString(third.get(e)) : "different orders"));
                    break;
                }
            }
        }
        p.throwIfAny();
    }

    private void checkOtherSeed(String spec) {
        BatchStrategy s = create(spec);
        int n = 64;
        CountingRandom r1 = new CountingRandom(1);
        CountingRandom r2 = new CountingRandom(2);
        List<int[]> a = epochs(s, n, r1);
        List<int[]> b = epochs(s, n, r2);
        boolean reorders = false;
        for (int e = 0; e < EPOCHS; e++) {
            for (int i = 0; i < n; i++) {
                reorders |= a.get(e)[i] != i || b.get(e)[i] != i;
            }
        }
        if (!reorders) {
            Assumptions.abort(spec + " keeps the samples in their order; nothing depends on the "
                    + "seed");
        }
        for (int e = 0; e < EPOCHS; e++) {
            if (!Arrays.equals(a.get(e), b.get(e))) {
                return;
            }
        }
        throw new AssertionError(spec + ": seeds 1 and 2 give the same orders of 64 samples in "
                + "all " + EPOCHS + " epochs (" + r1.draws() + " numbers drawn from the run's "
                + "generator); the strategy ignores its generator?");
    }
}
