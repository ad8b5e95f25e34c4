package dev.mlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.spec.SpecException;
import dev.mlp.core.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FluentApiTest {

    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
        "binary-cross-entropy | adam(lr=0.05)",
        "half-squared-error   | adam(lr=0.05)",
        "binary-cross-entropy | sgd(lr=1.0)",
    })
    void xorIsLearned(String loss, String optimizer) {
        long start = System.nanoTime();
        Model model = Mlp.builder()
                .inputs(2)
                .layer(4, "tanh")
                .layer(1, "sigmoid")
                .loss(loss)
                .optimizer(optimizer)
                .batch("full-batch")
                .initializer("xavier")
                .epochs(3000)
                .seed(7)
                .train(XOR_X, XOR_Y);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1.0, model.accuracy(XOR_X, XOR_Y));
        double loss0 = model.history().get(0).epochLosses().get(0);
        double lossNow = model.loss(XOR_X, XOR_Y);
        assertTrue(lossNow < 0.05, "loss " + lossNow + " (started at " + loss0 + ")");
        for (int i = 0; i < 4; i++) {
            double p = model.predict(XOR_X[i])[0];
            assertEquals(XOR_Y[i][0], p, 0.35, "sample " + i);
        }
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    @Test
    void modelLossIsTheMeanPerSampleLossOfTheLastEpochAfterOneMoreStep() {
        Model model = Mlp.builder().inputs(2).layer(4, "tanh").layer(1, "sigmoid")
                .loss("binary-cross-entropy").optimizer("adam(lr=0.05)").batch("full-batch")
                .epochs(50).seed(7).build();
        double before = model.loss(XOR_X, XOR_Y);
        TrainingResult r = model.fit(XOR_X, XOR_Y);
        // full-batch: the first epoch's loss is the loss before any step
        assertEquals(before, r.epochLosses().get(0), 1e-12);
        assertTrue(model.loss(XOR_X, XOR_Y) < before);
    }

    /** y = 3x + 100 through min-max scaling on both sides: predictions come back in units of y. */
    @Test
    void predictionsAreInTheTargetsOwnUnits() {
        int n = 21;
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i * 0.5;              // 0 .. 10
            y[i][0] = 3 * x[i][0] + 100;    // 100 .. 130
        }
        Model model = Mlp.builder().inputs(1).layer(1, "identity")
                .inputScaler("min-max").targetScaler("min-max")
                .loss("mse").optimizer("sgd(lr=0.5)").batch("full-batch")
                .epochs(1000).seed(1).train(x, y);

        // scaled, the problem is y' = x' (both map [min, max] to [0, 1])
        assertEquals(1.0, model.network().weight(1, 0, 0), 1e-4);
        assertEquals(0.0, model.network().bias(1, 0), 1e-4);
        assertEquals(113.5, model.predict(new double[] {4.5})[0], 1e-3);  // 3 * 4.5 + 100
        assertEquals(100.0, model.predict(new double[] {0})[0], 1e-3);
        assertEquals(160.0, model.predict(new double[] {20})[0], 1e-3);  // extrapolated
        double[][] batch = model.predict(new double[][] {{1}, {2}});
        assertEquals(103.0, batch[0][0], 1e-3);
        assertEquals(106.0, batch[1][0], 1e-3);

        assertNotNull(model.inputScaling());
        assertArrayEquals(new double[] {0, 10}, model.inputScaling().statistics()[0], 0.0);
        assertArrayEquals(new double[] {100, 130}, model.targetScaling().statistics()[0], 0.0);
        assertEquals("min-max(lo=0.0, hi=1.0)", model.specs().get("input scaler"));
        assertEquals("min-max(lo=0.0, hi=1.0)", model.specs().get("target scaler"));

        // scalers are fitted once: a second fit on data with another range keeps the first
        // statistics (refitted, the inputs would be [2, 4] and the targets [106, 112])
        double[][] x2 = {{2}, {4}};
        double[][] y2 = {{106}, {112}};
        model.fit(x2, y2);
        assertArrayEquals(new double[] {0, 10}, model.inputScaling().statistics()[0], 0.0);
        assertArrayEquals(new double[] {100, 130}, model.targetScaling().statistics()[0], 0.0);
        assertEquals(113.5, model.predict(new double[] {4.5})[0], 1e-3);
    }

    @Test
    void explicitWeightsLandInTheNetwork() {
        double[][] w1 = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}};
        Model model = Mlp.builder().inputs(2).layer(3, "tanh").layer(1, "identity")
                .weights(1, w1).biases(1, 0.7, 0.8, 0.9)
                .biases(2, -0.25)
                .initializer("xavier").seed(3).build();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(w1[i][j], model.network().weight(1, i, j), 0.0, i + "," + j);
            }
        }
        assertArrayEquals(new double[] {0.7, 0.8, 0.9}, model.network().biases(1), 0.0);
        assertEquals(-0.25, model.network().bias(2, 0), 0.0);
        // layer 2's weights still come from the initializer, the same as without explicit ones
        Model plain = Mlp.builder().inputs(2).layer(3, "tanh").layer(1, "identity")
                .initializer("xavier").seed(3).build();
        assertArrayEquals(plain.network().weights(2), model.network().weights(2), 0.0);
        assertFalse(java.util.Arrays.equals(plain.network().weights(1), model.network().weights(1)));
        // the caller's array is copied
        w1[0][0] = 99;
        assertEquals(0.1, model.network().weight(1, 0, 0), 0.0);
    }

    @Test
    void forwardPassWorkedByHand() {
        // z1 = x.W1 + b1 with x = (1, -1), W1 = [[1, 2], [3, 4]], b1 = (0.5, -1):
        //   neuron 0: 1*1 + (-1)*3 + 0.5 = -1.5; neuron 1: 1*2 + (-1)*4 - 1 = -3
        // z2 = a1.W2 + b2 with W2 = [[2], [-1]], b2 = 0.25: -1.5*2 + (-3)*(-1) + 0.25 = 0.25
        Model linear = Mlp.builder().inputs(2).layer(2, "identity").layer(1, "identity")
                .weights(1, new double[][] {{1, 2}, {3, 4}}).biases(1, 0.5, -1)
                .weights(2, new double[][] {{2}, {-1}}).biases(2, 0.25).build();
        assertEquals(0.25, linear.predict(new double[] {1, -1})[0], 1e-15);
        // the same with a sigmoid output: 1 / (1 + e^-0.25) = 0.5621765008857981
        Model sigmoid = Mlp.builder().inputs(2).layer(2, "identity").layer(1, "sigmoid")
                .weights(1, new double[][] {{1, 2}, {3, 4}}).biases(1, 0.5, -1)
                .weights(2, new double[][] {{2}, {-1}}).biases(2, 0.25).build();
        assertEquals(0.5621765008857981, sigmoid.predict(new double[] {1, -1})[0], 1e-15);
    }

    @Test
    void wrongExplicitShapesNameTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> base().weights(1, new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}).build());
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("3 rows"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> base().weights(1, new double[][] {{1, 2, 3}, {1, 2}}).build());
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("row 1"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> base().weights(2, new double[][] {{1, 2}, {3, 4}, {5, 6}}).build());
        assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("1 neurons"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> base().biases(2, 1, 2).build());
        assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("2 biases"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> base().weights(3, new double[][] {{1}}).build());
        assertTrue(e.getMessage().contains("layer 3") && e.getMessage().contains("1..2"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> base().biases(0, 1).build());
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(3, "tanh", false).layer(1, "identity")
                        .biases(1, 1, 2, 3).build());
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("no bias"),
                e.getMessage());
    }

    private static Mlp.Builder base() {
        return Mlp.builder().inputs(2).layer(3, "tanh").layer(1, "identity");
    }

    @Test
    void builderRejectsIncompleteOrInvalidConfigurations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().layer(1, "sigmoid").build());
        assertTrue(e.getMessage().contains("inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder().inputs(2).build());
        assertTrue(e.getMessage().contains("layer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(0, "sigmoid").build());
        assertTrue(e.getMessage().contains("neuron"), e.getMessage());
        SpecException s = assertThrows(SpecException.class,
                () -> Mlp.builder().inputs(2).layer(1, "sigmoid").optimizer("adma").build());
        assertTrue(s.getMessage().contains("unknown optimizer 'adma'"), s.getMessage());
    }

    @Test
    void specsRecordEveryChoiceCanonically() {
        Model model = Mlp.builder().inputs(2).layer(3, "leaky-relu").layer(2, "softmax")
                .loss("cross-entropy").optimizer("momentum(lr=0.1)").batch("mini-batch(size=2)")
                .initializer("he").inputScaler("z-score").build();
        assertEquals("cross-entropy", model.specs().get("loss"));
        assertEquals("momentum(lr=0.1, mu=0.9)", model.specs().get("optimizer"));
        assertEquals("mini-batch(size=2, shuffle=true)", model.specs().get("batch strategy"));
        assertEquals("he", model.specs().get("initializer"));
        assertEquals("z-score", model.specs().get("input scaler"));
        assertEquals("leaky-relu", model.network().activation(1).name());
        assertThrows(UnsupportedOperationException.class, () -> model.specs().put("x", "y"));
    }

    @Test
    void predictChecksTheInputWidth() {
        Model model = base().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("2 inputs") && e.getMessage().contains("3"),
                e.getMessage());
        assertEquals(0, model.predict(new double[0][]).length);
    }

    @Test
    void softmaxClassifierAccuracyUsesArgmax() {
        // three separable clusters, one-hot targets
        double[][] x = {{0, 0}, {0.1, 0.1}, {5, 5}, {5.1, 4.9}, {-5, 5}, {-4.9, 5.1}};
        double[][] y = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
        Model model = Mlp.builder().inputs(2).layer(8, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.05)").batch("full-batch")
                .epochs(300).seed(11).train(x, y);
        assertEquals(1.0, model.accuracy(x, y));
        double[] p = model.predict(x[2]);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertEquals(1, Model.argmax(p));
    }
}
