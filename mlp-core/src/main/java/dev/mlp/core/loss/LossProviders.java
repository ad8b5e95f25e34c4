package dev.mlp.core.loss;

import dev.mlp.api.Loss;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LossProvider;
import java.util.List;

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

    /** {@code mae}: {@code (1/n)Σ|a−y|} per sample, the mean over the {@code n} outputs. */
    public static final class MeanAbsoluteError implements LossProvider {
        @Override
        public String name() {
            return "mae";
        }

        @Override
        public String description() {
            return "mean over outputs of |a_j - y_j| per sample, subgradient 0 at a = y";
        }

        @Override
        public Loss create(Parameters parameters) {
            return MaeLoss.INSTANCE;
        }
    }

    /** {@code huber(delta)}: quadratic within {@code delta} of the target, linear beyond. */
    public static final class Huber implements LossProvider {
        @Override
        public String name() {
            return "huber";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.real("delta", 1.0,
                    "width of the quadratic zone around the target").above(0.0));
        }

        @Override
        public String description() {
            return "sum_j of 1/2 d^2 for |d| <= delta, else delta (|d| - delta/2), d = a_j - y_j";
        }

        @Override
        public Loss create(Parameters parameters) {
            return new HuberLoss(parameters.real("delta"));
        }
    }

    /** {@code log-cosh}: {@code Σ log cosh(a−y)} per sample, computed without overflow. */
    public static final class LogCosh implements LossProvider {
        @Override
        public String name() {
            return "log-cosh";
        }

        @Override
        public String description() {
            return "sum_j log cosh(a_j - y_j) per sample, stable for large errors";
        }

        @Override
        public Loss create(Parameters parameters) {
            return LogCoshLoss.INSTANCE;
        }
    }

    /** {@code hinge}: {@code Σ max(0, 1 − t·a)} per sample, labels {@code t} in {@code {−1, 1}}. */
    public static final class Hinge implements LossProvider {
        @Override
        public String name() {
            return "hinge";
        }

        @Override
        public String description() {
            return "sum_j max(0, 1 - t_j a_j) per sample, targets -1 or 1 (0 read as -1)";
        }

        @Override
        public Loss create(Parameters parameters) {
            return HingeLoss.HINGE;
        }
    }

    /** {@code squared-hinge}: {@code Σ max(0, 1 − t·a)²} per sample. */
    public static final class SquaredHinge implements LossProvider {
        @Override
        public String name() {
            return "squared-hinge";
        }

        @Override
        public String description() {
            return "sum_j max(0, 1 - t_j a_j)^2 per sample, targets -1 or 1 (0 read as -1)";
        }

        @Override
        public Loss create(Parameters parameters) {
            return HingeLoss.SQUARED;
        }
    }

    /** {@code kl-divergence}: {@code Σ y log(y/a)} after softmax, fused. */
    public static final class KlDivergence implements LossProvider {
        @Override
        public String name() {
            return "kl-divergence";
        }

        @Override
        public String description() {
            return "sum_j y_j log(y_j / a_j) after a softmax output, target rows of probabilities;"
                    + " stable fused gradient a - y";
        }

        @Override
        public Loss create(Parameters parameters) {
            return KlDivergenceLoss.INSTANCE;
        }
    }

    /** {@code poisson}: {@code Σ (a − y log a)} per sample, positive outputs, counts as targets. */
    public static final class Poisson implements LossProvider {
        @Override
        public String name() {
            return "poisson";
        }

        @Override
        public String description() {
            return "sum_j (a_j - y_j log a_j) per sample, targets >= 0, positive outputs "
                    + "(softplus, sigmoid)";
        }

        @Override
        public Loss create(Parameters parameters) {
            return PoissonLoss.INSTANCE;
        }
    }
}
