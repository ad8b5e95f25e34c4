package dev.mlp.testkit;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contract of an {@link Activation}.
 *
 * <ul>
 *   <li>{@value #DERIVATIVE}: for an elementwise function, at every point of a grid holding 0,
 *       the usual kinks ({@code +-1, +-3, 6}), {@code +-1e-9}, moderate and extreme inputs
 *       ({@code +-20, +-700}) and random points, {@code backward} with an upstream gradient of 1
 *       agrees with the central difference of {@code forward}, or, at a kink, with one of the
 *       one-sided differences (so the derivative chosen at a kink must be one of the one-sided
 *       derivatives, or their mean). For a row-coupled function (softmax) the full Jacobian of
 *       each test row is compared entry by entry.</li>
 *   <li>{@value #BACKWARD}: elementwise, {@code backward(g)} is {@code g * f'(z)} entry by
 *       entry; row-coupled, {@code backward(g)} is {@code sum_i g_i backward(e_i)}.</li>
 *   <li>{@value #PATHS}: a {@code rows x cols} batch gives the same bits as each row on its own,
 *       (elementwise) each entry on its own, and the in-place calls ({@code a == z},
 *       {@code gradZ == gradA}).</li>
 *   <li>{@value #WRITES}: entries past {@code rows * cols} are neither read nor written, and
 *       the read-only arguments keep their values.</li>
 *   <li>{@value #STATE}: two instances, called in an interleaved order on different batches,
 *       give the same bits as fresh instances.</li>
 *   <li>{@value #EXTREMES}: no {@code NaN} from any finite input, up to
 *       {@code +-Double.MAX_VALUE} (infinite values are allowed where the function overflows).</li>
 * </ul>
 */
public final class ActivationContract extends PluginContract<Activation, ActivationContract> {

    static final String DERIVATIVE = "derivative matches finite differences";
    static final String BACKWARD = "backward applies the derivative to the upstream gradient";
    static final String PATHS = "batch, row-by-row and in-place paths agree bit for bit";
    static final String WRITES = "only rows x cols entries are read or written";
    static final String STATE = "no hidden state across instances and calls";
    static final String EXTREMES = "extreme inputs give no NaN";

    static final List<String> CHECKS = List.of(DERIVATIVE, BACKWARD, PATHS, WRITES, STATE,
            EXTREMES);

    private static final double[] GRID = {
        -700, -20, -6, -3, -2, -1, -0.5, -1e-3, -1e-9, 0, 1e-9, 1e-3, 0.5, 1, 2, 3, 6, 20, 700,
    };

    private static final double[] EXTREME_INPUTS = {
        -Double.MAX_VALUE, -1e300, -1000, -745.2, -700, -20, -Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_VALUE, 20, 700, 745.2, 1000, 1e300, Double.MAX_VALUE,
    };

    private final List<Double> extraPoints = new ArrayList<>();

    ActivationContract(PluginProvider<Activation> provider) {
        super(PluginKind.ACTIVATION, provider);
    }

    /**
     * Adds points to the derivative grid, for example the activation's own kinks.
     *
     * @param points finite inputs
     * @return this contract
     */
    public ActivationContract points(double... points) {
        for (double p : points) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("points must be finite, found " + p);
            }
            extraPoints.add(p);
        }
        return this;
    }

    @Override
    List<Check> kindChecks(String spec) {
        return List.of(
                new Check(DERIVATIVE, spec, () -> checkDerivative(spec)),
                new Check(BACKWARD, spec, () -> checkBackward(spec)),
                new Check(PATHS, spec, () -> checkPaths(spec)),
                new Check(WRITES, spec, () -> checkWrites(spec)),
                new Check(STATE, spec, () -> checkState(spec)),
                new Check(EXTREMES, spec, () -> checkExtremes(spec)));
    }

    @Override
    String nameOf(Activation instance) {
        return instance.name();
    }

    @Override
    double[] behaviour(Activation f) {
        double[] z = {-3, -1, -0.25, 0, 0.5, 1, 2.5, 6, -20, 20, 1e-9, -1e-9};
        double[] g = {0.5, -1, 2, 0.25, -0.75, 1, 1.5, -2, 0.1, -0.1, 3, -3};
        double[] a = new double[z.length];
        double[] gz = new double[z.length];
        f.forward(z, a, 3, 4);
        f.backward(z, a, g, gz, 3, 4);
        return Numbers.concat(a, gz);
    }

    // ------------------------------------------------------------------ helpers

    private static double[] forward(Activation f, double[] z, int rows, int cols) {
        double[] a = new double[rows * cols];
        f.forward(z.clone(), a, rows, cols);
        return a;
    }

    private static double[] backward(Activation f, double[] z, double[] g, int rows, int cols) {
        double[] a = forward(f, z, rows, cols);
        double[] gz = new double[rows * cols];
        f.backward(z.clone(), a, g.clone(), gz, rows, cols);
        return gz;
    }

    private static double scalar(Activation f, double z) {
        double[] a = new double[1];
        f.forward(new double[] {z}, a, 1, 1);
        return a[0];
    }

    /** Whether the activation treats entries independently (probed: a 2x4 batch versus 8x1). */
    static boolean elementwise(Activation f) {
        if (f instanceof ElementwiseActivation) {
            return true;
        }
        double[] z = {0.3, -1.2, 2.5, 0.0, -0.7, 1.9, -3.1, 0.05};
        return Arrays.equals(forward(f, z, 2, 4), forward(f, z, 8, 1));
    }

    private double[] grid() {
        double[] random = Numbers.uniform(new SplittableRandom(20240406L), 16, -5, 5);
        double[] all = new double[GRID.length + random.length + extraPoints.size()];
        System.arraycopy(GRID, 0, all, 0, GRID.length);
        System.arraycopy(random, 0, all, GRID.length, random.length);
        for (int i = 0; i < extraPoints.size(); i++) {
            all[GRID.length + random.length + i] = extraPoints.get(i);
        }
        return all;
    }

    // ------------------------------------------------------------------ checks

    private void checkDerivative(String spec) {
        Activation f = create(spec);
        Problems p = new Problems(spec + ": derivative versus finite differences");
        if (elementwise(f)) {
            for (double x : grid()) {
                double f0 = scalar(f, x);
                if (!Double.isFinite(f0)) {
                    continue;
                }
                double d = backward(f, new double[] {x}, new double[] {1.0}, 1, 1)[0];
                double h = 1e-6 * Math.max(1.0, Math.abs(x));
                double xp = x + h;
                double xm = x - h;
                double fp = scalar(f, xp);
                double fm = scalar(f, xm);
                if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                    continue;
                }
                double central = (fp - fm) / (xp - xm);
                double left = (f0 - fm) / (x - xm);
                double right = (fp - f0) / (xp - x);
                double noise = 1e-8 * Math.max(1.0, Math.abs(f0)) / Math.max(1.0, Math.abs(x));
                if (!Double.isFinite(d)) {
                    p.add("z = " + x + ": derivative is " + d);
                } else if (!Numbers.derivativeAgrees(d, central, left, right, noise)) {
                    p.add("z = " + x + ": " + Numbers.fd(d, central, left, right));
                }
            }
        } else {
            double[][] rows = {
                {0.1, -0.7, 1.3, 2.0},
                {20, -20, 0, 1},
                {700, -700, 699, 0},
                {-3, -1e-9, 0, 1e-9},
                {6, 3, -1, -6},
            };
            for (double[] z : rows) {
                jacobian(f, z, p);
            }
        }
        p.throwIfAny();
    }

    private static void jacobian(Activation f, double[] z, Problems p) {
        int n = z.length;
        double[] a0 = forward(f, z, 1, n);
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(z[j]));
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[j] = z[j] + h;
            zm[j] = z[j] - h;
            double[] ap = forward(f, zp, 1, n);
            double[] am = forward(f, zm, 1, n);
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                e[i] = 1.0;
                double analytic = backward(f, z, e, 1, n)[j];
                if (!Double.isFinite(a0[i]) || !Double.isFinite(ap[i]) || !Double.isFinite(am[i])) {
                    continue;
                }
                double central = (ap[i] - am[i]) / (zp[j] - zm[j]);
                double left = (a0[i] - am[i]) / (z[j] - zm[j]);
                double right = (ap[i] - a0[i]) / (zp[j] - z[j]);
                double noise = 1e-8 * Math.max(1.0, Math.abs(a0[i])) / Math.max(1.0, Math.abs(z[j]));
                if (!Numbers.derivativeAgrees(analytic, central, left, right, noise)) {
                    p.add("row " + Arrays.toString(z) + ", d a[" + i + "] / d z[" + j + "]: "
                            + Numbers.fd(analytic, central, left, right));
                }
            }
        }
    }

    private static double[] batch(long seed, int n) {
        double[] z = Numbers.uniform(new SplittableRandom(seed), n, -4, 4);
        z[0] = 0.0;
        if (n > 3) {
            z[1] = 20;
            z[2] = -20;
            z[3] = 1.0;
        }
        return z;
    }

    private void checkBackward(String spec) {
        Activation f = create(spec);
        int rows = 3;
        int cols = 5;
        int n = rows * cols;
        double[] z = batch(1, n);
        double[] g = Numbers.uniform(new SplittableRandom(2), n, -2, 2);
        double[] gz = backward(f, z, g, rows, cols);
        Problems p = new Problems(spec + ": backward(z, a, g)");
        if (elementwise(f)) {
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            double[] d = backward(f, z, ones, rows, cols);
            for (int i = 0; i < n; i++) {
                double expected = g[i] * d[i];
                double tol = 2 * Math.ulp(expected);
                if (!(Math.abs(gz[i] - expected) <= tol)) {
                    p.add("entry " + i + " (z = " + z[i] + ", g = " + g[i] + "): " + gz[i]
                            + ", but g * f'(z) = " + g[i] + " * " + d[i] + " = " + expected);
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                double[] zr = Arrays.copyOfRange(z, r * cols, (r + 1) * cols);
                double[] sum = new double[cols];
                double scale = 0;
                for (int i = 0; i < cols; i++) {
                    double[] e = new double[cols];
                    e[i] = 1.0;
                    double[] row = backward(f, zr, e, 1, cols);
                    for (int j = 0; j < cols; j++) {
                        sum[j] += g[r * cols + i] * row[j];
                        scale += Math.abs(g[r * cols + i] * row[j]);
                    }
                }
                for (int j = 0; j < cols; j++) {
                    double actual = gz[r * cols + j];
                    if (!(Math.abs(actual - sum[j]) <= 1e-12 * Math.max(1.0, scale))) {
                        p.add("row " + r + ", entry " + j + ": backward gives " + actual
                                + ", the sum of g_i times Jacobian row i gives " + sum[j]);
                    }
                }
            }
        }
        p.throwIfAny();
    }

    private void checkPaths(String spec) {
        Activation f = create(spec);
        int rows = 4;
        int cols = 5;
        int n = rows * cols;
        double[] z = batch(3, n);
        double[] g = Numbers.uniform(new SplittableRandom(4), n, -2, 2);
        double[] a = forward(f, z, rows, cols);
        double[] gz = backward(f, z, g, rows, cols);
        Problems p = new Problems(spec + ": paths");
        for (int r = 0; r < rows; r++) {
            double[] zr = Arrays.copyOfRange(z, r * cols, (r + 1) * cols);
            double[] gr = Arrays.copyOfRange(g, r * cols, (r + 1) * cols);
            double[] ar = forward(f, zr, 1, cols);
            double[] gzr = backward(f, zr, gr, 1, cols);
            if (!Numbers.sameBits(ar, Arrays.copyOfRange(a, r * cols, (r + 1) * cols))) {
                p.add("forward of row " + r + " alone differs from the " + rows + " x " + cols
                        + " batch: " + Numbers.describeDifference(
                                Arrays.copyOfRange(a, r * cols, (r + 1) * cols), ar));
            }
            if (!Numbers.sameBits(gzr, Arrays.copyOfRange(gz, r * cols, (r + 1) * cols))) {
                p.add("backward of row " + r + " alone differs from the batch: "
                        + Numbers.describeDifference(
                                Arrays.copyOfRange(gz, r * cols, (r + 1) * cols), gzr));
            }
        }
        if (elementwise(f)) {
            for (int i = 0; i < n; i++) {
                double ai = forward(f, new double[] {z[i]}, 1, 1)[0];
                double gi = backward(f, new double[] {z[i]}, new double[] {g[i]}, 1, 1)[0];
                if (Double.doubleToLongBits(ai) != Double.doubleToLongBits(a[i])) {
                    p.add("forward of the scalar z = " + z[i] + " gives " + ai
                            + ", the batch gives " + a[i]);
                }
                if (Double.doubleToLongBits(gi) != Double.doubleToLongBits(gz[i])) {
                    p.add("backward at the scalar z = " + z[i] + " gives " + gi
                            + ", the batch gives " + gz[i]);
                }
                if (f instanceof ElementwiseActivation e) {
                    double v = e.apply(z[i]);
                    if (Double.doubleToLongBits(v) != Double.doubleToLongBits(a[i])) {
                        p.add("apply(" + z[i] + ") gives " + v + ", forward gives " + a[i]);
                    }
                }
            }
        }
        double[] inPlace = z.clone();
        f.forward(inPlace, inPlace, rows, cols);
        if (!Numbers.sameBits(a, inPlace)) {
            p.add("forward in place (a == z) differs: " + Numbers.describeDifference(a, inPlace));
        }
        double[] gInPlace = g.clone();
        f.backward(z.clone(), a.clone(), gInPlace, gInPlace, rows, cols);
        if (!Numbers.sameBits(gz, gInPlace)) {
            p.add("backward in place (gradZ == gradA) differs: "
                    + Numbers.describeDifference(gz, gInPlace));
        }
        p.throwIfAny();
    }

    private void checkWrites(String spec) {
        Activation f = create(spec);
        int rows = 2;
        int cols = 3;
        int n = rows * cols;
        double[] z = batch(5, n);
        double[] g = Numbers.uniform(new SplittableRandom(6), n, -2, 2);
        double[] exactA = forward(f, z, rows, cols);
        double[] exactG = backward(f, z, g, rows, cols);
        double[] zLong = Arrays.copyOf(z, n + 3);
        double[] gLong = Arrays.copyOf(g, n + 3);
        zLong[n] = 1e6;
        zLong[n + 1] = -1e6;
        zLong[n + 2] = 0.5;
        gLong[n] = 7;
        gLong[n + 1] = -7;
        gLong[n + 2] = 0.25;
        double[] zKeep = zLong.clone();
        double[] gKeep = gLong.clone();
        double[] a = new double[n + 3];
        Arrays.fill(a, -123.0);
        Problems p = new Problems(spec + ": array bounds of forward and backward");
        f.forward(zLong, a, rows, cols);
        for (int i = n; i < n + 3; i++) {
            if (a[i] != -123.0) {
                p.add("forward wrote a[" + i + "] = " + a[i] + " past rows x cols = " + n);
            }
        }
        if (!Numbers.sameBits(exactA, Arrays.copyOf(a, n))) {
            p.add("forward reads past rows x cols: " + Numbers.describeDifference(exactA,
                    Arrays.copyOf(a, n)));
        }
        if (!Numbers.sameBits(zKeep, zLong)) {
            p.add("forward changed its input z: " + Numbers.describeDifference(zKeep, zLong));
        }
        double[] aKeep = a.clone();
        double[] gz = new double[n + 3];
        Arrays.fill(gz, -321.0);
        f.backward(zLong, a, gLong, gz, rows, cols);
        for (int i = n; i < n + 3; i++) {
            if (gz[i] != -321.0) {
                p.add("backward wrote gradZ[" + i + "] = " + gz[i] + " past rows x cols = " + n);
            }
        }
        if (!Numbers.sameBits(exactG, Arrays.copyOf(gz, n))) {
            p.add("backward reads past rows x cols: " + Numbers.describeDifference(exactG,
                    Arrays.copyOf(gz, n)));
        }
        if (!Numbers.sameBits(zKeep, zLong) || !Numbers.sameBits(aKeep, a)
                || !Numbers.sameBits(gKeep, gLong)) {
            p.add("backward changed one of its read-only inputs z, a, gradA");
        }
        p.throwIfAny();
    }

    private void checkState(String spec) {
        int cols = 4;
        double[] zA = batch(7, 3 * cols);
        double[] zB = batch(8, 2 * cols);
        double[] gA = Numbers.uniform(new SplittableRandom(9), 3 * cols, -1, 1);
        double[] gB = Numbers.uniform(new SplittableRandom(10), 2 * cols, -1, 1);
        double[] refA = forward(create(spec), zA, 3, cols);
        double[] refB = forward(create(spec), zB, 2, cols);
        double[] refGA = backward(create(spec), zA, gA, 3, cols);
        double[] refGB = backward(create(spec), zB, gB, 2, cols);

        Activation one = create(spec);
        Activation two = create(spec);
        Problems p = new Problems(spec + ": hidden state");
        double[] a1 = new double[3 * cols];
        double[] b2 = new double[2 * cols];
        double[] b1 = new double[2 * cols];
        one.forward(zA.clone(), a1, 3, cols);
        two.forward(zB.clone(), b2, 2, cols);
        one.forward(zB.clone(), b1, 2, cols);
        // backward of A after the instance last saw B: must use only its arguments
        double[] ga = new double[3 * cols];
        one.backward(zA.clone(), refA.clone(), gA.clone(), ga, 3, cols);
        double[] a1Again = new double[3 * cols];
        two.forward(zA.clone(), a1Again, 3, cols);
        double[] gb = new double[2 * cols];
        two.backward(zB.clone(), refB.clone(), gB.clone(), gb, 2, cols);
        compare(p, "forward of batch A", refA, a1);
        compare(p, "forward of batch B on a second instance", refB, b2);
        compare(p, "forward of batch B after batch A", refB, b1);
        compare(p, "backward of batch A after forward of batch B", refGA, ga);
        compare(p, "backward of batch B after forward of batch A", refGB, gb);
        compare(p, "forward of batch A on the second instance after batch B", refA, a1Again);
        p.throwIfAny();
    }

    private static void compare(Problems p, String what, double[] expected, double[] actual) {
        if (!Numbers.sameBits(expected, actual)) {
            p.add(what + " differs from a fresh instance: "
                    + Numbers.describeDifference(expected, actual));
        }
    }

    private void checkExtremes(String spec) {
        Activation f = create(spec);
        int n = EXTREME_INPUTS.length;
        Problems p = new Problems(spec + ": extreme inputs");
        for (int[] shape : new int[][] {{1, n}, {n, 1}}) {
            double[] a = forward(f, EXTREME_INPUTS, shape[0], shape[1]);
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            double[] gz = backward(f, EXTREME_INPUTS, ones, shape[0], shape[1]);
            for (int i = 0; i < n; i++) {
                String where = "z = " + EXTREME_INPUTS[i] + " (as a " + shape[0] + " x "
                        + shape[1] + " batch)";
                if (Double.isNaN(a[i])) {
                    p.add(where + ": forward gives NaN");
                }
                if (Double.isNaN(gz[i])) {
                    p.add(where + ": backward gives NaN");
                }
            }
        }
        p.throwIfAny();
    }
}
