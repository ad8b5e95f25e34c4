package dev.mlp.cli;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.ValidationSplit;
import dev.mlp.core.tune.Fold;
import dev.mlp.core.tune.FoldData;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import java.util.Objects;

/**
 * The rows of a table with text columns or missing cells, for {@code cv}, {@code tune} and
 * {@code train --validation}: the encoders and imputers are fitted on the rows a model trains on
 * only, then applied to the rows it is scored on, so no category, mean or frequency of a
 * held-out row reaches training (as a scikit-learn pipeline inside {@code cross_val_score}).
 * A table that needs no preprocessing is cut into folds as it is.
 */
final class TableFolds implements FoldData {

    private final RawTable raw;
    private final TablePreprocessor preprocessor;
    private final Dataset whole;

    private TableFolds(RawTable raw, TablePreprocessor preprocessor, Dataset whole) {
        this.raw = raw;
        this.preprocessor = preprocessor;
        this.whole = whole;
    }

    /**
     * @param prepared the table as read, with its preprocessing fitted on every row
     * @param preprocessor the preprocessing to fit again on each fold's training rows
     * @return the fold data: per-fold fitting when the table needs preprocessing, else plain
     *         row subsets of the table
     */
    static FoldData of(TrainCommand.Prepared prepared, TablePreprocessor preprocessor) {
        Dataset all = prepared.table().toDataset();
        if (!preprocessed(prepared)) {
            return FoldData.of(all);
        }
        return new TableFolds(prepared.raw(), Objects.requireNonNull(preprocessor), all);
    }

    /**
     * The table {@code mlp train --validation} trains on: every row, encoded and imputed with
     * what was fitted on the rows the model will train on, not on the rows it holds out.
     *
     * @param prepared the table as read, with its preprocessing fitted on every row
     * @param preprocessor the preprocessing
     * @param fraction the validation share, {@code > 0}
     * @param seed the training seed, which chooses the held-out rows
     * @return the table prepared on the training rows, or {@code prepared} if it needs no
     *         preprocessing
     */
    static TrainCommand.Prepared forValidation(TrainCommand.Prepared prepared,
                                               TablePreprocessor preprocessor,
                                               double fraction, long seed) {
        if (!preprocessed(prepared)) {
            return prepared;
        }
        int[][] rows = ValidationSplit.rows(prepared.table().toDataset(), fraction,
                Seeds.of(seed).validation());
        FittedPreprocessing p = preprocessor.fit(prepared.raw().select(rows[0]));
        FittedPreprocessing.Encoded e = p.apply(prepared.raw());
        return new TrainCommand.Prepared(e.table(), prepared.raw(), p, e.imputed());
    }

    /** Whether the table was encoded or imputed, so that fitting on a part can change it. */
    private static boolean preprocessed(TrainCommand.Prepared prepared) {
        return prepared.raw() != null && prepared.preprocessing() != null
                && !prepared.preprocessing().isIdentity();
    }

    @Override
    public SampleInfo rows() {
        return whole;
    }

    @Override
    public Fold prepare(int[] trainingRows, int[] testRows) {
        RawTable train = raw.select(trainingRows);
        FittedPreprocessing p = preprocessor.fit(train);
        return new Fold(p.apply(train).table().toDataset(),
                p.apply(raw.select(testRows)).table().toDataset());
    }

    @Override
    public Dataset all(int[] fitRows) {
        return preprocessor.fit(raw.select(fitRows)).apply(raw).table().toDataset();
    }
}
