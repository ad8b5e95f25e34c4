package dev.mlp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table as read from a file, before its columns are encoded: numeric feature columns (with
 * {@code NaN} where a cell was missing), categorical feature columns as text (with {@code null}
 * where a cell was missing), and the targets. {@link TablePreprocessor} fits the encoding of
 * its columns on one table (for example a training part) and applies it to others, giving the
 * numeric {@link DataTable} a network trains on.
 *
 * <pre>{@code
 * RawTable raw = CsvReader.builder().classTarget("species").build().readRaw(Path.of("penguins.csv"));
 * DataTable.Split parts = raw.numeric().split(0.0, 0.2, 1);     // or: raw.split(...)
 * }</pre>
 *
 * <p>Rows whose target cell was missing are not in the table; {@link #droppedRows()} counts
 * them. Immutable.
 */
public final class RawTable {

    private final DataTable numeric;
    private final List<ColumnType> types;
    private final String[][] text;
    private final int[] lines;
    private final List<String> missingMarkers;
    private final int droppedRows;

    RawTable(DataTable numeric, List<ColumnType> types, String[][] text, int[] lines,
             List<String> missingMarkers, int droppedRows) {
        this.numeric = Objects.requireNonNull(numeric, "numeric");
        this.types = List.copyOf(types);
        this.text = text;
        this.lines = lines;
        this.missingMarkers = List.copyOf(missingMarkers);
        this.droppedRows = droppedRows;
        if (types.size() != numeric.inputs() || text.length != numeric.inputs()
                || lines.length != numeric.rows()) {
            throw new IllegalArgumentException("a raw table needs one type and one text column "
                    + "per feature and one line per row");
        }
    }

    /**
     * A table from columns built in code, for example in tests or from another data source.
     *
     * @param numeric the numeric columns and targets; a categorical column's values there are
     *        ignored, a missing numeric cell is {@code NaN}
     * @param types each feature column's type
     * @param text for each feature column, {@code null} if it is numeric, else one text per row
     *        ({@code null} for a missing cell)
     * @return the table (rows are numbered from 1 in messages)
     */
    public static RawTable of(DataTable numeric, List<ColumnType> types, List<String[]> text) {
        String[][] t = new String[text.size()][];
        for (int j = 0; j < t.length; j++) {
            String[] col = text.get(j);
            if ((col != null) != (types.get(j) == ColumnType.CATEGORICAL)) {
                throw new IllegalArgumentException("column '" + numeric.featureNames().get(j)
                        + "' must have text exactly if it is categorical");
            }
            if (col != null && col.length != numeric.rows()) {
                throw new IllegalArgumentException("column '" + numeric.featureNames().get(j)
                        + "' has " + col.length + " cells, the table " + numeric.rows()
                        + " rows");
            }
            t[j] = col == null ? null : col.clone();
        }
        int[] lines = new int[numeric.rows()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return new RawTable(numeric, types, t, lines, List.of(), 0);
    }

    /** @return where the data came from */
    public String source() {
        return numeric.source();
    }

    /** @return the number of rows */
    public int rows() {
        return numeric.rows();
    }

    /** @return the feature columns' names, in file (input) order */
    public List<String> columnNames() {
        return numeric.featureNames();
    }

    /** @return each feature column's type, in the order of {@link #columnNames()} */
    public List<ColumnType> types() {
        return types;
    }

    /** @return whether any feature column is categorical */
    public boolean hasCategorical() {
        return types.contains(ColumnType.CATEGORICAL);
    }

    /**
     * The numeric view: the numeric columns' values ({@code NaN} where missing; categorical
     * columns hold {@code NaN} too) and the targets, labels and class names. Its
     * {@link DataTable#split} and {@link DataTable#labels()} serve for stratified parts.
     *
     * @return the numeric view (shares the arrays)
     */
    public DataTable numeric() {
        return numeric;
    }

    /**
     * @param column a feature column's index
     * @param row a row
     * @return the cell of a categorical column as written, or {@code null} if it was missing
     */
    public String text(int column, int row) {
        if (text[column] == null) {
            throw new IllegalArgumentException("column '" + columnNames().get(column)
                    + "' is numeric, not text");
        }
        return text[column][Objects.checkIndex(row, rows())];
    }

    /**
     * @param column a feature column's index
     * @param row a row
     * @return the value of a numeric column's cell, {@code NaN} if it was missing
     */
    public double number(int column, int row) {
        return numeric.features()[row * numeric.inputs() + column];
    }

    /**
     * @param row a row
     * @return the line of the file the row starts on, for messages
     */
    public int line(int row) {
        return lines[row];
    }

    /** @return the cell texts that were read as missing */
    public List<String> missingMarkers() {
        return missingMarkers;
    }

    /** @return how many rows of the file were left out because their target was missing */
    public int droppedRows() {
        return droppedRows;
    }

    /**
     * @return the number of missing feature cells
     */
    public long missingCells() {
        long n = 0;
        int k = numeric.inputs();
        double[] x = numeric.features();
        for (int j = 0; j < k; j++) {
            for (int r = 0; r < rows(); r++) {
                if (text[j] != null ? text[j][r] == null : Double.isNaN(x[r * k + j])) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The rows at the given indices, in that order, for example one fold of a
     * cross-validation.
     *
     * @param indices row indices, each in {@code [0, rows)}
     * @return a new table
     */
    public RawTable select(int[] indices) {
        String[][] t = new String[text.length][];
        for (int j = 0; j < t.length; j++) {
            if (text[j] != null) {
                t[j] = new String[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    t[j][i] = text[j][Objects.checkIndex(indices[i], rows())];
                }
            }
        }
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = lines[indices[i]];
        }
        return new RawTable(numeric.select(indices), types, t, l, missingMarkers, 0);
    }

    /**
     * A seeded split into training, validation and test rows, exactly as
     * {@link DataTable#split} splits the numeric view.
     *
     * @param validation the share of rows for validation
     * @param test the share of rows for testing
     * @param seed the seed
     * @return the three parts
     */
    public Parts split(double validation, double test, long seed) {
        int[][] idx = numeric.splitIndices(validation, test, seed);
        return new Parts(select(idx[0]), select(idx[1]), select(idx[2]));
    }

    /**
     * Training, validation and test parts of a raw table.
     *
     * @param train the rows to fit preprocessing and train on
     * @param validation the rows to choose settings on
     * @param test the rows to report the final score on
     */
    public record Parts(RawTable train, RawTable validation, RawTable test) {
    }

    /** @return the shape in words */
    @Override
    public String toString() {
        List<String> cat = new ArrayList<>();
        for (int j = 0; j < types.size(); j++) {
            if (types.get(j) == ColumnType.CATEGORICAL) {
                cat.add(columnNames().get(j));
            }
        }
        return numeric + (cat.isEmpty() ? "" : ", categorical: " + String.join(", ", cat))
                + (droppedRows == 0 ? "" : ", " + droppedRows + " rows without a target left "
                + "out");
    }

    int[] lines() {
        return Arrays.copyOf(lines, lines.length);
    }
}
