package dev.mlp.spark;

import dev.mlp.api.Encoder;
import dev.mlp.core.io.InputPreprocessing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The fitted preprocessing of a model's raw columns ({@link InputPreprocessing}, what a model
 * file stores) in a form that travels to the executors (Java serialization) and into a saved
 * model's Parquet row ({@link #toRow()}, {@link #fromRow(Row)}). Holds nothing else, so both
 * round trips give back the same record.
 */
final class StoredPreprocessing implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The Parquet type of {@link #toRow()}. */
    static final String DDL = "STRUCT<missingMarkers: ARRAY<STRING>, columns: ARRAY<STRUCT<"
            + "name: STRING, categorical: BOOLEAN, encoder: STRING, categories: ARRAY<STRING>, "
            + "values: ARRAY<DOUBLE>, imputation: STRING, fill: DOUBLE, fillCategory: STRING, "
            + "indicator: BOOLEAN>>>";

    private final ArrayList<String> missingMarkers;
    private final ArrayList<Entry> columns;

    /** One column, as {@link InputPreprocessing.Column}. */
    private record Entry(String name, boolean categorical, String encoder,
                         ArrayList<String> categories, double[] values, String imputation,
                         double fill, String fillCategory, boolean indicator)
            implements Serializable {
    }

    private StoredPreprocessing(List<String> missingMarkers, List<Entry> columns) {
        this.missingMarkers = new ArrayList<>(missingMarkers);
        this.columns = new ArrayList<>(columns);
    }

    /**
     * @param p the stored form of fitted preprocessing
     * @return the same, serializable
     */
    static StoredPreprocessing of(InputPreprocessing p) {
        List<Entry> out = new ArrayList<>();
        for (InputPreprocessing.Column c : p.columns()) {
            Encoder.State s = c.state();
            out.add(new Entry(c.name(), c.categorical(), c.encoder(),
                    s == null ? null : new ArrayList<>(s.categories()),
                    s == null ? null : s.values(), c.imputation(), c.fill(), c.fillCategory(),
                    c.indicator()));
        }
        return new StoredPreprocessing(p.missingMarkers(), out);
    }

    /** @return the record a model file stores */
    InputPreprocessing toInput() {
        List<InputPreprocessing.Column> out = new ArrayList<>();
        for (Entry e : columns) {
            out.add(new InputPreprocessing.Column(e.name, e.categorical, e.encoder,
                    e.categories == null ? null : new Encoder.State(e.categories, e.values),
                    e.imputation, e.fill, e.fillCategory, e.indicator));
        }
        return new InputPreprocessing(missingMarkers, out);
    }

    /** @return the raw columns, in input order */
    List<String> columnNames() {
        return columns.stream().map(Entry::name).toList();
    }

    /** @return whether each raw column is categorical, in input order */
    boolean[] categorical() {
        boolean[] out = new boolean[columns.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = columns.get(j).categorical;
        }
        return out;
    }

    /** @return the cell texts read as missing */
    List<String> missingMarkers() {
        return missingMarkers;
    }

    /** @return a row of type {@link #DDL} */
    Row toRow() {
        List<Row> cols = new ArrayList<>();
        for (Entry e : columns) {
            List<Double> values = null;
            if (e.values != null) {
                values = new ArrayList<>();
                for (double v : e.values) {
                    values.add(v);
                }
            }
            cols.add(RowFactory.create(e.name, e.categorical, e.encoder, e.categories, values,
                    e.imputation, e.fill, e.fillCategory, e.indicator));
        }
        return RowFactory.create(missingMarkers, cols);
    }

    /**
     * @param row what {@link #toRow()} gave, read back
     * @return the preprocessing
     */
    static StoredPreprocessing fromRow(Row row) {
        List<Entry> out = new ArrayList<>();
        for (Row c : row.<Row>getList(1)) {
            double[] values = null;
            if (!c.isNullAt(4)) {
                List<Double> v = c.getList(4);
                values = new double[v.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = v.get(i);
                }
            }
            out.add(new Entry(c.getString(0), c.getBoolean(1), c.getString(2),
                    c.isNullAt(3) ? null : new ArrayList<>(c.<String>getList(3)), values,
                    c.getString(5), c.getDouble(6), c.getString(7), c.getBoolean(8)));
        }
        return new StoredPreprocessing(row.<String>getList(0), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredPreprocessing s && s.toInput().equals(toInput());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {missingMarkers, columnNames()});
    }
}
