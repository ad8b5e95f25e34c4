package dev.mlp.core.tune;

import dev.mlp.core.Dataset;
import java.util.Objects;

/**
 * One fold's data, prepared: the training part and the held-out test part, both ready for
 * {@link dev.mlp.core.Model#fit(Dataset)} and {@link dev.mlp.core.Model#evaluate(Dataset)}.
 *
 * @param training the rows to train on
 * @param test the held-out rows, prepared with what was fitted on {@code training} only
 */
public record Fold(Dataset training, Dataset test) {

    /** Checks that both parts are there. */
    public Fold {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(test, "test");
    }
}
