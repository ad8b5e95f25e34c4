package dev.mlp.testkit;

import dev.mlp.api.Metric;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contract of a {@link Metric}, computed on {@value #ROWS} samples of {@value #OUTPUTS}
 * outputs: predictions are rows of probabilities, targets one-hot rows (so that metrics that
 * need classes can run too), weights in {@code [0.5, 2]}.
 *
 * <ul>
 *   <li>{@value #FINITE}: the value is finite, with and without weights.</li>
 *   <li>{@value #DETERMINISTIC}: the same input gives the same value, bit for bit, on the same
 *       and on another instance, and the input arrays keep their values.</li>
 *   <li>{@value #UNIT_WEIGHTS}: weights that are all 1 give the value without weights (to a
 *       relative 1e-12).</li>
 *   <li>{@value #BOUNDS}: entries past {@code rows x outputs} (and past {@code rows} weights)
 *       are not read.</li>
 * </ul>
 */
public final class MetricContract extends PluginContract<Metric, MetricContract> {

    static final String FINITE = "value is finite, with and without weights";
    static final String DETERMINISTIC = "same input, same value; inputs are left alone";
    static final String UNIT_WEIGHTS = "weights of 1 give the unweighted value";
    static final String BOUNDS = "only rows x outputs entries are read";

    static final List<String> CHECKS = List.of(FINITE, DETERMINISTIC, UNIT_WEIGHTS, BOUNDS);

    static final int ROWS = 12;
    static final int OUTPUTS = 3;

    MetricContract(PluginProvider<Metric> provider) {
        super(PluginKind.METRIC, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(FINITE, spec, () -> checkFinite(spec)),
                new Check(DETERMINISTIC, spec, () -> checkDeterministic(spec)),
                new Check(UNIT_WEIGHTS, spec, () -> checkUnitWeights(spec)),
                new Check(BOUNDS, spec, () -> checkBounds(spec)));
    }

    @Override
    String nameOf(Metric instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Metric m) {
        return new double[] {m.compute(predictions(), targets(), null, ROWS, OUTPUTS),
                m.compute(predictions(), targets(), weights(), ROWS, OUTPUTS)};
    }

    static double[] predictions() {
        SplittableRandom r = new SplittableRandom(11);
        double[] p = new double[ROWS * OUTPUTS];
        for (int row = 0; row < ROWS; row++) {
            double sum = 0;
            for (int c = 0; c < OUTPUTS; c++) {
                p[row * OUTPUTS + c] = Math.exp(r.nextDouble(-2, 2));
                sum += p[row * OUTPUTS + c];
            }
            for (int c = 0; c < OUTPUTS; c++) {
                p[row * OUTPUTS + c] /= sum;
            }
        }
        return p;
    }

    static double[] targets() {
        double[] y = new double[ROWS * OUTPUTS];
        for (int row = 0; row < ROWS; row++) {
            y[row * OUTPUTS + (row * 7) % OUTPUTS] = 1;
        }
        return y;
    }

    static double[] weights() {
        return Numbers.uniform(new SplittableRandom(12), ROWS, 0.5, 2);
    }

    private void checkFinite(String spec) {
        double[] v = behaviour(create(spec));
        Problems p = new Problems(spec + ": values");
        if (!Double.isFinite(v[0])) {
            p.add("without weights it is " + v[0]);
        }
        if (!Double.isFinite(v[1])) {
            p.add("with weights it is " + v[1]);
        }
        p.throwIfAny();
    }

    private void checkDeterministic(String spec) {
        Metric m = create(spec);
        double[] p = predictions();
        double[] y = targets();
        double[] w = weights();
        double a = m.compute(p, y, w, ROWS, OUTPUTS);
        if (!Numbers.sameBits(p, predictions()) || !Numbers.sameBits(y, targets())
                || !Numbers.sameBits(w, weights())) {
            throw new AssertionError(spec + ": compute changed its input arrays");
        }
        double b = m.compute(p, y, w, ROWS, OUTPUTS);
        double c = create(spec).compute(p, y, w, ROWS, OUTPUTS);
        if (!Numbers.sameBits(new double[] {a, a}, new double[] {b, c})) {
            throw new AssertionError(spec + ": the same input gives " + a + ", then " + b
                    + ", and " + c + " on another instance");
        }
    }

    private void checkUnitWeights(String spec) {
        Metric m = create(spec);
        double[] ones = new double[ROWS];
        Arrays.fill(ones, 1.0);
        double plain = m.compute(predictions(), targets(), null, ROWS, OUTPUTS);
        double weighted = m.compute(predictions(), targets(), ones, ROWS, OUTPUTS);
        if (!(Math.abs(plain - weighted) <= 1e-12 * Math.max(1, Math.abs(plain)))) {
            throw new AssertionError(spec + ": weights of 1 give " + weighted
                    + ", without weights " + plain);
        }
    }

    private void checkBounds(String spec) {
        Metric m = create(spec);
        double[] p = Arrays.copyOf(predictions(), ROWS * OUTPUTS + 5);
        double[] y = Arrays.copyOf(targets(), ROWS * OUTPUTS + 5);
        double[] w = Arrays.copyOf(weights(), ROWS + 5);
        Arrays.fill(p, ROWS * OUTPUTS, p.length, Double.NaN);
        Arrays.fill(y, ROWS * OUTPUTS, y.length, Double.NaN);
        Arrays.fill(w, ROWS, w.length, Double.NaN);
        double padded = m.compute(p, y, w, ROWS, OUTPUTS);
        double exact = m.compute(predictions(), targets(), weights(), ROWS, OUTPUTS);
        if (!Numbers.sameBits(new double[] {exact}, new double[] {padded})) {
            throw new AssertionError(spec + ": with NaN past rows x outputs the value is "
                    + padded + ", instead of " + exact);
        }
    }
}
