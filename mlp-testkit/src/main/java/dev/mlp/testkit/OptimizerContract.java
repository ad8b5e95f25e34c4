package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.Objective;
import dev.mlp.api.ObjectiveState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.RangeUpdate;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract of an {@link Optimizer}, run on the quadratic
 * {@code L(theta) = 1/2 sum_i c_i (theta_i - t_i)^2} over four blocks (a 2 x 3 weight matrix,
 * 3 biases, a 3 x 1 weight matrix, 1 bias) with curvatures {@code c_i} in {@code [0.5, 2]}.
 *
 * <ul>
 *   <li>{@value #DECREASE}: after {@link #steps(int)} steps (default 200) from a fixed start the
 *       loss is lower than at the start, and every parameter is finite.</li>
 *   <li>{@value #GRADIENTS}: {@code update} leaves the gradient arrays alone.</li>
 *   <li>{@value #OBJECTIVE}: for an {@link dev.mlp.api.ObjectiveOptimizer}, every
 *       {@code iterate} reports the loss at the parameters it leaves, the first one evaluates
 *       the objective at least once, and no iteration raises the loss.</li>
 *   <li>{@value #RESTART}: a second {@code start(layout)} on the same optimizer reproduces the
 *       first run's trajectory bit for bit, with the same step count.</li>
 *   <li>{@value #INTERLEAVED}: two states of one optimizer stepped alternately on two problems
 *       give the same bits as each run alone.</li>
 *   <li>{@value #SNAPSHOT}: run {@code k} steps, snapshot, run {@code m} more; restoring the
 *       snapshot into a fresh state and running the same {@code m} steps gives the same bits and
 *       step count; the snapshot itself does not change as the run goes on.</li>
 *   <li>{@value #RATE}: if {@code learningRate()} is a number, setting it makes
 *       {@code learningRate()} return the new value, changes the next step, setting it to its
 *       current value changes nothing, and a rate that is not finite and positive is rejected
 *       with {@link IllegalArgumentException}.</li>
 *   <li>{@value #RANGES}: if the state implements {@link RangeUpdate}, steps done as
 *       {@code beginStep}, {@code updateRange} over an irregular cut of every block (ranges of
 *       1, 0, 3 and the rest of the entries, clipped to the block) applied in a shuffled order,
 *       and {@code endStep} give the same raw bits ({@link Double#doubleToRawLongBits}) of the
 *       parameters, of the snapshot (if the state takes one) and the same step count as the
 *       same steps done with {@code update}, also across a change of the learning rate (if it
 *       has one). Skipped for a state that does not implement {@link RangeUpdate}.</li>
 *   <li>{@value #END}: after 10 steps, {@code runFinished} writes only finite values, gives
 *       the same bits when called again on the same parameters, and changes neither the step
 *       count nor the snapshot (if the state takes one). The default, which writes nothing,
 *       passes.</li>
 * </ul>
 *
 * <p>A "step" is one {@code update} with the gradient at the current parameters, or for an
 * {@link dev.mlp.api.ObjectiveOptimizer} (whose state is an {@link ObjectiveState}) one
 * {@code iterate} on the quadratic as an {@link Objective}; such an optimizer may stop moving
 * once it has converged, so its step count is at most the number of iterations. Checks that do
 * not apply to one kind ({@value #GRADIENTS}, {@value #OBJECTIVE}) are skipped.
 *
 * <p>{@link UnsupportedOperationException} from {@code snapshot}/{@code restore} or from
 * {@code learningRate} (and a {@code NaN} rate) fail the contract unless allowed with
 * {@link #allowUnsupportedSnapshots()} or {@link #allowNoLearningRate()}; then the check is
 * skipped, and still run in full if the feature turns out to work.
 */
public final class OptimizerContract extends PluginContract<Optimizer, OptimizerContract> {

    static final String DECREASE = "steps on a quadratic decrease the loss";
    static final String GRADIENTS = "gradients are not modified";
    static final String OBJECTIVE = "iterations report the loss at their new parameters";
    static final String RESTART = "a second start reproduces the first run bit for bit";
    static final String INTERLEAVED = "interleaved runs do not interfere";
    static final String SNAPSHOT = "snapshot and restore continue bit for bit";
    static final String RATE = "learning rate can be read and changed";
    static final String RANGES = "steps split into shuffled ranges match update bit for bit";
    static final String END = "the end of a run writes finite weights, the same twice, and "
            + "leaves the state alone";

    static final List<String> CHECKS = List.of(DECREASE, GRADIENTS, OBJECTIVE, RESTART,
            INTERLEAVED, SNAPSHOT, RATE, RANGES, END);

    /** The lengths of the ranges each block is cut into, the last taking the rest. */
    private static final int[] CUT = {1, 0, 3};

    static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterLayout.Block(1, ParameterLayout.Kind.WEIGHTS, 6),
            new ParameterLayout.Block(1, ParameterLayout.Kind.BIASES, 3),
            new ParameterLayout.Block(2, ParameterLayout.Kind.WEIGHTS, 3),
            new ParameterLayout.Block(2, ParameterLayout.Kind.BIASES, 1)));

    private int steps = 200;
    private boolean allowNoSnapshots;
    private boolean allowNoRate;

    OptimizerContract(PluginProvider<Optimizer> provider) {
        super(PluginKind.OPTIMIZER, provider);
    }

    /**
     * Sets the number of steps of the descent check.
     *
     * @param steps at least 1
     * @return this contract
     */
    public OptimizerContract steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, found " + steps);
        }
        this.steps = steps;
        return this;
    }

    /**
     * Allows {@code snapshot()}/{@code restore()} to throw {@link UnsupportedOperationException}.
     *
     * @return this contract
     */
    public OptimizerContract allowUnsupportedSnapshots() {
        this.allowNoSnapshots = true;
        return this;
    }

    /**
     * Allows the optimizer to have no learning rate ({@code learningRate()} is {@code NaN} and
     * {@code learningRate(double)} throws {@link UnsupportedOperationException}).
     *
     * @return this contract
     */
    public OptimizerContract allowNoLearningRate() {
        this.allowNoRate = true;
        return this;
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(DECREASE, spec, () -> checkDecrease(spec)),
                new Check(GRADIENTS, spec, () -> checkGradients(spec)),
                new Check(OBJECTIVE, spec, () -> checkObjective(spec)),
                new Check(RESTART, spec, () -> checkRestart(spec)),
                new Check(INTERLEAVED, spec, () -> checkInterleaved(spec)),
                new Check(SNAPSHOT, spec, () -> checkSnapshot(spec)),
                new Check(RATE, spec, () -> checkRate(spec)),
                new Check(RANGES, spec, () -> checkRanges(spec)),
                new Check(END, spec, () -> checkEnd(spec)));
    }

    @Override
    String nameOf(Optimizer instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Optimizer optimizer) {
        Quadratic q = new Quadratic(1);
        double[][] theta = q.start();
        OptimizerState s = optimizer.start(LAYOUT);
        run(q, s, theta, 10);
        return Numbers.concat(Numbers.flatten(theta), new double[] {s.steps()});
    }

    /** The test problem: curvatures, targets and a start, per block. */
    static final class Quadratic {
        final double[][] c = new double[LAYOUT.size()][];
        final double[][] t = new double[LAYOUT.size()][];
        final double[][] start = new double[LAYOUT.size()][];

        Quadratic(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int b = 0; b < LAYOUT.size(); b++) {
                int n = LAYOUT.block(b).size();
                c[b] = Numbers.uniform(r, n, 0.5, 2.0);
                t[b] = Numbers.uniform(r, n, -1, 1);
                start[b] = Numbers.uniform(r, n, -1, 1);
            }
        }

        double[][] start() {
            return Numbers.copy(start);
        }

        double loss(double[][] theta) {
            double l = 0;
            for (int b = 0; b < theta.length; b++) {
                for (int i = 0; i < theta[b].length; i++) {
                    double d = theta[b][i] - t[b][i];
                    l += 0.5 * c[b][i] * d * d;
                }
            }
            return l;
        }

        /** @return this quadratic as an objective of {@link #LAYOUT} */
        Objective objective() {
            return new Objective() {
                @Override
                public ParameterLayout layout() {
                    return LAYOUT;
                }

                @Override
                public double evaluate(double[][] parameters, double[][] gradient) {
                    double[][] g = Quadratic.this.gradient(parameters);
                    for (int b = 0; b < g.length; b++) {
                        System.arraycopy(g[b], 0, gradient[b], 0, g[b].length);
                    }
                    return loss(parameters);
                }
            };
        }

        double[][] gradient(double[][] theta) {
            double[][] g = new double[theta.length][];
            for (int b = 0; b < theta.length; b++) {
                g[b] = new double[theta[b].length];
                for (int i = 0; i < theta[b].length; i++) {
                    g[b][i] = c[b][i] * (theta[b][i] - t[b][i]);
                }
            }
            return g;
        }
    }

    /** Runs steps and returns the flattened parameters after each. */
    static double[][] run(Quadratic q, OptimizerState s, double[][] theta, int n) {
        double[][] trajectory = new double[n][];
        for (int k = 0; k < n; k++) {
            step(q, s, theta);
            trajectory[k] = Numbers.flatten(theta);
        }
        return trajectory;
    }

    /** One step: an update with the gradient at {@code theta}, or one iteration. */
    static void step(Quadratic q, OptimizerState s, double[][] theta) {
        if (s instanceof ObjectiveState o) {
            o.iterate(theta, q.objective());
        } else {
            s.update(theta, q.gradient(theta));
        }
    }

    private void checkDecrease(String spec) {
        Optimizer o = create(spec);
        Quadratic q = new Quadratic(1);
        double[][] theta = q.start();
        double l0 = q.loss(theta);
        OptimizerState s = o.start(LAYOUT);
        StringBuilder path = new StringBuilder();
        for (int k = 1; k <= steps; k++) {
            step(q, s, theta);
            if (k == 1 || k == 10 || k % 50 == 0 || k == steps) {
                path.append(" ").append(k).append(": ").append(q.loss(theta)).append(';');
            }
        }
        double l = q.loss(theta);
        for (double v : Numbers.flatten(theta)) {
            if (!Double.isFinite(v)) {
                throw new AssertionError(spec + ": a parameter is " + v + " after " + steps
                        + " steps on the quadratic; losses by step:" + path);
            }
        }
        if (!(l < l0)) {
            throw new AssertionError(spec + ": the loss did not decrease on the quadratic, "
                    + l0 + " at the start, " + l + " after " + steps + " steps; losses by step:"
                    + path);
        }
        if (s instanceof ObjectiveState) {
            if (s.steps() < 1 || s.steps() > steps) {
                throw new AssertionError(spec + ": steps() is " + s.steps() + " after " + steps
                        + " iterations, expected 1 to " + steps);
            }
        } else if (s.steps() != steps) {
            throw new AssertionError(spec + ": steps() is " + s.steps() + " after " + steps
                    + " updates");
        }
    }

    private void checkObjective(String spec) {
        Optimizer o = create(spec);
        OptimizerState state = o.start(LAYOUT);
        if (!(state instanceof ObjectiveState s)) {
            Assumptions.abort(spec + ": a step optimizer, it does not evaluate the objective");
            return;
        }
        Quadratic q = new Quadratic(9);
        double[][] theta = q.start();
        double previous = q.loss(theta);
        for (int k = 1; k <= 10; k++) {
            ObjectiveState.Iteration it = s.iterate(theta, q.objective());
            double loss = q.loss(theta);
            if (Double.doubleToRawLongBits(it.loss()) != Double.doubleToRawLongBits(loss)) {
                throw new AssertionError(spec + ": iteration " + k + " reports the loss "
                        + it.loss() + ", the objective at the parameters it left is " + loss);
            }
            if (k == 1 && it.evaluations() < 1) {
                throw new AssertionError(spec + ": the first iteration reports "
                        + it.evaluations() + " evaluations of the objective");
            }
            if (loss > previous) {
                throw new AssertionError(spec + ": iteration " + k + " raised the loss from "
                        + previous + " to " + loss);
            }
            previous = loss;
        }
    }

    private void checkEnd(String spec) {
        Quadratic q = new Quadratic(6);
        OptimizerState s = create(spec).start(LAYOUT);
        double[][] theta = q.start();
        for (int k = 0; k < 10; k++) {
            step(q, s, theta);
        }
        long steps = s.steps();
        OptimizerSnapshot before = snapshotOrNull(s);
        double[][] once = copy(theta);
        s.runFinished(once);
        for (double v : Numbers.flatten(once)) {
            if (!Double.isFinite(v)) {
                throw new AssertionError(spec + ": runFinished wrote " + v + " into a parameter");
            }
        }
        double[][] twice = copy(theta);
        s.runFinished(twice);
        if (!Numbers.sameBits(Numbers.flatten(once), Numbers.flatten(twice))) {
            throw new AssertionError(spec + ": runFinished gives other weights when called again "
                    + "on the same parameters: " + Numbers.describeDifference(
                    Numbers.flatten(once), Numbers.flatten(twice)));
        }
        if (s.steps() != steps) {
            throw new AssertionError(spec + ": runFinished changed steps() from " + steps
                    + " to " + s.steps());
        }
        OptimizerSnapshot after = snapshotOrNull(s);
        if (before != null && !before.equals(after)) {
            throw new AssertionError(spec + ": runFinished changed the state's snapshot");
        }
    }

    private static OptimizerSnapshot snapshotOrNull(OptimizerState s) {
        try {
            return s.snapshot();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private void checkGradients(String spec) {
        Optimizer o = create(spec);
        Quadratic q = new Quadratic(2);
        double[][] theta = q.start();
        OptimizerState s = o.start(LAYOUT);
        if (s instanceof ObjectiveState) {
            Assumptions.abort(spec + ": an objective optimizer takes no gradient arrays");
            return;
        }
        for (int k = 0; k < 5; k++) {
            double[][] g = q.gradient(theta);
            double[][] keep = Numbers.copy(g);
            s.update(theta, g);
            for (int b = 0; b < g.length; b++) {
                if (!Numbers.sameBits(keep[b], g[b])) {
                    throw new AssertionError(spec + ": update " + (k + 1)
                            + " changed the gradient of block " + b + " " + LAYOUT.block(b) + ": "
                            + Numbers.describeDifference(keep[b], g[b]));
                }
            }
        }
    }

    private void checkRestart(String spec) {
        Optimizer o = create(spec);
        Quadratic q = new Quadratic(3);
        OptimizerState first = o.start(LAYOUT);
        double[][] a = run(q, first, q.start(), 20);
        OptimizerState second = o.start(LAYOUT);
        if (second.steps() != 0) {
            throw new AssertionError(spec + ": a fresh state reports " + second.steps() + " steps");
        }
        double[][] b = run(q, second, q.start(), 20);
        for (int k = 0; k < a.length; k++) {
            if (!Numbers.sameBits(a[k], b[k])) {
                throw new AssertionError(spec + ": after step " + (k + 1) + " the second run "
                        + "differs from the first (state kept in the optimizer?): "
                        + Numbers.describeDifference(a[k], b[k]));
            }
        }
    }

    private void checkInterleaved(String spec) {
        Quadratic qa = new Quadratic(4);
        Quadratic qb = new Quadratic(5);
        double[][] refA = run(qa, create(spec).start(LAYOUT), qa.start(), 15);
        double[][] refB = run(qb, create(spec).start(LAYOUT), qb.start(), 15);
        Optimizer o = create(spec);
        OptimizerState sa = o.start(LAYOUT);
        OptimizerState sb = o.start(LAYOUT);
        double[][] ta = qa.start();
        double[][] tb = qb.start();
        for (int k = 0; k < 15; k++) {
            step(qa, sa, ta);
            step(qb, sb, tb);
            double[] fa = Numbers.flatten(ta);
            double[] fb = Numbers.flatten(tb);
            if (!Numbers.sameBits(refA[k], fa) || !Numbers.sameBits(refB[k], fb)) {
                throw new AssertionError(spec + ": at step " + (k + 1) + " two interleaved runs"
                        + " differ from the runs alone: "
                        + (Numbers.sameBits(refA[k], fa) ? "second run, "
                                + Numbers.describeDifference(refB[k], fb)
                                : "first run, " + Numbers.describeDifference(refA[k], fa)));
            }
        }
    }

    private void checkSnapshot(String spec) {
        Optimizer o = create(spec);
        Quadratic q = new Quadratic(6);
        OptimizerState s = o.start(LAYOUT);
        double[][] theta = q.start();
        run(q, s, theta, 7);
        OptimizerSnapshot snap;
        try {
            snap = s.snapshot();
        } catch (UnsupportedOperationException e) {
            unsupported(allowNoSnapshots, spec + ": snapshot() is not supported ("
                    + e.getMessage() + "); call allowUnsupportedSnapshots() if that is intended");
            return;
        }
        if (snap == null) {
            throw new AssertionError(spec + ": snapshot() returned null");
        }
        OptimizerSnapshot copy = new OptimizerSnapshot(snap.optimizer(), snap.steps(),
                snap.values());
        double[][] atK = Numbers.copy(theta);
        double[][] later = run(q, s, theta, 5);
        if (!snap.equals(copy)) {
            throw new AssertionError(spec + ": the snapshot changed while the run went on");
        }
        OptimizerState fresh = o.start(LAYOUT);
        try {
            fresh.restore(snap);
        } catch (UnsupportedOperationException e) {
            unsupported(allowNoSnapshots, spec + ": restore() is not supported ("
                    + e.getMessage() + "); call allowUnsupportedSnapshots() if that is intended");
            return;
        }
        if (fresh.steps() != 7) {
            throw new AssertionError(spec + ": after restoring a snapshot taken at step 7, "
                    + "steps() is " + fresh.steps());
        }
        double[][] again = run(q, fresh, atK, 5);
        for (int k = 0; k < 5; k++) {
            if (!Numbers.sameBits(later[k], again[k])) {
                throw new AssertionError(spec + ": step " + (8 + k) + " after restoring the "
                        + "step-7 snapshot " + snap + " differs from the original run: "
                        + Numbers.describeDifference(later[k], again[k]));
            }
        }
        if (fresh.steps() != s.steps()) {
            throw new AssertionError(spec + ": steps() after the restored run is " + fresh.steps()
                    + ", the original run has " + s.steps());
        }
    }

    private static void unsupported(boolean allowed, String message) {
        if (!allowed) {
            throw new AssertionError(message);
        }
        Assumptions.abort("allowed by the test author: " + message);
    }

    private void checkRate(String spec) {
        Optimizer o = create(spec);
        Quadratic q = new Quadratic(7);
        OptimizerState a = o.start(LAYOUT);
        double rate = a.learningRate();
        if (Double.isNaN(rate)) {
            String why = spec + ": learningRate() is NaN (no single learning rate)";
            try {
                a.learningRate(0.5);
            } catch (UnsupportedOperationException e) {
                unsupported(allowNoRate, why + "; call allowNoLearningRate() if that is intended");
                return;
            }
            throw new AssertionError(why + " but learningRate(0.5) is accepted");
        }
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new AssertionError(spec + ": learningRate() is " + rate
                    + ", expected a finite rate > 0 (or NaN for none)");
        }
        OptimizerState b = o.start(LAYOUT);
        OptimizerState c = o.start(LAYOUT);
        double[][] ta = q.start();
        double[][] tb = q.start();
        double[][] tc = q.start();
        run(q, a, ta, 3);
        run(q, b, tb, 3);
        run(q, c, tc, 3);
        double current = b.learningRate();
        try {
            b.learningRate(current / 2);
            c.learningRate(current);
        } catch (UnsupportedOperationException e) {
            throw new AssertionError(spec + ": learningRate() is " + current
                    + " but learningRate(double) is not supported: " + e.getMessage());
        }
        if (b.learningRate() != current / 2) {
            throw new AssertionError(spec + ": after learningRate(" + current / 2
                    + "), learningRate() returns " + b.learningRate());
        }
        double[] next = run(q, a, ta, 1)[0];
        double[] halved = run(q, b, tb, 1)[0];
        double[] same = run(q, c, tc, 1)[0];
        if (Numbers.sameBits(next, halved)) {
            throw new AssertionError(spec + ": halving the learning rate from " + current
                    + " did not change the next step");
        }
        if (!Numbers.sameBits(next, same)) {
            throw new AssertionError(spec + ": setting the learning rate to its current value "
                    + current + " changed the next step: " + Numbers.describeDifference(next, same));
        }
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            try {
                o.start(LAYOUT).learningRate(bad);
                throw new AssertionError(spec + ": learningRate(" + bad + ") is accepted");
            } catch (IllegalArgumentException expected) {
                // rejected as documented
            }
        }
    }

    private void checkRanges(String spec) {
        // separate optimizers, so that even state wrongly kept in the optimizer is not shared
        OptimizerState whole = create(spec).start(LAYOUT);
        OptimizerState split = create(spec).start(LAYOUT);
        if (!(split instanceof RangeUpdate ranges)) {
            Assumptions.abort(spec + ": the state does not implement RangeUpdate");
            return;
        }
        Quadratic q = new Quadratic(8);
        double[][] a = q.start();
        double[][] b = q.start();
        List<int[]> cut = cut();
        SplittableRandom order = new SplittableRandom(8);
        for (int k = 1; k <= 8; k++) {
            if (k == 5 && !Double.isNaN(whole.learningRate())) {
                try {
                    whole.learningRate(whole.learningRate() / 2);
                    split.learningRate(split.learningRate() / 2);
                } catch (UnsupportedOperationException e) {
                    // no settable rate: the rate check reports it
                }
            }
            double[][] ga = q.gradient(a);
            double[][] gb = q.gradient(b);
            whole.update(a, ga);
            shuffle(cut, order);
            StringBuilder applied = new StringBuilder();
            ranges.beginStep();
            for (int[] r : cut) {
                ranges.updateRange(r[0], b[r[0]], gb[r[0]], r[1], r[2]);
                applied.append(applied.length() == 0 ? "" : ", ").append(r[0]).append(":[")
                        .append(r[1]).append(", ").append(r[2]).append(')');
            }
            ranges.endStep();
            for (int blk = 0; blk < a.length; blk++) {
                int i = Numbers.firstRawDifference(a[blk], b[blk]);
                if (i >= 0) {
                    throw new AssertionError(spec + ": at step " + k + ", block " + blk + " "
                            + LAYOUT.block(blk) + " [" + i + "] is " + b[blk][i] + " after the "
                            + "ranges (block:[from, to) in the order applied: " + applied
                            + "), " + a[blk][i] + " after update");
                }
            }
            if (whole.steps() != split.steps()) {
                throw new AssertionError(spec + ": after " + k + " steps, steps() is "
                        + split.steps() + " after the ranges, " + whole.steps()
                        + " after update");
            }
        }
        OptimizerSnapshot sa;
        OptimizerSnapshot sb;
        try {
            sa = whole.snapshot();
            sb = split.snapshot();
        } catch (UnsupportedOperationException e) {
            return; // nothing more to compare; the snapshot check reports it
        }
        if (sa.steps() != sb.steps() || !sa.values().keySet().equals(sb.values().keySet())) {
            throw new AssertionError(spec + ": the snapshot after 8 steps by ranges is " + sb
                    + ", after update " + sa);
        }
        for (Map.Entry<String, double[]> e : sa.values().entrySet()) {
            double[] x = sb.values().get(e.getKey());
            int i = Numbers.firstRawDifference(e.getValue(), x);
            if (i >= 0) {
                throw new AssertionError(spec + ": after 8 steps the snapshot value '"
                        + e.getKey() + "' [" + i + "] is " + (i < x.length ? x[i] : "missing")
                        + " after the ranges, "
                        + (i < e.getValue().length ? e.getValue()[i] : "missing")
                        + " after update");
            }
        }
    }

    /** Every block cut into ranges of {@link #CUT}'s lengths and the rest, clipped. */
    private static List<int[]> cut() {
        List<int[]> ranges = new ArrayList<>();
        for (int blk = 0; blk < LAYOUT.size(); blk++) {
            int n = LAYOUT.block(blk).size();
            int from = 0;
            for (int len : CUT) {
                int to = Math.min(n, from + len);
                ranges.add(new int[] {blk, from, to});
                from = to;
            }
            ranges.add(new int[] {blk, from, n});
        }
        return ranges;
    }

    private static void shuffle(List<int[]> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
