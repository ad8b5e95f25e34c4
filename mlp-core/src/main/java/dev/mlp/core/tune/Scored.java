package dev.mlp.core.tune;

import java.util.Objects;

/**
 * A candidate with its score.
 *
 * @param candidate the candidate
 * @param score the mean over the folds, or the validation value; NaN if it failed
 * @param std the standard deviation over the folds; NaN for a validation split or a failure
 * @param failure why training failed (it diverged), or {@code null}
 */
public record Scored(Candidate candidate, double score, double std, String failure) {

    /** Checks that the candidate is there. */
    public Scored {
        Objects.requireNonNull(candidate, "candidate");
    }

    /** @return whether the candidate trained and got a score */
    public boolean succeeded() {
        return failure == null;
    }
}
