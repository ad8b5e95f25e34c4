package dev.mlp.core.train;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.List;

/**
 * What the trainer does when the loss, a gradient or a parameter becomes NaN or infinite.
 *
 * <ul>
 * <li>{@code stop} (the default): throw {@link TrainingDivergedException} naming the epoch, the
 *     batch and the first bad parameter.</li>
 * <li>{@code rollback(factor=0.5, retries=3)}: go back to the parameters, optimizer state,
 *     schedule state and batch order at the start of the failed epoch (kept in memory), multiply
 *     the learning rate by {@code factor} (through the schedule's {@code scale} when there is a
 *     schedule, else through the optimizer's learning rate) and run the epoch again. After
 *     {@code retries} rollbacks in one run, or if the optimizer has no learning rate, the next
 *     divergence stops the run with the exception, saying why.</li>
 * </ul>
 */
public final class DivergencePolicy {

    /** Stop with an exception. */
    public static final DivergencePolicy STOP = new DivergencePolicy(false, 1.0, 0);

    private static final List<ParameterSpec> ROLLBACK = List.of(
            ParameterSpec.real("factor", 0.5, "learning-rate multiplier per rollback")
                    .above(0).below(1),
            ParameterSpec.integer("retries", 3, "rollbacks allowed per run").atLeast(1));

    private final boolean rollback;
    private final double factor;
    private final int retries;

    private DivergencePolicy(boolean rollback, double factor, int retries) {
        this.rollback = rollback;
        this.factor = factor;
        this.retries = retries;
    }

    /**
     * @param factor the learning-rate multiplier, in (0, 1)
     * @param retries the number of rollbacks allowed per run, at least 1
     * @return the policy
     */
    public static DivergencePolicy rollback(double factor, int retries) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("rollback factor must be in (0, 1), found "
                    + factor);
        }
        if (retries < 1) {
            throw new IllegalArgumentException("rollback retries must be >= 1, found "
                    + retries);
        }
        return new DivergencePolicy(true, factor, retries);
    }

    /**
     * @param spec {@code "stop"} or {@code "rollback(factor=0.5, retries=3)"}
     * @return the policy
     * @throws SpecException if the spec is malformed or names something else
     */
    public static DivergencePolicy parse(String spec) {
        return PluginRegistry.resolve("divergence policy", DivergencePolicy.class, PROVIDERS, spec)
                .instance();
    }

    /** The policies by name, resolved like every other spec. */
    private static final Map<String, PluginProvider<DivergencePolicy>> PROVIDERS = Map.of(
            "stop", new Policy("stop", "stop the run with the epoch and batch named", List.of(),
                    p -> STOP),
            "rollback", new Policy("rollback", "restore the last good state and lower the "
                    + "learning rate", ROLLBACK,
                    p -> rollback(p.real("factor"), p.integer("retries"))));

    /** A policy's spec: its name, parameters and factory. */
    private record Policy(String name, String description, List<ParameterSpec> parameters,
                          Function<Parameters, DivergencePolicy> factory)
            implements PluginProvider<DivergencePolicy> {
        @Override
        public DivergencePolicy create(Parameters p) {
            return factory.apply(p);
        }
    }

    /** @return whether the trainer rolls back instead of stopping */
    public boolean rollsBack() {
        return rollback;
    }

    /** @return the learning-rate multiplier per rollback (1 for stop) */
    public double factor() {
        return factor;
    }

    /** @return the number of rollbacks allowed per run (0 for stop) */
    public int retries() {
        return retries;
    }

    /** @return the canonical spec */
    public String spec() {
        return rollback ? "rollback(factor=" + ParameterSpec.format(factor) + ", retries="
                + retries + ")" : "stop";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivergencePolicy p && p.spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
