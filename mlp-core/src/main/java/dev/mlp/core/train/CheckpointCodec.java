package dev.mlp.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a run's state into a {@link Checkpoint} and restores it, checking that the checkpoint
 * fits the run. Besides the parameters, the optimizer's and schedule's state and the generators,
 * a checkpoint's named values hold the inference state of the layers that keep one
 * ({@code layers/state/<i>}, batch-norm's running statistics), the history
 * ({@code history/<key>}), the batch order
 * ({@code batch-order}), the rollbacks so far ({@code divergence/rollbacks}) and, with early
 * stopping, the tracker's state ({@code early-stopping}) and best parameters
 * ({@code early-stopping/best/<block>}, the parameter blocks followed by the layer state).
 */
final class CheckpointCodec {

    private static final String HISTORY = "history/";
    private static final String ORDER = "batch-order";
    private static final String EARLY = "early-stopping";
    private static final String EARLY_BEST = "early-stopping/best/";
    private static final String ROLLBACKS = "divergence/rollbacks";
    private static final String LAYER_STATE = "layers/state/";

    private final long seed;
    private final int epochs;
    private final RunState state;
    private final RunHistory history;
    private final DivergenceGuard guard;
    private final EarlyStoppingTracker early;

    /**
     * @param seed the run's seed
     * @param epochs the epochs the run goes to
     * @param state the run's state
     * @param history the run's history
     * @param guard the run's divergence guard
     * @param early the run's early-stopping tracker, or {@code null}
     */
    CheckpointCodec(long seed, int epochs, RunState state, RunHistory history,
                    DivergenceGuard guard, EarlyStoppingTracker early) {
        this.seed = seed;
        this.epochs = epochs;
        this.state = state;
        this.history = history;
        this.guard = guard;
        this.early = early;
    }

    /**
     * @param epoch the last epoch done
     * @return a checkpoint of the run's state after it
     */
    Checkpoint encode(int epoch) {
        Map<String, double[]> values = new TreeMap<>();
        history.values().forEach((k, v) -> values.put(HISTORY + k, toArray(v)));
        int n = state.order.length;
        double[] o = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = state.order[i];
        }
        values.put(ORDER, o);
        values.put(ROLLBACKS, new double[] {guard.rollbacks()});
        for (int i = 0; i < state.layerState.length; i++) {
            values.put(LAYER_STATE + i, state.layerState[i]);
        }
        if (early != null) {
            values.put(EARLY, early.state());
            double[][] best = early.bestParameters();
            if (best != null) {
                for (int i = 0; i < best.length; i++) {
                    values.put(EARLY_BEST + i, best[i]);
                }
            }
        }
        return new Checkpoint(seed, epoch, state.params, state.optimizer.snapshot(),
                state.schedule == null ? new double[0] : state.schedule.save(),
                state.randomState(), values);
    }

    /**
     * Restores the run's state from a checkpoint.
     *
     * @param c the checkpoint
     * @return the checkpoint's epoch, the last one done
     * @throws IllegalArgumentException naming what does not fit if the checkpoint is not of
     *                                  this run's configuration
     */
    int restore(Checkpoint c) {
        double[][] params = state.params;
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
                        + state.layout.block(i) + ") has " + c.parameters()[i].length
                        + " numbers, the network needs " + params[i].length);
            }
        }
        if ((state.schedule == null) != (c.schedule().length == 0)) {
            throw new IllegalArgumentException(state.schedule == null
                    ? "the checkpoint has schedule state, but this trainer has no schedule"
                    : "the checkpoint has no schedule state, but this trainer has a schedule");
        }
        int[] order = order(c);
        double[][] layerState = new double[state.layerState.length][];
        for (int i = 0; i < layerState.length; i++) {
            layerState[i] = need(c, LAYER_STATE + i, state.layerState[i].length);
        }
        Map<String, List<Double>> h = history(c);
        List<String> expected = history.keys();
        if (c.epoch() > 0 && !new TreeSet<>(h.keySet()).equals(new TreeSet<>(expected))) {
            throw new IllegalArgumentException("the checkpoint's history has " + h.keySet()
                    + ", this run computes " + expected
                    + " (the metrics or validation differ)");
        }
        state.optimizer.restore(c.optimizer());
        if (state.schedule != null) {
            state.schedule.restore(c.schedule());
        }
        state.restoreRandom(c.random());
        System.arraycopy(order, 0, state.order, 0, order.length);
        state.setParameters(c.parameters());
        state.setLayerState(layerState);
        history.restore(h);
        guard.restoreRollbacks((int) need(c, ROLLBACKS, 1)[0]);
        if (early != null) {
            double[] es = need(c, EARLY, 3);
            double[][] best = null;
            if (c.values().containsKey(EARLY_BEST + 0)) {
                double[][] kept = state.kept;
                best = new double[kept.length][];
                for (int i = 0; i < kept.length; i++) {
                    best[i] = need(c, EARLY_BEST + i, kept[i].length).clone();
                }
            }
            early.restore(es, best);
        }
        return c.epoch();
    }

    private int[] order(Checkpoint c) {
        int n = state.order.length;
        double[] o = need(c, ORDER, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) o[i];
            if (order[i] != o[i] || o[i] < 0 || o[i] >= n) {
                throw new IllegalArgumentException("checkpoint value '" + ORDER
                        + "' holds " + o[i] + " at " + i + ", not a sample index below " + n);
            }
        }
        return order;
    }

    private static Map<String, List<Double>> history(Checkpoint c) {
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
        return h;
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
}
