package dev.mlp.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.RangeUpdate;
import dev.mlp.api.spec.SpecException;
import dev.mlp.testkit.PluginContracts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookahead against Algorithm 1 of Zhang et al. (2019), worked by hand (also in
 * {@code src/test/python/newer_rules_reference.py}), and through the kit.
 */
class LookaheadTest {

    private static final double TOL = 1e-15;
    private static final ParameterLayout LAYOUT = HandComputedStepsTest.LAYOUT;

    @Test
    void twoSynchronizationsWorkedByHand() {
        // inner sgd(lr=0.1), k = 2, alpha = 0.5; w = (1, -2 | 0.5), so phi = (1, -2 | 0.5)
        // step 1, g = (2, -0.5 | 0): w = w - 0.1 g = (0.8, -1.95 | 0.5)          (no sync)
        // step 2, g = (1, -2 | 1):   w = (0.7, -1.75 | 0.4), then t = 2 = k: sync
        //   phi = phi + 0.5 (w - phi) = (0.85, -1.875 | 0.45), w = phi
        // step 3, g = (1, 0 | 0):    w = (0.75, -1.875 | 0.45)
        // step 4, g = (0, 1 | -1):   w = (0.75, -1.975 | 0.55), sync:
        //   phi = (0.85 - 0.05, -1.875 - 0.05 | 0.45 + 0.05) = (0.8, -1.925 | 0.5), w = phi
        OptimizerState s = Lookahead.of("sgd", 0.1, 2, 0.5).start(LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        assertArrayEquals(new double[] {0.8, -1.95}, w[0], TOL);
        assertArrayEquals(new double[] {1, -2}, s.snapshot().value("slow.0"), 0.0);
        s.update(w, new double[][] {{1, -2}, {1}});
        assertArrayEquals(new double[] {0.85, -1.875}, w[0], TOL);
        assertArrayEquals(new double[] {0.45}, w[1], TOL);
        assertArrayEquals(w[0], s.snapshot().value("slow.0"), 0.0);
        s.update(w, new double[][] {{1, 0}, {0}});
        assertArrayEquals(new double[] {0.75, -1.875}, w[0], TOL);
        assertArrayEquals(new double[] {0.45}, w[1], TOL);
        s.update(w, new double[][] {{0, 1}, {-1}});
        assertArrayEquals(new double[] {0.8, -1.925}, w[0], TOL);
        assertArrayEquals(new double[] {0.5}, w[1], TOL);
        assertEquals(4, s.steps());
    }

    @Test
    void theInnerStateCarriesOnAcrossSynchronizations() {
        // inner momentum(lr=0.1, mu=0.9), k = 1, alpha = 0.5, one weight w = 1, g = 1 each step
        // step 1: v = -0.1, fast w = 0.9, phi = 1 + 0.5 (0.9 - 1) = 0.95, w = 0.95
        // step 2: v = 0.9 (-0.1) - 0.1 = -0.19 (the velocity was kept), fast w = 0.76,
        //         phi = 0.95 + 0.5 (0.76 - 0.95) = 0.855
        ParameterLayout one = new ParameterLayout(List.of(
                new ParameterLayout.Block(1, ParameterLayout.Kind.WEIGHTS, 1)));
        OptimizerState s = new Lookahead(new Momentum(0.1, 0.9), 1, 0.5).start(one);
        double[][] w = {{1}};
        s.update(w, new double[][] {{1}});
        assertEquals(0.95, w[0][0], TOL);
        s.update(w, new double[][] {{1}});
        assertEquals(0.855, w[0][0], TOL);
        assertArrayEquals(new double[] {-0.19}, s.snapshot().value("inner.v.0"), TOL);
    }

    @Test
    void alphaOneIsTheInnerOptimizerBitForBit() {
        Optimizer adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        OptimizerState plain = adam.start(Fixtures.NET);
        OptimizerState wrapped = new Lookahead(adam, 3, 1.0).start(Fixtures.NET);
        double[][] a = Fixtures.random(Fixtures.NET, 1L);
        double[][] b = Fixtures.copy(a);
        for (int k = 0; k < 10; k++) {
            double[][] g = Fixtures.random(Fixtures.NET, 10L + k);
            plain.update(a, g);
            wrapped.update(b, g);
        }
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void theLearningRateIsTheInnerOptimizersAndItsSnapshotIsPrefixed() {
        OptimizerState s = Lookahead.of("adam", 0.02, 5, 0.5).start(LAYOUT);
        assertEquals(0.02, s.learningRate());
        s.learningRate(0.01);
        assertEquals(0.01, s.learningRate());
        s.update(new double[][] {{1, 2}, {3}}, new double[][] {{1, 1}, {1}});
        OptimizerSnapshot snap = s.snapshot();
        assertEquals("lookahead", snap.optimizer());
        assertEquals(new TreeMap<>(Map.of("slow.0", 2, "slow.1", 1, "inner.m.0", 2, "inner.m.1", 1,
                "inner.v.0", 2, "inner.v.1", 1, "inner.lr", 1)).keySet(), snap.values().keySet());
        assertArrayEquals(new double[] {0.01}, snap.value("inner.lr"), 0.0);
    }

    @Test
    void aRejectedRestoreChangesNothing() {
        OptimizerState s = Lookahead.of("adam", 0.02, 5, 0.5).start(LAYOUT);
        s.update(new double[][] {{1, 2}, {3}}, new double[][] {{1, 1}, {1}});
        OptimizerSnapshot before = s.snapshot();
        Map<String, double[]> bad = new TreeMap<>(before.values());
        bad.put("slow.0", new double[3]); // inner part fine, own part of the wrong length
        assertThrows(IllegalArgumentException.class,
                () -> s.restore(new OptimizerSnapshot("lookahead", 7, bad)));
        assertEquals(before, s.snapshot());
    }

    @Test
    void splitsIntoRangesWhenTheInnerStateDoes() {
        assertTrue(Lookahead.of("adam", 0.01, 5, 0.5).start(LAYOUT) instanceof RangeUpdate);
        assertFalse(Lookahead.of("normalized-gradient", 0.01, 5, 0.5).start(LAYOUT)
                instanceof RangeUpdate);
    }

    @Test
    void rangesOutOfOrderOrOutsideTheLayoutAreRejectedNamingThem() {
        RangeUpdate r = (RangeUpdate) Lookahead.of("adam", 0.01, 5, 0.5).start(LAYOUT);
        double[] w = {1, 2};
        double[] g = {1, 1};
        assertThrows(IllegalStateException.class, () -> r.updateRange(0, w, g, 0, 2));
        assertThrows(IllegalStateException.class, r::endStep);
        r.beginStep();
        assertThrows(IllegalStateException.class, r::beginStep);
        assertEquals("lookahead: block must be in [0, 2), found 2", assertThrows(
                IllegalArgumentException.class, () -> r.updateRange(2, w, g, 0, 1)).getMessage());
        assertEquals("lookahead: the range of block 1 must satisfy 0 <= from <= to <= 1, found "
                + "[0, 2)", assertThrows(IllegalArgumentException.class,
                        () -> r.updateRange(1, w, g, 0, 2)).getMessage());
        assertEquals("lookahead: the parameter array of block 0 must hold at least 2 values for "
                + "the range [0, 2), found 1", assertThrows(IllegalArgumentException.class,
                        () -> r.updateRange(0, new double[1], g, 0, 2)).getMessage());
        assertThrows(IllegalStateException.class,
                () -> ((OptimizerState) r).update(new double[][] {w, {0}},
                        new double[][] {g, {0}}));
        assertArrayEquals(new double[] {1, 2}, w, 0.0, "rejected ranges change nothing");
        r.updateRange(0, w, g, 0, 2);
        r.updateRange(1, new double[] {0}, new double[] {0}, 0, 1);
        r.endStep();
        assertEquals(1, ((OptimizerState) r).steps());
    }

    @Test
    void wrapsAThirdPartyOptimizerInCode() {
        // a sign-sgd written against the SPI, as another jar would
        Optimizer signSgd = new Optimizer() {
            @Override
            public String name() {
                return "sign-sgd";
            }

            @Override
            public OptimizerState start(ParameterLayout layout) {
                return new ElementwiseOptimizerState("sign-sgd", layout, 0.25) {
                    @Override
                    protected double step(int block, int i, double w, double g) {
                        return w - stepRate() * Math.signum(g);
                    }
                };
            }
        };
        // k = 2, alpha = 0.5: two steps of 0.25 against sign(g) = 1, then halfway back
        OptimizerState s = new Lookahead(signSgd, 2, 0.5).start(LAYOUT);
        double[][] w = {{1, 1}, {1}};
        s.update(w, new double[][] {{1, 1}, {1}});
        s.update(w, new double[][] {{1, 1}, {1}});
        assertArrayEquals(new double[] {0.75, 0.75}, w[0], TOL);
        assertArrayEquals(new double[] {0.75}, w[1], TOL);
        assertTrue(new Lookahead(signSgd, 2, 0.5).toString()
                .startsWith("lookahead(k=2, alpha=0.5) around "));
    }

    @Test
    void theEndOfTheRunReachesTheInnerOptimizer() {
        // in code lookahead may wrap schedule-free AdamW; with k = 10 two steps do not
        // synchronize, so the weights are the inner optimizer's own (ScheduleFreeAdamWTest)
        OptimizerState s = new Lookahead(new ScheduleFreeAdamW(0.1, 0.9, 0.999, 1e-8, 0.5, 2),
                10, 0.5).start(LAYOUT);
        double[][] w = {{1, -2}, {0.5}};
        s.update(w, new double[][] {{2, -0.5}, {0}});
        s.update(w, new double[][] {{1, -2}, {1}});
        assertArrayEquals(new double[] {0.8903730417291951322, -1.821053328828665926}, w[0], 1e-14);
        s.runFinished(w);
        assertArrayEquals(new double[] {0.8910997758789166697, -1.822626520083162053}, w[0], 1e-14);
        assertArrayEquals(new double[] {0.3743305835556423835}, w[1], 1e-14);
    }

    @Test
    void specRoundTrip() {
        Lookahead l = (Lookahead) Fixtures.create("lookahead(inner=sgd, lr=0.1, k=6)");
        assertEquals(new Lookahead(new Sgd(0.1), 6, 0.5), l);
        assertEquals("lookahead(inner=sgd(lr=0.1), k=6, alpha=0.5)", l.toString());
        assertEquals(l, Fixtures.create(l.toString()));
        assertEquals(new Lookahead(new Adam(0.001, 0.9, 0.999, 1e-8), 5, 0.5),
                Fixtures.create("lookahead"));
    }

    @Test
    void theOldSpellingKeepsItsMeaning() {
        // before nested specs: a built-in by name, at its defaults but for lookahead's lr
        assertEquals(new Lookahead(new Sgd(0.001), 5, 0.5),
                Fixtures.create("lookahead(inner=sgd)")); // sgd's own default is 0.01
        assertEquals(new Lookahead(new Momentum(0.05, 0.9), 2, 0.5),
                Fixtures.create("lookahead(inner=momentum, lr=0.05, k=2, alpha=0.5)"));
        assertEquals(new Lookahead(new Adam(0.001, 0.9, 0.999, 1e-8), 5, 0.5),
                Fixtures.create("lookahead(inner=adam, lr=0.001, k=5, alpha=0.5)"));
    }

    @Test
    void aNestedSpecConfiguresEveryHyperparameterOfTheInnerOptimizer() {
        Lookahead l = (Lookahead) Fixtures.create(
                "lookahead(inner=adam(lr=0.01, beta1=0.8), k=5, alpha=0.5)");
        assertEquals(new Lookahead(new Adam(0.01, 0.8, 0.999, 1e-8), 5, 0.5), l);
        assertEquals("lookahead(inner=adam(lr=0.01, beta1=0.8, beta2=0.999, epsilon=1.0E-8), "
                + "k=5, alpha=0.5)", l.toString());
        assertEquals(l, Fixtures.create(l.toString()));
        // lookahead's lr fills in the inner's rate when the inner spec leaves it out
        assertEquals(new Lookahead(new Adam(0.02, 0.8, 0.999, 1e-8), 5, 0.5),
                Fixtures.create("lookahead(inner=adam(beta1=0.8), lr=0.02)"));
        assertEquals(new Lookahead(new Adam(0.001, 0.8, 0.999, 1e-8), 5, 0.5),
                Fixtures.create("lookahead(inner=adam(beta1=0.8))"));
        assertEquals(Lookahead.of("adam(beta1=0.8)", 0.02, 5, 0.5),
                Fixtures.create("lookahead(inner=adam(beta1=0.8), lr=0.02)"));
    }

    @Test
    void theRateGivenTwiceOrOutOfRangeInsideIsRefusedNamingBoth() {
        SpecException twice = assertThrows(SpecException.class,
                () -> Fixtures.create("lookahead(inner=adam(lr=0.01), lr=0.02)"));
        assertEquals("parameter 'lr' of 'lookahead' is given twice: as lr=0.02 and inside "
                + "inner=adam(lr=0.01); give it once", twice.getMessage());
        SpecException inside = assertThrows(SpecException.class,
                () -> Fixtures.create("lookahead(inner=adam(beta1=2))"));
        assertEquals("parameter 'inner' of 'lookahead': parameter 'beta1' of 'adam' must be in "
                + "[0.0, 1.0), found 2", inside.getMessage());
        SpecException unknown = assertThrows(SpecException.class,
                () -> Fixtures.create("lookahead(inner=adma(lr=0.1))"));
        assertTrue(unknown.getMessage().startsWith("parameter 'inner' of 'lookahead': unknown "
                + "optimizer 'adma'; known: "), unknown.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rprop                 | 'rprop' has no learning rate",
        "rprop(eta-plus=1.1)   | rprop adapts per-parameter step sizes",
        "lookahead             | lookahead cannot wrap itself",
        "lookahead(inner=sgd)  | lookahead cannot wrap itself",
        "schedule-free-adamw   | would undo each synchronization",
        "lbfgs                 | evaluates the objective itself",
    })
    void specsCannotWrapWhatLookaheadCannotDrive(String inner, String why) {
        SpecException e = assertThrows(SpecException.class,
                () -> Fixtures.create("lookahead(inner=" + inner + ")"));
        assertTrue(e.getMessage().startsWith("parameter 'inner' of 'lookahead' cannot be '"),
                e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void everyBuiltInWrappableOptimizerIsInnerWithTheGivenRate() {
        for (String name : List.of("adam", "adamw", "adamax", "amsgrad", "nadam", "radam",
                "adam-belief", "lion", "sgd", "momentum", "nesterov", "adagrad", "rmsprop",
                "adadelta", "normalized-gradient")) {
            OptimizerState s = Lookahead.of(name, 0.125, 5, 0.5).start(LAYOUT);
            assertEquals(0.125, s.learningRate(), name);
            assertEquals(name, Lookahead.of(name, 0.125, 5, 0.5).inner().name());
        }
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return PluginContracts.optimizer(new Lookahead.Provider())
                .alsoWith("lookahead(inner=momentum, lr=0.01, k=3, alpha=0.8)")
                .alsoWith("lookahead(inner=normalized-gradient, lr=0.01, k=2, alpha=0.5)")
                .alsoWith("lookahead(inner=adam(lr=0.01, beta1=0.8), k=3, alpha=0.5)")
                .tests();
    }
}
