package dev.mlp.core.train;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Splits data into a training part and a validation part, reproducibly for a generator state.
 *
 * <p>For classification data (see {@link Dataset#classes()}) the split is stratified: each
 * class contributes {@code round(fraction x its count)} samples to the validation part, so both
 * parts keep the class proportions. For other data, {@code round(fraction x rows)} samples are
 * drawn. Within each part the samples keep their original order. Sample weights go with their
 * samples.
 *
 * @param training the training part
 * @param validation the validation part
 * @param trainingRows the original row of each training sample, ascending
 * @param validationRows the original row of each validation sample, ascending
 */
public record ValidationSplit(Dataset training, Dataset validation, int[] trainingRows,
                              int[] validationRows) {

    /** Copies the row arrays. */
    public ValidationSplit {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(validation, "validation");
        trainingRows = trainingRows.clone();
        validationRows = validationRows.clone();
    }

    /**
     * @param data the data to split
     * @param fraction the share of samples for validation, in (0, 1)
     * @param random the generator (the run's {@link Seeds#validation()})
     * @return the two parts
     * @throws IllegalArgumentException if the fraction is out of range or leaves a part empty
     */
    public static ValidationSplit of(Dataset data, double fraction, RandomGenerator random) {
        Objects.requireNonNull(data, "data");
        int[][] rows = rows(data, fraction, random);
        return new ValidationSplit(data.subset(rows[0]), data.subset(rows[1]), rows[0], rows[1]);
    }

    /**
     * The rows {@link #of} puts in each part, from the row count and the classes alone, so
     * that preprocessing can be fitted on the training rows before the data is made.
     *
     * @param rows the number of rows and the class of each (none for regression)
     * @param fraction the share of samples for validation, in (0, 1)
     * @param random the generator (the run's {@link Seeds#validation()})
     * @return the training rows and the validation rows, each ascending
     * @throws IllegalArgumentException if the fraction is out of range or leaves a part empty
     */
    public static int[][] rows(SampleInfo rows, double fraction, RandomGenerator random) {
        SampleInfo data = Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(random, "random");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), found "
                    + fraction);
        }
        int n = data.count();
        boolean[] chosen = new boolean[n];
        int groups = Math.max(1, data.classes());
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
            long take = Math.round(fraction * count);
            for (int i = 0; i < take; i++) {
                chosen[members[i]] = true;
            }
        }
        int v = 0;
        for (boolean c : chosen) {
            if (c) {
                v++;
            }
        }
        if (v == 0 || v == n) {
            throw new IllegalArgumentException("validation fraction " + fraction + " of "
                    + n + " samples leaves " + (v == 0 ? "no validation" : "no training")
                    + " sample" + (data.classes() > 0 ? " (split per class)" : ""));
        }
        int[] val = new int[v];
        int[] tr = new int[n - v];
        int vi = 0;
        int ti = 0;
        for (int r = 0; r < n; r++) {
            if (chosen[r]) {
                val[vi++] = r;
            } else {
                tr[ti++] = r;
            }
        }
        return new int[][] {tr, val};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationSplit s && Arrays.equals(trainingRows, s.trainingRows)
                && Arrays.equals(validationRows, s.validationRows);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(trainingRows) + Arrays.hashCode(validationRows);
    }

    @Override
    public String toString() {
        return "ValidationSplit[" + trainingRows.length + " training, " + validationRows.length
                + " validation]";
    }
}
