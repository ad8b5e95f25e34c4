package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer over three steps against a plain reference written here, one scalar at a time,
 * straight from the formula in the optimizer's Javadoc. Parameters have magnitudes in
 * {@code [0.5, 1.5]} and move by much less, so a relative tolerance of {@code 1e-15} is
 * meaningful; the hyperparameters are not the defaults, so that swapping two of them would show.
 */
class ReferenceStepsTest {

    private static final double REL = 1e-15;
    private static final ParameterLayout NET = Fixtures.NET;
    private static final int N = (int) NET.parameterCount();

    /** One step of a reference implementation on the flat parameter vector. */
    private interface Reference {
        void step(int t, double[] w, double[] g);
    }

    private static double[] flat(double[][] blocks) {
        double[] f = new double[N];
        int k = 0;
        for (double[] b : blocks) {
            for (double v : b) {
                f[k++] = v;
            }
        }
        return f;
    }

    private static boolean[] isWeight() {
        boolean[] w = new boolean[N];
        int k = 0;
        for (ParameterLayout.Block b : NET.blocks()) {
            for (int i = 0; i < b.size(); i++) {
                w[k++] = b.kind() == ParameterLayout.Kind.WEIGHTS;
            }
        }
        return w;
    }

    private static int[] layerOf() {
        int[] l = new int[N];
        int k = 0;
        for (ParameterLayout.Block b : NET.blocks()) {
            for (int i = 0; i < b.size(); i++) {
                l[k++] = b.layer();
            }
        }
        return l;
    }

    private static void check(Optimizer o, Reference ref) {
        double[][] w = Fixtures.awayFromZero(NET, 11L);
        double[] expected = flat(w);
        OptimizerState s = o.start(NET);
        for (int t = 1; t <= 3; t++) {
            double[][] g = Fixtures.random(NET, 100L + t);
            if (t == 2) {
                g[1][0] = 0.0; // an exact zero on the way
            }
            s.update(w, g);
            ref.step(t, expected, flat(g));
            double[] actual = flat(w);
            for (int i = 0; i < N; i++) {
                double tol = REL * Math.abs(expected[i]);
                assertEquals(expected[i], actual[i], tol, o + ", step " + t + ", parameter " + i);
            }
        }
        assertEquals(3, s.steps());
        // the steps really moved every parameter by a visible amount (the test is not vacuous)
        double[] start = flat(Fixtures.awayFromZero(NET, 11L));
        for (int i = 0; i < N; i++) {
            assertTrue(Math.abs(expected[i] - start[i]) > 1e-6, o + ": parameter " + i);
        }
    }

    @Test
    void sgd() {
        double lr = 0.03;
        check(new Sgd(lr), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                w[i] = w[i] - lr * g[i];
            }
        });
    }

    @Test
    void momentum() {
        double lr = 0.03;
        double mu = 0.8;
        double[] v = new double[N];
        check(new Momentum(lr, mu), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] = w[i] + v[i];
            }
        });
    }

    @Test
    void nesterov() {
        double lr = 0.03;
        double mu = 0.8;
        double[] v = new double[N];
        check(new Nesterov(lr, mu), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] = w[i] + (mu * v[i] - lr * g[i]);
            }
        });
    }

    @Test
    void adam() {
        double lr = 0.02;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double[] m = new double[N];
        double[] v = new double[N];
        check(new Adam(lr, b1, b2, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] = w[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
    }

    @Test
    void adagrad() {
        double lr = 0.05;
        double eps = 1e-3;
        double[] s = new double[N];
        check(new Adagrad(lr, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                s[i] = s[i] + g[i] * g[i];
                w[i] = w[i] - lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        });
    }

    @Test
    void rmsprop() {
        double lr = 0.01;
        double rho = 0.7;
        double eps = 1e-3;
        double[] v = new double[N];
        check(new RmsProp(lr, rho, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] = w[i] - lr * g[i] / (Math.sqrt(v[i]) + eps);
            }
        });
    }

    @Test
    void adadelta() {
        double lr = 0.5;
        double rho = 0.8;
        double eps = 1e-4;
        double[] a = new double[N];
        double[] u = new double[N];
        check(new Adadelta(lr, rho, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                a[i] = rho * a[i] + (1 - rho) * g[i] * g[i];
                double d = Math.sqrt(u[i] + eps) / Math.sqrt(a[i] + eps) * g[i];
                u[i] = rho * u[i] + (1 - rho) * d * d;
                w[i] = w[i] - lr * d;
            }
        });
    }

    @Test
    void adamw() {
        double lr = 0.02;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double decay = 0.3;
        boolean[] weight = isWeight();
        double[] m = new double[N];
        double[] v = new double[N];
        check(new AdamW(lr, b1, b2, eps, decay), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                double decayed = weight[i] ? w[i] * (1 - lr * decay) : w[i];
                w[i] = decayed - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
    }

    @Test
    void adamax() {
        double lr = 0.02;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double[] m = new double[N];
        double[] u = new double[N];
        check(new Adamax(lr, b1, b2, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
                w[i] = w[i] - lr / (1 - Math.pow(b1, t)) * m[i] / u[i];
            }
        });
    }

    @Test
    void amsgrad() {
        double lr = 0.02;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double[] m = new double[N];
        double[] v = new double[N];
        double[] vMax = new double[N];
        check(new AmsGrad(lr, b1, b2, eps), (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(b1, t));
                w[i] = w[i] - lr * mHat / (Math.sqrt(vMax[i] / (1 - Math.pow(b2, t))) + eps);
            }
        });
    }

    @Test
    void nadam() {
        double lr = 0.02;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double psi = 0.3; // large, so the momentum schedule visibly changes from step to step
        double[] m = new double[N];
        double[] v = new double[N];
        check(new Nadam(lr, b1, b2, eps, psi), (t, w, g) -> {
            double[] mu = new double[t + 2];
            for (int k = 1; k <= t + 1; k++) {
                mu[k] = b1 * (1 - 0.5 * Math.pow(0.96, k * psi));
            }
            double product = 1;
            for (int k = 1; k <= t; k++) {
                product *= mu[k];
            }
            double productNext = product * mu[t + 1];
            for (int i = 0; i < N; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double d = Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps;
                w[i] = w[i] - lr * (1 - mu[t]) / (1 - product) * g[i] / d
                        - lr * mu[t + 1] / (1 - productNext) * m[i] / d;
            }
        });
    }

    @Test
    void rprop() {
        double up = 1.3;
        double down = 0.4;
        double min = 0.02;
        double max = 0.1;
        double[] step = new double[N];
        java.util.Arrays.fill(step, 0.05);
        double[] prev = new double[N];
        Optimizer o = new Rprop(up, down, 0.05, min, max);
        check(o, (t, w, g) -> {
            for (int i = 0; i < N; i++) {
                double gi = g[i];
                if (prev[i] * gi > 0) {
                    step[i] = Math.min(step[i] * up, max);
                } else if (prev[i] * gi < 0) {
                    step[i] = Math.max(step[i] * down, min);
                    gi = 0;
                }
                w[i] = w[i] - Math.signum(gi) * step[i];
                prev[i] = gi;
            }
        });
    }

    @Test
    void normalizedGradientGlobal() {
        double lr = 0.1;
        check(new NormalizedGradient(lr), (t, w, g) -> {
            double sum = 0;
            for (double x : g) {
                sum += x * x;
            }
            double norm = Math.sqrt(sum);
            for (int i = 0; i < N; i++) {
                w[i] = w[i] - lr * g[i] / norm;
            }
        });
    }

    @Test
    void normalizedGradientPerLayerWithMomentum() {
        double lr = 0.1;
        double mu = 0.6;
        int[] layer = layerOf();
        double[] v = new double[N];
        check(new NormalizedGradient(lr, NormalizedGradient.Scope.PER_LAYER, mu), (t, w, g) -> {
            double[] sum = new double[3];
            for (int i = 0; i < N; i++) {
                sum[layer[i]] += g[i] * g[i];
            }
            for (int i = 0; i < N; i++) {
                v[i] = mu * v[i] + g[i] / Math.sqrt(sum[layer[i]]);
                w[i] = w[i] - lr * v[i];
            }
        });
    }

    @Test
    void normalizedGradientPerLayer() {
        double lr = 0.1;
        int[] layer = layerOf();
        check(new NormalizedGradient(lr, NormalizedGradient.Scope.PER_LAYER, 0), (t, w, g) -> {
            double[] sum = new double[3];
            for (int i = 0; i < N; i++) {
                sum[layer[i]] += g[i] * g[i];
            }
            for (int i = 0; i < N; i++) {
                w[i] = w[i] - lr * g[i] / Math.sqrt(sum[layer[i]]);
            }
        });
    }

    @Test
    void normalizedGradientPerParameterWithMomentum() {
        double lr = 0.1;
        double mu = 0.6;
        double[] v = new double[N];
        check(new NormalizedGradient(lr, NormalizedGradient.Scope.PER_PARAMETER, mu),
                (t, w, g) -> {
                    for (int i = 0; i < N; i++) {
                        v[i] = mu * v[i] + Math.signum(g[i]);
                        w[i] = w[i] - lr * v[i];
                    }
                });
    }
}
