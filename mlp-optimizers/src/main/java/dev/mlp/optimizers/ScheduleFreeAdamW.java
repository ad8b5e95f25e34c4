package dev.mlp.optimizers;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedule-free AdamW (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky, "The Road Less
 * Scheduled", NeurIPS 2024, Algorithm 1): no learning-rate schedule, but three sequences, the
 * base iterate {@code z}, its weighted average {@code x} and the point {@code y} between them at
 * which the gradient is taken. With {@code z_1 = x_1 = y_1} the initial weights and
 * {@code v_0 = 0}, for step {@code t = 1, 2, ...}:
 * <pre>
 * g       = gradient at y_t
 * v       &lt;- beta2 * v + (1 - beta2) * g^2
 * gamma_t = lr * sqrt(1 - beta2^t) * min(1, t / warmup)      (min(...) = 1 when warmup = 0)
 * z       &lt;- z - gamma_t * g / (sqrt(v) + epsilon) - gamma_t * decay * y_t  (decay: WEIGHTS)
 * c       = gamma_t^2 / (gamma_1^2 + ... + gamma_t^2)
 * x       &lt;- (1 - c) * x + c * z
 * y_t+1   = (1 - beta1) * z + beta1 * x
 * </pre>
 * {@code beta1} is the interpolation, not a momentum decay: {@code y} is mostly the average
 * {@code x}, pulled towards the latest iterate {@code z}. The weights {@code c} give every step
 * a share of the average proportional to its squared step size, so the warm-up's small steps
 * count little. Decay is applied at {@code y}, as in the paper, and only to weight blocks, as in
 * {@link AdamW}. Defaults follow the authors' {@code AdamWScheduleFree}, whose learning rate
 * ({@code 0.0025}) is higher than Adam's; a schedule can still be set and then scales
 * {@code gamma_t}, which is rarely wanted.
 *
 * <p><b>What the network holds.</b> The trainer computes the gradient at the network's weights,
 * so during a run the network holds {@code y}: after each update this state writes
 * {@code y_t+1} into the parameters, and keeps {@code z} and {@code x} itself. When the run ends
 * ({@link OptimizerState#runFinished(double[][])}, called by the trainer once after the last
 * epoch or an early stop) it writes the average {@code x} into the network, so the trained
 * model predicts with {@code x}, as the paper evaluates it (the authors' PyTorch version needs
 * the user to call {@code optimizer.eval()} for that). Everything measured during the run, the
 * per-epoch losses, metrics and validation losses that early stopping compares, is measured at
 * {@code y}; if early stopping restores the best epoch's weights, the model keeps that epoch's
 * {@code y}, the weights its validation loss was measured at. Since
 * {@code y = x + (1 - beta1)(z - x)} the two differ by a tenth of the gap between average and
 * iterate for {@code beta1 = 0.9}. A run of no steps leaves the weights alone. Every snapshot
 * (and so every checkpoint, which is taken during the run) holds the training point {@code y}
 * in the network and the average as {@code x.<block>}, so a resumed run continues with the same
 * bits and ends on the same {@code x}; {@link #averagedWeights(OptimizerSnapshot)} reads the
 * average back from a snapshot.
 *
 * <p>The state holds {@code v.<block>}, {@code z.<block>}, {@code x.<block>} and the sum of
 * squared step sizes, {@code weight-sum}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the interpolation between the iterate and its average, in {@code [0, 1)}
 * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 * @param decay the decoupled weight decay per unit learning rate, applied to weight blocks only,
 *              {@code >= 0} and finite
 * @param warmup the number of steps of linear warm-up of {@code gamma_t}, {@code >= 0}
 */
public record ScheduleFreeAdamW(double lr, double beta1, double beta2, double epsilon,
                                double decay, int warmup) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "schedule-free-adamw";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.0025,
                    "learning rate").above(0);

    /** The interpolation between iterate and average: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9,
                    "weight of the average in the gradient's point y").atLeast(0)
                    .below(1);

    /** The decay rate of the second moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999,
                    "decay rate of the squared-gradient mean").atLeast(0)
                    .below(1);

    /** The denominator offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8,
                    "added to sqrt(v) against division by 0").above(0);

    /** The weight decay: real {@code >= 0}. */
    public static final ParameterSpec DECAY =
            ParameterSpec.real("decay", 0.0,
                    "decoupled weight decay per unit learning rate, at y").atLeast(0);

    /** The warm-up length in steps: integer {@code >= 0}. */
    public static final ParameterSpec WARMUP =
            ParameterSpec.integer("warmup", 0,
                    "steps of linear warm-up of the step size").atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON, DECAY,
            WARMUP);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public ScheduleFreeAdamW {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2, epsilon, decay, warmup);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new State(this, layout);
    }

    /**
     * The average {@code x} of a schedule-free run, one array per block, from a snapshot of its
     * state (for example the one in a checkpoint).
     *
     * @param snapshot a snapshot taken by a {@value #NAME} state
     * @return copies of {@code x.0, x.1, ...}
     * @throws IllegalArgumentException if the snapshot is another optimizer's
     */
    public static double[][] averagedWeights(OptimizerSnapshot snapshot) {
        snapshot.requireOptimizer(NAME);
        List<double[]> x = new ArrayList<>();
        for (int b = 0; snapshot.values().containsKey("x." + b); b++) {
            x.add(snapshot.value("x." + b));
        }
        return x.toArray(new double[0][]);
    }

    /**
     * @return the canonical spec, for example {@code schedule-free-adamw(lr=0.0025, beta1=0.9,
     *         beta2=0.999, epsilon=1.0E-8, decay=0.0, warmup=0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon, decay, warmup);
    }

    /**
     * The run state: {@code v}, {@code z} and {@code x} per parameter, the sum of squared step
     * sizes, and which blocks decay.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double decay;
        private final int warmup;
        private final boolean[] decays;
        private final double[][] v;
        private final double[][] z;
        private final double[][] x;
        /** {@code gamma_1^2 + ... + gamma_t^2} after the last step; 0 before the first. */
        private final double[] weightSum = register("weight-sum", new double[1]);

        /** {@code gamma_t} of the step being applied. */
        private double gamma;
        /** {@code c_(t+1)} of the step being applied. */
        private double average;
        /** The weight sum including this step, saved by {@link #finish()}. */
        private double sum;

        State(ScheduleFreeAdamW config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.decay = config.decay;
            this.warmup = config.warmup;
            this.decays = new boolean[layout.size()];
            for (int b = 0; b < decays.length; b++) {
                decays[b] = layout.block(b).kind() == ParameterLayout.Kind.WEIGHTS;
            }
            this.v = perBlock("v");
            this.z = perBlock("z");
            this.x = perBlock("x");
        }

        @Override
        protected void prepare() {
            long t = stepNumber();
            double warm = warmup == 0 ? 1.0 : Math.min(1.0, (double) t / warmup);
            gamma = stepRate() * Math.sqrt(1.0 - Math.pow(beta2, t)) * warm;
            sum = weightSum[0] + gamma * gamma;
            average = gamma * gamma / sum;
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double gm = gamma;
            double c = average;
            double d = decays[block] ? decay : 0.0;
            boolean first = stepNumber() == 1;
            double[] vb = v[block];
            double[] zb = z[block];
            double[] xb = x[block];
            for (int i = from; i < to; i++) {
                double y = w[i];
                if (first) {
                    zb[i] = y;
                    xb[i] = y;
                }
                double gi = g[i];
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                vb[i] = vi;
                double zi = zb[i] - gm * gi / (Math.sqrt(vi) + epsilon) - gm * d * y;
                double xi = (1.0 - c) * xb[i] + c * zi;
                zb[i] = zi;
                xb[i] = xi;
                w[i] = (1.0 - beta1) * zi + beta1 * xi;
            }
        }

        @Override
        protected void finish() {
            weightSum[0] = sum;
        }

        /** Writes the average {@code x} into the parameters, after at least one step. */
        @Override
        public void runFinished(double[][] parameters) {
            if (parameters == null || parameters.length != blocks()) {
                throw new IllegalArgumentException(NAME + ": the layout has " + blocks()
                        + " blocks, found " + (parameters == null ? "no parameter arrays"
                        : parameters.length + " parameter arrays"));
            }
            for (int b = 0; b < blocks(); b++) {
                if (parameters[b] == null || parameters[b].length < blockSize(b)) {
                    throw new IllegalArgumentException(NAME + ": the parameter array of block "
                            + b + " must hold at least " + blockSize(b) + " values");
                }
            }
            if (steps() == 0) {
                return; // x is set by the first step; before it the weights are x already
            }
            for (int b = 0; b < blocks(); b++) {
                System.arraycopy(x[b], 0, parameters[b], 0, blockSize(b));
            }
        }
    }

    /**
     * Provides {@link ScheduleFreeAdamW} under the name {@value ScheduleFreeAdamW#NAME}, with the
     * parameters declared there. Example spec: {@code schedule-free-adamw(lr=0.005, warmup=100)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ScheduleFreeAdamW.NAME, "schedule-free AdamW (Defazio et al. 2024): gradient at "
                    + "an interpolation of iterate and average, no schedule needed",
                    ScheduleFreeAdamW.PARAMETERS,
                    p -> new ScheduleFreeAdamW(p.real(ScheduleFreeAdamW.LR.name()),
                            p.real(ScheduleFreeAdamW.BETA1.name()),
                            p.real(ScheduleFreeAdamW.BETA2.name()),
                            p.real(ScheduleFreeAdamW.EPSILON.name()),
                            p.real(ScheduleFreeAdamW.DECAY.name()),
                            p.integer(ScheduleFreeAdamW.WARMUP.name())));
        }
    }
}
