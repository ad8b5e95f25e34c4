package dev.mlp.core.train;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.Metric;
import dev.mlp.api.kernel.ComputeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The training controls of a {@link Trainer} beyond loss, optimizer, batches, epochs and seed:
 * learning-rate schedule, gradient transforms, validation split, metrics and the thresholds they
 * decide at, early stopping, divergence policy and checkpoints. Immutable; made with {@link #builder()}.
 */
public final class TrainingOptions {

    private static final TrainingOptions NONE = builder().build();

    private final LearningRateSchedule schedule;
    private final List<GradientTransform> transforms;
    private final double validationFraction;
    private final List<Metric> metrics;
    private final EarlyStopping earlyStopping;
    private final DivergencePolicy divergence;
    private final int checkpointEvery;
    private final Consumer<Checkpoint> checkpointSink;
    private final ComputeBackend backend;
    private final int threads;
    private final Precision precision;
    private final double[] decisionThresholds;

    private TrainingOptions(Builder b) {
        this.schedule = b.schedule;
        this.transforms = List.copyOf(b.transforms);
        this.validationFraction = b.validationFraction;
        this.metrics = List.copyOf(b.metrics);
        this.earlyStopping = b.earlyStopping;
        this.divergence = b.divergence;
        this.checkpointEvery = b.checkpointEvery;
        this.checkpointSink = b.checkpointSink;
        this.backend = b.backend;
        this.threads = b.threads;
        this.precision = b.precision;
        this.decisionThresholds = b.decisionThresholds;
    }

    /** @return no schedule, no transforms, no validation, no metrics, stop on divergence */
    public static TrainingOptions none() {
        return NONE;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schedule = schedule;
        b.transforms.addAll(transforms);
        b.validationFraction = validationFraction;
        b.metrics.addAll(metrics);
        b.earlyStopping = earlyStopping;
        b.divergence = divergence;
        b.checkpointEvery = checkpointEvery;
        b.checkpointSink = checkpointSink;
        b.backend = backend;
        b.threads = threads;
        b.precision = precision;
        b.decisionThresholds = decisionThresholds;
        return b;
    }

    /** @return the learning-rate schedule, or {@code null} for the optimizer's own rate */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return the gradient transforms, applied in this order */
    public List<GradientTransform> transforms() {
        return transforms;
    }

    /** @return the share of the training data held out for validation, 0 for none */
    public double validationFraction() {
        return validationFraction;
    }

    /** @return the metrics computed per epoch besides the loss */
    public List<Metric> metrics() {
        return metrics;
    }

    /** @return the early stopping rule, or {@code null} */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /** @return what to do when training diverges */
    public DivergencePolicy divergence() {
        return divergence;
    }

    /** @return emit a checkpoint every this many epochs, 0 for never */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** @return where checkpoints go, or {@code null} */
    public Consumer<Checkpoint> checkpointSink() {
        return checkpointSink;
    }

    /**
     * @return the compute backend of the run's matrix products, or {@code null} for the one the
     *         system property {@code mlp.backend} names (pure Java when unset)
     */
    public ComputeBackend backend() {
        return backend;
    }

    /**
     * @return the most threads the run's matrix products and updates may use, or 0 for
     *         {@code Gemm.defaultThreads()}
     */
    public int threads() {
        return threads;
    }

    /** @return the precision of the run's matrix products; {@link Precision#FLOAT64} unless set */
    public Precision precision() {
        return precision;
    }

    /**
     * @return the threshold of each output at which the per-epoch metrics see a 1 (a
     *         multi-label model's label thresholds), or {@code null} to hand them the outputs
     */
    public double[] decisionThresholds() {
        return decisionThresholds == null ? null : decisionThresholds.clone();
    }

    /** Collects training options. */
    public static final class Builder {
        private LearningRateSchedule schedule;
        private final List<GradientTransform> transforms = new ArrayList<>();
        private double validationFraction;
        private final List<Metric> metrics = new ArrayList<>();
        private EarlyStopping earlyStopping;
        private DivergencePolicy divergence = DivergencePolicy.STOP;
        private int checkpointEvery;
        private Consumer<Checkpoint> checkpointSink;
        private ComputeBackend backend;
        private int threads;
        private Precision precision = Precision.FLOAT64;
        private double[] decisionThresholds;

        private Builder() {
        }

        /**
         * @param value the schedule, or {@code null} for none
         * @return this
         */
        public Builder schedule(LearningRateSchedule value) {
            this.schedule = value;
            return this;
        }

        /**
         * Adds a gradient transform, applied after those added before it.
         *
         * @param transform the transform
         * @return this
         */
        public Builder transform(GradientTransform transform) {
            transforms.add(Objects.requireNonNull(transform, "transform"));
            return this;
        }

        /**
         * @param fraction share of the training data held out for validation, in [0, 1); 0 for
         *                 none
         * @return this
         */
        public Builder validationFraction(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation fraction must be in [0, 1), "
                        + "found " + fraction);
            }
            this.validationFraction = fraction;
            return this;
        }

        /**
         * Adds a metric computed per epoch for training and validation data.
         *
         * @param metric the metric; its name must differ from {@code "loss"} and from the
         *               metrics added before
         * @return this
         */
        public Builder metric(Metric metric) {
            Objects.requireNonNull(metric, "metric");
            if (metric.name().equals("loss")) {
                throw new IllegalArgumentException("the loss is always computed; a metric may "
                        + "not be called 'loss'");
            }
            for (Metric m : metrics) {
                if (m.name().equals(metric.name())) {
                    throw new IllegalArgumentException("metric '" + metric.name()
                            + "' added twice");
                }
            }
            metrics.add(metric);
            return this;
        }

        /**
         * @param rule the early stopping rule, or {@code null} for none
         * @return this
         */
        public Builder earlyStopping(EarlyStopping rule) {
            this.earlyStopping = rule;
            return this;
        }

        /**
         * @param policy what to do when training diverges
         * @return this
         */
        public Builder divergence(DivergencePolicy policy) {
            this.divergence = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Emits a {@link Checkpoint} at the end of every {@code every}-th epoch.
         *
         * @param every epochs between checkpoints, at least 1
         * @param sink receives the checkpoints, on the training thread
         * @return this
         */
        public Builder checkpoints(int every, Consumer<Checkpoint> sink) {
            if (every < 1) {
                throw new IllegalArgumentException("checkpoint interval must be >= 1 epoch, "
                        + "found " + every);
            }
            this.checkpointEvery = every;
            this.checkpointSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * @param value the compute backend of the run's matrix products, or {@code null} for
         *              the default (the system property {@code mlp.backend}, else pure Java)
         * @return this
         */
        public Builder backend(ComputeBackend value) {
            this.backend = value;
            return this;
        }

        /**
         * @param count the most threads the run's matrix products and updates may use, at
         *              least 1; the results do not depend on it
         * @return this
         * @throws IllegalArgumentException if the count is below 1
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, found " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * @param value the precision of the run's matrix products (and of the model's
         *              predictions); {@link Precision#FLOAT64} by default
         * @return this
         */
        public Builder precision(Precision value) {
            this.precision = Objects.requireNonNull(value, "precision");
            return this;
        }

        /**
         * Makes the per-epoch training and validation metrics (and early stopping on them) see
         * decisions instead of outputs, as {@link dev.mlp.core.metric.Evaluator#decideAt} does:
         * for multi-label models, their labels' thresholds. The loss still sees the outputs.
         *
         * @param perOutput one threshold per output, or {@code null} for the outputs as they are
         * @return this
         */
        public Builder decideAt(double[] perOutput) {
            this.decisionThresholds = perOutput == null ? null : perOutput.clone();
            return this;
        }

        /** @return the options */
        public TrainingOptions build() {
            return new TrainingOptions(this);
        }
    }
}
