package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The contract of a {@link Loss}. The loss runs after each output activation its
 * {@link Loss#checkOutputActivation(Activation)} accepts, among the kit's
 * {@link ReferenceActivations} ({@code identity}, {@code sigmoid}, {@code softmax}) and any given
 * with {@link #outputActivation(Activation)}, on data from {@link LossSamples#DEFAULT} or from
 * {@link #samples(LossSamples)}.
 *
 * <ul>
 *   <li>{@value #DELTA}: {@code delta(output, z, a, y)} against the central (or, at a kink,
 *       one-sided) difference of {@code value(z, output(z), y)} in each pre-activation.</li>
 *   <li>{@value #GRADIENT}: {@code outputGradient(a, y)} back-propagated through the
 *       activation, against the same differences.</li>
 *   <li>{@value #VALUES}: {@code values(...)} of each sample sum to {@code value(...)}, and each
 *       equals the value of that sample alone.</li>
 *   <li>{@value #WRITES}: nothing past {@code rows x cols} (or past {@code rows} for
 *       {@code values}) is written; {@code z}, {@code a} and {@code y} keep their values.</li>
 *   <li>{@value #STATE}: two instances used in an interleaved order on different batches give
 *       the same bits as fresh instances.</li>
 * </ul>
 */
public final class LossContract extends PluginContract<Loss, LossContract> {

    static final String DELTA = "delta matches finite differences of value";
    static final String GRADIENT = "output gradient through the activation matches finite "
            + "differences of value";
    static final String VALUES = "per-sample values sum to value";
    static final String WRITES = "only rows x cols entries are written and inputs are left alone";
    static final String STATE = "no hidden state across instances and calls";

    static final List<String> CHECKS = List.of(DELTA, GRADIENT, VALUES, WRITES, STATE);

    private static final int ROWS = 3;
    private static final int COLS = 4;

    private final List<Activation> outputs = new ArrayList<>(ReferenceActivations.all());
    private LossSamples samples = LossSamples.DEFAULT;

    LossContract(PluginProvider<Loss> provider) {
        super(PluginKind.LOSS, provider);
    }

    /**
     * Replaces the generator of pre-activations and targets.
     *
     * @param samples the generator
     * @return this contract
     */
    public LossContract samples(LossSamples samples) {
        this.samples = Objects.requireNonNull(samples, "samples");
        return this;
    }

    /**
     * Adds an output activation to try the loss after (it is used if the loss accepts it).
     *
     * @param output the activation
     * @return this contract
     */
    public LossContract outputActivation(Activation output) {
        outputs.add(Objects.requireNonNull(output, "output"));
        return this;
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(DELTA, spec, () -> checkDerivatives(spec, true)),
                new Check(GRADIENT, spec, () -> checkDerivatives(spec, false)),
                new Check(VALUES, spec, () -> checkValues(spec)),
                new Check(WRITES, spec, () -> checkWrites(spec)),
                new Check(STATE, spec, () -> checkState(spec)));
    }

    @Override
    String nameOf(Loss instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Loss loss) {
        List<Activation> accepted = accepted(loss);
        Activation out = accepted.isEmpty() ? ReferenceActivations.identity() : accepted.get(0);
        Batch b = new Batch(out, 77);
        double[] values = new double[ROWS];
        loss.values(b.z, b.a, b.y, values, ROWS, COLS);
        double[] grad = new double[ROWS * COLS];
        loss.outputGradient(b.a, b.y, grad, ROWS, COLS);
        double[] delta = new double[ROWS * COLS];
        loss.delta(out, b.z, b.a, b.y, delta, ROWS, COLS);
        return Numbers.concat(new double[] {loss.value(b.z, b.a, b.y, ROWS, COLS)}, values, grad,
                delta);
    }

    private List<Activation> accepted(Loss loss) {
        List<Activation> ok = new ArrayList<>();
        for (Activation a : outputs) {
            try {
                loss.checkOutputActivation(a);
                ok.add(a);
            } catch (IllegalArgumentException e) {
                // not a pairing this loss supports
            }
        }
        return ok;
    }

    private List<Activation> acceptedOrFail(Loss loss, String spec) {
        List<Activation> ok = accepted(loss);
        if (ok.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Activation a : outputs) {
                names.add(a.name());
            }
            throw new AssertionError(spec + " accepts none of the output activations " + names
                    + "; give one with .outputActivation(...)");
        }
        return ok;
    }

    /** One batch of data after one output activation. */
    private final class Batch {
        final Activation out;
        final double[] z = new double[ROWS * COLS];
        final double[] y = new double[ROWS * COLS];
        final double[] a = new double[ROWS * COLS];

        Batch(Activation out, long seed) {
            this.out = out;
            samples.fill(out.name(), ROWS, COLS, new SplittableRandom(seed), z, y);
            out.forward(z, a, ROWS, COLS);
        }

        String where(int i) {
            return "after " + out.name() + ", sample " + (i / COLS) + ", output " + (i % COLS)
                    + " (z = " + z[i] + ", a = " + a[i] + ", y = " + y[i] + ")";
        }
    }

    private static double rowValue(Loss loss, Activation out, double[] zRow, double[] yRow) {
        double[] a = new double[zRow.length];
        out.forward(zRow, a, 1, zRow.length);
        return loss.value(zRow, a, yRow, 1, zRow.length);
    }

    private void checkDerivatives(String spec, boolean fused) {
        Loss loss = create(spec);
        Problems p = new Problems(spec + (fused ? ": delta" : ": outputGradient")
                + " versus finite differences of value");
        long seed = 11;
        for (Activation out : acceptedOrFail(loss, spec)) {
            Batch b = new Batch(out, seed++);
            double[] analytic = new double[ROWS * COLS];
            if (fused) {
                loss.delta(out, b.z.clone(), b.a.clone(), b.y.clone(), analytic, ROWS, COLS);
            } else {
                double[] g = new double[ROWS * COLS];
                loss.outputGradient(b.a.clone(), b.y.clone(), g, ROWS, COLS);
                out.backward(b.z.clone(), b.a.clone(), g, analytic, ROWS, COLS);
            }
            for (int r = 0; r < ROWS; r++) {
                double[] zRow = Arrays.copyOfRange(b.z, r * COLS, (r + 1) * COLS);
                double[] yRow = Arrays.copyOfRange(b.y, r * COLS, (r + 1) * COLS);
                double l0 = rowValue(loss, out, zRow, yRow);
                if (!Double.isFinite(l0)) {
                    p.add("after " + out.name() + ", sample " + r + ": value is " + l0
                            + " for z = " + Arrays.toString(zRow) + ", y = "
                            + Arrays.toString(yRow));
                    continue;
                }
                for (int c = 0; c < COLS; c++) {
                    double x = zRow[c];
                    double h = 1e-6 * Math.max(1.0, Math.abs(x));
                    double[] zp = zRow.clone();
                    double[] zm = zRow.clone();
                    zp[c] = x + h;
                    zm[c] = x - h;
                    double lp = rowValue(loss, out, zp, yRow);
                    double lm = rowValue(loss, out, zm, yRow);
                    double central = (lp - lm) / (zp[c] - zm[c]);
                    double left = (l0 - lm) / (x - zm[c]);
                    double right = (lp - l0) / (zp[c] - x);
                    double an = analytic[r * COLS + c];
                    double noise = 1e-8 * Math.max(1.0, Math.abs(l0));
                    if (!Double.isFinite(an)) {
                        p.add(b.where(r * COLS + c) + ": analytic value " + an);
                    } else if (!Numbers.derivativeAgrees(an, central, left, right, noise)) {
                        p.add(b.where(r * COLS + c) + ": " + Numbers.fd(an, central, left, right));
                    }
                }
            }
        }
        p.throwIfAny();
    }

    private void checkValues(String spec) {
        Loss loss = create(spec);
        Problems p = new Problems(spec + ": per-sample values");
        long seed = 21;
        for (Activation out : acceptedOrFail(loss, spec)) {
            Batch b = new Batch(out, seed++);
            double total = loss.value(b.z, b.a, b.y, ROWS, COLS);
            double[] each = new double[ROWS];
            loss.values(b.z, b.a, b.y, each, ROWS, COLS);
            double sum = 0;
            double scale = 0;
            for (int r = 0; r < ROWS; r++) {
                sum += each[r];
                scale += Math.abs(each[r]);
                double alone = loss.value(Arrays.copyOfRange(b.z, r * COLS, (r + 1) * COLS),
                        Arrays.copyOfRange(b.a, r * COLS, (r + 1) * COLS),
                        Arrays.copyOfRange(b.y, r * COLS, (r + 1) * COLS), 1, COLS);
                if (!(Math.abs(alone - each[r]) <= 1e-13 * Math.max(1.0, Math.abs(alone)))) {
                    p.add("after " + out.name() + ", values()[" + r + "] = " + each[r]
                            + " but the value of sample " + r + " alone is " + alone);
                }
            }
            if (!(Math.abs(sum - total) <= 1e-12 * Math.max(1.0, scale))) {
                p.add("after " + out.name() + ", values() sum to " + sum + " but value() is "
                        + total);
            }
        }
        p.throwIfAny();
    }

    private void checkWrites(String spec) {
        Loss loss = create(spec);
        Problems p = new Problems(spec + ": array use");
        int n = ROWS * COLS;
        for (Activation out : acceptedOrFail(loss, spec)) {
            Batch b = new Batch(out, 31);
            double[] z = Arrays.copyOf(b.z, n + 2);
            double[] a = Arrays.copyOf(b.a, n + 2);
            double[] y = Arrays.copyOf(b.y, n + 2);
            z[n] = 5;
            a[n] = 5;
            y[n] = 5;
            double[] zKeep = z.clone();
            double[] aKeep = a.clone();
            double[] yKeep = y.clone();
            double[] g = new double[n + 2];
            double[] d = new double[n + 2];
            double[] v = new double[ROWS + 2];
            Arrays.fill(g, -99);
            Arrays.fill(d, -99);
            Arrays.fill(v, -99);
            loss.value(z, a, y, ROWS, COLS);
            loss.values(z, a, y, v, ROWS, COLS);
            loss.outputGradient(a, y, g, ROWS, COLS);
            loss.delta(out, z, a, y, d, ROWS, COLS);
            String after = "after " + out.name() + ": ";
            if (g[n] != -99 || g[n + 1] != -99) {
                p.add(after + "outputGradient wrote past rows x cols = " + n);
            }
            if (d[n] != -99 || d[n + 1] != -99) {
                p.add(after + "delta wrote past rows x cols = " + n);
            }
            if (v[ROWS] != -99 || v[ROWS + 1] != -99) {
                p.add(after + "values wrote past rows = " + ROWS);
            }
            if (!Numbers.sameBits(zKeep, z)) {
                p.add(after + "z was changed: " + Numbers.describeDifference(zKeep, z));
            }
            if (!Numbers.sameBits(aKeep, a)) {
                p.add(after + "a was changed: " + Numbers.describeDifference(aKeep, a));
            }
            if (!Numbers.sameBits(yKeep, y)) {
                p.add(after + "y was changed: " + Numbers.describeDifference(yKeep, y));
            }
        }
        p.throwIfAny();
    }

    private void checkState(String spec) {
        Problems p = new Problems(spec + ": hidden state");
        List<Activation> outs = acceptedOrFail(create(spec), spec);
        Activation out = outs.get(0);
        Batch first = new Batch(out, 41);
        Batch second = new Batch(out, 42);
        double[] ref1 = behaviourOn(create(spec), first);
        double[] ref2 = behaviourOn(create(spec), second);
        Loss one = create(spec);
        Loss two = create(spec);
        double[] x1 = behaviourOn(one, first);
        double[] x2 = behaviourOn(two, second);
        double[] y2 = behaviourOn(one, second);
        double[] y1 = behaviourOn(two, first);
        double[] z1 = behaviourOn(one, first);
        double[][] got = {x1, x2, y2, y1, z1};
        double[][] want = {ref1, ref2, ref2, ref1, ref1};
        String[] what = {"first batch", "second batch on another instance",
            "second batch after the first", "first batch after the second",
            "first batch again"};
        for (int i = 0; i < got.length; i++) {
            if (!Numbers.sameBits(want[i], got[i])) {
                p.add(what[i] + " differs from a fresh instance: "
                        + Numbers.describeDifference(want[i], got[i]));
            }
        }
        p.throwIfAny();
    }

    private static double[] behaviourOn(Loss loss, Batch b) {
        double[] values = new double[ROWS];
        loss.values(b.z.clone(), b.a.clone(), b.y.clone(), values, ROWS, COLS);
        double[] delta = new double[ROWS * COLS];
        loss.delta(b.out, b.z.clone(), b.a.clone(), b.y.clone(), delta, ROWS, COLS);
        double[] grad = new double[ROWS * COLS];
        loss.outputGradient(b.a.clone(), b.y.clone(), grad, ROWS, COLS);
        return Numbers.concat(new double[] {loss.value(b.z.clone(), b.a.clone(), b.y.clone(),
                ROWS, COLS)}, values, delta, grad);
    }
}
