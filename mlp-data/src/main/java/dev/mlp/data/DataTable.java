package dev.mlp.data;

import dev.mlp.core.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Loaded data: a {@code rows x inputs} feature matrix and, unless the data is unlabeled, a
 * {@code rows x outputs} target matrix, both flat and row-major, with the names of the columns
 * they came from. For classification the targets are one-hot rows, {@link #classNames()} names
 * the classes in output order and {@link #labels()} gives each row's class index.
 *
 * <p>Convert it with {@link #toDataset()} for {@code Model.fit(Dataset)}, or use {@link #x()}
 * and {@link #y()} for {@code Mlp.Builder.train(double[][], double[][])} and
 * {@code Model.predict}. {@link #split} makes seeded train/validation/test parts, stratified by
 * class for classification.
 *
 * <p>Immutable. The arrays {@link #features()} and {@link #targets()} return are the table's
 * own (data sets such as MNIST are too large to copy freely); do not modify them.
 */
public final class DataTable {

    /** What the targets are. */
    public enum Task {
        /** One class per row, one-hot targets. */
        CLASSIFICATION,
        /** Numeric targets. */
        REGRESSION,
        /** No targets (data to predict). */
        NONE
    }

    private final String source;
    private final double[] features;
    private final double[] targets;
    private final int rows;
    private final int inputs;
    private final int outputs;
    private final List<String> featureNames;
    private final List<String> targetNames;
    private final List<String> classNames;
    private final int[] labels;
    private final Task task;

    private DataTable(String source, double[] features, double[] targets, int rows,
                      List<String> featureNames, List<String> targetNames,
                      List<String> classNames, int[] labels, Task task) {
        this.source = Objects.requireNonNull(source, "source");
        this.features = Objects.requireNonNull(features, "features");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.featureNames = List.copyOf(featureNames);
        this.targetNames = List.copyOf(targetNames);
        this.classNames = List.copyOf(classNames);
        this.labels = labels;
        this.task = task;
        this.rows = rows;
        this.inputs = this.featureNames.size();
        this.outputs = task == Task.CLASSIFICATION ? this.classNames.size()
                : this.targetNames.size();
        if (inputs < 1) {
            throw new IllegalArgumentException(source + ": data needs at least 1 feature column");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, found " + rows);
        }
        if (features.length != (long) rows * inputs) {
            throw new IllegalArgumentException("features must hold " + rows + "x" + inputs
                    + " values, found " + features.length);
        }
        if (targets.length != (long) rows * outputs) {
            throw new IllegalArgumentException("targets must hold " + rows + "x" + outputs
                    + " values, found " + targets.length);
        }
    }

    /**
     * A classification table; the one-hot targets are made from the labels.
     *
     * @param source where the data came from, for messages (a file name)
     * @param features {@code rows x featureNames.size()} values, row-major; kept, not copied
     * @param featureNames the feature columns' names
     * @param targetName the name of the column the labels came from
     * @param labels each row's class index into {@code classNames}
     * @param classNames the classes, in output order, distinct
     * @return the table
     */
    public static DataTable classification(String source, double[] features,
                                           List<String> featureNames, String targetName,
                                           int[] labels, List<String> classNames) {
        int k = classNames.size();
        if (k < 1) {
            throw new IllegalArgumentException(source + ": classification needs at least 1 "
                    + "class, found none");
        }
        if (new java.util.HashSet<>(classNames).size() != k) {
            throw new IllegalArgumentException(source + ": class names must be distinct, found "
                    + classNames);
        }
        double[] y = new double[labels.length * k];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= k) {
                throw new IllegalArgumentException(source + ": row " + r + " has class index "
                        + labels[r] + ", but there are " + k + " classes");
            }
            y[r * k + labels[r]] = 1.0;
        }
        return new DataTable(source, features, y, labels.length, featureNames,
                List.of(targetName), classNames, labels.clone(), Task.CLASSIFICATION);
    }

    /**
     * A regression table.
     *
     * @param source where the data came from, for messages
     * @param features {@code rows x featureNames.size()} values; kept, not copied
     * @param featureNames the feature columns' names
     * @param targets {@code rows x targetNames.size()} values; kept, not copied
     * @param targetNames the target columns' names, at least one
     * @return the table
     */
    public static DataTable regression(String source, double[] features,
                                       List<String> featureNames, double[] targets,
                                       List<String> targetNames) {
        if (targetNames.isEmpty()) {
            throw new IllegalArgumentException(source + ": regression needs at least 1 target "
                    + "column");
        }
        int rows = targets.length / targetNames.size();
        return new DataTable(source, features, targets, rows, featureNames, targetNames,
                List.of(), null, Task.REGRESSION);
    }

    /**
     * A table of features only, for prediction.
     *
     * @param source where the data came from, for messages
     * @param features {@code rows x featureNames.size()} values; kept, not copied
     * @param featureNames the feature columns' names, at least one
     * @return the table
     */
    public static DataTable unlabeled(String source, double[] features,
                                      List<String> featureNames) {
        return new DataTable(source, features, new double[0],
                featureNames.isEmpty() ? 0 : features.length / featureNames.size(), featureNames, List.of(), List.of(), null,
                Task.NONE);
    }

    /** @return where the data came from (a file name) */
    public String source() {
        return source;
    }

    /** @return what the targets are */
    public Task task() {
        return task;
    }

    /** @return the number of rows (samples) */
    public int rows() {
        return rows;
    }

    /** @return the number of feature columns */
    public int inputs() {
        return inputs;
    }

    /** @return the number of target columns: classes for classification, 0 without targets */
    public int outputs() {
        return outputs;
    }

    /** @return the feature matrix, row-major (the table's own array: do not modify) */
    public double[] features() {
        return features;
    }

    /** @return the target matrix, row-major (the table's own array: do not modify) */
    public double[] targets() {
        return targets;
    }

    /** @return the names of the feature columns, in input order */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * @return the names of the target columns: the class column for classification, the
     *         numeric target columns for regression, empty without targets
     */
    public List<String> targetNames() {
        return targetNames;
    }

    /** @return the class names in output order; empty unless this is classification */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @return each row's class index (a copy)
     * @throws IllegalStateException if this is not classification data
     */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException(source + " holds " + task.name().toLowerCase()
                    + " data, which has no class labels");
        }
        return labels.clone();
    }

    /** @return the features as one array per row (a copy) */
    public double[][] x() {
        return rows(features, inputs);
    }

    /**
     * @return the targets as one array per row (a copy)
     * @throws IllegalStateException if the table has no targets
     */
    public double[][] y() {
        requireTargets();
        return rows(targets, outputs);
    }

    private double[][] rows(double[] flat, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    private void requireTargets() {
        if (task == Task.NONE) {
            throw new IllegalStateException(source + " has no target column; choose one to "
                    + "train or evaluate");
        }
    }

    /**
     * @return the data as a {@link Dataset} for {@code Model.fit(Dataset)} (shares the arrays)
     * @throws IllegalStateException if the table has no targets
     * @throws IllegalArgumentException if it has no rows
     */
    public Dataset toDataset() {
        requireTargets();
        if (rows == 0) {
            throw new IllegalArgumentException(source + " has no rows to train or evaluate on");
        }
        return new Dataset(features, targets, rows, inputs, outputs);
    }

    /**
     * The rows at the given indices, in that order.
     *
     * @param indices row indices, each in {@code [0, rows)}
     * @return a new table
     */
    public DataTable select(int[] indices) {
        double[] x = new double[indices.length * inputs];
        double[] y = new double[indices.length * outputs];
        int[] l = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = Objects.checkIndex(indices[i], rows);
            System.arraycopy(features, r * inputs, x, i * inputs, inputs);
            System.arraycopy(targets, r * outputs, y, i * outputs, outputs);
            if (l != null) {
                l[i] = labels[r];
            }
        }
        return new DataTable(source, x, y, indices.length, featureNames, targetNames,
                classNames, l, task);
    }

    /**
     * A seeded split into training, validation and test rows. For classification each class is
     * split on its own (stratified), so every part keeps the class proportions; a class of
     * {@code n} rows gives {@code round(n·validation)} rows to validation and
     * {@code round(n·test)} to test. Other data is split as one group. Within each part rows keep
     * their order in this table. The same seed gives the same split.
     *
     * @param validation the share of rows for validation, in {@code [0, 1)}
     * @param test the share of rows for testing, in {@code [0, 1)}, with
     *        {@code validation + test < 1}
     * @param seed the seed of the shuffle
     * @return the three parts (validation or test may have no rows)
     */
    public Split split(double validation, double test, long seed) {
        int[][] idx = splitIndices(validation, test, seed);
        return new Split(select(idx[0]), select(idx[1]), select(idx[2]));
    }

    /** The row indices of {@link #split}'s training, validation and test parts, in order. */
    int[][] splitIndices(double validation, double test, long seed) {
        if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
            throw new IllegalArgumentException("validation and test shares must be >= 0 with a "
                    + "sum below 1, found validation=" + validation + ", test=" + test);
        }
        List<List<Integer>> groups = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            for (int c = 0; c < classNames.size(); c++) {
                groups.add(new ArrayList<>());
            }
            for (int r = 0; r < rows; r++) {
                groups.get(labels[r]).add(r);
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                all.add(r);
            }
            groups.add(all);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> tst = new ArrayList<>();
        for (List<Integer> g : groups) {
            for (int i = g.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = g.get(i);
                g.set(i, g.get(j));
                g.set(j, t);
            }
            int n = g.size();
            int nTest = (int) Math.round(n * test);
            int nVal = Math.min((int) Math.round(n * validation), n - nTest);
            tst.addAll(g.subList(0, nTest));
            val.addAll(g.subList(nTest, nTest + nVal));
            train.addAll(g.subList(nTest + nVal, n));
        }
        return new int[][] {sorted(train), sorted(val), sorted(tst)};
    }

    private static int[] sorted(List<Integer> rows) {
        int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * Training, validation and test parts of one table.
     *
     * @param train the rows to train on
     * @param validation the rows to choose settings or stop early on
     * @param test the rows to report the final score on
     */
    public record Split(DataTable train, DataTable validation, DataTable test) {
    }

    /**
     * @return the shape in words, for example
     *         {@code "iris.csv: 150 rows, 4 features, 3 classes (setosa, versicolor, virginica)"}
     */
    @Override
    public String toString() {
        String t = switch (task) {
            case CLASSIFICATION -> classNames.size() + " classes (" + String.join(", ",
                    classNames) + ")";
            case REGRESSION -> outputs + " numeric target" + (outputs == 1 ? "" : "s") + " ("
                    + String.join(", ", targetNames) + ")";
            case NONE -> "no targets";
        };
        return source + ": " + rows + " rows, " + inputs + " features, " + t;
    }
}
