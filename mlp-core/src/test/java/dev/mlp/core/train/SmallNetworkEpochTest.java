package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small-network loop against the general loop: the same bits of weights, epoch losses and
 * results over a sweep of networks, losses, optimizers and batch strategies, and the same
 * divergence errors.
 */
class SmallNetworkEpochTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    /** A network shape: activations per layer (last is the output), biases, loss, targets. */
    private record Shape(String name, int inputs, int[] neurons, String[] activations,
                         boolean[] bias, String loss, boolean classes) {
        Network network(long seed) {
            List<Network.LayerSpec> layers = new ArrayList<>();
            for (int l = 0; l < neurons.length; l++) {
                layers.add(new Network.LayerSpec(neurons[l], REGISTRY.activation(activations[l]),
                        bias[l]));
            }
            Network n = new Network(inputs, layers);
            n.initialize(REGISTRY.initializer("xavier"), new SplitMixRandom(seed));
            return n;
        }

        Dataset data(int rows, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int out = neurons[neurons.length - 1];
            double[][] x = new double[rows][inputs];
            double[][] y = new double[rows][out];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < inputs; k++) {
                    x[i][k] = r.nextDouble(-1, 1);
                }
                if (classes) {
                    y[i][r.nextInt(out)] = 1;
                } else {
                    for (int c = 0; c < out; c++) {
                        y[i][c] = r.nextDouble();
                    }
                }
            }
            return Dataset.of(x, y);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("2-3-1 sigmoid, half-squared-error", 2, new int[] {3, 1},
                    new String[] {"sigmoid", "sigmoid"}, new boolean[] {true, true},
                    "half-squared-error", false),
            new Shape("2-4-3 tanh/softmax, cross-entropy", 2, new int[] {4, 3},
                    new String[] {"tanh", "softmax"}, new boolean[] {true, true},
                    "cross-entropy", true),
            new Shape("3-4-3-2 relu/leaky-relu/identity, mse, a layer without bias", 3,
                    new int[] {4, 3, 2}, new String[] {"relu", "leaky-relu(alpha=0.1)", "identity"},
                    new boolean[] {true, false, true}, "mse", false),
            new Shape("1-2 sigmoid, binary-cross-entropy, one layer", 1, new int[] {2},
                    new String[] {"sigmoid"}, new boolean[] {false}, "binary-cross-entropy",
                    false));

    private static final List<String> OPTIMIZERS = List.of("sgd(lr=0.3)",
            "momentum(lr=0.1, mu=0.9)", "adam(lr=0.02)", "normalized-gradient(lr=0.05)");

    private static final List<String> BATCHES = List.of("stochastic(shuffle=false)",
            "stochastic(shuffle=true)", "mini-batch(size=2)", "mini-batch(size=3, shuffle=true)",
            "full-batch");

    static Stream<Arguments> sweep() {
        List<Arguments> all = new ArrayList<>();
        for (Shape s : SHAPES) {
            for (String o : OPTIMIZERS) {
                for (String b : BATCHES) {
                    all.add(Arguments.of(s, o, b));
                }
            }
        }
        return all.stream();
    }

    private static Trainer trainer(Shape s, String optimizer, String batch, int epochs) {
        return new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer(optimizer),
                REGISTRY.batchStrategy(batch), epochs, 7, List.of());
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("sweep")
    void givesTheBitsOfTheGeneralLoop(Shape s, String optimizer, String batch) {
        Dataset data = s.data(7, 3);
        Trainer fast = trainer(s, optimizer, batch, 40);
        Network a = s.network(5);
        Network b = s.network(5);
        assertTrue(fast.takesSmallNetworkLoop(a, data));
        assertFalse(fast.withGeneralLoopOnly().takesSmallNetworkLoop(b, data));
        TrainingResult ra = fast.train(a, data);
        TrainingResult rb = fast.withGeneralLoopOnly().train(b, data);
        assertSameRun(ra, rb, a, b);
        assertEquals(40, ra.epochs());
        assertFalse(Arrays.equals(s.network(5).parameters()[0], a.parameters()[0]),
                "training should have moved the first layer's weights");
    }

    private static void assertSameRun(TrainingResult ra, TrainingResult rb, Network a,
                                      Network b) {
        double[][] pa = a.parameters();
        double[][] pb = b.parameters();
        assertEquals(pb.length, pa.length);
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(bits(pb[i]), bits(pa[i]), "parameter block " + i);
        }
        assertEquals(bits(rb.epochLosses()), bits(ra.epochLosses()));
        assertEquals(rb.steps(), ra.steps());
        assertEquals(rb.stopReason(), ra.stopReason());
        assertEquals(rb.history(), ra.history());
        assertEquals(rb.bestEpoch(), ra.bestEpoch());
        assertEquals(rb.rollbacks(), ra.rollbacks());
        assertEquals(rb.training().values(), ra.training().values());
        assertEquals(rb, new TrainingResult(rb.epochLosses(), rb.steps(), rb.stopReason(),
                rb.seed(), rb.history(), rb.bestEpoch(), rb.rollbacks(), rb.training(),
                rb.validation()));
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static List<Long> bits(List<Double> v) {
        return v.stream().map(Double::doubleToRawLongBits).toList();
    }

    @Test
    void epochListenersEarlyStoppingAndValidationKeepTheLoopAndTheBits() {
        Shape s = SHAPES.get(1);
        Dataset data = s.data(12, 4);
        List<Double> seen = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd event) {
                seen.add(event.loss());
            }
        };
        TrainingOptions options = TrainingOptions.builder().validationFraction(0.25)
                .metric(dev.mlp.core.metric.Metrics.byName("accuracy"))
                .earlyStopping(new EarlyStopping("validation-loss", 3, 0.0, true)).build();
        Trainer t = new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer("adam(lr=0.05)"),
                REGISTRY.batchStrategy("stochastic"), 60, 9, List.of(listener), options);
        Network a = s.network(2);
        Network b = s.network(2);
        assertTrue(t.takesSmallNetworkLoop(a, data));
        TrainingResult ra = t.train(a, data);
        List<Double> fromFast = new ArrayList<>(seen);
        seen.clear();
        TrainingResult rb = t.withGeneralLoopOnly().train(b, data);
        assertSameRun(ra, rb, a, b);
        assertEquals(seen, fromFast);
        assertEquals(ra.epochLosses(), fromFast);
        assertNotNull(ra.validation());
        assertEquals(rb.validation().values(), ra.validation().values());
    }

    @Test
    void resumingFromACheckpointOfTheSmallLoopEndsWithTheSameBits() {
        Shape s = SHAPES.get(0);
        Dataset data = s.data(6, 8);
        List<Checkpoint> checkpoints = new ArrayList<>();
        TrainingOptions options = TrainingOptions.builder().checkpoints(5, checkpoints::add)
                .build();
        Trainer t = new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer("adam(lr=0.05)"),
                REGISTRY.batchStrategy("stochastic"), 20, 4, List.of(), options);
        Network whole = s.network(1);
        assertTrue(t.takesSmallNetworkLoop(whole, data));
        TrainingResult full = t.train(whole, data);
        Network resumed = s.network(99);
        TrainingResult rest = t.resume(resumed, data, checkpoints.get(1));
        Network general = s.network(99);
        TrainingResult slow = t.withGeneralLoopOnly().resume(general, data, checkpoints.get(1));
        assertSameRun(rest, full, resumed, whole);
        assertSameRun(slow, full, general, whole);
    }

    @Test
    void featuresTheLoopDoesNotHandleTakeTheGeneralLoop() {
        Shape s = SHAPES.get(0);
        Dataset data = s.data(6, 8);
        Network net = s.network(1);
        Trainer plain = trainer(s, "sgd(lr=0.1)", "stochastic", 3);
        assertTrue(plain.takesSmallNetworkLoop(net, data));
        double[] weights = {1, 2, 1, 1, 0.5, 1};
        Dataset weighted = new Dataset(data.features(), data.targets(), data.rows(),
                data.inputs(), data.outputs(), weights);
        assertFalse(plain.takesSmallNetworkLoop(net, weighted));
        Network dropped = new Network(2, List.of(
                new Network.LayerSpec(3, REGISTRY.activation("sigmoid"), true, 0.5),
                new Network.LayerSpec(1, REGISTRY.activation("sigmoid"), true)));
        assertFalse(plain.takesSmallNetworkLoop(dropped, data));
        Trainer steps = new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer("sgd(lr=0.1)"),
                REGISTRY.batchStrategy("stochastic"), 3, 1, List.of(new TrainingListener() {
                    @Override
                    public boolean receivesStepEvents() {
                        return true;
                    }
                }));
        assertFalse(steps.takesSmallNetworkLoop(net, data));
        Trainer clipped = new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer("sgd(lr=0.1)"),
                REGISTRY.batchStrategy("stochastic"), 3, 1, List.of(),
                TrainingOptions.builder().transform(Doubles.clip(1.0, new ArrayList<>())).build());
        assertFalse(clipped.takesSmallNetworkLoop(net, data));
        Network big = new Network(40, List.of(
                new Network.LayerSpec(40, REGISTRY.activation("sigmoid"), true)));
        Shape wide = new Shape("40-40", 40, new int[] {40}, new String[] {"sigmoid"},
                new boolean[] {true}, "mse", false);
        assertFalse(plain.takesSmallNetworkLoop(big, wide.data(3, 1)));
    }

    /** Both loops, the same configuration; the exceptions must say the same. */
    private static void assertSameDivergence(Trainer t, Shape s, Dataset data) {
        Network a = s.network(3);
        Network b = s.network(3);
        assertTrue(t.takesSmallNetworkLoop(a, data));
        TrainingDivergedException fast = assertThrows(TrainingDivergedException.class,
                () -> t.train(a, data));
        TrainingDivergedException slow = assertThrows(TrainingDivergedException.class,
                () -> t.withGeneralLoopOnly().train(b, data));
        assertEquals(slow.getMessage(), fast.getMessage());
        assertEquals(slow.epoch(), fast.epoch());
        assertEquals(slow.batch(), fast.batch());
        assertEquals(slow.parameter(), fast.parameter());
        for (int i = 0; i < a.parameters().length; i++) {
            assertArrayEquals(bits(b.parameters()[i]), bits(a.parameters()[i]));
        }
    }

    @Test
    void anOverflowingRateDivergesWithTheSameMessage() {
        Shape line = new Shape("1-1 identity", 1, new int[] {1}, new String[] {"identity"},
                new boolean[] {true}, "mse", false);
        Dataset data = line.data(8, 2);
        for (String batch : List.of("stochastic", "mini-batch(size=3)")) {
            Trainer t = new Trainer(REGISTRY.loss("mse"), Doubles.sgd(1e9),
                    REGISTRY.batchStrategy(batch), 30, 8, List.of());
            assertSameDivergence(t, line, data);
        }
    }

    @Test
    void aBadParameterOrGradientIsNamedLikeOnTheGeneralLoop() {
        Shape s = SHAPES.get(0);
        Dataset data = s.data(4, 6);
        // step 3 of 4 writes infinity into layer 1 weight [0,1]: the next loss is NaN
        Trainer midEpoch = new Trainer(REGISTRY.loss(s.loss()), poisonParameter(3, 4),
                REGISTRY.batchStrategy("stochastic"), 5, 1, List.of());
        assertSameDivergence(midEpoch, s, data);
        // step 4 is the epoch's last: found by the scan after the epoch
        Trainer lastStep = new Trainer(REGISTRY.loss(s.loss()), poisonParameter(4, 4),
                REGISTRY.batchStrategy("stochastic"), 5, 1, List.of());
        assertSameDivergence(lastStep, s, data);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> lastStep.train(s.network(3), data));
        assertEquals("layer 1 weight [0,1]", e.parameter());
        assertTrue(e.getMessage().contains("found after the epoch's last update"),
                e.getMessage());
    }

    @Test
    void aNonFiniteGradientWithAFiniteLossIsNamedLikeOnTheGeneralLoop() {
        // a hidden activation whose slope is NaN above 0.5: the loss stays finite, the
        // gradients of the first layer do not
        Activation kinked = new dev.mlp.api.ElementwiseActivation("kinked") {
            @Override
            protected double value(double z) {
                return z;
            }

            @Override
            protected double derivative(double z, double a) {
                return z > 0.5 ? Double.NaN : 1.0;
            }
        };
        Shape s = SHAPES.get(0);
        Dataset data = s.data(6, 6);
        for (String batch : List.of("stochastic(shuffle=false)", "mini-batch(size=4)",
                "full-batch")) {
            Network a = new Network(2, List.of(new Network.LayerSpec(3, kinked, true),
                    new Network.LayerSpec(1, REGISTRY.activation("sigmoid"), true)));
            a.initialize(REGISTRY.initializer("xavier"), new SplitMixRandom(2));
            Network b = a.copy();
            Trainer t = new Trainer(REGISTRY.loss(s.loss()), REGISTRY.optimizer("sgd(lr=1)"),
                    REGISTRY.batchStrategy(batch), 50, 1, List.of());
            assertTrue(t.takesSmallNetworkLoop(a, data));
            TrainingDivergedException fast = assertThrows(TrainingDivergedException.class,
                    () -> t.train(a, data));
            TrainingDivergedException slow = assertThrows(TrainingDivergedException.class,
                    () -> t.withGeneralLoopOnly().train(b, data));
            assertEquals(slow.getMessage(), fast.getMessage());
            assertTrue(fast.getMessage().contains("the gradient of layer 1 "), fast.getMessage());
            assertEquals(slow.parameter(), fast.parameter());
        }
    }

    private static Optimizer poisonParameter(long step, int blocks) {
        return Doubles.optimizer(layout -> {
            assertEquals(blocks, layout.size());
            return new OptimizerState() {
                private long steps;

                @Override
                public void update(double[][] p, double[][] g) {
                    for (int b = 0; b < p.length; b++) {
                        for (int i = 0; i < p[b].length; i++) {
                            p[b][i] -= 0.1 * g[b][i];
                        }
                    }
                    if (++steps == step) {
                        p[0][1] = Double.POSITIVE_INFINITY;
                    }
                }

                @Override
                public long steps() {
                    return steps;
                }
            };
        });
    }

    @Test
    void theFastLoopAllocatesNothingPerEpoch() {
        Shape s = SHAPES.get(0);
        Dataset data = s.data(4, 1);
        Trainer shortRun = trainer(s, "sgd(lr=0.5)", "stochastic", 2_000);
        Trainer longRun = trainer(s, "sgd(lr=0.5)", "stochastic", 22_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int warm = 0; warm < 3; warm++) {
            shortRun.train(s.network(1), data);
            longRun.train(s.network(1), data);
        }
        Network a = s.network(1);
        Network b = s.network(1);
        long t0 = threads.getThreadAllocatedBytes(id);
        shortRun.train(a, data);
        long t1 = threads.getThreadAllocatedBytes(id);
        longRun.train(b, data);
        long t2 = threads.getThreadAllocatedBytes(id);
        // 20,000 more epochs (80,000 more steps) cost only the 8 bytes per epoch of the loss
        // record, made at the start; allow 16 KiB for anything else
        long extra = (t2 - t1) - (t1 - t0);
        assertTrue(extra <= 20_000 * 8 + 16_384, "the longer run allocated " + extra
                + " more bytes");
    }

    @Test
    void theLossRecordIsAnImmutableListOfTheEpochLosses() {
        EpochValues v = new EpochValues(1);
        v.add(1.5);
        v.add(Double.valueOf(2.5));
        v.add(-0.0);
        assertEquals(List.of(1.5, 2.5, -0.0), v);
        assertEquals(List.of(1.5, 2.5, -0.0).hashCode(), v.hashCode());
        EpochValues frozen = v.frozen();
        v.add(4.0);
        assertEquals(3, frozen.size());
        assertThrows(UnsupportedOperationException.class, () -> frozen.add(1.0));
        assertThrows(UnsupportedOperationException.class, () -> frozen.set(0, 1.0));
        assertThrows(IndexOutOfBoundsException.class, () -> frozen.get(3));
        assertTrue(frozen.frozen() == frozen);
        assertTrue(v.freeze() == v);
        assertThrows(UnsupportedOperationException.class, () -> v.add(1.0));
        assertEquals(4, v.size());
    }

    /** A reference activation to show the loop does not depend on built-in plugins. */
    @Test
    void aPluginActivationIsCalledThroughItsInterface() {
        Activation cube = new dev.mlp.api.ElementwiseActivation("cube") {
            @Override
            protected double value(double z) {
                return z * z * z;
            }

            @Override
            protected double derivative(double z, double a) {
                return 3 * z * z;
            }
        };
        Network a = new Network(2, List.of(new Network.LayerSpec(2, cube, true),
                new Network.LayerSpec(1, REGISTRY.activation("sigmoid"), true)));
        a.initialize(REGISTRY.initializer("xavier"), new SplitMixRandom(4));
        Network b = a.copy();
        Dataset data = SHAPES.get(0).data(5, 2);
        Trainer t = trainer(SHAPES.get(0), "sgd(lr=0.2)", "stochastic", 25);
        assertTrue(t.takesSmallNetworkLoop(a, data));
        assertSameRun(t.train(a, data), t.withGeneralLoopOnly().train(b, data), a, b);
    }
}
