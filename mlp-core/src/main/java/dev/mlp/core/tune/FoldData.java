package dev.mlp.core.tune;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import java.util.Objects;

/**
 * The rows that folds are cut from, and the step that prepares one fold: whatever is fitted to
 * data before training (encoders, imputers...) is fitted on the fold's training rows only and
 * applied to its test rows, so nothing of the test rows leaks into training. The model's own
 * input and target scalers need no step here: every fold trains a fresh model, which fits them
 * on its training part in {@link dev.mlp.core.Model#fit(Dataset)}.
 */
public interface FoldData {

    /**
     * @return the number of rows, and the class of each for stratified folds (no classes for
     *         regression data)
     */
    SampleInfo rows();

    /**
     * Prepares one fold.
     *
     * @param trainingRows the rows to train on, ascending
     * @param testRows the held-out rows, ascending
     * @return the two parts, prepared with state fitted on {@code trainingRows} only
     */
    Fold prepare(int[] trainingRows, int[] testRows);

    /**
     * Every row, in order, prepared with state fitted on some of them only: for scoring by a
     * validation split, which the model then holds out of these rows itself ({@code fitRows}
     * are the rows it trains on).
     *
     * @param fitRows the rows to fit the preparation on, ascending
     * @return the whole data set
     */
    Dataset all(int[] fitRows);

    /**
     * Folds of data that needs no preparation besides the model's own scalers.
     *
     * @param data the data
     * @return fold data taking row subsets of {@code data}
     */
    static FoldData of(Dataset data) {
        Objects.requireNonNull(data, "data");
        return new FoldData() {
            @Override
            public SampleInfo rows() {
                return data;
            }

            @Override
            public Fold prepare(int[] trainingRows, int[] testRows) {
                return new Fold(data.subset(trainingRows), data.subset(testRows));
            }

            @Override
            public Dataset all(int[] fitRows) {
                return data;
            }
        };
    }
}
