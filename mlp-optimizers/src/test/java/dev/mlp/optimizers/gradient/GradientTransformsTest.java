package dev.mlp.optimizers.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.ParameterLayout.Block;
import dev.mlp.api.ParameterLayout.Kind;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spec.Spec;
import dev.mlp.api.spec.SpecException;
import dev.mlp.api.spi.GradientTransformProvider;
import dev.mlp.api.Norms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Clipping and penalties: geometry, finite-difference gradients, shapes and discovery. */
class GradientTransformsTest {

    private static final ParameterLayout NET = new ParameterLayout(List.of(
            new Block(1, Kind.WEIGHTS, 6), new Block(1, Kind.BIASES, 2),
            new Block(2, Kind.WEIGHTS, 2), new Block(2, Kind.BIASES, 1)));
    private static final int[] SIZES = {6, 2, 2, 1};

    private static double[][] random(long seed, double scale) {
        Random rnd = new Random(seed);
        double[][] x = new double[SIZES.length][];
        for (int b = 0; b < x.length; b++) {
            x[b] = new double[SIZES[b]];
            for (int i = 0; i < x[b].length; i++) {
                x[b][i] = scale * (-1 + 2 * rnd.nextDouble());
            }
        }
        return x;
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int b = 0; b < x.length; b++) {
            c[b] = x[b].clone();
        }
        return c;
    }

    private static List<GradientTransformProvider> providers() {
        List<GradientTransformProvider> list = new ArrayList<>();
        ServiceLoader.load(GradientTransformProvider.class).forEach(list::add);
        return list;
    }

    private static GradientTransform create(String spec) {
        Spec s = Spec.parse(spec);
        for (GradientTransformProvider p : providers()) {
            if (p.name().equals(s.name())) {
                return p.create(Parameters.bind(p.name(), p.parameters(), s.arguments()));
            }
        }
        throw new AssertionError("no transform " + spec);
    }

    @Test
    void providersAreFoundWithTheirCanonicalSpecs() {
        Set<String> names = new TreeSet<>();
        for (GradientTransformProvider p : providers()) {
            assertTrue(names.add(p.name()));
            assertFalse(p.description().isBlank());
            Parameters defaults = Parameters.bind(p.name(), p.parameters(), Map.of());
            GradientTransform t = p.create(defaults);
            assertEquals(p.name(), t.name());
            assertEquals(defaults.toSpec(), t.toString());
            assertEquals(t, p.create(defaults));
        }
        assertEquals(Set.of("clip-value", "clip-norm", "l1", "l2"), names);
        assertEquals(new ClipValue(1.0), create("clip-value"));
        assertEquals(new ClipNorm(1.0), create("clip-norm"));
        assertEquals(new L1Penalty(1e-4), create("l1"));
        assertEquals(new L2Penalty(1e-4), create("l2"));
    }

    @Test
    void badParametersAreRejected() {
        Map<String, String> expected = Map.of(
                "clip-value(max=0)", "parameter 'max' of 'clip-value' must be > 0.0, found 0",
                "clip-norm(max=-1)", "parameter 'max' of 'clip-norm' must be > 0.0, found -1",
                "l1(lambda=-1e-3)", "parameter 'lambda' of 'l1' must be >= 0.0, found -1e-3",
                "l2(alpha=1)", "unknown parameter 'alpha' for 'l2'; known: lambda");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            SpecException x = assertThrows(SpecException.class, () -> create(e.getKey()));
            assertEquals(e.getValue(), x.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ClipNorm(Double.NaN));
    }

    @Test
    void clipValueClampsEachComponent() {
        double[][] g = {{-3, -0.5, 0, 0.5, 2, Double.NEGATIVE_INFINITY}, {1, -1},
            {Double.NaN, 0.9}, {7}};
        double[][] w = random(1, 1);
        double[][] wBefore = copy(w);
        assertEquals(0.0, new ClipValue(1.0).apply(NET, w, g));
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1, -1}, g[0], 0.0);
        assertArrayEquals(new double[] {1, -1}, g[1], 0.0);
        assertTrue(Double.isNaN(g[2][0]));
        assertEquals(0.9, g[2][1], 0.0);
        assertArrayEquals(new double[] {1}, g[3], 0.0);
        for (int b = 0; b < w.length; b++) {
            assertArrayEquals(wBefore[b], w[b], 0.0, "parameters are read only");
        }
    }

    @Test
    void clipNormKeepsTheDirectionAndGivesNormMax() {
        for (double scale : new double[] {5, 40, 0.1, 1e200, 1e-200}) {
            double[][] g = random(2, scale);
            double[][] before = copy(g);
            double normBefore = Norms.norm(SIZES, before);
            new ClipNorm(0.5).apply(NET, random(3, 1), g);
            double normAfter = Norms.norm(SIZES, g);
            if (normBefore > 0.5) {
                assertEquals(0.5, normAfter, 1e-15, "scale " + scale);
                // the same direction: g_after = c g_before for one c > 0
                double c = g[0][0] / before[0][0];
                assertTrue(c > 0);
                for (int b = 0; b < g.length; b++) {
                    for (int i = 0; i < g[b].length; i++) {
                        assertEquals(c * before[b][i], g[b][i], 1e-15 * Math.abs(g[b][i]) + 1e-300,
                                "scale " + scale);
                    }
                }
            } else {
                for (int b = 0; b < g.length; b++) {
                    assertArrayEquals(before[b], g[b], 0.0, "below max: unchanged");
                }
            }
        }
    }

    @Test
    void clipNormUsesTheGlobalNormNotPerBlock() {
        // blocks (3, 0 ... | 0 0 | 0 0 | 4): global norm 5 -> scaled by 1/5 each, not to 1 each
        double[][] g = {{3, 0, 0, 0, 0, 0}, {0, 0}, {0, 0}, {4}};
        new ClipNorm(1).apply(NET, random(4, 1), g);
        assertEquals(0.6, g[0][0], 1e-15);
        assertEquals(0.8, g[3][0], 1e-15);
    }

    @Test
    void clipNormLeavesNonFiniteAndZeroGradientsAlone() {
        double[][] g = {{1, Double.NaN, 3, 4, 5, 6}, {1, 1}, {1, 1}, {1}};
        new ClipNorm(1).apply(NET, random(5, 1), g);
        assertEquals(6, g[0][5], 0.0);
        assertTrue(Double.isNaN(g[0][1]));
        double[][] zero = {new double[6], new double[2], new double[2], new double[1]};
        new ClipNorm(1).apply(NET, random(5, 1), zero);
        assertEquals(0, zero[3][0], 0.0);
    }

    /** Penalty of the weights {@code w} by applying the transform to a zero gradient. */
    private static double penalty(GradientTransform t, double[][] w) {
        double[][] g = {new double[6], new double[2], new double[2], new double[1]};
        return t.apply(NET, w, g);
    }

    private static void checkPenalty(GradientTransform t, double lambda, boolean l1) {
        double[][] w = random(6, 1);
        w[0][3] = 0.0; // L1's kink: subgradient 0
        double[][] g = random(7, 0.1);
        double[][] g0 = copy(g);
        double p = t.apply(NET, w, g);
        double expected = 0;
        for (int b : new int[] {0, 2}) {
            for (double x : w[b]) {
                expected += l1 ? lambda * Math.abs(x) : lambda / 2 * x * x;
            }
        }
        assertEquals(expected, p, 1e-15 * expected, t.toString());
        assertArrayEquals(g0[1], g[1], 0.0, "biases are not penalized");
        assertArrayEquals(g0[3], g[3], 0.0, "biases are not penalized");
        // the added gradient is the derivative of the returned penalty: central differences
        double h = 1e-6;
        for (int b = 0; b < w.length; b++) {
            for (int i = 0; i < w[b].length; i++) {
                double added = g[b][i] - g0[b][i];
                if (l1 && w[b][i] == 0.0) {
                    assertEquals(0.0, added, 0.0, "subgradient 0 at w = 0");
                    continue;
                }
                double keep = w[b][i];
                w[b][i] = keep + h;
                double up = penalty(t, w);
                w[b][i] = keep - h;
                double down = penalty(t, w);
                w[b][i] = keep;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, added, 1e-9 * lambda + 1e-15, t + " block " + b + " " + i);
            }
        }
    }

    @Test
    void l1PenaltyAndItsGradient() {
        checkPenalty(new L1Penalty(0.3), 0.3, true);
        checkPenalty(new L1Penalty(0), 0, true);
    }

    @Test
    void l2PenaltyAndItsGradient() {
        checkPenalty(new L2Penalty(0.3), 0.3, false);
    }

    @Test
    void l2ByHand() {
        // w = (1, -2 ... | biases) with lambda 0.1: penalty 0.05 * (1 + 4) = 0.25
        double[][] w = {{1, -2, 0, 0, 0, 0}, {5, 5}, {0, 0}, {5}};
        double[][] g = {new double[6], new double[2], new double[2], new double[1]};
        assertEquals(0.25, new L2Penalty(0.1).apply(NET, w, g), 1e-16);
        assertArrayEquals(new double[] {0.1, -0.2, 0, 0, 0, 0}, g[0], 1e-17);
        assertEquals(0.3 * 3, new L1Penalty(0.3).apply(NET, w, g), 1e-16);
    }

    @Test
    void shapesAreChecked() {
        for (GradientTransformProvider p : providers()) {
            GradientTransform t = p.create(Parameters.bind(p.name(), p.parameters(), Map.of()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> t.apply(NET, random(1, 1), new double[][] {new double[6]}));
            assertTrue(e.getMessage().contains("4 blocks"), e.getMessage());
            double[][] shortBlock = random(1, 1);
            shortBlock[2] = new double[1];
            e = assertThrows(IllegalArgumentException.class,
                    () -> t.apply(NET, random(2, 1), shortBlock));
            assertTrue(e.getMessage().startsWith(p.name() + ": the gradient array of block 2 "
                    + "must hold at least 2 values, found 1"), e.getMessage());
        }
    }
}
