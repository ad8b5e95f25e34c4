package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.Scaler;
import dev.mlp.api.spi.PluginProvider;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contract of a {@link Scaler}, fitted on 6 rows of 4 columns of different scales, one of
 * them constant.
 *
 * <ul>
 *   <li>{@value #ROUND_TRIP}: {@code inverse(transform(x))} gives {@code x} back to
 *       {@code 1e-12} relative, for the fitted data and for new data, and {@code columns()} is
 *       the fitted column count.</li>
 *   <li>{@value #CONSTANT}: a constant column gives finite values, in the data fitted on and in
 *       new data that differs from the constant.</li>
 *   <li>{@value #IN_PLACE}: {@code transform} and {@code inverse} with {@code out == in} give the
 *       same bits as with separate arrays.</li>
 *   <li>{@value #STATE}: {@code fit} leaves the data alone, and a later fit on other data does
 *       not change an earlier fitted transformation.</li>
 * </ul>
 */
public final class ScalerContract extends PluginContract<Scaler, ScalerContract> {

    static final String ROUND_TRIP = "transform then inverse gives the data back";
    static final String CONSTANT = "constant columns give finite values";
    static final String IN_PLACE = "in-place and separate arrays agree bit for bit";
    static final String STATE = "fitting leaves the data and earlier fits alone";

    static final List<String> CHECKS = List.of(ROUND_TRIP, CONSTANT, IN_PLACE, STATE);

    private static final int ROWS = 6;
    private static final int COLS = 4;
    private static final int CONSTANT_COLUMN = 2;

    ScalerContract(PluginProvider<Scaler> provider) {
        super(PluginKind.SCALER, provider);
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(ROUND_TRIP, spec, () -> checkRoundTrip(spec)),
                new Check(CONSTANT, spec, () -> checkConstant(spec)),
                new Check(IN_PLACE, spec, () -> checkInPlace(spec)),
                new Check(STATE, spec, () -> checkState(spec)));
    }

    @Override
    String nameOf(Scaler instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Scaler s) {
        double[] x = data(1);
        Scaler.Fitted f = s.fit(x, ROWS, COLS);
        double[] t = new double[x.length];
        f.transform(x, t, ROWS);
        double[] back = new double[x.length];
        f.inverse(t, back, ROWS);
        return Numbers.concat(t, back, Numbers.flatten(f.statistics()));
    }

    /** Columns in [0, 100], [-1, 1], constant 3.5, and [-1000, 1000]. */
    static double[] data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[ROWS * COLS];
        for (int i = 0; i < ROWS; i++) {
            x[i * COLS] = 100 * r.nextDouble();
            x[i * COLS + 1] = -1 + 2 * r.nextDouble();
            x[i * COLS + CONSTANT_COLUMN] = 3.5;
            x[i * COLS + 3] = -1000 + 2000 * r.nextDouble();
        }
        return x;
    }

    private void checkRoundTrip(String spec) {
        Scaler s = create(spec);
        double[] x = data(2);
        Scaler.Fitted f = s.fit(x, ROWS, COLS);
        Problems p = new Problems(spec + ": round trip");
        if (f.columns() != COLS) {
            p.add("columns() is " + f.columns() + " after fitting " + COLS + " columns");
        }
        double[] fresh = data(3); // its constant column has the fitted constant
        for (double[] in : new double[][] {x, fresh}) {
            double[] t = new double[in.length];
            f.transform(in, t, ROWS);
            double[] back = new double[in.length];
            f.inverse(t, back, ROWS);
            for (int i = 0; i < in.length; i++) {
                if (!(Math.abs(back[i] - in[i]) <= 1e-12 * Math.max(1.0, Math.abs(in[i])))) {
                    p.add((in == x ? "fitted data" : "new data") + ", row " + i / COLS
                            + ", column " + i % COLS + ": " + in[i] + " -> " + t[i] + " -> "
                            + back[i]);
                }
            }
        }
        p.throwIfAny();
    }

    private void checkConstant(String spec) {
        Scaler s = create(spec);
        double[] x = data(4);
        Scaler.Fitted f = s.fit(x, ROWS, COLS);
        double[] other = data(5);
        other[CONSTANT_COLUMN] = 0.0;
        other[COLS + CONSTANT_COLUMN] = 1e6;
        Problems p = new Problems(spec + ": constant column " + CONSTANT_COLUMN);
        for (double[] in : new double[][] {x, other}) {
            double[] t = new double[in.length];
            f.transform(in, t, ROWS);
            double[] back = new double[in.length];
            f.inverse(t, back, ROWS);
            for (int i = 0; i < in.length; i++) {
                if (!Double.isFinite(t[i]) || !Double.isFinite(back[i])) {
                    p.add("row " + i / COLS + ", column " + i % COLS + ": " + in[i]
                            + " transforms to " + t[i] + ", back to " + back[i]);
                }
            }
        }
        p.throwIfAny();
    }

    private void checkInPlace(String spec) {
        Scaler.Fitted f = create(spec).fit(data(6), ROWS, COLS);
        double[] in = data(7);
        double[] t = new double[in.length];
        f.transform(in, t, ROWS);
        double[] tIn = in.clone();
        f.transform(tIn, tIn, ROWS);
        double[] back = new double[in.length];
        f.inverse(t, back, ROWS);
        double[] bIn = t.clone();
        f.inverse(bIn, bIn, ROWS);
        if (!Numbers.sameBits(t, tIn)) {
            throw new AssertionError(spec + ": transform in place differs: "
                    + Numbers.describeDifference(t, tIn));
        }
        if (!Numbers.sameBits(back, bIn)) {
            throw new AssertionError(spec + ": inverse in place differs: "
                    + Numbers.describeDifference(back, bIn));
        }
    }

    private void checkState(String spec) {
        Scaler s = create(spec);
        double[] x = data(8);
        double[] keep = x.clone();
        Scaler.Fitted f = s.fit(x, ROWS, COLS);
        if (!Numbers.sameBits(keep, x)) {
            throw new AssertionError(spec + ": fit changed its data: "
                    + Numbers.describeDifference(keep, x));
        }
        double[] probe = data(9);
        double[] before = new double[probe.length];
        f.transform(probe, before, ROWS);
        double[][] stats = f.statistics();
        double[] other = data(10);
        for (int i = 0; i < other.length; i++) {
            other[i] = other[i] * 3 - 7;
        }
        s.fit(other, ROWS, COLS);
        create(spec).fit(other, ROWS, COLS);
        double[] after = new double[probe.length];
        f.transform(probe, after, ROWS);
        if (!Numbers.sameBits(before, after)
                || !Numbers.sameBits(Numbers.flatten(stats), Numbers.flatten(f.statistics()))) {
            throw new AssertionError(spec + ": fitting other data changed an earlier fit: "
                    + Numbers.describeDifference(before, after));
        }
    }
}
