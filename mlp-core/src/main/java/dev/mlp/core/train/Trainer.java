package dev.mlp.core.train;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Evaluation;
import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Loss;
import dev.mlp.api.Metric;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingControl;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.metric.Evaluator;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network by gradient descent: per epoch, the batch strategy orders the samples; per
 * batch, {@link BatchGradient} computes the (weighted) mean loss and its gradient, the gradient
 * transforms change the gradient in order, the schedule sets the learning rate, and the optimizer
 * takes one step. After each epoch the trainer evaluates the metrics for training and validation
 * data, reports the monitored value to the schedule, applies early stopping, emits checkpoints
 * and tells the listeners.
 *
 * <p>A trainer is immutable configuration and can be reused; each call of {@link #train} is a new
 * run with fresh optimizer and schedule state and a batch order drawn from the trainer's seed, so
 * the same call on the same network gives the same bits. {@link #resume} continues a run from a
 * {@link Checkpoint} and ends with exactly the bits of the uninterrupted run.
 *
 * <p><b>Divergence.</b> The loss of every batch and the finiteness of every gradient are checked
 * per step (one multiply-add per gradient entry, nothing allocated); the parameters are scanned
 * when a loss turns bad and once per epoch. The {@link DivergencePolicy} decides whether a
 * divergence throws {@link TrainingDivergedException} or rolls back.
 *
 * <p><b>Weights.</b> With sample weights, batch losses and gradients are weighted means (see
 * {@link BatchGradient}), and the epoch loss is {@code sum of w_r loss_r / sum of w_r} over the
 * epoch's batches.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private static final String HISTORY = "history/";
    private static final String ORDER = "batch-order";
    private static final String EARLY = "early-stopping";
    private static final String EARLY_BEST = "early-stopping/best/";
    private static final String ROLLBACKS = "divergence/rollbacks";
    private static final String TRAINING_LOSS = "training-loss";

    private final Loss loss;
    private final Optimizer optimizer;
    private final BatchStrategy batches;
    private final int epochs;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final TrainingOptions options;

    /**
     * A trainer without schedule, transforms, validation, metrics or checkpoints.
     *
     * @param loss the loss
     * @param optimizer the update rule
     * @param batches the batch strategy
     * @param epochs number of epochs, at least 0
     * @param seed the run seed (the batch order is drawn from {@link Seeds#batching()})
     * @param listeners listeners, called in order
     */
    public Trainer(Loss loss, Optimizer optimizer, BatchStrategy batches, int epochs, long seed,
                   List<TrainingListener> listeners) {
        this(loss, optimizer, batches, epochs, seed, listeners, TrainingOptions.none());
    }

    /**
     * @param loss the loss
     * @param optimizer the update rule
     * @param batches the batch strategy
     * @param epochs number of epochs, at least 0
     * @param seed the run seed (the batch order is drawn from {@link Seeds#batching()})
     * @param listeners listeners, called in order; an {@link EarlyStopping} among them becomes
     *                  the run's early stopping rule
     * @param options the training controls
     * @throws IllegalArgumentException if early stopping is configured twice
     */
    public Trainer(Loss loss, Optimizer optimizer, BatchStrategy batches, int epochs, long seed,
                   List<TrainingListener> listeners, TrainingOptions options) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.batches = Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(options, "options");
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        }
        this.epochs = epochs;
        this.seed = seed;
        List<TrainingListener> ls = new ArrayList<>();
        EarlyStopping early = options.earlyStopping();
        for (TrainingListener l : listeners) {
            if (l instanceof EarlyStopping e) {
                if (early != null) {
                    throw new IllegalArgumentException("early stopping is configured twice: "
                            + early + " and " + e);
                }
                early = e;
            } else {
                ls.add(Objects.requireNonNull(l, "listener"));
            }
        }
        this.listeners = List.copyOf(ls);
        this.options = early == options.earlyStopping() ? options
                : options.toBuilder().earlyStopping(early).build();
    }

    /**
     * Checks that a network and a data set fit each other and this trainer's loss.
     *
     * @param network the network
     * @param data the data
     * @throws IllegalArgumentException naming both shapes if they do not fit
     */
    public void check(Network network, Dataset data) {
        if (network.inputSize() != data.inputs() || network.outputSize() != data.outputs()) {
            throw new IllegalArgumentException("network with layer sizes "
                    + Arrays.toString(network.sizes()) + " takes " + network.inputSize()
                    + " inputs and gives " + network.outputSize() + " outputs, but the data has "
                    + data.shape());
        }
        loss.checkOutputActivation(network.activation(network.layerCount()));
    }

    /**
     * Trains the network in place, holding out the configured validation fraction, if any.
     *
     * @param network the network, updated in place
     * @param data the training data
     * @return the history and how the run ended
     */
    public TrainingResult train(Network network, Dataset data) {
        return train(network, data, null, null);
    }

    /**
     * Trains the network in place.
     *
     * @param network the network, updated in place
     * @param data the training data (all of it, when {@code validation} is given)
     * @param validation validation data, or {@code null} to hold out the configured fraction of
     *                   {@code data} (or to have no validation)
     * @param targetScaling the fitted scaling of the targets, so metrics are computed in the
     *                      data's own units, or {@code null} if the targets are not scaled
     * @return the history and how the run ended
     */
    public TrainingResult train(Network network, Dataset data, Dataset validation,
                                Scaler.Fitted targetScaling) {
        return new Run(network, data, validation, targetScaling, null).execute();
    }

    /**
     * Continues a run from a checkpoint to the configured number of epochs. With the same
     * trainer configuration, data and validation, the result and the final parameters are
     * bit-identical to those of the uninterrupted run.
     *
     * @param network the network (its parameters are replaced by the checkpoint's)
     * @param data the training data of the original run
     * @param checkpoint the checkpoint
     * @return the history of the whole run, from epoch 1
     * @throws IllegalArgumentException if the checkpoint does not fit this trainer or data
     */
    public TrainingResult resume(Network network, Dataset data, Checkpoint checkpoint) {
        return resume(network, data, null, null, checkpoint);
    }

    /**
     * Continues a run from a checkpoint; see {@link #resume(Network, Dataset, Checkpoint)}.
     *
     * @param network the network (its parameters are replaced by the checkpoint's)
     * @param data the training data of the original run
     * @param validation the validation data of the original run, or {@code null}
     * @param targetScaling the fitted target scaling, or {@code null}
     * @param checkpoint the checkpoint
     * @return the history of the whole run, from epoch 1
     */
    public TrainingResult resume(Network network, Dataset data, Dataset validation,
                                 Scaler.Fitted targetScaling, Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return new Run(network, data, validation, targetScaling, checkpoint).execute();
    }

    /** @return the loss */
    public Loss loss() {
        return loss;
    }

    /** @return the optimizer */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the batch strategy */
    public BatchStrategy batches() {
        return batches;
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the listeners (without an early stopping rule, which is in the options) */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** @return the training controls */
    public TrainingOptions options() {
        return options;
    }

    /**
     * Names a parameter for messages.
     *
     * @param network the network
     * @param layout its layout
     * @param block the block index
     * @param index the index within the block
     * @return for example {@code "layer 2 weight [3,1]"} or {@code "layer 2 bias [1]"}
     */
    static String describe(Network network, ParameterLayout layout, int block, int index) {
        ParameterLayout.Block b = layout.block(block);
        if (b.kind() == ParameterLayout.Kind.BIASES) {
            return "layer " + b.layer() + " bias [" + index + "]";
        }
        int cols = network.layerOutputs(b.layer());
        return "layer " + b.layer() + " weight [" + (index / cols) + "," + (index % cols) + "]";
    }

    /** The state of one run. */
    private final class Run {
        private final Network network;
        private final Dataset train;
        private final Dataset validation;
        private final Checkpoint from;
        private final int n;
        private final int batchSize;
        private final SplitMixRandom random;
        private final SplitMixRandom dropout;
        private final int[] order;
        private final BatchGradient gradient;
        private final ParallelUpdate updater;
        private final OptimizerState state;
        private final ParameterLayout layout;
        private final double[][] params;
        private final double[][] grads;
        private final GradientTransform[] transforms;
        private final LearningRateSchedule.State schedule;
        private final Evaluator evaluator;
        private final Map<String, List<Double>> history = new LinkedHashMap<>();
        private final EpochValues losses;
        private final Control control = new Control();
        private final boolean wantSteps;
        private final boolean lean;
        private final EarlyStopping early;
        private final String earlySet;
        private final String earlyMetric;
        private final boolean earlyHigher;
        private double earlyBest = Double.NaN;
        private int earlyBestEpoch;
        private int earlyWait;
        private double[][] earlyParams;
        private int rollbacks;
        private Evaluation lastTraining;
        private Evaluation lastValidation;

        Run(Network network, Dataset data, Dataset validationGiven, Scaler.Fitted targetScaling,
            Checkpoint from) {
            this.network = Objects.requireNonNull(network, "network");
            Objects.requireNonNull(data, "data");
            this.from = from;
            // room for every epoch's loss at once: no allocation at the end of an epoch
            this.losses = new EpochValues(Math.min(epochs, 1 << 20));
            check(network, data);
            Seeds seeds = Seeds.of(seed);
            if (validationGiven != null) {
                check(network, validationGiven);
                train = data;
                validation = validationGiven;
            } else if (options.validationFraction() > 0) {
                ValidationSplit split = ValidationSplit.of(data, options.validationFraction(),
                        seeds.validation());
                train = split.training();
                validation = split.validation();
            } else {
                train = data;
                validation = null;
            }
            for (Metric m : options.metrics()) {
                if (Metrics.isClassification(m.name()) && !train.isClassification()) {
                    throw new IllegalArgumentException("metric '" + m.name() + "' needs "
                            + "classification targets (one-hot rows or one 0/1 column), but the "
                            + "targets are not one class per sample");
                }
            }
            n = train.rows();
            batchSize = batches.batchSize(n);
            if (batchSize < 1 || batchSize > n) {
                throw new IllegalStateException("batch strategy '" + batches.name()
                        + "' gave batch size " + batchSize + " for " + n + " samples");
            }
            random = seeds.batching();
            dropout = network.hasDropout() ? seeds.dropout() : null;
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            gradient = new BatchGradient(network, loss, batchSize);
            layout = network.layout();
            state = optimizer.start(layout);
            params = network.parameters();
            updater = ParallelUpdate.forParameters(params, Gemm.defaultThreads());
            grads = gradient.gradients();
            transforms = options.transforms().toArray(new GradientTransform[0]);
            LearningRateSchedule s = options.schedule();
            if (s != null) {
                double base = state.learningRate();
                if (!(base > 0) || !Double.isFinite(base)) {
                    throw new IllegalStateException("schedule '" + s.name() + "' needs an "
                            + "optimizer with a learning rate, but '" + optimizer.name()
                            + "' reports " + base);
                }
                int stepsPerEpoch = (n + batchSize - 1) / batchSize;
                schedule = s.start(new LearningRateSchedule.Run(base, epochs, stepsPerEpoch));
            } else {
                schedule = null;
            }
            evaluator = new Evaluator(network, loss, options.metrics(), targetScaling);
            early = options.earlyStopping();
            if (early != null) {
                String[] r = early.resolve(validation != null);
                earlySet = r[0];
                earlyMetric = r[1];
                earlyHigher = higherIsBetter(earlyMetric);
            } else {
                earlySet = null;
                earlyMetric = null;
                earlyHigher = false;
            }
            if (options.divergence().rollsBack() || options.checkpointEvery() > 0) {
                try {
                    state.snapshot();
                } catch (UnsupportedOperationException e) {
                    throw new IllegalStateException((options.checkpointEvery() > 0 ? "checkpoints"
                            : "divergence policy " + options.divergence()) + " need an optimizer "
                            + "that can save its state; '" + optimizer.name() + "' cannot", e);
                }
            }
            wantSteps = !listeners.isEmpty();
            lean = listeners.isEmpty() && validation == null && options.metrics().isEmpty()
                    && early == null;
            history.put(TRAINING_LOSS, losses);
        }

        private boolean higherIsBetter(String metric) {
            if (metric.equals(Metrics.LOSS)) {
                return false;
            }
            for (Metric m : options.metrics()) {
                if (m.name().equals(metric)) {
                    return m.higherIsBetter();
                }
            }
            throw new IllegalArgumentException("early stopping monitors '" + early.monitor()
                    + "', but metric '" + metric + "' is not computed; add it to the metrics");
        }

        TrainingResult execute() {
            int start = from == null ? 0 : restore(from);
            for (TrainingListener l : listeners) {
                l.runStarted(new TrainingListener.RunStart(seed, epochs, n, batchSize, network,
                        validation == null ? 0 : validation.rows(), start));
            }
            LOG.debug("training {} on {} for {} epochs, batch size {}", network, train.shape(),
                    epochs, batchSize);
            Good good = null;
            int epoch = start + 1;
            while (epoch <= epochs) {
                if (options.divergence().rollsBack()) {
                    good = new Good();
                }
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
                    recover(e, good);
                    continue;
                }
                endEpoch(epoch, epochLoss);
                if (control.reason != null) {
                    LOG.info("stopping after epoch {}: {}", epoch, control.reason);
                    break;
                }
                epoch++;
            }
            if (early != null && early.restoreBest() && earlyParams != null) {
                for (int i = 0; i < params.length; i++) {
                    System.arraycopy(earlyParams[i], 0, params[i], 0, params[i].length);
                }
            }
            if (lastTraining == null && !losses.isEmpty()) {
                lastTraining = new Evaluation(n, Map.of(Metrics.LOSS,
                        losses.get(losses.size() - 1)), null);
            }
            losses.freeze();
            TrainingResult result = new TrainingResult(losses, state.steps(), control.reason,
                    seed, history, earlyBestEpoch, rollbacks, lastTraining, lastValidation);
            for (TrainingListener l : listeners) {
                l.runFinished(new TrainingListener.RunEnd(result.epochs(), result.finalLoss(),
                        control.reason, network));
            }
            return result;
        }

        private double runEpoch(int epoch) {
            batches.arrange(order, random, train);
            double sum = 0.0;
            double total = 0.0;
            int batch = 0;
            for (int from = 0; from < n; from += batchSize) {
                batch++;
                int m = Math.min(batchSize, n - from);
                double lossSum = gradient.compute(train, order, from, m, dropout);
                if (!Double.isFinite(lossSum)) {
                    throw lossDiverged(network, layout, params, epoch, batch, lossSum);
                }
                double weight = gradient.weightSum();
                double penalty = 0.0;
                for (GradientTransform t : transforms) {
                    penalty += t.apply(layout, params, grads);
                }
                if (!Double.isFinite(penalty)) {
                    throw new TrainingDivergedException(epoch, batch, "the penalty of the "
                            + "gradient transforms became " + penalty);
                }
                if (transforms.length > 0 || !gradient.gradientsFinite()) {
                    checkGradients(network, layout, grads, epoch, batch);
                }
                if (schedule != null) {
                    state.learningRate(schedule.rate(epoch, state.steps()));
                }
                if (wantSteps) {
                    var event = new TrainingListener.Update(epoch, batch, state.steps(),
                            state.learningRate(), layout, params, grads);
                    for (TrainingListener l : listeners) {
                        l.beforeUpdate(event);
                    }
                    updater.update(state, params, grads);
                    var after = new TrainingListener.Update(epoch, batch, state.steps(),
                            event.learningRate(), layout, params, grads);
                    for (TrainingListener l : listeners) {
                        l.afterUpdate(after);
                    }
                } else {
                    updater.update(state, params, grads);
                }
                if (transforms.length > 0) {
                    sum += lossSum + penalty * weight;
                } else {
                    sum += lossSum;
                }
                total += weight;
                if (wantSteps) {
                    double batchMean = weight > 0 ? lossSum / weight : 0.0;
                    if (transforms.length > 0) {
                        batchMean += penalty;
                    }
                    var event = new TrainingListener.BatchEnd(epoch, batch, m, batchMean,
                            state.steps());
                    for (TrainingListener l : listeners) {
                        l.batchFinished(event);
                    }
                }
            }
            if (!Finite.all(params)) {
                checkParameters(network, layout, params, epoch, batch);
            }
            return sum / total;
        }

        private void recover(TrainingDivergedException e, Good good) {
            DivergencePolicy policy = options.divergence();
            if (!policy.rollsBack()) {
                throw e;
            }
            if (rollbacks >= policy.retries()) {
                throw e.withNote("gave up after " + rollbacks + " rollback"
                        + (rollbacks == 1 ? "" : "s") + " (" + policy + ")");
            }
            good.restore();
            if (schedule != null) {
                schedule.scale(policy.factor());
            } else {
                double rate = state.learningRate();
                if (!(rate > 0) || !Double.isFinite(rate)) {
                    throw e.withNote("cannot roll back: optimizer '" + optimizer.name()
                            + "' has no learning rate to lower");
                }
                state.learningRate(rate * policy.factor());
            }
            rollbacks++;
            LOG.warn("{}; rolled back to the start of epoch {} with the learning rate times {} "
                    + "(rollback {} of {})", e.getMessage(), e.epoch(), policy.factor(),
                    rollbacks, policy.retries());
        }

        private void endEpoch(int epoch, double epochLoss) {
            losses.add(epochLoss);
            if (lean) {
                // nothing looks at per-epoch evaluations: keep the epoch end as cheap as before
                lastTraining = null;
            } else {
                lastTraining = evaluator.evaluate(train, epochLoss);
                lastValidation = validation == null ? null : evaluator.evaluate(validation);
                recordMetrics("training-", lastTraining);
                if (lastValidation != null) {
                    recordMetrics("validation-", lastValidation);
                }
            }
            if (schedule != null) {
                schedule.epochFinished(epoch, lastValidation != null ? lastValidation.loss()
                        : epochLoss);
            }
            if (early != null) {
                earlyStopping(epoch);
            }
            if (options.checkpointEvery() > 0 && epoch % options.checkpointEvery() == 0) {
                options.checkpointSink().accept(checkpoint(epoch));
            }
            if (!listeners.isEmpty()) {
                var event = new TrainingListener.EpochEnd(epoch, epochLoss, state.steps(),
                        network, control, lastTraining, lastValidation, state.learningRate());
                for (TrainingListener l : listeners) {
                    l.epochFinished(event);
                }
            }
        }

        private void recordMetrics(String prefix, Evaluation e) {
            e.values().forEach((k, v) -> {
                if (!(prefix + k).equals(TRAINING_LOSS)) {
                    history.computeIfAbsent(prefix + k, key -> new ArrayList<>()).add(v);
                }
            });
        }

        private void earlyStopping(int epoch) {
            Evaluation e = earlySet.equals("validation") ? lastValidation : lastTraining;
            double v = e.value(earlyMetric);
            boolean improved;
            if (earlyBestEpoch == 0) {
                improved = !Double.isNaN(v);
            } else {
                improved = earlyHigher ? v > earlyBest + early.minDelta()
                        : v < earlyBest - early.minDelta();
            }
            if (improved) {
                earlyBest = v;
                earlyBestEpoch = epoch;
                earlyWait = 0;
                if (early.restoreBest()) {
                    if (earlyParams == null) {
                        earlyParams = new double[params.length][];
                        for (int i = 0; i < params.length; i++) {
                            earlyParams[i] = new double[params[i].length];
                        }
                    }
                    for (int i = 0; i < params.length; i++) {
                        System.arraycopy(params[i], 0, earlyParams[i], 0, params[i].length);
                    }
                }
            } else {
                earlyWait++;
                if (earlyWait >= early.patience()) {
                    control.requestStop("early stopping: " + earlySet + "-" + earlyMetric
                            + " did not improve by more than " + early.minDelta() + " for "
                            + earlyWait + " epoch" + (earlyWait == 1 ? "" : "s") + "; best "
                            + earlyBest + " at epoch " + earlyBestEpoch
                            + (early.restoreBest() ? " (its weights restored)" : ""));
                }
            }
        }

        private Checkpoint checkpoint(int epoch) {
            Map<String, double[]> values = new TreeMap<>();
            history.forEach((k, v) -> values.put(HISTORY + k, toArray(v)));
            double[] o = new double[n];
            for (int i = 0; i < n; i++) {
                o[i] = order[i];
            }
            values.put(ORDER, o);
            values.put(ROLLBACKS, new double[] {rollbacks});
            if (early != null) {
                values.put(EARLY, new double[] {earlyBest, earlyBestEpoch, earlyWait});
                if (earlyParams != null) {
                    for (int i = 0; i < earlyParams.length; i++) {
                        values.put(EARLY_BEST + i, earlyParams[i]);
                    }
                }
            }
            return new Checkpoint(seed, epoch, params, state.snapshot(),
                    schedule == null ? new double[0] : schedule.save(), randomState(), values);
        }

        /** The batching generator's state, followed by the dropout generator's if any. */
        private long[] randomState() {
            long[] b = random.state();
            if (dropout == null) {
                return b;
            }
            long[] d = dropout.state();
            long[] both = java.util.Arrays.copyOf(b, b.length + d.length);
            System.arraycopy(d, 0, both, b.length, d.length);
            return both;
        }

        private void restoreRandom(long[] state) {
            int expected = dropout == null ? 2 : 4;
            if (state.length != expected) {
                throw new IllegalArgumentException("the checkpoint holds " + state.length
                        + " numbers of random state, a run " + (dropout == null ? "without"
                        : "with") + " dropout needs " + expected);
            }
            random.restore(java.util.Arrays.copyOfRange(state, 0, 2));
            if (dropout != null) {
                dropout.restore(java.util.Arrays.copyOfRange(state, 2, 4));
            }
        }

        private int restore(Checkpoint c) {
            if (c.seed() != seed) {
                throw new IllegalArgumentException("the checkpoint is of a run with seed "
                        + c.seed() + ", this trainer's seed is " + seed);
            }
            if (c.epoch() > epochs) {
                throw new IllegalArgumentException("the checkpoint is at epoch " + c.epoch()
                        + ", after the " + epochs + " epochs this trainer runs");
            }
            if (c.parameters().length != params.length) {
                throw new IllegalArgumentException("the checkpoint has " + c.parameters().length
                        + " parameter blocks, the network has " + params.length);
            }
            for (int i = 0; i < params.length; i++) {
                if (c.parameters()[i].length != params[i].length) {
                    throw new IllegalArgumentException("checkpoint parameter block " + i + " ("
                            + layout.block(i) + ") has " + c.parameters()[i].length
                            + " numbers, the network needs " + params[i].length);
                }
            }
            if ((schedule == null) != (c.schedule().length == 0)) {
                throw new IllegalArgumentException(schedule == null
                        ? "the checkpoint has schedule state, but this trainer has no schedule"
                        : "the checkpoint has no schedule state, but this trainer has a schedule");
            }
            double[] o = need(c, ORDER, n);
            int[] restoredOrder = new int[n];
            for (int i = 0; i < n; i++) {
                restoredOrder[i] = (int) o[i];
                if (restoredOrder[i] != o[i] || o[i] < 0 || o[i] >= n) {
                    throw new IllegalArgumentException("checkpoint value '" + ORDER
                            + "' holds " + o[i] + " at " + i + ", not a sample index below " + n);
                }
            }
            Map<String, List<Double>> h = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : c.values().entrySet()) {
                if (e.getKey().startsWith(HISTORY)) {
                    if (e.getValue().length != c.epoch()) {
                        throw new IllegalArgumentException("checkpoint history '" + e.getKey()
                                + "' has " + e.getValue().length + " values for "
                                + c.epoch() + " epochs");
                    }
                    List<Double> list = new ArrayList<>();
                    for (double v : e.getValue()) {
                        list.add(v);
                    }
                    h.put(e.getKey().substring(HISTORY.length()), list);
                }
            }
            List<String> expected = expectedHistory();
            if (c.epoch() > 0 && !new java.util.TreeSet<>(h.keySet())
                    .equals(new java.util.TreeSet<>(expected))) {
                throw new IllegalArgumentException("the checkpoint's history has " + h.keySet()
                        + ", this run computes " + expected
                        + " (the metrics or validation differ)");
            }
            state.restore(c.optimizer());
            if (schedule != null) {
                schedule.restore(c.schedule());
            }
            restoreRandom(c.random());
            System.arraycopy(restoredOrder, 0, order, 0, n);
            for (int i = 0; i < params.length; i++) {
                System.arraycopy(c.parameters()[i], 0, params[i], 0, params[i].length);
            }
            for (String k : expected) {
                List<Double> list = h.getOrDefault(k, List.of());
                if (k.equals(TRAINING_LOSS)) {
                    for (double v : list) {
                        losses.add(v);
                    }
                } else {
                    history.put(k, new ArrayList<>(list));
                }
            }
            rollbacks = (int) need(c, ROLLBACKS, 1)[0];
            if (early != null) {
                double[] es = need(c, EARLY, 3);
                earlyBest = es[0];
                earlyBestEpoch = (int) es[1];
                earlyWait = (int) es[2];
                if (c.values().containsKey(EARLY_BEST + 0)) {
                    earlyParams = new double[params.length][];
                    for (int i = 0; i < params.length; i++) {
                        earlyParams[i] = need(c, EARLY_BEST + i, params[i].length).clone();
                    }
                }
            }
            return c.epoch();
        }

        private List<String> expectedHistory() {
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            names.add(Metrics.LOSS);
            for (Metric m : options.metrics()) {
                names.add(m.name());
            }
            for (String name : names) {
                keys.add("training-" + name);
            }
            if (validation != null) {
                for (String name : names) {
                    keys.add("validation-" + name);
                }
            }
            return keys;
        }

        /** Everything an epoch changes, taken at its start, for rollback. */
        private final class Good {
            private final double[][] p;
            private final OptimizerSnapshot optimizerState;
            private final double[] scheduleState;
            private final long[] randomState;
            private final int[] orderState;

            Good() {
                p = new double[params.length][];
                for (int i = 0; i < params.length; i++) {
                    p[i] = params[i].clone();
                }
                optimizerState = state.snapshot();
                scheduleState = schedule == null ? null : schedule.save();
                randomState = randomState();
                orderState = order.clone();
            }

            void restore() {
                for (int i = 0; i < params.length; i++) {
                    System.arraycopy(p[i], 0, params[i], 0, p[i].length);
                }
                state.restore(optimizerState);
                if (schedule != null) {
                    schedule.restore(scheduleState);
                }
                restoreRandom(randomState);
                System.arraycopy(orderState, 0, order, 0, orderState.length);
            }
        }
    }

    private static double[] need(Checkpoint c, String key, int length) {
        double[] v = c.values().get(key);
        if (v == null) {
            throw new IllegalArgumentException("the checkpoint has no value '" + key
                    + "'; it has " + c.values().keySet());
        }
        if (v.length != length) {
            throw new IllegalArgumentException("checkpoint value '" + key + "' has " + v.length
                    + " numbers, the run needs " + length);
        }
        return v;
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /**
     * Throws if a gradient is NaN or infinite: the check made after every batch's gradient.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param grads the batch's gradients
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch
     * @throws TrainingDivergedException naming the first bad gradient
     */
    static void checkGradients(Network network, ParameterLayout layout, double[][] grads,
                               int epoch, int batch) {
        if (!Finite.all(grads)) {
            int[] bad = firstNonFinite(grads);
            if (bad != null) {
                String p = describe(network, layout, bad[0], bad[1]);
                throw new TrainingDivergedException(epoch, batch, "the gradient of " + p
                        + " became " + grads[bad[0]][bad[1]], p, null);
            }
        }
    }

    /**
     * Throws if a parameter is NaN or infinite: the check made after every epoch's last update.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param params the parameters
     * @param epoch the 1-based epoch
     * @param batch the epoch's last batch
     * @throws TrainingDivergedException naming the first bad parameter
     */
    static void checkParameters(Network network, ParameterLayout layout, double[][] params,
                                int epoch, int batch) {
        int[] bad = firstNonFinite(params);
        if (bad != null) {
            String p = describe(network, layout, bad[0], bad[1]);
            throw new TrainingDivergedException(epoch, batch, p + " became "
                    + params[bad[0]][bad[1]] + " (found after the epoch's last update)", p, null);
        }
    }

    /**
     * The divergence to throw when a batch's loss is not finite: a parameter the previous step
     * made non-finite if there is one, otherwise the loss itself.
     *
     * @param network the network, for messages
     * @param layout its layout
     * @param params the parameters
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch whose loss is bad
     * @param value the loss
     * @return the exception
     */
    static TrainingDivergedException lossDiverged(Network network, ParameterLayout layout,
                                                  double[][] params, int epoch, int batch,
                                                  double value) {
        int[] bad = firstNonFinite(params);
        if (bad != null) {
            String p = describe(network, layout, bad[0], bad[1]);
            // the previous step of this epoch wrote it: the epoch-end scan clears earlier ones
            return new TrainingDivergedException(epoch, batch - 1, p + " became "
                    + params[bad[0]][bad[1]] + " in this batch's update (the next loss was "
                    + value + ")", p, null);
        }
        return new TrainingDivergedException(epoch, batch, "the loss became " + value
                + " with every parameter finite", null, null);
    }

    private static int[] firstNonFinite(double[][] blocks) {
        for (int b = 0; b < blocks.length; b++) {
            double[] v = blocks[b];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    return new int[] {b, i};
                }
            }
        }
        return null;
    }

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
