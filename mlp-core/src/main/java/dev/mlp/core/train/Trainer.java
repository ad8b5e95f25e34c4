package dev.mlp.core.train;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.TrainingControl;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network by gradient descent: per epoch, the batch strategy orders the samples; per
 * batch, a forward pass, the loss, the backward pass to the gradient of the batch's mean loss,
 * and one optimizer step.
 *
 * <p>A trainer is immutable configuration and can be reused; each call of
 * {@link #train(Network, Dataset)} is a new run with fresh optimizer state and a batch order
 * drawn from the trainer's seed, so the same call on the same network gives the same bits. A loss
 * or parameter that becomes NaN or infinite stops the run with a
 * {@link TrainingDivergedException} naming the epoch and batch.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Loss loss;
    private final Optimizer optimizer;
    private final BatchStrategy batches;
    private final int epochs;
    private final long seed;
    private final List<TrainingListener> listeners;

    /**
     * @param loss the loss
     * @param optimizer the update rule
     * @param batches the batch strategy
     * @param epochs number of epochs, at least 0
     * @param seed the run seed (the batch order is drawn from {@link Seeds#batching()})
     * @param listeners listeners, called in order
     */
    public Trainer(Loss loss, Optimizer optimizer, BatchStrategy batches, int epochs, long seed,
                   List<TrainingListener> listeners) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.batches = Objects.requireNonNull(batches, "batches");
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        }
        this.epochs = epochs;
        this.seed = seed;
        this.listeners = List.copyOf(listeners);
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
     * Trains the network in place.
     *
     * @param network the network, updated in place
     * @param data the training data
     * @return the loss per epoch and how the run ended
     */
    public TrainingResult train(Network network, Dataset data) {
        check(network, data);
        int n = data.rows();
        int in = data.inputs();
        int out = data.outputs();
        int layers = network.layerCount();
        int batchSize = batches.batchSize(n);
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalStateException("batch strategy '" + batches.name()
                    + "' gave batch size " + batchSize + " for " + n + " samples");
        }
        RandomGenerator random = Seeds.of(seed).batching();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        BatchGradient gradient = new BatchGradient(network, loss, batchSize);
        double[] x = new double[batchSize * in];
        double[] y = new double[batchSize * out];
        OptimizerState state = optimizer.start(network.layout());
        double[][] params = network.parameters();
        double[][] grads = gradient.gradients();
        Control control = new Control();
        List<Double> history = new ArrayList<>(epochs);

        for (TrainingListener l : listeners) {
            l.runStarted(new TrainingListener.RunStart(seed, epochs, n, batchSize, network));
        }
        LOG.debug("training {} on {} for {} epochs, batch size {}", network, data.shape(), epochs,
                batchSize);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            batches.arrange(order, random);
            double sum = 0.0;
            int batch = 0;
            for (int from = 0; from < n; from += batchSize) {
                batch++;
                int m = Math.min(batchSize, n - from);
                Matrices.gatherRows(data.features(), in, order, from, m, x);
                Matrices.gatherRows(data.targets(), out, order, from, m, y);
                double batchLoss = gradient.compute(x, y, null, m);
                if (!Double.isFinite(batchLoss)) {
                    throw new TrainingDivergedException(epoch, batch, "the loss became "
                            + batchLoss);
                }
                state.update(params, grads);
                String bad = network.firstNonFinite();
                if (bad != null) {
                    throw new TrainingDivergedException(epoch, batch, bad);
                }
                sum += batchLoss;
                if (!listeners.isEmpty()) {
                    var event = new TrainingListener.BatchEnd(epoch, batch, m, batchLoss / m,
                            state.steps());
                    for (TrainingListener l : listeners) {
                        l.batchFinished(event);
                    }
                }
            }
            double epochLoss = sum / n;
            history.add(epochLoss);
            for (TrainingListener l : listeners) {
                l.epochFinished(new TrainingListener.EpochEnd(epoch, epochLoss, state.steps(),
                        network, control));
            }
            if (control.reason != null) {
                LOG.info("stopping after epoch {}: {}", epoch, control.reason);
                break;
            }
        }
        TrainingResult result = new TrainingResult(history, state.steps(), control.reason, seed);
        for (TrainingListener l : listeners) {
            l.runFinished(new TrainingListener.RunEnd(result.epochs(), result.finalLoss(),
                    control.reason, network));
        }
        return result;
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
