package dev.mlp.core.train;

import dev.mlp.api.Evaluation;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.ObjectiveState;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingControl;
import dev.mlp.api.TrainingListener;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.Dataset;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.WorkSizedThreads;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.metric.Evaluator;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.network.Network;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link Trainer}: the loop over epochs and batches.
 *
 * <pre>
 * for each epoch:
 *     the batch strategy orders the samples
 *     for each batch:
 *         loss and gradient of the batch (BatchGradient); the gradient transforms
 *         the schedule sets the learning rate; the optimizer takes one step
 *     evaluate, record the history, tell the schedule, early stopping, checkpoint, listeners
 * </pre>
 *
 * <p>With an {@link dev.mlp.api.ObjectiveOptimizer} (L-BFGS) an epoch is one iteration of the
 * method on the {@link FullBatchObjective} of the training data instead, and the epoch's loss
 * is the loss at the iteration's new point; a stop reason the method reports ends the run.
 *
 * <p>When the run ends normally the optimizer's state is told
 * ({@link OptimizerState#runFinished(double[][])}), then early stopping restores the best
 * epoch's weights if it keeps them, then the listeners hear that the run finished.
 *
 * <p>A divergence (a NaN or infinite loss, gradient or parameter, see {@link FiniteChecks})
 * goes to the {@link DivergenceGuard}, which rolls the epoch back or ends the run. Not
 * thread-safe: one instance per run.
 */
final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Trainer trainer;
    private final TrainingOptions options;
    private final List<TrainingListener> listeners;
    private final Checkpoint from;
    private final Dataset train;
    private final Dataset validation;
    private final int n;
    private final int batchSize;
    private final RunState run;
    private final OptimizerState state;
    /** The optimizer's state when it evaluates the objective itself, else {@code null}. */
    private final ObjectiveState objectiveState;
    private final FullBatchObjective objective;
    private final BatchGradient gradient;
    private final ParallelUpdate updater;
    private final double[][] grads;
    private final GradientTransform[] transforms;
    private final Evaluator evaluator;
    private final RunHistory history;
    private final EarlyStoppingTracker early;
    private final DivergenceGuard guard;
    private final CheckpointCodec checkpoints;
    /** What early stopping keeps of the best epoch: parameters and layers' running statistics. */
    private final double[][] kept;
    private final Control control = new Control();
    /** Whether anything reads an epoch's evaluation: metrics, validation, early stopping, a listener. */
    private final boolean evaluatesEpochs;
    private Evaluation lastTraining;
    private Evaluation lastValidation;

    TrainingRun(Trainer trainer, Network network, Dataset data, Dataset validationGiven,
                Scaler.Fitted targetScaling, Checkpoint from) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(data, "data");
        this.trainer = trainer;
        this.options = trainer.options();
        this.listeners = trainer.listeners();
        this.from = from;
        Seeds seeds = Seeds.of(trainer.seed());
        RunSetup setup = new RunSetup(trainer, network, data, validationGiven, seeds);
        train = setup.train;
        validation = setup.validation;
        n = train.rows();
        batchSize = setup.batchSize;
        ComputeBackend backend = MatrixBackends.withPrecision(options.backend() != null
                ? options.backend() : MatrixBackends.standard(), options.precision());
        int threads = WorkSizedThreads.forBatch(options.threads() > 0 ? options.threads()
                : Gemm.defaultThreads(), network.multiplyAddsPerSample(), batchSize);
        gradient = new BatchGradient(network, trainer.loss(), batchSize, threads, backend);
        grads = gradient.gradients();
        state = trainer.optimizer().start(network.layout());
        transforms = options.transforms().toArray(new GradientTransform[0]);
        objectiveState = state instanceof ObjectiveState os ? os : null;
        objective = objectiveState == null ? null : setup.objective(network, gradient, transforms);
        run = new RunState(network, state, setup.startSchedule(state), seeds, n);
        kept = run.kept;
        updater = ParallelUpdate.forParameters(run.params, threads);
        evaluator = new Evaluator(network, trainer.loss(), options.metrics(), targetScaling,
                backend).decideAt(options.decisionThresholds());
        early = setup.earlyStopping();
        setup.checkSnapshots(state);
        history = new RunHistory(trainer.epochs(), options.metrics(), validation != null);
        guard = new DivergenceGuard(options.divergence(), run, trainer.optimizer().name());
        checkpoints = new CheckpointCodec(trainer.seed(), trainer.epochs(), run, history, guard,
                early);
        evaluatesEpochs = !listeners.isEmpty() || validation != null
                || !options.metrics().isEmpty() || early != null;
    }

    TrainingResult execute() {
        int start = from == null ? 0 : checkpoints.restore(from);
        for (TrainingListener l : listeners) {
            l.runStarted(new TrainingListener.RunStart(trainer.seed(), trainer.epochs(), n,
                    batchSize, run.network, validation == null ? 0 : validation.rows(), start));
        }
        LOG.debug("training {} on {} for {} epochs, batch size {}", run.network, train.shape(),
                trainer.epochs(), batchSize);
        int epoch = start + 1;
        while (epoch <= trainer.epochs()) {
            guard.epochStarting();
            if (!listeners.isEmpty()) {
                var event = new TrainingListener.EpochStart(epoch, state.steps(),
                        state.learningRate());
                for (TrainingListener l : listeners) {
                    l.epochStarted(event);
                }
            }
            double epochLoss;
            try {
                epochLoss = runEpoch(epoch);
            } catch (TrainingDivergedException e) {
                guard.diverged(e);
                continue;
            }
            endEpoch(epoch, epochLoss);
            if (control.reason != null) {
                LOG.info("stopping after epoch {}: {}", epoch, control.reason);
                break;
            }
            epoch++;
        }
        return finish();
    }

    /** One epoch of batches; returns the epoch's (weighted) mean loss. */
    private double runEpoch(int epoch) {
        if (objectiveState != null) {
            return iterate(epoch);
        }
        trainer.batches().arrange(run.order, run.random, train);
        double sum = 0.0;
        double total = 0.0;
        int batch = 0;
        for (int first = 0; first < n; first += batchSize) {
            batch++;
            int m = Math.min(batchSize, n - first);
            double lossSum = gradient.compute(train, run.order, first, m, run.dropout);
            if (!Double.isFinite(lossSum)) {
                throw FiniteChecks.lossDiverged(run.network, run.layout, run.params, epoch,
                        batch, lossSum);
            }
            double weight = gradient.weightSum();
            double penalty = transform(epoch, batch);
            if (run.schedule != null) {
                state.learningRate(run.schedule.rate(epoch, state.steps()));
            }
            if (listeners.isEmpty()) {
                updater.update(state, run.params, grads);
            } else {
                stepWithEvents(epoch, batch, m, lossSum, weight, penalty);
            }
            sum += transforms.length > 0 ? lossSum + penalty * weight : lossSum;
            total += weight;
        }
        FiniteChecks.checkParameters(run.network, run.layout, run.params, epoch, batch);
        return sum / total;
    }

    /** One iteration of an objective optimizer; returns the loss at its new point. */
    private double iterate(int epoch) {
        ObjectiveState.Iteration it = objectiveState.iterate(run.params, objective);
        if (!Double.isFinite(it.loss())) {
            throw FiniteChecks.lossDiverged(run.network, run.layout, run.params, epoch, 1,
                    it.loss());
        }
        FiniteChecks.checkParameters(run.network, run.layout, run.params, epoch, 1);
        if (it.stops()) {
            control.requestStop(trainer.optimizer().name() + ": " + it.stopReason());
        }
        if (!listeners.isEmpty()) {
            var end = new TrainingListener.BatchEnd(epoch, 1, n, it.loss(), state.steps());
            for (TrainingListener l : listeners) {
                l.batchFinished(end);
            }
        }
        return it.loss();
    }

    /** Applies the gradient transforms, returns their penalty and checks the gradients. */
    private double transform(int epoch, int batch) {
        double penalty = 0.0;
        for (GradientTransform t : transforms) {
            penalty += t.apply(run.layout, run.params, grads);
        }
        if (!Double.isFinite(penalty)) {
            throw new TrainingDivergedException(epoch, batch, "the penalty of the "
                    + "gradient transforms became " + penalty);
        }
        if (transforms.length > 0 || !gradient.gradientsFinite()) {
            FiniteChecks.checkGradients(run.network, run.layout, grads, epoch, batch);
        }
        return penalty;
    }

    private void stepWithEvents(int epoch, int batch, int rows, double lossSum, double weight,
                                double penalty) {
        var before = new TrainingListener.Update(epoch, batch, state.steps(),
                state.learningRate(), run.layout, run.params, grads);
        for (TrainingListener l : listeners) {
            l.beforeUpdate(before);
        }
        updater.update(state, run.params, grads);
        var after = new TrainingListener.Update(epoch, batch, state.steps(),
                before.learningRate(), run.layout, run.params, grads);
        for (TrainingListener l : listeners) {
            l.afterUpdate(after);
        }
        double batchMean = weight > 0 ? lossSum / weight : 0.0;
        if (transforms.length > 0) {
            batchMean += penalty;
        }
        var end = new TrainingListener.BatchEnd(epoch, batch, rows, batchMean, state.steps());
        for (TrainingListener l : listeners) {
            l.batchFinished(end);
        }
    }

    private void endEpoch(int epoch, double epochLoss) {
        history.addLoss(epochLoss);
        if (evaluatesEpochs) {
            lastTraining = evaluator.evaluate(train, epochLoss);
            lastValidation = validation == null ? null : evaluator.evaluate(validation);
            history.addEvaluations(lastTraining, lastValidation);
        }
        if (run.schedule != null) {
            run.schedule.epochFinished(epoch, lastValidation != null ? lastValidation.loss()
                    : epochLoss);
        }
        if (early != null) {
            String stop = early.epochFinished(epoch, lastTraining, lastValidation, kept);
            if (stop != null) {
                control.requestStop(stop);
            }
        }
        if (options.checkpointEvery() > 0 && epoch % options.checkpointEvery() == 0) {
            options.checkpointSink().accept(checkpoints.encode(epoch));
        }
        if (!listeners.isEmpty()) {
            var event = new TrainingListener.EpochEnd(epoch, epochLoss, state.steps(),
                    run.network, control, lastTraining, lastValidation, state.learningRate());
            for (TrainingListener l : listeners) {
                l.epochFinished(event);
            }
        }
    }

    private TrainingResult finish() {
        state.runFinished(run.params); // before early stopping's restore, which then wins
        if (early != null) {
            early.runFinished(kept);
        }
        EpochValues losses = history.losses();
        if (lastTraining == null && !losses.isEmpty()) {
            lastTraining = new Evaluation(n, Map.of(Metrics.LOSS,
                    losses.get(losses.size() - 1)), null);
        }
        losses.freeze();
        TrainingResult result = new TrainingResult(losses, state.steps(), control.reason,
                trainer.seed(), history.values(), early == null ? 0 : early.bestEpoch(),
                guard.rollbacks(), lastTraining, lastValidation);
        for (TrainingListener l : listeners) {
            l.runFinished(new TrainingListener.RunEnd(result.epochs(), result.finalLoss(),
                    control.reason, run.network));
        }
        return result;
    }

    /** The stop requests of early stopping and listeners; the first reason wins. */
    private static final class Control implements TrainingControl {
        private String reason;

        @Override
        public void requestStop(String why) {
            if (reason == null) {
                reason = why == null ? "stop requested" : why;
            }
        }

        @Override
        public boolean stopRequested() {
            return reason != null;
        }
    }
}
