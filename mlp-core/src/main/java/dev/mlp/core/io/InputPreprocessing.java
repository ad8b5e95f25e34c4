package dev.mlp.core.io;

import dev.mlp.api.Encoder;
import java.util.List;
import java.util.Objects;

/**
 * How a model turns the raw columns of a table into its numeric inputs, as a model file stores
 * it: the cell texts that mean "missing", and for each raw feature column, in input order, its
 * type, its fitted encoder (categorical columns), its imputation and whether a missing-value
 * indicator input follows it. A model trained on numeric columns without missing cells has none
 * (its files hold no preprocessing section).
 *
 * <p>The {@code dev.mlp.data} module fits and applies it ({@code TablePreprocessor}); this record
 * is its stored form.
 *
 * @param missingMarkers the cell texts read as missing, for example {@code "", "NA"}
 * @param columns the raw feature columns, in input order
 */
public record InputPreprocessing(List<String> missingMarkers, List<Column> columns) {

    /** Copies the lists. */
    public InputPreprocessing {
        missingMarkers = List.copyOf(missingMarkers);
        columns = List.copyOf(columns);
    }

    /**
     * One raw feature column.
     *
     * @param name the column's name in the table
     * @param categorical whether it holds categories (text) rather than numbers
     * @param encoder the canonical spec of its encoder, for example {@code "one-hot(unseen=ignore)"};
     *        empty for a numeric column
     * @param state the fitted encoder's state; {@code null} for a numeric column
     * @param imputation the imputation spec, for example {@code "mean"} or
     *        {@code "constant(value=0)"}
     * @param fill the value a missing cell of a numeric column becomes (NaN for a categorical
     *        column)
     * @param fillCategory the category a missing cell of a categorical column becomes (empty for
     *        a numeric column)
     * @param indicator whether an input that is 1 for a missing cell and 0 otherwise follows the
     *        column's inputs
     */
    public record Column(String name, boolean categorical, String encoder, Encoder.State state,
                         String imputation, double fill, String fillCategory,
                         boolean indicator) {
        /** Checks that a categorical column has an encoder and state. */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(imputation, "imputation");
            Objects.requireNonNull(fillCategory, "fillCategory");
            if (categorical && (encoder.isEmpty() || state == null)) {
                throw new IllegalArgumentException("categorical column '" + name + "' needs an "
                        + "encoder spec and its fitted state");
            }
        }
    }
}
