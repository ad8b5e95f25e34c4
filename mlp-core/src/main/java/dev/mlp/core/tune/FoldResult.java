package dev.mlp.core.tune;

import dev.mlp.api.Evaluation;
import dev.mlp.core.train.TrainingResult;
import java.util.Objects;

/**
 * The outcome of one fold.
 *
 * @param fold the fold, from 0
 * @param trainingRows the number of rows trained on
 * @param test the loss and metrics on the held-out rows
 * @param training the training run's history
 */
public record FoldResult(int fold, int trainingRows, Evaluation test, TrainingResult training) {

    /** Checks that the parts are there. */
    public FoldResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(training, "training");
    }
}
