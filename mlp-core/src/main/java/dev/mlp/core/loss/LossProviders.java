package dev.mlp.core.loss;

import dev.mlp.api.Loss;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LossProvider;

/**
 * The providers of the built-in losses, one public nested class per name, each listed in
 * {@code META-INF/services/dev.mlp.api.spi.LossProvider}.
 */
public final class LossProviders {

    private LossProviders() {
    }

    /** {@code squared-error}: {@code Σ(a−y)²} per sample (seed 000's quadratic cost). */
    public static final class SquaredError implements LossProvider {
        @Override
        public String name() {
            return "squared-error";
        }

        @Override
        public String description() {
            return "quadratic cost sum_j (a_j - y_j)^2 per sample";
        }

        @Override
        public Loss create(Parameters parameters) {
            return SquaredErrorLoss.SQUARED;
        }
    }

    /** {@code half-squared-error}: {@code ½Σ(a−y)²} per sample (seeds 001 and 002). */
    public static final class HalfSquaredError implements LossProvider {
        @Override
        public String name() {
            return "half-squared-error";
        }

        @Override
        public String description() {
            return "half the quadratic cost, 1/2 sum_j (a_j - y_j)^2 per sample";
        }

        @Override
        public Loss create(Parameters parameters) {
            return SquaredErrorLoss.HALF;
        }
    }

    /** {@code mse}: {@code (1/n)Σ(a−y)²} per sample, the mean over the {@code n} outputs. */
    public static final class MeanSquaredError implements LossProvider {
        @Override
        public String name() {
            return "mse";
        }

        @Override
        public String description() {
            return "mean over outputs of (a_j - y_j)^2 per sample";
        }

        @Override
        public Loss create(Parameters parameters) {
            return SquaredErrorLoss.MEAN;
        }
    }

    /** {@code cross-entropy}: categorical cross-entropy after softmax, fused. */
    public static final class CrossEntropy implements LossProvider {
        @Override
        public String name() {
            return "cross-entropy";
        }

        @Override
        public String description() {
            return "categorical cross-entropy after a softmax output, stable fused gradient a - y";
        }

        @Override
        public Loss create(Parameters parameters) {
            return CrossEntropyLoss.INSTANCE;
        }
    }

    /** {@code binary-cross-entropy}: after sigmoid, fused. */
    public static final class BinaryCrossEntropy implements LossProvider {
        @Override
        public String name() {
            return "binary-cross-entropy";
        }

        @Override
        public String description() {
            return "binary cross-entropy after a sigmoid output, stable fused gradient a - y";
        }

        @Override
        public Loss create(Parameters parameters) {
            return BinaryCrossEntropyLoss.INSTANCE;
        }
    }
}
