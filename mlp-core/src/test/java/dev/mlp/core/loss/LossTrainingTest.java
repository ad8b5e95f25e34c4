package dev.mlp.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The added losses and initializers drive real training runs through the fluent API. */
class LossTrainingTest {

    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** Ten points of {@code y = x²} on {@code [−1, 1]}, one with an outlier target. */
    private static double[][][] regression() {
        double[][] x = new double[10][1];
        double[][] y = new double[10][1];
        for (int i = 0; i < 10; i++) {
            x[i][0] = -1 + 2 * i / 9.0;
            y[i][0] = x[i][0] * x[i][0];
        }
        y[3][0] = 3.0;
        return new double[][][] {x, y};
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"mae, lecun", "huber, xavier-normal", "'huber(delta=0.1)', he-normal",
        "log-cosh, orthogonal", "mse, 'normal(std=0.3)'"})
    void regressionLossesFall(String loss, String initializer) {
        double[][][] d = regression();
        Model model = Mlp.builder().inputs(1).layer(8, "tanh").layer(1, "identity").loss(loss)
                .optimizer("adam(lr=0.02)").batch("full-batch").initializer(initializer)
                .epochs(400).seed(3).train(d[0], d[1]);
        double first = model.history().get(0).epochLosses().get(0);
        double last = model.loss(d[0], d[1]);
        assertTrue(last < 0.6 * first, loss + ": " + first + " -> " + last);
    }

    @ParameterizedTest
    @CsvSource({"hinge", "squared-hinge"})
    void hingeLossesLearnXorWithZeroOneLabels(String loss) {
        double[][] y = {{0}, {1}, {1}, {0}}; // 0 is read as -1
        Model model = Mlp.builder().inputs(2).layer(6, "tanh").layer(1, "identity").loss(loss)
                .optimizer("adam(lr=0.05)").batch("full-batch").initializer("orthogonal")
                .epochs(500).seed(5).train(XOR_X, y);
        for (int i = 0; i < 4; i++) {
            double a = model.predict(XOR_X[i])[0];
            assertTrue(y[i][0] == 1 ? a > 0.5 : a < -0.5, loss + ", sample " + i + ": " + a);
        }
        assertTrue(model.loss(XOR_X, y) < 0.05, loss + " " + model.loss(XOR_X, y));
    }

    @Test
    void klDivergenceFitsSoftTargets() {
        double[][] x = {{0}, {1}};
        double[][] y = {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}};
        Model model = Mlp.builder().inputs(1).layer(3, "softmax").loss("kl-divergence")
                .optimizer("adam(lr=0.05)").batch("full-batch").initializer("xavier-normal")
                .epochs(600).seed(1).train(x, y);
        double[] p = model.predict(new double[] {0});
        assertEquals(0.7, p[0], 0.02);
        assertEquals(0.1, p[2], 0.02);
        assertTrue(model.loss(x, y) < 1e-3, "KL " + model.loss(x, y));
    }

    @Test
    void poissonFitsCountRatesWithASoftplusOutput() {
        double[][] x = {{0}, {0.5}, {1}, {1.5}, {2}};
        double[][] y = {{1}, {2}, {3}, {4}, {8}};
        Model model = Mlp.builder().inputs(1).layer(4, "tanh").layer(1, "softplus")
                .loss("poisson").optimizer("adam(lr=0.05)").batch("full-batch")
                .initializer("lecun").epochs(600).seed(2).train(x, y);
        assertTrue(model.predict(new double[] {2})[0] > model.predict(new double[] {0})[0]);
        double first = model.history().get(0).epochLosses().get(0);
        assertTrue(model.loss(x, y) < first, first + " -> " + model.loss(x, y));
    }

    @Test
    void badCombinationsFailWhenTheModelIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(1).layer(2, "sigmoid").loss("kl-divergence").build());
        assertTrue(e.getMessage().contains("'kl-divergence' needs a 'softmax'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(1).layer(1, "identity").loss("poisson").build());
        assertTrue(e.getMessage().contains("'poisson' needs positive outputs"), e.getMessage());
    }
}
