package dev.mlp.optimizers;

import dev.mlp.api.Objective;
import dev.mlp.api.ObjectiveOptimizer;
import dev.mlp.api.ObjectiveState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerRunState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.Arrays;
import java.util.List;

/**
 * L-BFGS, the limited-memory quasi-Newton method (Nocedal, "Updating quasi-Newton matrices with
 * limited storage", Math. Comp. 1980; Liu and Nocedal, Math. Prog. 1989), full batch, with the
 * line search of Moré and Thuente ("Line search algorithms with guaranteed sufficient
 * decrease", ACM TOMS 1994). It follows the unconstrained case of L-BFGS-B (Byrd, Lu, Nocedal and
 * Zhu 1995; Zhu et al., ACM TOMS 1997), which is what SciPy's {@code minimize(method="L-BFGS-B")}
 * and scikit-learn's {@code MLPClassifier(solver="lbfgs")} run, with the same defaults:
 *
 * <pre>
 * d_k = -H_k g_k                          two-loop recursion over the last m pairs (s, y),
 *                                         H_0 = (s'y / y'y) I of the newest pair (I without)
 * x_{k+1} = x_k + a_k d_k                 a_k from the Moré-Thuente search, first trial
 *                                         1 / ||d_0|| on the first iteration, 1 afterwards
 * s_k = a_k d_k,  y_k = g_{k+1} - g_k     kept unless s'y &lt;= eps (-g_k's), eps = 2^-52
 * </pre>
 *
 * The search looks for a step with the strong Wolfe conditions
 * {@code f(x + a d) <= f(x) + c1 a g'd} and {@code |g(x + a d)'d| <= c2 |g'd|}; as in L-BFGS-B it
 * also accepts a step when rounding leaves no progress to make or its interval of uncertainty
 * has shrunk below a relative width of 0.1. When it needs more than {@code maxls} evaluations
 * (or the direction is not one of descent), the history is dropped and the iteration is tried
 * again along {@code -g}; when that fails too, the method stops.
 *
 * <p>Stop reasons, checked after every iteration, as L-BFGS-B does:
 * <ul>
 *   <li>the gradient: {@code max_i |g_i| <= tol} (the projected gradient's norm of L-BFGS-B,
 *       which is the gradient's without bounds); also checked before the first step;</li>
 *   <li>the loss change: {@code (f_k - f_{k+1}) <= ftol max(|f_k|, |f_{k+1}|, 1)};</li>
 *   <li>no progress: the line search failed along {@code -g} as well.</li>
 * </ul>
 * {@link ObjectiveState#iterate} returns the reason; the trainer ends the run with it.
 *
 * <p>Defaults: SciPy's {@code maxcor=10, gtol=1e-5, ftol=2.220446049250313e-9} (its
 * {@code factr=1e7} times the machine epsilon), {@code maxls=20}, and L-BFGS-B's line-search
 * constants {@code c1=1e-3} (its {@code ftol}), {@code c2=0.9} (its {@code gtol}).
 *
 * <p>The state keeps the history ({@code s}, {@code y}: {@code m x n} each, newest pair last
 * filled, {@code rho}), the current point, its loss and gradient ({@code x}, {@code g},
 * {@code f}), so a restored snapshot continues bit for bit; if {@code iterate} is handed
 * parameters other than the point the state ended at (they were changed in between), it
 * evaluates the objective there first and goes on with the same history. There is no learning
 * rate: {@link ObjectiveState#learningRate()} is {@code NaN} and setting it throws
 * {@link UnsupportedOperationException}.
 *
 * @param m the number of (s, y) pairs kept, at least 1
 * @param tol the gradient tolerance ({@code max |g_i|}), at least 0
 * @param ftol the relative loss-change tolerance, at least 0
 * @param maxls the most objective evaluations of one line search, at least 1
 * @param c1 the sufficient-decrease constant of the line search, in {@code (0, c2)}
 * @param c2 the curvature constant of the line search, in {@code (c1, 1)}
 */
public record Lbfgs(int m, double tol, double ftol, int maxls, double c1, double c2)
        implements ObjectiveOptimizer {

    /** The registered name. */
    public static final String NAME = "lbfgs";

    /** The history size: integer {@code >= 1}. */
    public static final ParameterSpec M = ParameterSpec.integer("m", 10,
            "number of correction pairs kept").atLeast(1).atMost(1000);

    /** The gradient tolerance: real {@code >= 0}. */
    public static final ParameterSpec TOL = ParameterSpec.real("tol", 1e-5,
            "stop when the largest gradient entry is at most this").atLeast(0);

    /** The relative loss-change tolerance: real {@code >= 0}. */
    public static final ParameterSpec FTOL = ParameterSpec.real("ftol", 2.220446049250313e-9,
            "stop when the relative loss decrease is at most this").atLeast(0);

    /** The most evaluations per line search: integer {@code >= 1}. */
    public static final ParameterSpec MAXLS = ParameterSpec.integer("maxls", 20,
            "most objective evaluations per line search").atLeast(1).atMost(1000);

    /** The sufficient-decrease constant: real in {@code (0, 1)}. */
    public static final ParameterSpec C1 = ParameterSpec.real("c1", 1e-3,
            "sufficient decrease constant of the line search").above(0).below(1);

    /** The curvature constant: real in {@code (0, 1)}. */
    public static final ParameterSpec C2 = ParameterSpec.real("c2", 0.9,
            "curvature constant of the line search").above(0).below(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(M, TOL, FTOL, MAXLS, C1, C2);

    /** The largest step of a line search, L-BFGS-B's. */
    static final double STEP_MAX = 1e10;

    /** The relative width below which the search interval counts as found, L-BFGS-B's. */
    static final double XTOL = 0.1;

    private static final double EPS = Math.ulp(1.0);

    /**
     * Checks every value against its declaration.
     *
     * @throws SpecException (an {@link IllegalArgumentException}) if a value is out of range or
     *         {@code c1 >= c2}
     */
    public Lbfgs {
        Hyperparameters.check(NAME, PARAMETERS, m, tol, ftol, maxls, c1, c2);
        if (!(c1 < c2)) {
            throw new SpecException("'" + NAME + "' needs c1 < c2, found c1="
                    + ParameterSpec.format(c1) + ", c2=" + ParameterSpec.format(c2));
        }
    }

    /** L-BFGS with the defaults of SciPy's L-BFGS-B. */
    public Lbfgs() {
        this(10, 1e-5, 2.220446049250313e-9, 20, 1e-3, 0.9);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectiveState start(ParameterLayout layout) {
        return new State(this, layout);
    }

    /**
     * @return the canonical spec, for example
     *         {@code lbfgs(m=10, tol=1.0E-5, ftol=2.220446049250313E-9, maxls=20, c1=0.001, c2=0.9)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, m, tol, ftol, maxls, c1, c2);
    }

    /** What a line search ended with. */
    private enum Search { ACCEPTED, FAILED }

    /**
     * The run state. Saved arrays: {@code s} and {@code y} ({@code m x n}, pair {@code j} at
     * {@code [j n, (j + 1) n)}), {@code rho} ({@code 1 / s'y} per pair), {@code x}, {@code g}
     * (the current point and its gradient) and {@code meta}: pairs stored, the newest pair's
     * slot, the loss at {@code x}, whether {@code x} has been evaluated, evaluations so far.
     */
    private static final class State extends OptimizerRunState implements ObjectiveState {

        private static final int STORED = 0;
        private static final int NEWEST = 1;
        private static final int LOSS = 2;
        private static final int VALID = 3;
        private static final int EVALUATIONS = 4;

        private final Lbfgs config;
        private final ParameterLayout layout;
        private final int n;
        private final double[] s;
        private final double[] y;
        private final double[] rho;
        private final double[] x;
        private final double[] g;
        private final double[] meta;
        // work arrays, not state
        private final double[] d;
        private final double[] xt;
        private final double[] gt;
        private final double[] alpha;
        private final double[][] gradient;
        private double ft;
        private double lastStep;
        private int evaluations;
        private String failure;

        State(Lbfgs config, ParameterLayout layout) {
            super(NAME, layout, Double.NaN);
            this.config = config;
            this.layout = layout;
            long total = layout.parameterCount();
            if (total * config.m > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(NAME + ": " + total + " parameters times a "
                        + "history of " + config.m + " do not fit one array; lower m");
            }
            this.n = (int) total;
            this.s = register("s", new double[config.m * n]);
            this.y = register("y", new double[config.m * n]);
            this.rho = register("rho", new double[config.m]);
            this.x = register("x", new double[n]);
            this.g = register("g", new double[n]);
            this.meta = register("meta", new double[5]);
            this.d = new double[n];
            this.xt = new double[n];
            this.gt = new double[n];
            this.alpha = new double[config.m];
            this.gradient = new double[layout.size()][];
            for (int b = 0; b < gradient.length; b++) {
                gradient[b] = new double[layout.block(b).size()];
            }
        }

        @Override
        public void learningRate(double rate) {
            throw new UnsupportedOperationException(NAME + " has no learning rate: its line "
                    + "search chooses every step, so a schedule cannot drive it");
        }

        @Override
        public Iteration iterate(double[][] parameters, Objective objective) {
            checkArrays(parameters, gradient);
            if (!layout.equals(objective.layout())) {
                throw new IllegalArgumentException(NAME + ": the objective's layout "
                        + objective.layout() + " is not the state's " + layout);
            }
            evaluations = 0;
            flatten(parameters, xt);
            if (meta[VALID] == 0 || !sameBits(xt, x)) {
                meta[LOSS] = evaluate(parameters, objective, g);
                System.arraycopy(xt, 0, x, 0, n);
                meta[VALID] = 1;
            }
            double f = meta[LOSS];
            if (!Double.isFinite(f)) {
                return done(f, "the loss is " + f + " at the current parameters");
            }
            double pg = maxAbs(g);
            if (pg <= config.tol) {
                return done(f, gradientStop(pg));
            }
            double stp = 0;
            double gd = 0;
            while (true) {
                direction();
                gd = dot(g, d);
                String why = null;
                if (!(gd < 0)) {
                    why = "the search direction is not one of descent (g'd = " + gd + ")";
                } else {
                    stp = steps() == 0 ? Math.min(1.0 / Math.sqrt(dot(d, d)), STEP_MAX) : 1.0;
                    if (search(parameters, objective, f, gd, stp) == Search.ACCEPTED) {
                        break;
                    }
                    why = failure;
                }
                unflatten(x, parameters);
                if (meta[STORED] == 0) {
                    return done(f, "no progress: " + why + " along the negative gradient");
                }
                meta[STORED] = 0; // as L-BFGS-B: drop the history, try steepest descent
            }
            stp = lastStep;
            countStep();
            double fNew = ft;
            double gdNew = dot(gt, d);
            String stop = null;
            double pgNew = maxAbs(gt);
            if (pgNew <= config.tol) {
                stop = gradientStop(pgNew);
            } else if (f - fNew <= config.ftol * Math.max(Math.max(Math.abs(f), Math.abs(fNew)),
                    1.0)) {
                stop = "relative loss change " + ParameterSpec.format((f - fNew)
                        / Math.max(Math.max(Math.abs(f), Math.abs(fNew)), 1.0)) + " <= ftol "
                        + ParameterSpec.format(config.ftol);
            }
            double sy = (gdNew - gd) * stp;
            if (sy > EPS * (-gd * stp)) {
                store(stp, sy);
            }
            System.arraycopy(xt, 0, x, 0, n);
            System.arraycopy(gt, 0, g, 0, n);
            meta[LOSS] = fNew;
            return done(fNew, stop);
        }

        private Iteration done(double loss, String stop) {
            meta[EVALUATIONS] += evaluations;
            return new Iteration(loss, evaluations, stop);
        }

        private String gradientStop(double pg) {
            return "largest gradient entry " + ParameterSpec.format(pg) + " <= tol "
                    + ParameterSpec.format(config.tol);
        }

        /** Adds the pair {@code (stp d, gt - g)} as the newest, dropping the oldest if full. */
        private void store(double stp, double sy) {
            int m = config.m;
            int stored = (int) meta[STORED];
            int slot = stored == 0 ? 0 : ((int) meta[NEWEST] + 1) % m;
            int base = slot * n;
            for (int i = 0; i < n; i++) {
                s[base + i] = stp * d[i];
                y[base + i] = gt[i] - g[i];
            }
            rho[slot] = 1.0 / sy;
            meta[NEWEST] = slot;
            meta[STORED] = Math.min(stored + 1, m);
        }

        /** {@code d = -H g} by the two-loop recursion (Nocedal and Wright, Algorithm 7.4). */
        private void direction() {
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            int stored = (int) meta[STORED];
            int m = config.m;
            int newest = (int) meta[NEWEST];
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(newest - k, m);
                int base = j * n;
                double a = 0;
                for (int i = 0; i < n; i++) {
                    a += s[base + i] * d[i];
                }
                a *= rho[j];
                alpha[j] = a;
                for (int i = 0; i < n; i++) {
                    d[i] -= a * y[base + i];
                }
            }
            if (stored > 0) {
                int base = newest * n;
                double yy = 0;
                for (int i = 0; i < n; i++) {
                    yy += y[base + i] * y[base + i];
                }
                double gamma = 1.0 / (rho[newest] * yy);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, m);
                int base = j * n;
                double b = 0;
                for (int i = 0; i < n; i++) {
                    b += y[base + i] * d[i];
                }
                b *= rho[j];
                double c = alpha[j] - b;
                for (int i = 0; i < n; i++) {
                    d[i] += c * s[base + i];
                }
            }
        }

        /**
         * The Moré-Thuente search along {@code d} from {@code x}; on acceptance the parameters,
         * {@code xt}, {@code gt}, {@code ft} and {@link #lastStep} hold the accepted point.
         */
        private Search search(double[][] parameters, Objective objective, double f0, double g0,
                              double stp0) {
            MoreThuente ls = new MoreThuente(f0, g0, stp0, config.c1, config.c2);
            double stp = stp0;
            for (int k = 1; ; k++) {
                if (k > config.maxls) {
                    failure = "the line search found no acceptable step in " + config.maxls
                            + " evaluations";
                    return Search.FAILED;
                }
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + stp * d[i];
                }
                unflatten(xt, parameters);
                ft = evaluate(parameters, objective, gt);
                double gdt = dot(gt, d);
                if (!Double.isFinite(ft) || !Double.isFinite(gdt)) {
                    stp = ls.tooFar(stp);
                    continue;
                }
                if (ls.accepts(stp, ft, gdt)) {
                    lastStep = stp;
                    return Search.ACCEPTED;
                }
                stp = ls.next();
            }
        }

        private double evaluate(double[][] parameters, Objective objective, double[] into) {
            double f = objective.evaluate(parameters, gradient);
            evaluations++;
            flatten(gradient, into);
            return f;
        }

        private void flatten(double[][] blocks, double[] into) {
            int at = 0;
            for (int b = 0; b < blocks.length; b++) {
                int size = blockSize(b);
                System.arraycopy(blocks[b], 0, into, at, size);
                at += size;
            }
        }

        private void unflatten(double[] from, double[][] blocks) {
            int at = 0;
            for (int b = 0; b < blocks.length; b++) {
                int size = blockSize(b);
                System.arraycopy(from, at, blocks[b], 0, size);
                at += size;
            }
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }

        private static double maxAbs(double[] a) {
            double max = 0;
            for (double v : a) {
                double abs = Math.abs(v);
                if (!(abs <= max)) { // NaN wins
                    max = abs;
                }
            }
            return max;
        }

        private static boolean sameBits(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void restore(dev.mlp.api.OptimizerSnapshot snapshot) {
            super.restore(snapshot);
            if (meta[STORED] < 0 || meta[STORED] > config.m || meta[NEWEST] < 0
                    || meta[NEWEST] >= config.m) {
                Arrays.fill(meta, 0);
                throw new IllegalArgumentException("the " + NAME + " snapshot's history "
                        + "bookkeeping does not fit m=" + config.m);
            }
        }
    }

    /**
     * The line search of Moré and Thuente (1994), as in MINPACK-2's {@code dcsrch} and
     * {@code dcstep}: a safeguarded interval of uncertainty {@code [stx, sty]} that contains a
     * step with the strong Wolfe conditions, new trials from cubic and quadratic interpolation
     * of the loss and slope at its ends, a modified function
     * {@code psi(a) = f(a) - f(0) - c1 a f'(0)} in the first stage, bisection when the interval
     * does not shrink fast enough.
     */
    static final class MoreThuente {

        private final double c1;
        private final double c2;
        private final double finit;
        private final double ginit;
        private final double gtest;
        private boolean bracketed;
        private boolean firstStage = true;
        private double width;
        private double width1;
        private double stx;
        private double fx;
        private double gx;
        private double sty;
        private double fy;
        private double gy;
        private double stmin;
        private double stmax;
        private double stp;

        MoreThuente(double f0, double g0, double stp0, double c1, double c2) {
            this.c1 = c1;
            this.c2 = c2;
            this.finit = f0;
            this.ginit = g0;
            this.gtest = c1 * g0;
            this.width = STEP_MAX;
            this.width1 = 2 * STEP_MAX;
            this.fx = f0;
            this.gx = g0;
            this.fy = f0;
            this.gy = g0;
            this.stmax = stp0 + 4 * stp0;
            this.stp = stp0;
        }

        /** A trial gave a non-finite loss or slope: go back half way towards the best step. */
        double tooFar(double trial) {
            stmax = Math.min(stmax, trial);
            stp = stx + 0.5 * (trial - stx);
            return stp;
        }

        /**
         * Takes the loss and slope at the trial step.
         *
         * @return whether the step is accepted: the strong Wolfe conditions hold, or (as in
         *         L-BFGS-B) no further progress can be made
         */
        boolean accepts(double trial, double f, double g) {
            stp = trial;
            double ftest = finit + stp * gtest;
            if (firstStage && f <= ftest && g >= 0) {
                firstStage = false;
            }
            if (f <= ftest && Math.abs(g) <= c2 * -ginit) {
                return true; // the strong Wolfe conditions
            }
            if (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                return true; // rounding prevents progress, or the interval is small enough
            }
            if (stp == STEP_MAX && f <= ftest && g <= gtest) {
                return true;
            }
            if (stp == 0 && (f > ftest || g >= gtest)) {
                return true;
            }
            if (firstStage && f <= fx && f > ftest) {
                // the modified function psi, whose minimizer satisfies the Wolfe conditions
                double fm = f - stp * gtest;
                double fxm = fx - stx * gtest;
                double fym = fy - sty * gtest;
                step(fxm, gx - gtest, fym, gy - gtest, fm, g - gtest);
                fx += stx * gtest;
                fy += sty * gtest;
                gx += gtest;
                gy += gtest;
            } else {
                step(fx, gx, fy, gy, f, g);
            }
            if (bracketed) {
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    stp = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + 1.1 * (stp - stx);
                stmax = stp + 4.0 * (stp - stx);
            }
            stp = Math.min(Math.max(stp, 0), STEP_MAX);
            if (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax)) {
                stp = stx;
            }
            return false;
        }

        /** @return the next trial step, after {@link #accepts} returned false */
        double next() {
            return stp;
        }

        /**
         * One safeguarded step ({@code dcstep}): from the interval ends {@code (stx, fx, dx)},
         * {@code (sty, fy, dy)} and the trial {@code (stp, fp, dp)}, updates the interval and
         * sets the next trial. The arguments are the (possibly modified) values; the fields
         * {@code fx, gx, fy, gy} receive them back (the caller undoes the modification).
         */
        private void step(double fxIn, double dxIn, double fyIn, double dyIn, double fp,
                          double dp) {
            double dx = dxIn;
            double fxv = fxIn;
            double sgnd = dp * (dx / Math.abs(dx));
            double stpf;
            if (fp > fxv) {
                // higher loss: the minimum is bracketed; cubic or the cubic-quadratic average
                double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
                double sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
                double gamma = sc * Math.sqrt((theta / sc) * (theta / sc) - (dx / sc) * (dp / sc));
                if (stp < stx) {
                    gamma = -gamma;
                }
                double p = (gamma - dx) + theta;
                double q = ((gamma - dx) + gamma) + dp;
                double stpc = stx + (p / q) * (stp - stx);
                double stpq = stx + ((dx / ((fxv - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
                stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc
                        : stpc + (stpq - stpc) / 2;
                bracketed = true;
            } else if (sgnd < 0) {
                // the slopes have opposite signs: bracketed; cubic or secant step
                double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
                double sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
                double gamma = sc * Math.sqrt((theta / sc) * (theta / sc) - (dx / sc) * (dp / sc));
                if (stp > stx) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dx;
                double stpc = stp + (p / q) * (stx - stp);
                double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                bracketed = true;
            } else if (Math.abs(dp) < Math.abs(dx)) {
                // same sign, the slope shrinks: cubic if it points the right way, else secant
                double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
                double sc = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
                double gamma = sc * Math.sqrt(Math.max(0,
                        (theta / sc) * (theta / sc) - (dx / sc) * (dp / sc)));
                if (stp > stx) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = (gamma + (dx - dp)) + gamma;
                double r = p / q;
                double stpc;
                if (r < 0 && gamma != 0) {
                    stpc = stp + r * (stx - stp);
                } else {
                    stpc = stp > stx ? stmax : stmin;
                }
                double stpq = stp + (dp / (dp - dx)) * (stx - stp);
                if (bracketed) {
                    stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf)
                            : Math.max(stp + 0.66 * (sty - stp), stpf);
                } else {
                    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = Math.max(stmin, Math.min(stmax, stpf));
                }
            } else {
                // same sign, the slope does not shrink: cubic towards sty, or to the bound
                if (bracketed) {
                    double theta = 3 * (fp - fyIn) / (sty - stp) + dyIn + dp;
                    double sc = Math.max(Math.abs(theta),
                            Math.max(Math.abs(dyIn), Math.abs(dp)));
                    double gamma = sc * Math.sqrt((theta / sc) * (theta / sc)
                            - (dyIn / sc) * (dp / sc));
                    if (stp > sty) {
                        gamma = -gamma;
                    }
                    double p = (gamma - dp) + theta;
                    double q = ((gamma - dp) + gamma) + dyIn;
                    stpf = stp + (p / q) * (sty - stp);
                } else {
                    stpf = stp > stx ? stmax : stmin;
                }
            }
            double fyv = fyIn;
            double dy = dyIn;
            if (fp > fxv) {
                sty = stp;
                fyv = fp;
                dy = dp;
            } else {
                if (sgnd < 0) {
                    sty = stx;
                    fyv = fxv;
                    dy = dx;
                }
                stx = stp;
                fxv = fp;
                dx = dp;
            }
            fx = fxv;
            gx = dx;
            fy = fyv;
            gy = dy;
            stp = stpf;
        }
    }

    /**
     * Provides {@link Lbfgs} under the name {@value Lbfgs#NAME}, with the parameters declared
     * there. Example spec: {@code lbfgs(m=20, tol=1e-6)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Lbfgs.NAME, "L-BFGS (Liu and Nocedal 1989) with the Moré-Thuente line search "
                            + "of L-BFGS-B; full batch, evaluates the objective itself",
                    Lbfgs.PARAMETERS,
                    p -> new Lbfgs(p.integer(Lbfgs.M.name()), p.real(Lbfgs.TOL.name()),
                            p.real(Lbfgs.FTOL.name()), p.integer(Lbfgs.MAXLS.name()),
                            p.real(Lbfgs.C1.name()), p.real(Lbfgs.C2.name())));
        }
    }
}
