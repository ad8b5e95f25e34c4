package dev.mlp.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A copy of everything an {@link OptimizerState} needs to continue a training run exactly where
 * it stopped: the step count and named arrays (moments, accumulators, the current learning rate
 * as a one-element array...). Snapshots are what checkpoints store, so they hold plain numbers
 * under stable names, never Java objects.
 *
 * <p>The arrays are copied on the way in and on the way out; a snapshot never changes.
 *
 * @param optimizer the name of the optimizer that took the snapshot, checked on restore
 * @param steps the number of updates applied when the snapshot was taken
 * @param values named arrays, sorted by name
 */
public record OptimizerSnapshot(String optimizer, long steps, Map<String, double[]> values) {

    /**
     * @throws IllegalArgumentException if the name is blank, steps is negative or a value is null
     */
    public OptimizerSnapshot {
        Objects.requireNonNull(optimizer, "optimizer");
        if (optimizer.isBlank()) {
            throw new IllegalArgumentException("optimizer name must not be blank");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        TreeMap<String, double[]> copy = new TreeMap<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "value name"),
                    Objects.requireNonNull(e.getValue(), () -> "value '" + e.getKey() + "'").clone());
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * @param name the array's name
     * @return a copy of the named array
     * @throws IllegalArgumentException if the snapshot has no array of that name
     */
    public double[] value(String name) {
        double[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the " + optimizer + " snapshot has no value '"
                    + name + "'; it has " + values.keySet());
        }
        return v.clone();
    }

    /**
     * Copies a named array into {@code target}, checking its length.
     *
     * @param name the array's name
     * @param target receives the values
     * @throws IllegalArgumentException if the array is missing or its length differs
     */
    public void copyInto(String name, double[] target) {
        double[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the " + optimizer + " snapshot has no value '"
                    + name + "'; it has " + values.keySet());
        }
        if (v.length != target.length) {
            throw new IllegalArgumentException("the " + optimizer + " snapshot value '" + name
                    + "' has " + v.length + " numbers, the run needs " + target.length);
        }
        System.arraycopy(v, 0, target, 0, v.length);
    }

    /**
     * Checks that this snapshot was taken by the named optimizer.
     *
     * @param expected the optimizer restoring it
     * @throws IllegalArgumentException if the names differ
     */
    public void requireOptimizer(String expected) {
        if (!optimizer.equals(expected)) {
            throw new IllegalArgumentException("cannot restore a '" + optimizer
                    + "' snapshot into a '" + expected + "' optimizer");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerSnapshot s) || steps != s.steps
                || !optimizer.equals(s.optimizer) || !values.keySet().equals(s.values.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(optimizer, steps);
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + 17 * Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(optimizer).append(" snapshot after ").append(steps)
                .append(" steps {");
        String sep = "";
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue().length)
                    .append(" numbers");
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
