package dev.mlp.spark;

import dev.mlp.api.Encoder;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.plugin.Configured;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.data.Imputation;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Fits the preprocessing of raw DataFrame columns with Spark aggregations: for each numeric
 * column its fill value (mean, median, most frequent or a constant) and whether it had missing
 * cells (null or NaN); for each categorical column (a string column, or one named in
 * {@code categoricalCols}) the counts of its distinct values, from which the encoder plugin is
 * fitted on the driver, and its fill category. Only one row per distinct category, or a few
 * numbers per column, reach the driver. The result is the {@link InputPreprocessing} a
 * single-machine model file stores, with the same encoders and imputations as
 * {@code mlp train}'s.
 *
 * @param columns the raw feature columns, in input order
 * @param declared the columns to treat as categorical even if they are numeric
 * @param encoder the encoder spec of categorical columns
 * @param numericImputation the imputation of numeric columns
 * @param categoricalImputation the imputation of categorical columns
 * @param indicators whether a column with missing cells gets an indicator input
 * @param missingMarkers the texts of string cells that count as missing
 */
record TableFit(List<String> columns, Set<String> declared, String encoder,
                String numericImputation, String categoricalImputation, boolean indicators,
                List<String> missingMarkers) {

    /**
     * Checks that every column is in the schema and numeric or text, and that the declared
     * categorical columns are among them.
     *
     * @param schema the data's schema
     * @return whether each column is categorical, in order
     * @throws IllegalArgumentException naming the column otherwise
     */
    boolean[] check(StructType schema) {
        for (String d : declared) {
            if (!columns.contains(d)) {
                throw new IllegalArgumentException("categoricalCols names '" + d + "', which is "
                        + "not one of inputCols " + columns);
            }
        }
        boolean[] categorical = new boolean[columns.size()];
        for (int j = 0; j < categorical.length; j++) {
            String name = columns.get(j);
            StructField f = Columns.field(schema, name, "input");
            boolean text = f.dataType().equals(DataTypes.StringType);
            if (!text && !(f.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("the input column '" + name + "' is "
                        + f.dataType().simpleString() + "; inputCols take numeric columns and "
                        + "string columns (categories): cast it to one of them first");
            }
            categorical[j] = text || declared.contains(name);
        }
        return categorical;
    }

    /**
     * @param data the training rows
     * @param registry where the encoder is found
     * @return the fitted preprocessing
     * @throws IllegalArgumentException if a spec is invalid, or a column has no filled cell
     */
    InputPreprocessing fit(Dataset<?> data, PluginRegistry registry) {
        boolean[] categorical = check(data.schema());
        Configured<Encoder> enc = registry.configure(PluginKind.ENCODER, Encoder.class, encoder);
        Imputation numeric = Imputation.parse(numericImputation);
        Imputation categories = Imputation.parse(categoricalImputation);
        if (!categories.forCategories()) {
            throw new IllegalArgumentException("categorical columns are imputed with "
                    + "most-frequent or constant(v), found " + categories);
        }
        double[][] stats = numericStats(data, categorical);
        List<InputPreprocessing.Column> out = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            if (!categorical[j]) {
                long filled = (long) stats[k][0];
                long missing = (long) stats[k][1];
                double mean = stats[k][2];
                k++;
                if (filled == 0) {
                    throw new IllegalArgumentException("column '" + name + "' has no filled "
                            + "cell to learn a fill value from");
                }
                double fill = switch (numeric.method()) {
                    case "mean" -> mean;
                    case "median" -> median(data, name, filled);
                    case "most-frequent" -> mostFrequent(data, name);
                    default -> constant(numeric, name);
                };
                out.add(new InputPreprocessing.Column(name, false, "", null,
                        numeric.toString(), fill, "", indicators && missing > 0));
                continue;
            }
            TreeMap<String, Long> counts = new TreeMap<>();
            long missing = 0;
            for (Row r : data.select(text(name).as("v")).groupBy("v").count().collectAsList()) {
                if (r.isNullAt(0)) {
                    missing += r.getLong(1);
                } else {
                    counts.put(r.getString(0), r.getLong(1));
                }
            }
            if (counts.isEmpty()) {
                throw new IllegalArgumentException("categorical column '" + name + "' has no "
                        + "filled cell to learn its categories from");
            }
            String fill = categories.method().equals("constant") ? categories.constant()
                    : mostFrequent(counts);
            TreeMap<String, Long> imputed = new TreeMap<>(counts);
            if (missing > 0) {
                imputed.merge(fill, missing, Long::sum);
            }
            Encoder.Fitted fitted = enc.instance().fit(new Repeated(imputed, name));
            out.add(new InputPreprocessing.Column(name, true, enc.spec(), fitted.state(),
                    categories.toString(), Double.NaN, fill, indicators && missing > 0));
        }
        return new InputPreprocessing(missingMarkers, out);
    }

    /** A numeric cell as a double, null where missing (null or NaN). */
    static Column number(String name) {
        Column v = functions.col(name).cast("double");
        return functions.when(v.isNull().or(functions.isnan(v)), functions.lit(null)
                .cast("double")).otherwise(v);
    }

    /** A categorical cell as text, null where missing (null or a missing marker). */
    Column text(String name) {
        Column v = functions.col(name).cast("string");
        if (missingMarkers.isEmpty()) {
            return v;
        }
        return functions.when(v.isin(missingMarkers.toArray()), functions.lit(null)
                .cast("string")).otherwise(v);
    }

    /** Per numeric column, in order: filled cells, missing cells, mean; one Spark job. */
    private double[][] numericStats(Dataset<?> data, boolean[] categorical) {
        List<Column> aggs = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!categorical[j]) {
                Column v = number(columns.get(j));
                aggs.add(functions.count(v));
                aggs.add(functions.sum(functions.when(v.isNull(), 1).otherwise(0)));
                aggs.add(functions.avg(v));
            }
        }
        if (aggs.isEmpty()) {
            return new double[0][];
        }
        Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                .head();
        double[][] stats = new double[aggs.size() / 3][3];
        for (int i = 0; i < stats.length; i++) {
            stats[i][0] = r.isNullAt(3 * i) ? 0 : ((Number) r.get(3 * i)).doubleValue();
            stats[i][1] = r.isNullAt(3 * i + 1) ? 0 : ((Number) r.get(3 * i + 1)).doubleValue();
            stats[i][2] = r.isNullAt(3 * i + 2) ? Double.NaN : r.getDouble(3 * i + 2);
        }
        return stats;
    }

    /** The median of the filled cells, as the CLI takes it: the middle one, or the mean of two. */
    private static double median(Dataset<?> data, String name, long filled) {
        long hi = filled / 2;
        long lo = filled % 2 == 1 ? hi : hi - 1;
        List<Double> middle = data.select(number(name).as("v")).where("v IS NOT NULL")
                .sort("v").javaRDD().zipWithIndex()
                .filter(t -> t._2() == lo || t._2() == hi)
                .map(t -> t._1().getDouble(0)).collect();
        double a = middle.get(0);
        double b = middle.get(middle.size() - 1);
        return lo == hi ? a : (a + b) / 2;
    }

    /** The most frequent filled value, the smallest of equally frequent ones. */
    private static double mostFrequent(Dataset<?> data, String name) {
        Row r = data.select(number(name).as("v")).where("v IS NOT NULL").groupBy("v").count()
                .orderBy(functions.col("count").desc(), functions.col("v").asc()).head();
        return r.getDouble(0);
    }

    private static String mostFrequent(TreeMap<String, Long> counts) {
        String best = null;
        long most = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    private static double constant(Imputation imputation, String name) {
        try {
            double v = Double.parseDouble(imputation.constant());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("numeric column '" + name + "' cannot be imputed "
                + "with " + imputation + ": the value must be a finite number");
    }

    /**
     * A column's values as the encoder's {@code fit} takes them, one per row, without holding
     * the rows: each distinct value repeated its count times, in sorted order (the built-in
     * encoders depend on the counts only, not on the row order).
     */
    private static final class Repeated extends AbstractList<String> {
        private final String[] values;
        private final long[] ends;

        Repeated(TreeMap<String, Long> counts, String column) {
            values = counts.keySet().toArray(new String[0]);
            ends = new long[values.length];
            long at = 0;
            int i = 0;
            for (long c : counts.values()) {
                at += c;
                ends[i++] = at;
            }
            if (at > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("categorical column '" + column + "' has "
                        + at + " cells, more than an encoder takes (" + Integer.MAX_VALUE + ")");
            }
        }

        @Override
        public String get(int index) {
            int i = Arrays.binarySearch(ends, index + 1L);
            return values[i >= 0 ? i : -i - 1];
        }

        @Override
        public int size() {
            return values.length == 0 ? 0 : (int) ends[ends.length - 1];
        }
    }
}
