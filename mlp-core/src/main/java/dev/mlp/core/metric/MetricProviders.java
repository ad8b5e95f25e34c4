package dev.mlp.core.metric;

import dev.mlp.api.Metric;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.MetricProvider;
import java.util.function.Function;

/**
 * The providers of the built-in {@link Metrics}, one public nested class per name, each listed in
 * {@code META-INF/services/dev.mlp.api.spi.MetricProvider}.
 */
public final class MetricProviders {

    private MetricProviders() {
    }

    /** A built-in metric's provider. */
    private abstract static class Builtin implements MetricProvider {
        private final String name;
        private final String description;
        private final Function<String, Metric> byName;

        Builtin(String name, String description) {
            this(name, description, Metrics::byName);
        }

        Builtin(String name, String description, Function<String, Metric> byName) {
            this.name = name;
            this.description = description;
            this.byName = byName;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final String description() {
            return description;
        }

        @Override
        public final Metric create(Parameters parameters) {
            return byName.apply(name);
        }
    }

    /** {@code accuracy}: the share of samples whose class is predicted. */
    public static final class Accuracy extends Builtin {
        /** The provider. */
        public Accuracy() {
            super("accuracy", "share of samples whose class is predicted right");
        }
    }

    /** {@code precision}: macro-averaged precision. */
    public static final class Precision extends Builtin {
        /** The provider. */
        public Precision() {
            super("precision", "macro-averaged precision over the classes");
        }
    }

    /** {@code recall}: macro-averaged recall. */
    public static final class Recall extends Builtin {
        /** The provider. */
        public Recall() {
            super("recall", "macro-averaged recall over the classes");
        }
    }

    /** {@code f1}: macro-averaged F1. */
    public static final class F1 extends Builtin {
        /** The provider. */
        public F1() {
            super("f1", "macro-averaged F1 over the classes");
        }
    }

    /** {@code mse}: mean squared error in the targets' units. */
    public static final class MeanSquaredError extends Builtin {
        /** The provider. */
        public MeanSquaredError() {
            super("mse", "mean squared error, in the targets' units");
        }
    }

    /** {@code mae}: mean absolute error in the targets' units. */
    public static final class MeanAbsoluteError extends Builtin {
        /** The provider. */
        public MeanAbsoluteError() {
            super("mae", "mean absolute error, in the targets' units");
        }
    }

    /** {@code r2}: coefficient of determination, averaged over the outputs. */
    public static final class RSquared extends Builtin {
        /** The provider. */
        public RSquared() {
            super("r2", "coefficient of determination, averaged over the output columns");
        }
    }

    /** {@code subset-accuracy}: the share of multi-label rows with every label right. */
    public static final class SubsetAccuracy extends Builtin {
        /** The provider. */
        public SubsetAccuracy() {
            super("subset-accuracy", "multi-label: share of rows whose labels are all right",
                    MultiLabelMetrics::byName);
        }
    }

    /** {@code hamming-loss}: the share of (row, label) pairs decided wrong. */
    public static final class HammingLoss extends Builtin {
        /** The provider. */
        public HammingLoss() {
            super("hamming-loss", "multi-label: share of (row, label) pairs decided wrong",
                    MultiLabelMetrics::byName);
        }
    }

    /** {@code micro-f1}: F1 of the counts summed over the labels. */
    public static final class MicroF1 extends Builtin {
        /** The provider. */
        public MicroF1() {
            super("micro-f1", "multi-label: F1 of the counts summed over the labels",
                    MultiLabelMetrics::byName);
        }
    }

    /** {@code macro-f1}: the mean of the per-label F1 values. */
    public static final class MacroF1 extends Builtin {
        /** The provider. */
        public MacroF1() {
            super("macro-f1", "multi-label: mean of the per-label F1 values",
                    MultiLabelMetrics::byName);
        }
    }
}
