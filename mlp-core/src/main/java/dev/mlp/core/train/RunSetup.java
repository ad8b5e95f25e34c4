package dev.mlp.core.train;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Metric;
import dev.mlp.api.OptimizerState;
import dev.mlp.core.Dataset;
import dev.mlp.core.network.Network;

/**
 * What a run settles before its first epoch, with the checks that refuse a configuration that
 * cannot run: the network fits the data and the loss, the validation data (given, or held out
 * from the data by the configured fraction), classification metrics have classification
 * targets, the batch size, the schedule's start, and an optimizer that can save its state when
 * checkpoints or rollbacks need it.
 */
final class RunSetup {

    private final Trainer trainer;
    private final TrainingOptions options;
    /** The data the run trains on (after any validation split). */
    final Dataset train;
    /** The validation data, or {@code null}. */
    final Dataset validation;
    /** The batch size the strategy gives for the training data. */
    final int batchSize;

    /**
     * @param trainer the trainer's configuration
     * @param network the network
     * @param data the training data (all of it, when {@code validation} is given)
     * @param validation validation data, or {@code null} to hold out the configured fraction
     * @param seeds the run's generators
     * @throws IllegalArgumentException if the network, data and metrics do not fit
     * @throws IllegalStateException if the batch strategy gives an impossible batch size
     */
    RunSetup(Trainer trainer, Network network, Dataset data, Dataset validation, Seeds seeds) {
        this.trainer = trainer;
        this.options = trainer.options();
        trainer.check(network, data);
        if (validation != null) {
            trainer.check(network, validation);
            this.train = data;
            this.validation = validation;
        } else if (options.validationFraction() > 0) {
            ValidationSplit split = ValidationSplit.of(data, options.validationFraction(),
                    seeds.validation());
            this.train = split.training();
            this.validation = split.validation();
        } else {
            this.train = data;
            this.validation = null;
        }
        for (Metric m : options.metrics()) {
            if (m.needsClasses() && !train.isClassification()) {
                throw new IllegalArgumentException("metric '" + m.name() + "' needs "
                        + "classification targets (one-hot rows or one 0/1 column), but the "
                        + "targets are not one class per sample");
            }
        }
        int n = train.rows();
        BatchStrategy batches = trainer.batches();
        batchSize = batches.batchSize(n);
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalStateException("batch strategy '" + batches.name()
                    + "' gave batch size " + batchSize + " for " + n + " samples");
        }
    }

    /**
     * Starts the configured schedule from the optimizer's learning rate.
     *
     * @param state the optimizer's run state
     * @return the schedule's state, or {@code null} without a schedule
     * @throws IllegalStateException if the optimizer has no learning rate to schedule
     */
    LearningRateSchedule.State startSchedule(OptimizerState state) {
        LearningRateSchedule s = options.schedule();
        if (s == null) {
            return null;
        }
        double base = state.learningRate();
        if (!(base > 0) || !Double.isFinite(base)) {
            throw new IllegalStateException("schedule '" + s.name() + "' needs an "
                    + "optimizer with a learning rate, but '" + trainer.optimizer().name()
                    + "' reports " + base);
        }
        int stepsPerEpoch = (train.rows() + batchSize - 1) / batchSize;
        return s.start(new LearningRateSchedule.Run(base, trainer.epochs(), stepsPerEpoch));
    }

    /**
     * The objective of the whole training data for an optimizer that evaluates it itself,
     * after refusing what would make it change between evaluations or that the optimizer
     * cannot follow.
     *
     * @param network the network
     * @param gradient the run's gradient computation
     * @param transforms the gradient transforms
     * @return the objective
     * @throws IllegalArgumentException if the batches are not the whole data, a layer has
     *         dropout, or a schedule or a rolling-back divergence policy is configured
     */
    FullBatchObjective objective(Network network, BatchGradient gradient,
                                 GradientTransform[] transforms) {
        String name = trainer.optimizer().name();
        String what = "optimizer '" + name + "' evaluates the loss of the whole training set";
        if (batchSize != train.rows()) {
            throw new IllegalArgumentException(what + ", but batch strategy '"
                    + trainer.batches() + "' gives batches of " + batchSize + " of "
                    + train.rows() + " rows; use the full-batch strategy (full-batch)");
        }
        if (network.hasDropout()) {
            throw new IllegalArgumentException(what + ", which dropout changes from one "
                    + "evaluation to the next; remove the dropout of the network's layers");
        }
        if (options.schedule() != null) {
            throw new IllegalArgumentException(what + " and chooses every step by a line "
                    + "search; it has no learning rate for schedule '" + options.schedule().name()
                    + "': remove the schedule");
        }
        if (options.divergence().rollsBack()) {
            throw new IllegalArgumentException(what + " and has no learning rate to lower "
                    + "on a rollback: use a divergence policy that stops (" + options.divergence()
                    + " rolls back)");
        }
        return new FullBatchObjective(network, gradient, train, transforms);
    }

    /**
     * @return the tracker of the configured early stopping, or {@code null} without it
     * @throws IllegalArgumentException if it monitors a metric the run does not compute
     */
    EarlyStoppingTracker earlyStopping() {
        EarlyStopping early = options.earlyStopping();
        return early == null ? null
                : new EarlyStoppingTracker(early, validation != null, options.metrics());
    }

    /**
     * @param state the optimizer's run state
     * @throws IllegalStateException if checkpoints or rollbacks are configured and the
     *                               optimizer cannot save its state
     */
    void checkSnapshots(OptimizerState state) {
        if (options.divergence().rollsBack() || options.checkpointEvery() > 0) {
            try {
                state.snapshot();
            } catch (UnsupportedOperationException e) {
                throw new IllegalStateException((options.checkpointEvery() > 0 ? "checkpoints"
                        : "divergence policy " + options.divergence()) + " need an optimizer "
                        + "that can save its state; '" + trainer.optimizer().name()
                        + "' cannot", e);
            }
        }
    }
}
