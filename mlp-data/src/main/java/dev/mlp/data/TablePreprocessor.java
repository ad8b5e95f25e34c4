package dev.mlp.data;

import dev.mlp.api.Encoder;
import dev.mlp.api.spec.SpecException;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.Configured;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Learns how the raw columns of a {@link RawTable} become a network's numeric inputs: each
 * categorical column is encoded by an {@link Encoder} plugin (by default {@code one-hot}), each
 * missing cell is imputed (by default the column's mean, or its most frequent category), and
 * optionally an indicator input marks the missing cells of each column that had any.
 *
 * <p>Fit on the training rows only, then apply the result to any other rows, so no statistic of
 * the validation or test rows leaks into training; cross-validation fits once per fold:
 *
 * <pre>{@code
 * RawTable raw = CsvReader.builder().classTarget("species").build().readRaw(file);
 * RawTable.Parts parts = raw.split(0, 0.2, 7);
 * FittedPreprocessing prep = TablePreprocessor.builder().build().fit(parts.train());
 * DataTable train = prep.apply(parts.train()).table();
 * DataTable test = prep.apply(parts.test()).table();
 * }</pre>
 *
 * <p>A table whose columns are all numeric without a missing cell comes out unchanged: the
 * same arrays, the same bits. Immutable and reusable.
 */
public final class TablePreprocessor {

    /** The encoder of categorical columns unless another is chosen. */
    public static final String DEFAULT_ENCODER = "one-hot";

    private final String encoder;
    private final Imputation numericImputation;
    private final Imputation categoricalImputation;
    private final boolean indicators;
    private final PluginRegistry registry;

    private TablePreprocessor(Builder b) {
        this.registry = b.registry != null ? b.registry : Mlp.standard().registry();
        this.encoder = b.encoder;
        this.numericImputation = b.numericImputation;
        this.categoricalImputation = b.categoricalImputation;
        this.indicators = b.indicators;
        if (!categoricalImputation.forCategories()) {
            throw new IllegalArgumentException("categorical columns are imputed with "
                    + "most-frequent or constant(v), found " + categoricalImputation);
        }
        encoder();
    }

    /** @return a builder with the defaults: one-hot, mean, most-frequent, no indicators */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link TablePreprocessor}. */
    public static final class Builder {
        private String encoder = DEFAULT_ENCODER;
        private Imputation numericImputation = new Imputation("mean", "");
        private Imputation categoricalImputation = new Imputation("most-frequent", "");
        private boolean indicators;
        private PluginRegistry registry;

        private Builder() {
        }

        /**
         * @param spec the encoder of categorical columns, for example
         *        {@code "one-hot(unseen=error)"} or {@code "ordinal"}
         * @return this
         */
        public Builder encoder(String spec) {
            this.encoder = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * @param spec how missing cells of numeric columns are filled: {@code mean} (default),
         *        {@code median}, {@code most-frequent} or {@code constant(v)}
         * @return this
         */
        public Builder numericImputation(String spec) {
            this.numericImputation = Imputation.parse(spec);
            return this;
        }

        /**
         * @param spec how missing cells of categorical columns are filled:
         *        {@code most-frequent} (default) or {@code constant(v)}, {@code v} a category
         * @return this
         */
        public Builder categoricalImputation(String spec) {
            this.categoricalImputation = Imputation.parse(spec);
            return this;
        }

        /**
         * @param add whether each column with missing training cells gets an indicator input,
         *        1 where the cell was missing (default false)
         * @return this
         */
        public Builder indicators(boolean add) {
            this.indicators = add;
            return this;
        }

        /**
         * @param r where encoders are found by name (default: the standard registry)
         * @return this
         */
        public Builder registry(PluginRegistry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        /**
         * @return the preprocessor
         * @throws IllegalArgumentException if the encoder spec names no encoder, or the
         *         categorical imputation is mean or median
         */
        public TablePreprocessor build() {
            return new TablePreprocessor(this);
        }
    }

    private Configured<Encoder> encoder() {
        try {
            return registry.configure(PluginKind.ENCODER, Encoder.class, encoder);
        } catch (SpecException e) {
            throw new IllegalArgumentException("encoder '" + encoder + "': " + e.getMessage(), e);
        }
    }

    /**
     * Learns the encodings and fill values from a table's rows.
     *
     * @param train the rows to learn from
     * @return the fitted preprocessing
     * @throws IllegalArgumentException if a column has no filled cell to learn from
     */
    public FittedPreprocessing fit(RawTable train) {
        Configured<Encoder> enc = encoder();
        List<FittedPreprocessing.Column> columns = new ArrayList<>();
        boolean anyMissing = false;
        for (int j = 0; j < train.columnNames().size(); j++) {
            String name = train.columnNames().get(j);
            if (train.types().get(j) == ColumnType.NUMERIC) {
                double[] filled = new double[train.rows()];
                int k = 0;
                for (int r = 0; r < train.rows(); r++) {
                    double v = train.number(j, r);
                    if (!Double.isNaN(v)) {
                        filled[k++] = v;
                    }
                }
                boolean missing = k < train.rows();
                anyMissing |= missing;
                double fill = k == 0 ? Double.NaN
                        : numericImputation.fill(java.util.Arrays.copyOf(filled, k), name);
                if (k == 0 && train.rows() > 0) {
                    throw new IllegalArgumentException(train.source() + ": column '" + name
                            + "' has no filled cell to learn a fill value from");
                }
                columns.add(FittedPreprocessing.Column.numeric(name, numericImputation,
                        fill, indicators && missing));
            } else {
                List<String> filled = new ArrayList<>();
                for (int r = 0; r < train.rows(); r++) {
                    String v = train.text(j, r);
                    if (v != null) {
                        filled.add(v);
                    }
                }
                boolean missing = filled.size() < train.rows();
                anyMissing |= missing;
                if (filled.isEmpty()) {
                    throw new IllegalArgumentException(train.source() + ": categorical column '"
                            + name + "' has no filled cell to learn its categories from");
                }
                String fill = categoricalImputation.fill(filled, name);
                List<String> imputed = new ArrayList<>(train.rows());
                for (int r = 0; r < train.rows(); r++) {
                    String v = train.text(j, r);
                    imputed.add(v == null ? fill : v);
                }
                Encoder.Fitted fitted = enc.instance().fit(imputed);
                columns.add(FittedPreprocessing.Column.categorical(name, enc.spec(), fitted,
                        categoricalImputation, fill, indicators && missing));
            }
        }
        return new FittedPreprocessing(columns, train.missingMarkers(),
                !anyMissing && !train.hasCategorical());
    }
}
