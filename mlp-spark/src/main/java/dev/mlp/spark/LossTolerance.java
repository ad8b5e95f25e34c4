package dev.mlp.spark;

import dev.mlp.api.TrainingListener;
import java.util.Locale;

/**
 * Stops training once the mean loss settles: after an epoch whose loss differs from the previous
 * epoch's by less than {@code tol * max(1, |previous|)} (relative for losses above 1, absolute
 * below). This is the estimator's {@code tol}; unlike the framework's {@code early-stopping}
 * listener, which waits for a loss that stops improving, it also stops on a loss that rises by
 * less than the tolerance, as a convergence test does.
 */
final class LossTolerance implements TrainingListener {

    private final double tol;
    private double previous = Double.NaN;

    /**
     * @param tol the tolerance, finite and > 0
     */
    LossTolerance(double tol) {
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and > 0, found " + tol);
        }
        this.tol = tol;
    }

    @Override
    public void runStarted(RunStart event) {
        previous = Double.NaN;
    }

    @Override
    public void epochFinished(EpochEnd event) {
        double loss = event.loss();
        double change = Math.abs(previous - loss);
        if (change < tol * Math.max(1.0, Math.abs(previous))) {
            event.control().requestStop(String.format(Locale.ROOT,
                    "the loss changed by %.3g in epoch %d, less than tol %.3g", change,
                    event.epoch(), tol));
        }
        previous = loss;
    }
}
