package dev.mlp.spark;

import dev.mlp.data.ColumnType;
import dev.mlp.data.DataTable;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a row's raw columns into the network's inputs on the executors with fitted
 * preprocessing: each row goes through {@code FittedPreprocessing.apply}, the code
 * {@code mlp predict} runs on a CSV file's rows, so the same cells give the same inputs bit for
 * bit. A numeric cell that is null or NaN is missing; so is a text cell that is null or one of
 * the stored missing markers. A category training never saw follows the encoder's policy:
 * the neutral encoding ({@code unseen=ignore}) or an error naming the row and column
 * ({@code unseen=error}); with counters ({@link UnseenCategories}) the neutrally encoded cells
 * are counted per column.
 */
final class TableEncoding implements Serializable {

    private static final long serialVersionUID = 1L;

    private final StoredPreprocessing stored;
    /** Where unseen categories are counted, or null. */
    private final UnseenCategories unseen;
    private transient volatile FittedPreprocessing fitted;

    /**
     * @param stored the fitted preprocessing
     */
    TableEncoding(StoredPreprocessing stored) {
        this(stored, null);
    }

    /**
     * @param stored the fitted preprocessing
     * @param unseen the counters of cells of unseen categories, or null not to count them
     */
    TableEncoding(StoredPreprocessing stored, UnseenCategories unseen) {
        this.stored = stored;
        this.unseen = unseen;
    }

    /**
     * Checks that the schema has every raw column, numeric or text as it was in training.
     *
     * @param schema the data's schema
     * @throws IllegalArgumentException naming the column otherwise
     */
    void check(StructType schema) {
        List<String> names = stored.columnNames();
        boolean[] categorical = stored.categorical();
        for (int j = 0; j < names.size(); j++) {
            StructField f = Columns.field(schema, names.get(j), "input");
            boolean text = f.dataType().equals(DataTypes.StringType);
            if (!text && !(f.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("the input column '" + names.get(j)
                        + "' must be " + (categorical[j] ? "a string or numeric column "
                        + "(categories)" : "numeric") + ", found " + f.dataType().simpleString());
            }
            if (text && !categorical[j]) {
                throw new IllegalArgumentException("the input column '" + names.get(j)
                        + "' was numeric in training, found string");
            }
        }
    }

    /**
     * @param data rows with the raw columns
     * @param column the name of the vector column to add
     * @return the rows with the inputs as a vector column
     */
    Dataset<Row> withFeatures(Dataset<?> data, String column) {
        check(data.schema());
        List<String> names = stored.columnNames();
        boolean[] categorical = stored.categorical();
        Column[] cells = new Column[names.size()];
        for (int j = 0; j < cells.length; j++) {
            Column c = functions.col(names.get(j));
            cells[j] = (categorical[j] ? c.cast("string") : c.cast("double")).as("c" + j);
        }
        UserDefinedFunction encode = functions.udf((UDF1<Row, Vector>) this::encode,
                SQLDataTypes.VectorType());
        return data.toDF().withColumn(column, encode.apply(functions.struct(cells)));
    }

    /** The inputs of one row: its cells in the order of the raw columns. */
    private Vector encode(Row cells) {
        FittedPreprocessing prep = preprocessing();
        boolean[] categorical = stored.categorical();
        List<String> markers = stored.missingMarkers();
        int n = categorical.length;
        double[] x = new double[n];
        List<String[]> text = new ArrayList<>(n);
        List<ColumnType> types = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            if (categorical[j]) {
                String v = cells.isNullAt(j) ? null : cells.getString(j);
                text.add(new String[] {v == null || markers.contains(v) ? null : v});
                types.add(ColumnType.CATEGORICAL);
                x[j] = Double.NaN;
            } else {
                text.add(null);
                types.add(ColumnType.NUMERIC);
                x[j] = cells.isNullAt(j) ? Double.NaN : cells.getDouble(j);
            }
        }
        String source = "row " + cells.mkString("[", ", ", "]");
        RawTable raw = RawTable.of(DataTable.unlabeled(source, x, stored.columnNames()), types,
                text);
        try {
            FittedPreprocessing.Encoded encoded = prep.apply(raw);
            if (unseen != null && !encoded.unseen().isEmpty()) {
                unseen.add(encoded.unseen());
            }
            return Vectors.dense(encoded.table().features());
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String prefix = source + ": row 1, ";
            throw new IllegalArgumentException(m != null && m.startsWith(prefix)
                    ? source + ": " + m.substring(prefix.length()) : m, e);
        }
    }

    private FittedPreprocessing preprocessing() {
        FittedPreprocessing p = fitted;
        if (p == null) {
            p = FittedPreprocessing.restore(stored.toInput());
            fitted = p;
        }
        return p;
    }

    /** @return the number of inputs the preprocessing makes */
    int width() {
        return preprocessing().width();
    }

    /** @return the names of the inputs, for example {@code island=Biscoe} */
    List<String> inputNames() {
        return preprocessing().inputNames();
    }

    @Override
    public String toString() {
        return "TableEncoding" + Arrays.toString(stored.columnNames().toArray());
    }
}
