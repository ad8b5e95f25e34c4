package dev.mlp.core.train;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a training run changes as it goes: the network's live parameters, the inference
 * state of its layers (batch-norm's running statistics), the optimizer's and the schedule's
 * state, the batching and dropout generators and the batch order. A
 * {@link Snapshot} of it is what a rollback returns to; a {@link Checkpoint} holds the same
 * things (see {@link CheckpointCodec}).
 */
final class RunState {

    final Network network;
    final ParameterLayout layout;
    /** The network's live parameter arrays, in the order of {@link #layout}. */
    final double[][] params;
    /** The live inference state of the network's layers that keep one, in layer order. */
    final double[][] layerState;
    /** The parameters followed by the layer state: what goes with the weights of an epoch. */
    final double[][] kept;
    final OptimizerState optimizer;
    /** The schedule's state, or {@code null} without a schedule. */
    final LearningRateSchedule.State schedule;
    final SplitMixRandom random;
    /** The dropout masks' generator, or {@code null} if no layer has dropout. */
    final SplitMixRandom dropout;
    /** The visiting order of the samples, rearranged each epoch. */
    final int[] order;

    RunState(Network network, OptimizerState optimizer, LearningRateSchedule.State schedule,
             Seeds seeds, int samples) {
        this.network = network;
        this.layout = network.layout();
        this.params = network.parameters();
        this.layerState = layerState(network);
        this.kept = new double[params.length + layerState.length][];
        System.arraycopy(params, 0, kept, 0, params.length);
        System.arraycopy(layerState, 0, kept, params.length, layerState.length);
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.random = seeds.batching();
        this.dropout = network.hasDropout() ? seeds.dropout() : null;
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
    }

    /** @return the batching generator's state, followed by the dropout generator's if any */
    long[] randomState() {
        long[] b = random.state();
        if (dropout == null) {
            return b;
        }
        long[] d = dropout.state();
        long[] both = Arrays.copyOf(b, b.length + d.length);
        System.arraycopy(d, 0, both, b.length, d.length);
        return both;
    }

    /**
     * @param state a state from {@link #randomState()}
     * @throws IllegalArgumentException if it has the wrong length for this run
     */
    void restoreRandom(long[] state) {
        int expected = dropout == null ? 2 : 4;
        if (state.length != expected) {
            throw new IllegalArgumentException("the checkpoint holds " + state.length
                    + " numbers of random state, a run " + (dropout == null ? "without"
                    : "with") + " dropout needs " + expected);
        }
        random.restore(Arrays.copyOfRange(state, 0, 2));
        if (dropout != null) {
            dropout.restore(Arrays.copyOfRange(state, 2, 4));
        }
    }

    /** @param values arrays of the parameters' shapes, copied into the live parameters */
    void setParameters(double[][] values) {
        for (int i = 0; i < params.length; i++) {
            System.arraycopy(values[i], 0, params[i], 0, params[i].length);
        }
    }

    private static double[][] layerState(Network network) {
        List<double[]> all = new ArrayList<>();
        if (network instanceof LayeredNetwork layered) {
            for (int k = 0; k < layered.layerPluginCount(); k++) {
                if (layered.layerState(k).length > 0) {
                    all.add(layered.layerState(k));
                }
            }
        }
        return all.toArray(new double[0][]);
    }

    /** @param values arrays of the layer state's shapes, copied into the live state */
    void setLayerState(double[][] values) {
        for (int i = 0; i < layerState.length; i++) {
            System.arraycopy(values[i], 0, layerState[i], 0, layerState[i].length);
        }
    }

    /** @return a copy of the whole state, to return to with {@link #restore} */
    Snapshot snapshot() {
        return new Snapshot(this);
    }

    /** @param s a snapshot of this run's state */
    void restore(Snapshot s) {
        setParameters(s.parameters);
        setLayerState(s.layerState);
        optimizer.restore(s.optimizerState);
        if (schedule != null) {
            schedule.restore(s.scheduleState);
        }
        restoreRandom(s.randomState);
        System.arraycopy(s.order, 0, order, 0, order.length);
    }

    /** A copy of a run's state. */
    static final class Snapshot {
        private final double[][] parameters;
        private final double[][] layerState;
        private final OptimizerSnapshot optimizerState;
        private final double[] scheduleState;
        private final long[] randomState;
        private final int[] order;

        private Snapshot(RunState s) {
            parameters = new double[s.params.length][];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = s.params[i].clone();
            }
            layerState = new double[s.layerState.length][];
            for (int i = 0; i < layerState.length; i++) {
                layerState[i] = s.layerState[i].clone();
            }
            optimizerState = s.optimizer.snapshot();
            scheduleState = s.schedule == null ? null : s.schedule.save();
            randomState = s.randomState();
            order = s.order.clone();
        }
    }
}
