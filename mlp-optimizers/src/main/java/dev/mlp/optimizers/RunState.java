package dev.mlp.optimizers;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Bookkeeping shared by the optimizer states of this module: the step count, the current
 * learning rate, and the named arrays (moments, accumulators) that {@link #snapshot()} copies out
 * and {@link #restore(OptimizerSnapshot)} copies back.
 *
 * <p>Per-block arrays are registered with {@link #perBlock(String)} and saved under
 * {@code prefix.blockIndex}, for example {@code m.0, m.1, v.0, v.1}; other state with
 * {@link #register(String, double[])}. The learning rate is saved as the one-element array
 * {@value #LR}, unless the optimizer has no single rate.
 */
abstract class RunState implements OptimizerState {

    /** The snapshot name of the current learning rate. */
    static final String LR = "lr";

    /** The optimizer's registered name, for messages and snapshots. */
    final String name;
    /** The block sizes of the layout the state was started with. */
    final int[] sizes;
    /** The current learning rate, or {@code NaN} if the optimizer has none. */
    double lr;
    /** The number of updates applied. */
    long steps;

    private final boolean hasRate;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    /**
     * @param name the optimizer's name
     * @param sizes the block sizes
     * @param lr the configured learning rate, or {@code NaN} for an optimizer without one
     */
    RunState(String name, int[] sizes, double lr) {
        this.name = name;
        this.sizes = sizes;
        this.lr = lr;
        this.hasRate = !Double.isNaN(lr);
    }

    /**
     * Allocates one zero array per block and registers them as {@code prefix.0, prefix.1, ...}.
     *
     * @param prefix the name prefix
     * @return the arrays, one per block
     */
    final double[][] perBlock(String prefix) {
        double[][] a = new double[sizes.length][];
        for (int b = 0; b < sizes.length; b++) {
            a[b] = register(prefix + "." + b, new double[sizes[b]]);
        }
        return a;
    }

    /**
     * Registers an array as part of the saved state.
     *
     * @param key the snapshot name
     * @param array the live array, copied on snapshot and overwritten on restore
     * @return {@code array}
     */
    final double[] register(String key, double[] array) {
        if (arrays.put(key, array) != null) {
            throw new IllegalStateException("state array '" + key + "' registered twice");
        }
        return array;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void learningRate(double rate) {
        if (!hasRate) {
            throw new UnsupportedOperationException(name + " has no single learning rate");
        }
        lr = checkRate(rate, "learning rate");
    }

    private double checkRate(double rate, String what) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(name + ": " + what
                    + " must be finite and > 0, found " + rate);
        }
        return rate;
    }

    @Override
    public OptimizerSnapshot snapshot() {
        Map<String, double[]> values = new LinkedHashMap<>(arrays);
        if (hasRate) {
            values.put(LR, new double[] {lr});
        }
        return new OptimizerSnapshot(name, steps, values); // the record copies every array
    }

    @Override
    public void restore(OptimizerSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        snapshot.requireOptimizer(name);
        TreeSet<String> expected = new TreeSet<>(arrays.keySet());
        if (hasRate) {
            expected.add(LR);
        }
        if (!expected.equals(snapshot.values().keySet())) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(snapshot.values().keySet());
            List<String> extra = new ArrayList<>(snapshot.values().keySet());
            extra.removeAll(expected);
            throw new IllegalArgumentException("the " + name + " snapshot does not fit this run "
                    + "(another layout or configuration?): missing " + missing
                    + ", unexpected " + extra);
        }
        // check everything before changing anything, so a bad snapshot leaves the state intact
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            int found = snapshot.values().get(e.getKey()).length;
            if (found != e.getValue().length) {
                throw new IllegalArgumentException("the " + name + " snapshot value '"
                        + e.getKey() + "' has " + found + " numbers, the run needs "
                        + e.getValue().length);
            }
        }
        double rate = Double.NaN;
        if (hasRate) {
            double[] saved = snapshot.values().get(LR);
            if (saved.length != 1) {
                throw new IllegalArgumentException("the " + name + " snapshot value '" + LR
                        + "' must hold 1 number, found " + saved.length);
            }
            rate = checkRate(saved[0], "the snapshot's learning rate");
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            snapshot.copyInto(e.getKey(), e.getValue());
        }
        lr = rate;
        steps = snapshot.steps();
    }
}
