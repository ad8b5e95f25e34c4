package dev.mlp.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results of a cross-validation, one per fold, with the mean and standard deviation of each
 * metric over the folds.
 *
 * @param folds the per-fold results, in fold order
 */
public record CrossValidationResult(List<FoldResult> folds) {

    /** Copies the list. */
    public CrossValidationResult {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a cross-validation result needs at least 1 fold");
        }
    }

    /** @return the names of the values evaluated on each test fold: the loss, then the metrics */
    public List<String> metrics() {
        return List.copyOf(folds.get(0).test().values().keySet());
    }

    /**
     * @param metric a name from {@link #metrics()}
     * @return its value on each test fold, in fold order
     * @throws IllegalArgumentException if it was not evaluated
     */
    public double[] values(String metric) {
        Objects.requireNonNull(metric, "metric");
        if (!folds.get(0).test().values().containsKey(metric)) {
            throw new IllegalArgumentException("metric '" + metric + "' was not evaluated; "
                    + "evaluated: " + String.join(", ", metrics()));
        }
        double[] v = new double[folds.size()];
        for (int f = 0; f < v.length; f++) {
            v[f] = folds.get(f).test().value(metric);
        }
        return v;
    }

    /**
     * @param metric a name from {@link #metrics()}
     * @return its mean over the folds
     */
    public double mean(String metric) {
        double[] v = values(metric);
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * @param metric a name from {@link #metrics()}
     * @return its standard deviation over the folds (population form: divided by the number of
     *         folds)
     */
    public double std(String metric) {
        double[] v = values(metric);
        double m = mean(metric);
        double s = 0.0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * A text table: one row per fold (its training and test row counts and each metric), then
     * the mean ± standard deviation of each metric.
     *
     * @param names the metrics to show, from {@link #metrics()}
     * @return the table, lines separated by {@code \n}, ending with one
     */
    public String table(List<String> names) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("fold", "train", "test"));
        header.addAll(names);
        rows.add(header.toArray(new String[0]));
        for (FoldResult f : folds) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(f.fold() + 1),
                    Integer.toString(f.trainingRows()), Integer.toString(f.test().samples())));
            for (String n : names) {
                row.add(format(f.test().value(n)));
            }
            rows.add(row.toArray(new String[0]));
        }
        List<String> summary = new ArrayList<>(List.of("mean ± std", "", ""));
        for (String n : names) {
            summary.add(format(mean(n)) + " ± " + format(std(n)));
        }
        rows.add(summary.toArray(new String[0]));
        return Tables.render(rows);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
