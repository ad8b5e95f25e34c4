package dev.mlp.data;

import dev.mlp.api.Encoder;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.io.MissingPluginException;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.api.spec.Spec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Preprocessing learned by a {@link TablePreprocessor}: for each raw feature column its type,
 * fitted encoder, fill value and indicator. {@link #apply} turns any table with the same columns
 * into the numeric {@link DataTable} a network takes; {@link #toStored()} and {@link #restore}
 * carry it through a model file. Immutable and thread-safe.
 */
public final class FittedPreprocessing {

    /** One raw column's fitted preprocessing. */
    static final class Column {
        final String name;
        final ColumnType type;
        final String encoderSpec;
        final Encoder.Fitted encoder;
        final Imputation imputation;
        final double fill;
        final String fillCategory;
        final boolean indicator;

        private Column(String name, ColumnType type, String encoderSpec, Encoder.Fitted encoder,
                       Imputation imputation, double fill, String fillCategory,
                       boolean indicator) {
            this.name = name;
            this.type = type;
            this.encoderSpec = encoderSpec;
            this.encoder = encoder;
            this.imputation = imputation;
            this.fill = fill;
            this.fillCategory = fillCategory;
            this.indicator = indicator;
        }

        static Column numeric(String name, Imputation imputation, double fill,
                              boolean indicator) {
            return new Column(name, ColumnType.NUMERIC, "", null, imputation, fill, "",
                    indicator);
        }

        static Column categorical(String name, String spec, Encoder.Fitted encoder,
                                  Imputation imputation, String fill, boolean indicator) {
            return new Column(name, ColumnType.CATEGORICAL, spec, encoder, imputation,
                    Double.NaN, fill, indicator);
        }

        int width() {
            return (encoder == null ? 1 : encoder.width()) + (indicator ? 1 : 0);
        }
    }

    private final List<Column> columns;
    private final List<String> missingMarkers;
    private final boolean identity;

    FittedPreprocessing(List<Column> columns, List<String> missingMarkers, boolean identity) {
        this.columns = List.copyOf(columns);
        this.missingMarkers = List.copyOf(missingMarkers);
        this.identity = identity;
    }

    /**
     * @return whether the table it was fitted on was all numeric without a missing cell, so
     *         that it leaves such tables as they are (and a model file records nothing)
     */
    public boolean isIdentity() {
        return identity;
    }

    /** @return the raw feature columns it takes, in order */
    public List<String> columnNames() {
        return columns.stream().map(c -> c.name).toList();
    }

    /** @return the names of the raw columns that are categorical */
    public List<String> categoricalColumns() {
        return columns.stream().filter(c -> c.type == ColumnType.CATEGORICAL).map(c -> c.name)
                .toList();
    }

    /** @return the cell texts read as missing */
    public List<String> missingMarkers() {
        return missingMarkers;
    }

    /** @return the number of numeric inputs it makes, the network's input size */
    public int width() {
        int w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    /** @return the names of the inputs it makes, for example {@code island=Biscoe} */
    public List<String> inputNames() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            out.addAll(c.encoder == null ? List.of(c.name) : c.encoder.names(c.name));
            if (c.indicator) {
                out.add(c.name + ":missing");
            }
        }
        return out;
    }

    /**
     * How many categories each categorical column learned.
     *
     * @return column name to category count, in column order
     */
    public Map<String, Integer> categoryCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.encoder != null) {
                m.put(c.name, c.encoder.state().categories().size());
            }
        }
        return m;
    }

    /**
     * A table encoded for a network, with what happened on the way.
     *
     * @param table the numeric table
     * @param unseen per categorical column, the cells whose category training never saw
     *        (encoded by the unseen policy); only columns with any
     * @param imputed the number of missing cells filled in
     */
    public record Encoded(DataTable table, Map<String, Integer> unseen, long imputed) {
        /** Copies the map. */
        public Encoded {
            unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
        }

        /** @return the total number of unseen categories */
        public int unseenTotal() {
            return unseen.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Encodes and imputes a table with the columns this was fitted on (same names, order and
     * types).
     *
     * @param t the table
     * @return the numeric table and its counts; the table's own arrays when this is an
     *         identity and the table has no missing cell
     * @throws IllegalArgumentException if the columns differ, or a category not seen in
     *         training meets an encoder whose policy is {@code error} (naming row and column)
     */
    public Encoded apply(RawTable t) {
        if (!t.columnNames().equals(columnNames())) {
            throw new IllegalArgumentException(t.source() + " has the feature columns "
                    + t.columnNames() + ", but the preprocessing was fitted on "
                    + columnNames());
        }
        for (int j = 0; j < columns.size(); j++) {
            if (t.types().get(j) != columns.get(j).type) {
                throw new IllegalArgumentException(t.source() + ": column '"
                        + columns.get(j).name + "' is " + name(t.types().get(j))
                        + ", but the preprocessing was fitted on it as "
                        + name(columns.get(j).type));
            }
        }
        DataTable num = t.numeric();
        if (identity && t.missingCells() == 0) {
            return new Encoded(num, Map.of(), 0);
        }
        int rows = t.rows();
        int width = width();
        double[] x = new double[Math.multiplyExact(rows, width)];
        Map<String, Integer> unseen = new LinkedHashMap<>();
        long imputed = 0;
        for (int r = 0; r < rows; r++) {
            int at = r * width;
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                boolean missing;
                if (c.encoder == null) {
                    double v = t.number(j, r);
                    missing = Double.isNaN(v);
                    x[at++] = missing ? c.fill : v;
                } else {
                    String v = t.text(j, r);
                    missing = v == null;
                    String value = missing ? c.fillCategory : v;
                    if (!c.encoder.encode(value, x, at)) {
                        if (c.encoder.unseen() == Encoder.Unseen.ERROR) {
                            throw new IllegalArgumentException(t.source() + ": row " + t.line(r)
                                    + ", column '" + c.name + "': '" + value + "' is a "
                                    + "category not seen in training (known: " + String.join(
                                    ", ", c.encoder.state().categories()) + "); the encoder "
                                    + c.encoderSpec + " refuses unseen categories (with "
                                    + "unseen=ignore it encodes them neutrally and counts them)");
                        }
                        unseen.merge(c.name, 1, Integer::sum);
                    }
                    at += c.encoder.width();
                }
                if (missing) {
                    imputed++;
                }
                if (c.indicator) {
                    x[at++] = missing ? 1.0 : 0.0;
                }
            }
        }
        List<String> names = inputNames();
        DataTable out = switch (num.task()) {
            case CLASSIFICATION -> DataTable.classification(num.source(), x, names,
                    num.targetNames().get(0), num.labels(), num.classNames());
            case REGRESSION -> DataTable.regression(num.source(), x, names, num.targets(),
                    num.targetNames());
            case NONE -> DataTable.unlabeled(num.source(), x, names);
        };
        return new Encoded(out, unseen, imputed);
    }

    private static String name(ColumnType t) {
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Sets up a reader to read new data for this preprocessing: its feature columns by name,
     * its categorical columns declared, no type inference, its missing markers.
     *
     * @param b the reader's builder
     * @return the builder
     */
    public CsvReader.Builder configure(CsvReader.Builder b) {
        return b.features(columnNames()).categorical(categoricalColumns()).inferTypes(false)
                .missingValues(missingMarkers);
    }

    /**
     * @return the stored form for a model file
     */
    public InputPreprocessing toStored() {
        List<InputPreprocessing.Column> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(new InputPreprocessing.Column(c.name, c.type == ColumnType.CATEGORICAL,
                    c.encoderSpec, c.encoder == null ? null : c.encoder.state(),
                    c.imputation.toString(), c.fill, c.fillCategory, c.indicator));
        }
        return new InputPreprocessing(missingMarkers, out);
    }

    /**
     * Rebuilds fitted preprocessing from a model file's record, finding encoders through the
     * standard registry.
     *
     * @param stored the stored form
     * @return the preprocessing, encoding bit for bit as it did when saved
     */
    public static FittedPreprocessing restore(InputPreprocessing stored) {
        return restore(stored, Mlp.standard().registry());
    }

    /**
     * Rebuilds fitted preprocessing from a model file's record.
     *
     * @param stored the stored form
     * @param registry where encoders are found by name
     * @return the preprocessing
     * @throws MissingPluginException if an encoder it needs is not in the registry
     * @throws IllegalArgumentException if an encoder rejects its stored state
     */
    public static FittedPreprocessing restore(InputPreprocessing stored,
                                              PluginRegistry registry) {
        Objects.requireNonNull(stored, "stored");
        List<Column> columns = new ArrayList<>();
        for (InputPreprocessing.Column c : stored.columns()) {
            Imputation imputation = Imputation.parse(c.imputation());
            if (!c.categorical()) {
                columns.add(Column.numeric(c.name(), imputation, c.fill(), c.indicator()));
                continue;
            }
            String name = Spec.parse(c.encoder()).name();
            if (!registry.has(PluginKind.ENCODER, name)) {
                throw new MissingPluginException("encoder", name, c.encoder(), "the model "
                        + "encodes column '" + c.name() + "' with the encoder '" + c.encoder()
                        + "', but no encoder named '" + name + "' is on the class path; "
                        + "known: " + String.join(", ", registry.names(PluginKind.ENCODER))
                        + ". Add the jar that provides it.");
            }
            Encoder encoder;
            try {
                encoder = registry.configure(PluginKind.ENCODER, Encoder.class, c.encoder())
                        .instance();
            } catch (SpecException e) {
                throw new IllegalArgumentException("the installed encoder '" + name
                        + "' rejects the spec '" + c.encoder() + "' the model was saved with: "
                        + e.getMessage(), e);
            }
            columns.add(Column.categorical(c.name(), c.encoder(), encoder.restore(c.state()),
                    imputation, c.fillCategory(), c.indicator()));
        }
        return new FittedPreprocessing(columns, stored.missingMarkers(), false);
    }
}
