package dev.mlp.cli;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import dev.mlp.core.tune.Fold;
import dev.mlp.core.tune.FoldData;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import java.util.Objects;

/**
 * The rows of a multi-label table for {@code cv} and {@code tune}, as {@link TableFolds} are for
 * other tables: the encoders and imputers of the feature columns are fitted on the rows a model
 * trains on only, and the 0/1 label targets are taken as they were read. The rows carry no class
 * ({@link MultiLabelTable#dataset}), so folds and validation splits are plain seeded shuffles:
 * no single column holds a row's class to stratify by.
 */
final class MultiLabelFolds implements FoldData {

    private final RawTable raw;
    private final TablePreprocessor preprocessor;
    private final Dataset whole;

    private MultiLabelFolds(RawTable raw, TablePreprocessor preprocessor, Dataset whole) {
        this.raw = raw;
        this.preprocessor = preprocessor;
        this.whole = whole;
    }

    /**
     * @param prepared a multi-label table as {@link MultiLabelTable#forTraining} read it: the
     *                 raw feature columns, their preprocessing fitted on every row, one target
     *                 column per label
     * @param preprocessor the preprocessing to fit again on each fold's training rows
     * @return the fold data: per-fold fitting when the features need preprocessing, else plain
     *         row subsets of the table
     */
    static FoldData of(TrainCommand.Prepared prepared, TablePreprocessor preprocessor) {
        Dataset all = MultiLabelTable.dataset(prepared.table());
        if (prepared.raw() == null || prepared.preprocessing() == null
                || prepared.preprocessing().isIdentity()) {
            return FoldData.of(all);
        }
        return new MultiLabelFolds(prepared.raw(), Objects.requireNonNull(preprocessor), all);
    }

    @Override
    public SampleInfo rows() {
        return whole;
    }

    @Override
    public Fold prepare(int[] trainingRows, int[] testRows) {
        FittedPreprocessing p = preprocessor.fit(raw.select(trainingRows));
        return new Fold(encode(p, trainingRows), encode(p, testRows));
    }

    @Override
    public Dataset all(int[] fitRows) {
        FittedPreprocessing p = preprocessor.fit(raw.select(fitRows));
        double[] x = p.apply(raw).table().features();
        return new Dataset(x, whole.targets(), whole.rows(), x.length / whole.rows(),
                whole.outputs()).asRegression();
    }

    /** Some rows: features encoded by {@code p}, labels as read. */
    private Dataset encode(FittedPreprocessing p, int[] rows) {
        double[] x = p.apply(raw.select(rows)).table().features();
        return new Dataset(x, whole.subset(rows).targets(), rows.length, x.length / rows.length,
                whole.outputs()).asRegression();
    }
}
