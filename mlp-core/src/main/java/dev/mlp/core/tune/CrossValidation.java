package dev.mlp.core.tune;

import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * k-fold cross-validation: the rows are split into seeded, stratified {@link Folds}; for each
 * fold a fresh model is trained on the other folds and evaluated on it. Each fold's data is
 * prepared by {@link FoldData#prepare} from its training rows only, and each fold's model fits
 * its own scalers on its training part, so nothing of a test fold reaches its training.
 *
 * <pre>{@code
 * CrossValidationResult r = CrossValidation.of(5, 42)
 *         .run(FoldData.of(data), () -> Mlp.builder().inputs(4).layer(8, "relu")
 *                 .layer(3, "softmax").loss("cross-entropy").metrics("accuracy").build());
 * double accuracy = r.mean("accuracy");
 * }</pre>
 *
 * <p>Folds run in parallel, {@link #parallelism(int)} at a time (default: the number of cores),
 * each on one thread; the results are the same bits for any parallelism. The folds share the
 * framework's kernel workers: while another training run in the process holds them, the folds
 * run one after another on the calling thread.
 */
public final class CrossValidation {

    private final int folds;
    private final long seed;
    private final int parallelism;

    private CrossValidation(int folds, long seed, int parallelism) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, found "
                    + folds);
        }
        this.folds = folds;
        this.seed = seed;
        this.parallelism = Parallel.check(parallelism);
    }

    /**
     * @param folds the number of folds, at least 2
     * @param seed the seed of the fold assignment
     * @return a cross-validation running as many folds at once as there are cores
     */
    public static CrossValidation of(int folds, long seed) {
        return new CrossValidation(folds, seed, Parallel.cores());
    }

    /**
     * @param value how many folds run at once, at least 1
     * @return a copy with that parallelism
     */
    public CrossValidation parallelism(int value) {
        return new CrossValidation(folds, seed, value);
    }

    /** @return the number of folds */
    public int folds() {
        return folds;
    }

    /** @return the seed of the fold assignment */
    public long seed() {
        return seed;
    }

    /** @return how many folds run at once */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs every fold with models that do not depend on the fold's data.
     *
     * @param data the rows and the preparation step
     * @param models makes a fresh, untrained model for each fold; called on the calling thread,
     *               once per fold, before any fold runs
     * @return the per-fold results, in fold order
     * @throws IllegalArgumentException if there are fewer rows than folds
     */
    public CrossValidationResult run(FoldData data, Supplier<Model> models) {
        Objects.requireNonNull(models, "models");
        return run(data, training -> models.get());
    }

    /**
     * Runs every fold, each with a model made for its prepared training part (whose input count
     * can differ between folds, e.g. when one-hot encoding finds other categories).
     *
     * @param data the rows and the preparation step
     * @param models makes a fresh, untrained model for a fold's prepared training part; called
     *               on the calling thread, once per fold, after every fold is prepared and
     *               before any fold trains
     * @return the per-fold results, in fold order
     * @throws IllegalArgumentException if there are fewer rows than folds
     */
    public CrossValidationResult run(FoldData data, Function<Dataset, Model> models) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(models, "models");
        Folds split = Folds.of(folds, data.rows(), seed);
        List<Fold> prepared = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            prepared.add(Objects.requireNonNull(
                    data.prepare(split.trainingRows(f), split.testRows(f)), "prepared fold"));
        }
        List<Model> built = new ArrayList<>();
        for (Fold fold : prepared) {
            built.add(Objects.requireNonNull(models.apply(fold.training()),
                    "the model factory returned null"));
        }
        FoldResult[] results = Parallel.run(folds, parallelism, f -> {
            Fold fold = prepared.get(f);
            Model model = built.get(f);
            var training = model.fit(fold.training());
            return new FoldResult(f, fold.training().rows(), model.evaluate(fold.test()),
                    training);
        }, FoldResult[]::new);
        return new CrossValidationResult(List.of(results));
    }
}
