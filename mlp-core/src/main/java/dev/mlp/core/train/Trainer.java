package dev.mlp.core.train;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.Loss;
import dev.mlp.api.Optimizer;
import dev.mlp.api.Scaler;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * <p><b>Where things are.</b> The loop itself is {@link TrainingRun}; what a run settles before
 * it starts is {@link RunSetup}; the state it changes is {@link RunState}; its per-epoch values
 * are {@link RunHistory}. Early stopping is tracked by {@link EarlyStoppingTracker}, divergence
 * rollbacks by {@link DivergenceGuard}, checkpoints are written and read by
 * {@link CheckpointCodec}, and the finiteness checks are {@link FiniteChecks}.
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
        return new TrainingRun(this, network, data, validation, targetScaling, null).execute();
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
        return new TrainingRun(this, network, data, validation, targetScaling, checkpoint)
                .execute();
    }

    /**
     * @param value other training controls
     * @return a trainer with the same loss, optimizer, batches, epochs, seed and listeners and
     *         these controls
     */
    public Trainer withOptions(TrainingOptions value) {
        return new Trainer(loss, optimizer, batches, epochs, seed, listeners, value);
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
}
