package dev.mlp.spark;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.ObjectiveState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.TrainingControl;
import dev.mlp.api.Evaluation;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Precision;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.TrainingDivergedException;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous data-parallel training on Spark. Every step sends the current parameters to the
 * executors (inside the tasks, or as a broadcast for large networks); every partition computes
 * the summed gradient and loss of its rows (all of them for full-batch steps, a seeded
 * Bernoulli sample for mini-batch steps) with the framework's own {@code BatchGradient}; the
 * partial sums are combined with {@code treeAggregate} in a fixed order; and the driver
 * divides by the total weight and applies the configured optimizer, whichever plugin it is.
 *
 * <p>An optimizer that evaluates the objective itself ({@link dev.mlp.api.ObjectiveOptimizer},
 * L-BFGS) runs on the driver as in single-machine training, one iteration per epoch; each
 * evaluation of the loss and gradient at one of its trial points is one such step: the trial
 * parameters sent, one {@code treeAggregate} over all cached rows, as Spark MLlib's
 * {@code MultilayerPerceptronClassifier} does with {@code solver="l-bfgs"}. It needs the
 * full-batch strategy; a stop reason the method reports ends the run.
 *
 * <p>The batch strategy gives the batch size {@code b} for the {@code n} samples. If
 * {@code b >= n} each epoch is one full-batch step, exactly the gradient single-machine
 * full-batch training takes. Otherwise an epoch is {@code ceil(n / b)} steps, each on a sample
 * in which every row is included with probability {@code b / n}, drawn independently per
 * partition from the run seed, the step and the partition; a step whose sample happens to be
 * empty is skipped. The strategy's visiting order (shuffling) is not used.
 *
 * <p>The executors compute on the compute backend their JVM chooses by default (the system
 * property {@code mlp.backend}, else the fastest that runs there), in the trainer's
 * {@link #precision()}; the backend's name travels back with every partition's sum, and the
 * driver logs it (at INFO, once per run, and as a warning if executors differ, since backends
 * add in different orders). Each step's timings (broadcast, job, slowest task, merging on the
 * driver) are logged at DEBUG.
 *
 * <p>A trainer is immutable and reusable. For a fixed seed and partitioning two runs give the
 * same bits. Listeners run on the driver and see epoch ends (with a control to stop early) but
 * no per-batch events.
 */
public final class SparkTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    /**
     * The most parameters a step sends inside its tasks rather than as a broadcast of their
     * own: 115,200 ({@code 900 KiB} of doubles), so that the stage's task broadcast, which
     * Spark makes for every job anyway, stays below the 1000 KiB at which Spark warns about a
     * large task. Larger parameter vectors are broadcast: each executor then fetches them once,
     * not once per task.
     */
    static final int EMBEDDED_WEIGHTS = 900 * 1024 / Double.BYTES;

    private final NetworkSpec spec;
    private final String optimizer;
    private final String batch;
    private final int epochs;
    private final long seed;
    private final int depth;
    private final List<TrainingListener> listeners;
    private final Precision precision;

    /**
     * @param spec the network's shape and loss
     * @param optimizer optimizer spec, for example {@code "adam(lr=0.001)"}
     * @param batch batch strategy spec, for example {@code "full-batch"} or
     *              {@code "mini-batch(size=128)"}
     * @param epochs number of epochs, at least 0
     * @param seed the run seed (mini-batch samples)
     * @param depth depth of the {@code treeAggregate}, at least 1
     * @param listeners listeners called on the driver, in order
     * @throws IllegalArgumentException if a spec is unknown or invalid, or a number out of range
     */
    public SparkTrainer(NetworkSpec spec, String optimizer, String batch, int epochs, long seed,
                        int depth, List<TrainingListener> listeners) {
        this(spec, optimizer, batch, epochs, seed, depth, listeners, Precision.FLOAT64);
    }

    /**
     * @param spec the network's shape and loss
     * @param optimizer optimizer spec, for example {@code "adam(lr=0.001)"}
     * @param batch batch strategy spec, for example {@code "full-batch"} or
     *              {@code "mini-batch(size=128)"}
     * @param epochs number of epochs, at least 0
     * @param seed the run seed (mini-batch samples)
     * @param depth depth of the {@code treeAggregate}, at least 1
     * @param listeners listeners called on the driver, in order
     * @param precision the precision of the executors' matrix products: {@code FLOAT64}, the
     *                  other constructors' choice, or {@code FLOAT32} (float products over
     *                  double weights, as single-machine {@code precision("float32")})
     * @throws IllegalArgumentException if a spec is unknown or invalid, or a number out of range
     */
    public SparkTrainer(NetworkSpec spec, String optimizer, String batch, int epochs, long seed,
                        int depth, List<TrainingListener> listeners, Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision");
        PluginRegistry registry = Mlp.standard().registry();
        this.spec = Objects.requireNonNull(spec, "spec").resolve(registry);
        var configured = registry.configure(PluginKind.OPTIMIZER, Optimizer.class,
                Objects.requireNonNull(optimizer, "optimizer"));
        this.optimizer = configured.spec();
        this.batch = registry.configure(PluginKind.BATCH_STRATEGY, BatchStrategy.class,
                Objects.requireNonNull(batch, "batch")).spec();
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("aggregation depth must be >= 1, found " + depth);
        }
        this.epochs = epochs;
        this.seed = seed;
        this.depth = depth;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * A trainer with aggregation depth 2 and no listeners.
     *
     * @param spec the network's shape and loss
     * @param optimizer optimizer spec
     * @param batch batch strategy spec
     * @param epochs number of epochs
     * @param seed the run seed
     */
    public SparkTrainer(NetworkSpec spec, String optimizer, String batch, int epochs, long seed) {
        this(spec, optimizer, batch, epochs, seed, 2, List.of());
    }

    /**
     * Trains a network in place on distributed data.
     *
     * @param sc the Spark context the data lives in
     * @param network the network, of this trainer's spec, updated in place
     * @param data the training data
     * @return the weighted mean loss per epoch and how the run ended
     * @throws IllegalArgumentException if the network or the data do not fit the spec
     * @throws TrainingDivergedException if the loss or a parameter becomes NaN or infinite
     */
    public TrainingResult train(JavaSparkContext sc, Network network, TrainingData data) {
        spec.checkShape(network);
        if (data.inputs() != spec.inputs() || data.outputs() != spec.outputs()) {
            throw new IllegalArgumentException("the network takes " + spec.inputs()
                    + " inputs and gives " + spec.outputs() + " outputs, but the data has "
                    + data.inputs() + " inputs and " + data.outputs() + " outputs");
        }
        PluginRegistry registry = Mlp.standard().registry();
        BatchStrategy strategy = registry.batchStrategy(batch);
        long n = data.rows();
        int b = strategy.batchSize((int) Math.min(n, Integer.MAX_VALUE));
        if (b < 1) {
            throw new IllegalStateException("batch strategy '" + batch + "' gave batch size "
                    + b + " for " + n + " samples");
        }
        boolean full = b >= n;
        double fraction = full ? 1.0 : (double) b / n;
        long stepsPerEpoch = full ? 1 : (n + b - 1) / b;
        if (stepsPerEpoch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch size " + b + " gives more than "
                    + Integer.MAX_VALUE + " steps per epoch for " + n + " samples");
        }
        long runSeed = Seeds.of(seed).batching().nextLong();

        Optimizer method = registry.optimizer(optimizer);
        OptimizerState state = method.start(network.layout());
        ObjectiveState iterative = state instanceof ObjectiveState os ? os : null;
        if (iterative != null && !full) {
            throw new IllegalArgumentException("optimizer '" + optimizer + "' evaluates the "
                    + "loss of the whole training set, but batch strategy '" + batch
                    + "' gives batches of " + b + " of " + n + " rows; use the full-batch "
                    + "strategy (full-batch)");
        }
        Report report = new Report();
        SparkObjective objective = iterative == null ? null : new SparkObjective(
                network.layout(), w -> gradient(sc, data, w, 1.0, 0L, report));
        double[][] params = network.parameters();
        double[][] grads = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            grads[i] = new double[params[i].length];
        }
        Control control = new Control();
        List<Double> history = new ArrayList<>(epochs);
        for (TrainingListener l : listeners) {
            l.runStarted(new TrainingListener.RunStart(seed, epochs,
                    (int) Math.min(n, Integer.MAX_VALUE), b, network, 0, 0));
        }
        LOG.info("training {} on {} rows in {} partitions: {} epochs of {} step(s), {}, {}",
                network, n, data.partitions(), epochs, stepsPerEpoch,
                full ? "full batch" : "samples of " + b + " rows on average", precision);
        long step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double lossSum = 0.0;
            double weightSum = 0.0;
            if (iterative != null) {
                ObjectiveState.Iteration it = iterative.iterate(params, objective);
                if (!Double.isFinite(it.loss())) {
                    throw new TrainingDivergedException(epoch, 1, "the loss became "
                            + it.loss());
                }
                String bad = network.firstNonFinite();
                if (bad != null) {
                    throw new TrainingDivergedException(epoch, 1, bad);
                }
                if (it.stops()) {
                    control.requestStop(method.name() + ": " + it.stopReason());
                }
                lossSum = it.loss();
                weightSum = 1.0;
            }
            for (int s = 1; iterative == null && s <= stepsPerEpoch; s++) {
                step++;
                GradientSum.Piece total = gradient(sc, data, Flat.flatten(params), fraction,
                        Flat.mix(runSeed + step), report);
                if (!Double.isFinite(total.loss)) {
                    throw new TrainingDivergedException(epoch, s, "the loss became "
                            + total.loss);
                }
                if (total.weight <= 0 || total.gradient == null) {
                    LOG.debug("epoch {}, step {}: the sample is empty, no update", epoch, s);
                    continue;
                }
                double[] g = total.gradient;
                double inv = total.weight;
                int at = 0;
                for (double[] block : grads) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = g[at++] / inv;
                    }
                }
                state.update(params, grads);
                String bad = network.firstNonFinite();
                if (bad != null) {
                    throw new TrainingDivergedException(epoch, s, bad);
                }
                lossSum += total.loss;
                weightSum += total.weight;
            }
            double epochLoss = weightSum > 0 ? lossSum / weightSum : Double.NaN;
            history.add(epochLoss);
            LOG.debug("epoch {}: loss {}", epoch, epochLoss);
            for (TrainingListener l : listeners) {
                l.epochFinished(new TrainingListener.EpochEnd(epoch, epochLoss, state.steps(),
                        network, control, new Evaluation((int) Math.min(n, Integer.MAX_VALUE),
                                Map.of(Metrics.LOSS, epochLoss), null),
                        null, state.learningRate()));
            }
            if (control.reason != null) {
                LOG.info("stopping after epoch {}: {}", epoch, control.reason);
                break;
            }
        }
        state.runFinished(params);
        if (report.backends != null) {
            LOG.info("trained in {} Spark job(s); the executors computed on compute backend {}",
                    report.jobs, report.backends);
        }
        TrainingResult result = new TrainingResult(history, state.steps(), control.reason, seed);
        for (TrainingListener l : listeners) {
            l.runFinished(new TrainingListener.RunEnd(result.epochs(), result.finalLoss(),
                    control.reason, network));
        }
        return result;
    }

    /**
     * One distributed gradient: the parameters sent (inside the tasks up to
     * {@link #EMBEDDED_WEIGHTS}, else as a broadcast), per-partition sums, fixed-order tree
     * aggregation.
     *
     * @return the sums over all partitions
     */
    GradientSum.Piece gradient(JavaSparkContext sc, TrainingData data, double[] weights,
                               double fraction, long stepSeed, Report report) {
        long start = System.nanoTime();
        boolean embed = weights.length <= EMBEDDED_WEIGHTS;
        Broadcast<double[]> bc = embed ? null : sc.broadcast(weights);
        long broadcast = System.nanoTime();
        try {
            PartitionGradient step = embed
                    ? new PartitionGradient(spec, data.partitions(), data.blockSize(), weights,
                            fraction, stepSeed, precision)
                    : new PartitionGradient(spec, data.partitions(), data.blockSize(), bc,
                            fraction, stepSeed, precision);
            GradientSum sum = data.blocks().mapPartitions(step)
                    .treeAggregate(new GradientSum(data.partitions()), GradientSum::merge,
                            GradientSum::merge, depth);
            long job = System.nanoTime();
            GradientSum.Piece total = sum.total();
            report.record(total, broadcast - start, job - broadcast, sum.mergeNanos());
            return total;
        } finally {
            if (bc != null) {
                bc.destroy();
            }
        }
    }

    /** What the executors reported over one run: their compute backends, the job count. */
    static final class Report {
        /** The executors' compute backends, comma-separated; null before the first job. */
        String backends;
        /** Spark jobs run. */
        long jobs;

        void record(GradientSum.Piece total, long broadcastNanos, long jobNanos,
                    long mergeNanos) {
            jobs++;
            String before = backends;
            backends = GradientSum.union(backends, total.backend);
            if (backends != null && !backends.equals(before)) {
                if (backends.contains(",")) {
                    LOG.warn("the executors compute on different compute backends ({}), which "
                            + "add in different orders: the result depends on which executor "
                            + "ran which partition; name one with -Dmlp.backend=... in "
                            + "spark.executor.extraJavaOptions", backends);
                } else if (before == null) {
                    LOG.info("the executors compute on compute backend {}", backends);
                }
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(String.format(java.util.Locale.ROOT, "job %d: %.1f ms: broadcast "
                        + "%.1f ms, job %.1f ms (slowest task %.1f ms, of it getting the weights "
                        + "%.1f ms; merging on the driver %.1f ms)", jobs,
                        (broadcastNanos + jobNanos) / 1e6, broadcastNanos / 1e6, jobNanos / 1e6,
                        total.taskNanos / 1e6, total.loadNanos / 1e6, mergeNanos / 1e6));
            }
        }
    }

    /** @return the network's shape and loss, canonical */
    public NetworkSpec spec() {
        return spec;
    }

    /** @return the optimizer spec, canonical */
    public String optimizer() {
        return optimizer;
    }

    /** @return the batch strategy spec, canonical */
    public String batch() {
        return batch;
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the depth of the tree aggregation */
    public int depth() {
        return depth;
    }

    /** @return the precision of the executors' matrix products */
    public Precision precision() {
        return precision;
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
