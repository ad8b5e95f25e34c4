package dev.mlp.core.tune;

import dev.mlp.api.SampleInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded k-fold assignment of rows: every row is in exactly one test fold. For classification
 * data the folds are stratified: each class's rows, shuffled, are dealt to the folds in turn (the
 * turn carried on from one class to the next), so every fold holds each class in the same share
 * as the whole data, to one row, and fold sizes differ by at most one row. Regression rows are
 * shuffled and dealt the same way as a single group.
 */
public final class Folds {

    private final int[][] test;
    private final int rows;

    private Folds(int[][] test, int rows) {
        this.test = test;
        this.rows = rows;
    }

    /**
     * @param k the number of folds, from 2 to the number of rows
     * @param data the rows, with their classes for stratification
     * @param seed the seed of the shuffle
     * @return the folds
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static Folds of(int k, SampleInfo data, long seed) {
        Objects.requireNonNull(data, "data");
        int n = data.count();
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, found "
                    + k);
        }
        if (k > n) {
            throw new IllegalArgumentException(k + " folds need at least " + k + " rows, found "
                    + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int groups = Math.max(1, data.classes());
        int turn = 0;
        int[] members = new int[n];
        for (int g = 0; g < groups; g++) {
            int count = 0;
            for (int r = 0; r < n; r++) {
                if (data.classes() == 0 || data.classOf(r) == g) {
                    members[count++] = r;
                }
            }
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i = 0; i < count; i++) {
                folds.get(turn).add(members[i]);
                turn = (turn + 1) % k;
            }
        }
        int[][] test = new int[k][];
        for (int f = 0; f < k; f++) {
            test[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new Folds(test, n);
    }

    /** @return the number of folds */
    public int count() {
        return test.length;
    }

    /**
     * @param fold the fold, in {@code [0, count())}
     * @return its held-out rows, ascending (a copy)
     */
    public int[] testRows(int fold) {
        return test[Objects.checkIndex(fold, test.length)].clone();
    }

    /**
     * @param fold the fold, in {@code [0, count())}
     * @return every row not held out by it, ascending
     */
    public int[] trainingRows(int fold) {
        boolean[] held = new boolean[rows];
        for (int r : test[Objects.checkIndex(fold, test.length)]) {
            held[r] = true;
        }
        int[] out = new int[rows - test[fold].length];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (!held[r]) {
                out[i++] = r;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        int[] sizes = Arrays.stream(test).mapToInt(t -> t.length).toArray();
        return test.length + " folds of " + Arrays.toString(sizes) + " rows";
    }
}
