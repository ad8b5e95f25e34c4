package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Objective;
import dev.mlp.api.ObjectiveState;
import dev.mlp.api.ObjectiveState.Iteration;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** L-BFGS on problems whose iterates can be checked by hand, its line search and stop reasons. */
class LbfgsTest {

    /** One block of two parameters. */
    private static final ParameterLayout TWO = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 2)));

    /** A function of two parameters with its gradient, recording every evaluation. */
    private abstract static class Function2 implements Objective {
        final List<double[]> points = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<double[]> gradients = new ArrayList<>();

        abstract double f(double a, double b);

        abstract double[] g(double a, double b);

        @Override
        public ParameterLayout layout() {
            return TWO;
        }

        @Override
        public double evaluate(double[][] parameters, double[][] gradient) {
            double a = parameters[0][0];
            double b = parameters[0][1];
            double[] gr = g(a, b);
            gradient[0][0] = gr[0];
            gradient[0][1] = gr[1];
            points.add(new double[] {a, b});
            losses.add(f(a, b));
            gradients.add(gr.clone());
            return f(a, b);
        }
    }

    /** {@code f = (a^2 + 4 b^2) / 2}. */
    private static final class Quadratic extends Function2 {
        @Override
        double f(double a, double b) {
            return 0.5 * (a * a + 4 * b * b);
        }

        @Override
        double[] g(double a, double b) {
            return new double[] {a, 4 * b};
        }
    }

    /** Rosenbrock's {@code (1 - a)^2 + 100 (b - a^2)^2}, minimum 0 at (1, 1). */
    private static final class Rosenbrock extends Function2 {
        @Override
        double f(double a, double b) {
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        }

        @Override
        double[] g(double a, double b) {
            return new double[] {-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)};
        }
    }

    @Test
    void firstTwoIteratesOnAQuadraticAreTheHandComputedOnes() {
        Quadratic q = new Quadratic();
        ObjectiveState s = new Lbfgs().start(TWO);
        double[][] w = {{1, 1}};
        // iteration 1: d = -g = -(1, 4), first trial step 1 / ||d|| = 1 / sqrt(17); the slope
        // there, -17 + 65 / sqrt(17) = -1.235, meets |slope| <= 0.9 * 17: accepted at once
        Iteration first = s.iterate(w, q);
        double a0 = 1 / Math.sqrt(17);
        double[] x1 = {1 - a0, 1 - 4 * a0};
        assertArrayEquals(x1, w[0], 1e-15);
        assertEquals(2, first.evaluations(), "the start point and one trial");
        assertEquals(q.f(x1[0], x1[1]), first.loss(), 1e-15);
        assertNull(first.stopReason());
        // iteration 2: the BFGS update of H0 = (s'y / y'y) I with s = x1 - x0, y = A s,
        // H1 = (I - rho y s')' H0 (I - rho y s') + rho s s', d = -H1 g1, step 1 accepted
        double[] sv = {x1[0] - 1, x1[1] - 1};
        double[] yv = {sv[0], 4 * sv[1]};
        double rho = 1 / (sv[0] * yv[0] + sv[1] * yv[1]);
        double gamma = (sv[0] * yv[0] + sv[1] * yv[1]) / (yv[0] * yv[0] + yv[1] * yv[1]);
        double[][] v = {{1 - rho * yv[0] * sv[0], -rho * yv[0] * sv[1]},
                        {-rho * yv[1] * sv[0], 1 - rho * yv[1] * sv[1]}};
        double[][] h = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int k = 0; k < 2; k++) {
                    sum += v[k][i] * gamma * v[k][j];
                }
                h[i][j] = sum + rho * sv[i] * sv[j];
            }
        }
        double[] g1 = {x1[0], 4 * x1[1]};
        double[] x2 = {x1[0] - (h[0][0] * g1[0] + h[0][1] * g1[1]),
                       x1[1] - (h[1][0] * g1[0] + h[1][1] * g1[1])};
        Iteration second = s.iterate(w, q);
        assertArrayEquals(x2, w[0], 1e-15);
        assertArrayEquals(new double[] {0.54307094, -0.03394193}, w[0], 1e-8,
                "the values numpy gives for the same formula");
        assertEquals(1, second.evaluations(), "the point of the last search is reused");
        assertEquals(2, s.steps());
    }

    @Test
    void rosenbrockConvergesAndEveryAcceptedStepMeetsTheStrongWolfeConditions() {
        Rosenbrock r = new Rosenbrock();
        Lbfgs config = new Lbfgs(10, 1e-8, 0, 20, 1e-3, 0.9);
        ObjectiveState s = config.start(TWO);
        double[][] w = {{-1.2, 1}};
        String stop = null;
        int iterations = 0;
        double[] x = w[0].clone();
        double f = r.f(x[0], x[1]);
        double[] g = r.g(x[0], x[1]);
        int wolfe = 0;
        while (stop == null && iterations < 200) {
            Iteration it = s.iterate(w, r);
            iterations++;
            stop = it.stopReason();
            double[] xn = w[0].clone();
            double fn = r.f(xn[0], xn[1]);
            double[] gn = r.g(xn[0], xn[1]);
            double[] step = {xn[0] - x[0], xn[1] - x[1]};
            double slope0 = g[0] * step[0] + g[1] * step[1];
            double slope1 = gn[0] * step[0] + gn[1] * step[1];
            assertTrue(slope0 < 0, "iteration " + iterations + " is not a descent step");
            assertTrue(fn <= f + 1e-3 * slope0, "sufficient decrease at iteration " + iterations
                    + ": " + fn + " > " + f + " + 1e-3 * " + slope0);
            if (Math.abs(slope1) <= 0.9 * Math.abs(slope0)) {
                wolfe++;
            }
            assertEquals(fn, it.loss(), 0.0);
            x = xn;
            f = fn;
            g = gn;
        }
        assertNotNull(stop, "no stop reason after " + iterations + " iterations");
        assertTrue(stop.startsWith("largest gradient entry"), stop);
        assertArrayEquals(new double[] {1, 1}, w[0], 1e-6);
        assertTrue(iterations < 60, iterations + " iterations");
        // the curvature condition holds on every step the search accepted by its Wolfe test;
        // the interval-width exit of L-BFGS-B may take a few steps without it near the end
        assertTrue(wolfe >= iterations - 3, wolfe + " of " + iterations
                + " accepted steps meet the strong curvature condition");
    }

    @Test
    void theLineSearchMeetsTheStrongWolfeConditionsWhenTheFirstTrialIsTooLong() {
        // from (-1.2, 1) the first trial 1 / ||g|| overshoots along -g: the search must
        // interpolate back; the accepted step satisfies both strong Wolfe conditions
        Rosenbrock r = new Rosenbrock();
        ObjectiveState s = new Lbfgs(10, 0, 0, 20, 1e-4, 0.1).start(TWO);
        double[][] w = {{-1.2, 1}};
        for (int k = 0; k < 5; k++) {
            double[] x = w[0].clone();
            double f = r.f(x[0], x[1]);
            double[] g = r.g(x[0], x[1]);
            r.points.clear();
            Iteration it = s.iterate(w, r);
            assertNull(it.stopReason());
            double[] step = {w[0][0] - x[0], w[0][1] - x[1]};
            double[] gn = r.g(w[0][0], w[0][1]);
            double slope0 = g[0] * step[0] + g[1] * step[1];
            double slope1 = gn[0] * step[0] + gn[1] * step[1];
            assertTrue(it.loss() <= f + 1e-4 * slope0, "iteration " + (k + 1));
            assertTrue(Math.abs(slope1) <= 0.1 * Math.abs(slope0), "iteration " + (k + 1)
                    + ": slope " + slope1 + " against " + slope0);
            if (k == 0) {
                assertTrue(r.points.size() > 2, "the first search took " + r.points.size()
                        + " evaluations; the test needs one that interpolates");
            }
        }
    }

    @Test
    void stopsOnTheRelativeLossChangeAndSaysSo() {
        Rosenbrock r = new Rosenbrock();
        ObjectiveState s = new Lbfgs(10, 0, 1e-3, 20, 1e-3, 0.9).start(TWO);
        double[][] w = {{-1.2, 1}};
        String stop = null;
        for (int k = 0; k < 100 && stop == null; k++) {
            stop = s.iterate(w, r).stopReason();
        }
        assertNotNull(stop);
        assertTrue(stop.startsWith("relative loss change") && stop.endsWith("<= ftol 0.001"),
                stop);
    }

    @Test
    void stopsAtOnceWhenTheGradientIsSmallAlready() {
        Quadratic q = new Quadratic();
        ObjectiveState s = new Lbfgs().start(TWO);
        double[][] w = {{1e-7, -1e-7}};
        Iteration it = s.iterate(w, q);
        assertEquals("largest gradient entry 4.0E-7 <= tol 1.0E-5", it.stopReason());
        assertEquals(0, s.steps());
        assertArrayEquals(new double[] {1e-7, -1e-7}, w[0], 0.0);
    }

    @Test
    void aGradientThatDoesNotFitTheLossEndsInNoProgressAndRestoresThePoint() {
        // the loss rises along -g: no step has sufficient decrease
        Function2 wrong = new Function2() {
            @Override
            double f(double a, double b) {
                return a + b;
            }

            @Override
            double[] g(double a, double b) {
                return new double[] {-1, -1};
            }
        };
        ObjectiveState s = new Lbfgs(10, 1e-5, 0, 5, 1e-3, 0.9).start(TWO);
        double[][] w = {{0.5, 0.25}};
        Iteration it = s.iterate(w, wrong);
        assertEquals("no progress: the line search found no acceptable step in 5 evaluations "
                + "along the negative gradient", it.stopReason());
        assertEquals(6, it.evaluations(), "the start point and maxls trials");
        assertArrayEquals(new double[] {0.5, 0.25}, w[0], 0.0);
        assertEquals(0, s.steps());
    }

    @Test
    void aNonFiniteLossAtATrialPointShortensTheStep() {
        // the loss is infinite beyond a = 0.5: the first trial from a = 0 (step 1 / ||g|| = 1,
        // to a = 1) must be shortened
        Function2 wall = new Function2() {
            @Override
            double f(double a, double b) {
                return a > 0.5 ? Double.POSITIVE_INFINITY : (a - 0.4) * (a - 0.4) + b * b;
            }

            @Override
            double[] g(double a, double b) {
                return new double[] {2 * (a - 0.4), 2 * b};
            }
        };
        ObjectiveState s = new Lbfgs().start(TWO);
        double[][] w = {{-0.1, 0}};
        Iteration it = s.iterate(w, wall);
        assertTrue(Double.isFinite(it.loss()) && it.loss() < wall.f(-0.1, 0), "" + it.loss());
        assertTrue(w[0][0] <= 0.5, "" + w[0][0]);
    }

    @Test
    void aRestoredSnapshotContinuesBitForBitWithTheHistory() {
        Rosenbrock r = new Rosenbrock();
        Lbfgs config = new Lbfgs(3, 0, 0, 20, 1e-3, 0.9);
        ObjectiveState a = config.start(TWO);
        double[][] w = {{-1.2, 1}};
        for (int k = 0; k < 6; k++) {
            a.iterate(w, r);
        }
        OptimizerSnapshot snap = a.snapshot();
        assertEquals(6, snap.steps());
        assertEquals(3 * 2, snap.value("s").length);
        double[][] resumed = {w[0].clone()};
        for (int k = 0; k < 5; k++) {
            a.iterate(w, r);
        }
        ObjectiveState b = config.start(TWO);
        b.restore(snap);
        for (int k = 0; k < 5; k++) {
            b.iterate(resumed, r);
        }
        assertEquals(Double.doubleToRawLongBits(w[0][0]),
                Double.doubleToRawLongBits(resumed[0][0]));
        assertEquals(Double.doubleToRawLongBits(w[0][1]),
                Double.doubleToRawLongBits(resumed[0][1]));
        assertEquals(a.steps(), b.steps());
    }

    @Test
    void parametersChangedBetweenIterationsAreEvaluatedAgain() {
        Quadratic q = new Quadratic();
        ObjectiveState s = new Lbfgs().start(TWO);
        double[][] w = {{1, 1}};
        s.iterate(w, q);
        double b = w[0][1];
        w[0][0] = 2;
        q.points.clear();
        s.iterate(w, q);
        assertArrayEquals(new double[] {2, b}, q.points.get(0), 0.0,
                "the first evaluation is at the changed point");
    }

    @Test
    void hasNoLearningRateAndNoOneStepUpdate() {
        ObjectiveState s = new Lbfgs().start(TWO);
        assertTrue(Double.isNaN(s.learningRate()));
        assertThrows(UnsupportedOperationException.class, () -> s.learningRate(0.1));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> s.update(new double[][] {{0, 0}}, new double[][] {{1, 1}}));
        assertTrue(e.getMessage().contains("evaluates the objective itself"), e.getMessage());
    }

    @Test
    void specsAreCheckedAndPrintedCanonically() {
        assertEquals("lbfgs(m=10, tol=1.0E-5, ftol=2.220446049250313E-9, maxls=20, c1=0.001, "
                + "c2=0.9)", new Lbfgs().toString());
        assertEquals(new Lbfgs(5, 1e-6, 2.220446049250313e-9, 20, 1e-3, 0.9),
                Fixtures.create("lbfgs(m=5, tol=1e-6)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.create("lbfgs(c1=0.5, c2=0.4)"));
        assertEquals("'lbfgs' needs c1 < c2, found c1=0.5, c2=0.4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.create("lbfgs(m=0)"));
    }

    @Test
    void anObjectiveOfAnotherLayoutIsRefused() {
        ObjectiveState s = new Lbfgs().start(Fixtures.NET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.iterate(Fixtures.random(Fixtures.NET, 1L), new Quadratic()));
        assertTrue(e.getMessage().startsWith("lbfgs: the objective's layout"), e.getMessage());
    }
}
