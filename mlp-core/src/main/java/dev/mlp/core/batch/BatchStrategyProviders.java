package dev.mlp.core.batch;

import dev.mlp.api.BatchStrategy;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.BatchStrategyProvider;
import java.util.List;

/**
 * The providers of the built-in batch strategies, listed in
 * {@code META-INF/services/dev.mlp.api.spi.BatchStrategyProvider}.
 */
public final class BatchStrategyProviders {

    private BatchStrategyProviders() {
    }

    /** {@code full-batch}: one step per epoch on the gradient averaged over all samples. */
    public static final class FullBatch implements BatchStrategyProvider {
        @Override
        public String name() {
            return "full-batch";
        }

        @Override
        public List<String> aliases() {
            return List.of("batch");
        }

        @Override
        public String description() {
            return "one step per epoch, gradient averaged over all samples";
        }

        @Override
        public BatchStrategy create(Parameters parameters) {
            return new FixedSizeBatches(name(), 0, false);
        }
    }

    /** {@code stochastic(shuffle)}: one step per sample. */
    public static final class Stochastic implements BatchStrategyProvider {
        @Override
        public String name() {
            return "stochastic";
        }

        @Override
        public List<String> aliases() {
            return List.of("online");
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.bool("shuffle", true, "reshuffle the samples every epoch"));
        }

        @Override
        public String description() {
            return "one step per sample";
        }

        @Override
        public BatchStrategy create(Parameters parameters) {
            return new FixedSizeBatches(name(), 1, parameters.bool("shuffle"));
        }
    }

    /** {@code mini-batch(size, shuffle)}: one step per group of {@code size} samples. */
    public static final class MiniBatch implements BatchStrategyProvider {
        @Override
        public String name() {
            return "mini-batch";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.integer("size", 32, "samples per step; the last batch may be smaller")
                            .atLeast(1),
                    ParameterSpec.bool("shuffle", true, "reshuffle the samples every epoch"));
        }

        @Override
        public String description() {
            return "one step per group of size samples, gradient averaged over the group";
        }

        @Override
        public BatchStrategy create(Parameters parameters) {
            return new FixedSizeBatches(name(), parameters.integer("size"),
                    parameters.bool("shuffle"));
        }
    }

    /**
     * {@code stratified-mini-batch(size)}: batches whose class mix follows the overall class
     * proportions.
     */
    public static final class StratifiedMiniBatch implements BatchStrategyProvider {
        @Override
        public String name() {
            return StratifiedBatches.NAME;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("size", 32,
                    "samples per step; the last batch may be smaller").atLeast(1));
        }

        @Override
        public String description() {
            return "mini-batches of size samples whose class mix follows the overall class "
                    + "proportions; classification only";
        }

        @Override
        public BatchStrategy create(Parameters parameters) {
            return new StratifiedBatches(parameters.integer("size"));
        }
    }

    /**
     * {@code weighted-mini-batch(size)}: samples drawn with replacement in proportion to their
     * weights.
     */
    public static final class WeightedMiniBatch implements BatchStrategyProvider {
        @Override
        public String name() {
            return WeightedBatches.NAME;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("size", 32,
                    "samples per step; the last batch may be smaller").atLeast(1));
        }

        @Override
        public String description() {
            return "mini-batches of size samples drawn with replacement, each with probability "
                    + "proportional to its weight";
        }

        @Override
        public BatchStrategy create(Parameters parameters) {
            return new WeightedBatches(parameters.integer("size"));
        }
    }
}
