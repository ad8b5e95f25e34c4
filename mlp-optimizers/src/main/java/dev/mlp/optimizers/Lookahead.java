package dev.mlp.optimizers;

import dev.mlp.api.ObjectiveOptimizer;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerRunState;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.RangeUpdate;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;
import dev.mlp.api.spi.PluginKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lookahead (Zhang, Lucas, Hinton and Ba, "Lookahead Optimizer: k steps forward, 1 step back",
 * NeurIPS 2019, Algorithm 1) around any other optimizer: the inner optimizer takes {@code k}
 * steps from the slow weights {@code phi}; then the slow weights move a fraction {@code alpha}
 * of the way to where it got, and the fast weights start again from there:
 * <pre>
 * phi &lt;- w                                    (before the first step)
 * every step t:  w &lt;- inner step of w with g  (the inner optimizer's own rule and state)
 * if t mod k = 0:  phi &lt;- phi + alpha * (w - phi)
 *                  w   &lt;- phi
 * </pre>
 * The inner optimizer's state (moments, step count) carries on across synchronizations, the
 * paper's default. The network holds the fast weights between synchronizations; after a step
 * {@code t} with {@code t mod k = 0} it holds the slow ones, so a run whose step count is a
 * multiple of {@code k} ends on slow weights. The learning rate is the inner optimizer's
 * (schedules change it).
 *
 * <p>The inner optimizer can be any {@link Optimizer}, a third party's included: in Java code
 * {@code new Lookahead(new Adam(...), 5, 0.5)}, in a spec any optimizer of the registry (a jar on
 * the class path) as a nested spec, {@code lookahead(inner=adam(lr=0.01, beta1=0.8), k=5,
 * alpha=0.5)}, or by name at its defaults, {@code lookahead(inner=sgd)}. The parameter
 * {@code lr} is a shorthand for the inner optimizer's {@code lr}: it sets it when the inner spec
 * does not, so {@code lookahead(inner=adam, lr=0.001, k=5, alpha=0.5)}, the spelling from before
 * nested specs, still means Adam at its defaults with rate 0.001, and an inner spec without
 * {@code lr} gets lookahead's default 0.001 (also when the inner optimizer's own default differs,
 * as before); giving it both ways is refused. The canonical spec shows the rate inside the inner
 * spec: {@code lookahead(inner=adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8), k=5,
 * alpha=0.5)}.
 *
 * <p>A spec cannot wrap an optimizer without a parameter {@code lr} ({@code rprop}, whose steps
 * are per-parameter step sizes, has none, so schedules and the divergence guard could not change
 * its rate), one that evaluates the objective itself ({@code lbfgs}: Lookahead steps with
 * batch gradients), {@code lookahead} itself, or {@code schedule-free-adamw}, which keeps its own
 * iterates and writes the weights from them every step, so that a synchronization would be
 * undone at the next step. Code may wrap anything.
 *
 * <p>At the end of a run ({@link OptimizerState#runFinished(double[][])}) the inner optimizer's
 * state is told too; Lookahead itself leaves the weights as they are.
 *
 * <p>The state holds the slow weights {@code slow.<block>} and the inner optimizer's state
 * under {@code inner.<name>} (for example {@code inner.m.0}); it supports {@link RangeUpdate}
 * when the inner optimizer's state does (the synchronization is element-wise too).
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param inner the inner optimizer, not null
 * @param k the number of inner steps between synchronizations, {@code >= 1}
 * @param alpha the slow weights' step towards the fast weights, in {@code (0, 1]}
 */
public record Lookahead(Optimizer inner, int k, double alpha) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "lookahead";

    /** The prefix of the inner optimizer's arrays in a snapshot. */
    public static final String INNER_PREFIX = "inner.";

    /** The inner optimizer of a spec: any optimizer's spec, default {@code adam}. */
    public static final ParameterSpec INNER =
            ParameterSpec.plugin("inner", PluginKind.OPTIMIZER, Adam.NAME,
                    "the optimizer that takes the fast steps (a name or a nested spec)");

    /**
     * The inner optimizer's learning rate in a spec: real {@code > 0}, a shorthand for
     * {@code lr} inside {@link #INNER}, used when the inner spec does not set it.
     */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
                    "learning rate of the inner optimizer, unless its spec gives one").above(0)
                    .forwardsTo("inner");

    /** The synchronization period: integer {@code >= 1}. */
    public static final ParameterSpec K =
            ParameterSpec.integer("k", 5,
                    "inner steps between synchronizations").atLeast(1);

    /** The slow step: real in {@code (0, 1]}. */
    public static final ParameterSpec ALPHA =
            ParameterSpec.real("alpha", 0.5,
                    "fraction of the way the slow weights move to the fast ones").above(0)
                    .atMost(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(INNER, LR, K, ALPHA);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     * @throws NullPointerException if {@code inner} is null
     */
    public Lookahead {
        Objects.requireNonNull(inner, "inner");
        K.check(k, NAME);
        ALPHA.check(alpha, NAME);
    }

    /**
     * Lookahead as the spec {@code lookahead(inner=..., lr=..., k=..., alpha=...)} configures
     * it, the inner optimizer found among those on the class path.
     *
     * @param inner the inner optimizer's name or spec, for example {@code "adam"} or
     *              {@code "adam(beta1=0.8)"}, without {@code lr}
     * @param lr its learning rate, {@code > 0}
     * @param k the synchronization period, {@code >= 1}
     * @param alpha the slow step, in {@code (0, 1]}
     * @return the configured optimizer
     * @throws dev.mlp.api.spec.SpecException if a value is out of range or the inner optimizer
     *         is unknown or refused
     */
    public static Lookahead of(String inner, double lr, int k, double alpha) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(INNER.name(), inner);
        raw.put(LR.name(), ParameterSpec.format(lr));
        raw.put(K.name(), Integer.toString(k));
        raw.put(ALPHA.name(), ParameterSpec.format(alpha));
        return of(Parameters.bind(NAME, PARAMETERS, raw));
    }

    /** Lookahead from bound parameters, refusing the inner optimizers a spec cannot wrap. */
    private static Lookahead of(Parameters p) {
        Parameters.Nested inner = p.nested(INNER.name());
        String name = inner.provider().name();
        Object instance = inner.instance();
        String why = null;
        if (instance instanceof Lookahead) {
            why = "lookahead cannot wrap itself";
        } else if (instance instanceof ScheduleFreeAdamW) {
            why = "schedule-free-adamw writes the weights from its own iterates at every step, "
                    + "which would undo each synchronization";
        } else if (instance instanceof ObjectiveOptimizer) {
            why = "'" + name + "' evaluates the objective itself; lookahead steps with batch "
                    + "gradients";
        } else if (inner.provider().parameters().stream()
                .noneMatch(q -> q.name().equals(LR.name()))) {
            why = "'" + name + "' has no learning rate (parameter lr) for schedules and the "
                    + "divergence guard to change"
                    + (instance instanceof Rprop ? " (rprop adapts per-parameter step sizes)" : "");
        }
        if (why != null) {
            throw new SpecException("parameter 'inner' of 'lookahead' cannot be '" + name
                    + "': " + why + "; wrap an optimizer such as adam, sgd or momentum");
        }
        return new Lookahead((Optimizer) instance, p.integer(K.name()), p.real(ALPHA.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        OptimizerState innerState = inner.start(layout);
        return innerState instanceof RangeUpdate
                ? new SplitState(this, layout, innerState)
                : new State(this, layout, innerState);
    }

    /**
     * @return the canonical spec, with the inner optimizer's own canonical spec nested, for
     *         example {@code lookahead(inner=sgd(lr=0.1), k=6, alpha=0.5)}; if the inner
     *         optimizer's {@code toString()} is not a spec of its name,
     *         {@code lookahead(k=5, alpha=0.5) around } and the inner optimizer
     */
    @Override
    public String toString() {
        String in = String.valueOf(inner);
        boolean isSpec;
        try {
            isSpec = Spec.parse(in).name().equals(inner.name());
        } catch (SpecException e) {
            isSpec = false;
        }
        if (isSpec) {
            return NAME + "(" + INNER.name() + "=" + Spec.parse(in) + ", " + K.name() + "=" + k
                    + ", " + ALPHA.name() + "=" + ParameterSpec.format(alpha) + ")";
        }
        return NAME + "(" + K.name() + "=" + k + ", " + ALPHA.name() + "="
                + ParameterSpec.format(alpha) + ") around " + inner;
    }

    /** The run state: the slow weights and the inner optimizer's state. */
    private static class State extends OptimizerRunState {

        final OptimizerState inner;
        final String innerName;
        final int k;
        final double alpha;
        final double[][] slow;

        State(Lookahead config, ParameterLayout layout, OptimizerState inner) {
            super(NAME, layout, Double.NaN);
            this.inner = inner;
            this.innerName = config.inner.name();
            this.k = config.k;
            this.alpha = config.alpha;
            this.slow = perBlock("slow");
        }

        @Override
        public void update(double[][] parameters, double[][] gradients) {
            checkArrays(parameters, gradients);
            long t = steps() + 1;
            if (t == 1) {
                for (int b = 0; b < blocks(); b++) {
                    System.arraycopy(parameters[b], 0, slow[b], 0, blockSize(b));
                }
            }
            inner.update(parameters, gradients);
            if (t % k == 0) {
                for (int b = 0; b < blocks(); b++) {
                    synchronize(b, parameters[b], 0, blockSize(b));
                }
            }
            countStep();
        }

        /** {@code phi <- phi + alpha (w - phi); w <- phi} over {@code [from, to)} of a block. */
        final void synchronize(int block, double[] w, int from, int to) {
            double[] phi = slow[block];
            for (int i = from; i < to; i++) {
                phi[i] += alpha * (w[i] - phi[i]);
                w[i] = phi[i];
            }
        }

        /** Tells the inner optimizer's state; the weights are left as they are. */
        @Override
        public void runFinished(double[][] parameters) {
            inner.runFinished(parameters);
        }

        /** @return the inner optimizer's learning rate */
        @Override
        public double learningRate() {
            return inner.learningRate();
        }

        /** Sets the inner optimizer's learning rate. */
        @Override
        public void learningRate(double rate) {
            inner.learningRate(rate);
        }

        @Override
        public OptimizerSnapshot snapshot() {
            OptimizerSnapshot own = super.snapshot();
            OptimizerSnapshot in = inner.snapshot();
            Map<String, double[]> values = new LinkedHashMap<>(own.values());
            in.values().forEach((key, value) -> values.put(INNER_PREFIX + key, value));
            return new OptimizerSnapshot(NAME, own.steps(), values);
        }

        @Override
        public void restore(OptimizerSnapshot snapshot) {
            Objects.requireNonNull(snapshot, "snapshot");
            snapshot.requireOptimizer(NAME);
            Map<String, double[]> own = new LinkedHashMap<>();
            Map<String, double[]> in = new LinkedHashMap<>();
            snapshot.values().forEach((key, value) -> {
                if (key.startsWith(INNER_PREFIX)) {
                    in.put(key.substring(INNER_PREFIX.length()), value);
                } else {
                    own.put(key, value);
                }
            });
            OptimizerSnapshot before = inner.snapshot();
            inner.restore(new OptimizerSnapshot(innerName, snapshot.steps(), in));
            try {
                super.restore(new OptimizerSnapshot(NAME, snapshot.steps(), own));
            } catch (RuntimeException e) {
                inner.restore(before); // a bad snapshot changes nothing
                throw e;
            }
        }
    }

    /** The run state when the inner optimizer's step can be split into ranges. */
    private static final class SplitState extends State implements RangeUpdate {

        private final RangeUpdate ranges;
        private boolean open;
        private boolean first;
        private boolean sync;

        SplitState(Lookahead config, ParameterLayout layout, OptimizerState inner) {
            super(config, layout, inner);
            this.ranges = (RangeUpdate) inner;
        }

        @Override
        public void update(double[][] parameters, double[][] gradients) {
            requireClosed("update(...)");
            super.update(parameters, gradients);
        }

        @Override
        public void beginStep() {
            requireClosed("beginStep()");
            long t = steps() + 1;
            ranges.beginStep();
            first = t == 1;
            sync = t % k == 0;
            open = true;
        }

        @Override
        public void updateRange(int block, double[] parameters, double[] gradients, int from,
                                int to) {
            if (!open) {
                throw new IllegalStateException(NAME + ": updateRange(...) called without "
                        + "beginStep()");
            }
            if (block < 0 || block >= blocks()) {
                throw new IllegalArgumentException(NAME + ": block must be in [0, " + blocks()
                        + "), found " + block);
            }
            if (from < 0 || from > to || to > blockSize(block)) {
                throw new IllegalArgumentException(NAME + ": the range of block " + block
                        + " must satisfy 0 <= from <= to <= " + blockSize(block) + ", found ["
                        + from + ", " + to + ")");
            }
            if (parameters == null) {
                throw new IllegalArgumentException(NAME + ": block " + block
                        + " has no parameter array");
            }
            if (parameters.length < to) {
                throw new IllegalArgumentException(NAME + ": the parameter array of block "
                        + block + " must hold at least " + to + " values for the range [" + from
                        + ", " + to + "), found " + parameters.length);
            }
            if (first) {
                System.arraycopy(parameters, from, slow[block], from, to - from);
            }
            ranges.updateRange(block, parameters, gradients, from, to);
            if (sync) {
                synchronize(block, parameters, from, to);
            }
        }

        @Override
        public void endStep() {
            if (!open) {
                throw new IllegalStateException(NAME + ": endStep() called without beginStep()");
            }
            ranges.endStep();
            countStep();
            open = false;
        }

        @Override
        public void restore(OptimizerSnapshot snapshot) {
            super.restore(snapshot);
            open = false;
        }

        private void requireClosed(String call) {
            if (open) {
                throw new IllegalStateException(NAME + ": " + call
                        + " called between beginStep() and endStep()");
            }
        }
    }

    /**
     * Provides {@link Lookahead} under the name {@value Lookahead#NAME}, with the parameters
     * declared there. Example specs: {@code lookahead(inner=sgd, lr=0.1, k=6, alpha=0.5)},
     * {@code lookahead(inner=adam(lr=0.01, beta1=0.8), k=5)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Lookahead.NAME, "Lookahead (Zhang et al. 2019): k inner steps, then the slow "
                    + "weights move alpha of the way", Lookahead.PARAMETERS,
                    Lookahead::of);
        }
    }
}
