package dev.mlp.core.train;

import dev.mlp.api.OptimizerSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The complete state of a training run at the end of an epoch: enough to resume it and end with
 * exactly the weights an uninterrupted run would have. Holds only numbers and names, so it can be
 * written to a file by a plugin-independent codec.
 *
 * <p>Arrays are copied on the way in; accessors return the stored arrays, which callers must not
 * modify.
 *
 * @param seed the run's seed
 * @param epoch the number of epochs completed
 * @param parameters the network's parameter blocks, in the order of its layout
 * @param optimizer the optimizer's state
 * @param schedule the learning-rate schedule's saved numbers (empty without a schedule)
 * @param random the state of the run's batching random generator
 * @param values any other run state by name (loss history, early-stopping best weights, ...)
 */
public record Checkpoint(long seed, int epoch, double[][] parameters, OptimizerSnapshot optimizer,
                         double[] schedule, long[] random, Map<String, double[]> values) {

    /**
     * @throws IllegalArgumentException if the epoch is negative
     * @throws NullPointerException if an argument is null
     */
    public Checkpoint {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, found " + epoch);
        }
        double[][] p = new double[parameters.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = Objects.requireNonNull(parameters[i], "parameter block " + i).clone();
        }
        parameters = p;
        Objects.requireNonNull(optimizer, "optimizer");
        schedule = schedule.clone();
        random = random.clone();
        TreeMap<String, double[]> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "value name"),
                Objects.requireNonNull(v, "value " + k).clone()));
        values = Collections.unmodifiableMap(copy);
    }
}
