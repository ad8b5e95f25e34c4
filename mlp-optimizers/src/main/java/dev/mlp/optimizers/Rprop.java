package dev.mlp.optimizers;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.Arrays;
import java.util.List;

/**
 * iRprop-, resilient backpropagation without weight backtracking (Igel and Huesken, "Improving
 * the Rprop Learning Algorithm", NC 2000, Fig. 2; after Riedmiller and Braun, ICNN 1993). Every
 * parameter has its own step size {@code Delta}, adapted from the signs of its gradient; the
 * gradient's magnitude is not used:
 * <pre>
 * if g_prev * g &gt; 0:  Delta &lt;- min(Delta * eta-plus, step-max)
 * if g_prev * g &lt; 0:  Delta &lt;- max(Delta * eta-minus, step-min);  g &lt;- 0
 * w &lt;- w - sign(g) * Delta
 * g_prev &lt;- g
 * </pre>
 * with {@code Delta} starting at {@code initial-step} and {@code g_prev} at 0 (so the first step
 * is {@code initial-step * sign(g)}). After a sign change the parameter does not move and the
 * next step does not adapt {@code Delta} ({@code g} is stored as 0). This is PyTorch's
 * {@code Rprop}. Defaults: {@code eta-plus = 1.2, eta-minus = 0.5, step-min = 1e-6,
 * step-max = 50} (the papers' and PyTorch's) and {@code initial-step = 0.1} (Riedmiller and
 * Braun's recommendation, also Igel and Huesken's; PyTorch's {@code lr} default is 0.01).
 *
 * <p>Rprop is meant for full-batch training: the sign of a mini-batch gradient flips from batch
 * to batch for reasons that have nothing to do with the loss surface, and every flip halves the
 * step. It has no single learning rate: {@link OptimizerState#learningRate()} is {@code NaN} and
 * setting it (as a learning-rate schedule would) throws {@link UnsupportedOperationException}.
 * Its state (step sizes {@code step.<block>}, previous gradients {@code prev.<block>}, step
 * count) can be saved and restored.
 *
 * <p>A gradient of 0 leaves its parameter and step size unchanged. A non-finite gradient is not
 * hidden: {@code sign(g)} is computed as {@code g / |g|}, so an infinite or NaN gradient turns its
 * parameter into {@code NaN}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param etaPlus the growth factor after equal signs, {@code > 1} and finite
 * @param etaMinus the shrink factor after a sign change, in {@code (0, 1)}
 * @param initialStep the first step size of every parameter, in {@code [stepMin, stepMax]}
 * @param stepMin the smallest step size, {@code >= 0}
 * @param stepMax the largest step size, {@code > 0} and {@code >= stepMin}
 */
public record Rprop(double etaPlus, double etaMinus, double initialStep, double stepMin,
                    double stepMax) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "rprop";

    /** The growth factor after equal signs: real {@code > 1}. */
    public static final ParameterSpec ETA_PLUS = ParameterSpec.real("eta-plus", 1.2,
            "step size factor when the gradient keeps its sign").above(1);

    /** The shrink factor after a sign change: real in {@code (0, 1)}. */
    public static final ParameterSpec ETA_MINUS = ParameterSpec.real("eta-minus", 0.5,
            "step size factor when the gradient changes sign").above(0).below(1);

    /** The first step size of every parameter: real {@code > 0}. */
    public static final ParameterSpec INITIAL_STEP = ParameterSpec.real("initial-step", 0.1,
            "the first step size of every parameter").above(0);

    /** The smallest step size: real {@code >= 0}. */
    public static final ParameterSpec STEP_MIN = ParameterSpec.real("step-min", 1e-6,
            "smallest step size").atLeast(0);

    /** The largest step size: real {@code > 0}. */
    public static final ParameterSpec STEP_MAX = ParameterSpec.real("step-max", 50.0,
            "largest step size").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(ETA_PLUS, ETA_MINUS,
            INITIAL_STEP, STEP_MIN, STEP_MAX);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Rprop {
        Hyperparameters.check(NAME, PARAMETERS, etaPlus, etaMinus, initialStep, stepMin,
                stepMax);
        if (!(stepMin <= initialStep && initialStep <= stepMax)) {
            throw new SpecException("'" + NAME + "' needs step-min <= initial-step <= step-max, "
                    + "found " + ParameterSpec.format(stepMin) + ", "
                    + ParameterSpec.format(initialStep) + ", " + ParameterSpec.format(stepMax));
        }
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
     * @return the canonical spec, for example
     *         {@code rprop(eta-plus=1.2, eta-minus=0.5, initial-step=0.1, step-min=1.0E-6,
     *         step-max=50.0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, etaPlus, etaMinus, initialStep, stepMin,
                stepMax);
    }

    /**
     * The run state: the step size ({@code step.<block>}) and the previous gradient, zeroed after
     * a sign change ({@code prev.<block>}), per parameter. There is no learning rate.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double etaPlus;
        private final double etaMinus;
        private final double stepMin;
        private final double stepMax;
        private final double[][] step;
        private final double[][] previous;

        State(Rprop config, ParameterLayout layout) {
            super(NAME, layout, Double.NaN);
            this.etaPlus = config.etaPlus;
            this.etaMinus = config.etaMinus;
            this.stepMin = config.stepMin;
            this.stepMax = config.stepMax;
            this.step = perBlock("step");
            for (double[] s : step) {
                Arrays.fill(s, config.initialStep);
            }
            this.previous = perBlock("prev");
        }

        @Override
        public void learningRate(double rate) {
            throw new UnsupportedOperationException(NAME + " has no single learning rate: every "
                    + "parameter adapts its own step size, so a schedule cannot drive it");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double[] s = step[block];
            double[] p = previous[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double product = p[i] * gi;
                if (product > 0) {
                    s[i] = Math.min(s[i] * etaPlus, stepMax);
                } else if (product < 0) {
                    s[i] = Math.max(s[i] * etaMinus, stepMin);
                    gi = 0.0;
                }
                if (gi != 0.0) { // true for NaN, whose g / |g| is NaN; so is infinity's
                    w[i] -= gi / Math.abs(gi) * s[i];
                }
                p[i] = gi;
            }
        }
    }

    /**
     * Provides {@link Rprop} under the name {@value Rprop#NAME}, with the parameters declared there.
     * Example spec: {@code rprop(initial-step=0.01)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Rprop.NAME,
                    "iRprop- (Igel and Huesken 2000), sign-based per-parameter steps; full-batch",
                    Rprop.PARAMETERS,
                    p -> new Rprop(p.real(Rprop.ETA_PLUS.name()), p.real(Rprop.ETA_MINUS.name()),
                            p.real(Rprop.INITIAL_STEP.name()), p.real(Rprop.STEP_MIN.name()),
                            p.real(Rprop.STEP_MAX.name())));
        }
    }
}
