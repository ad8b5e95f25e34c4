package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exported model run with ONNX Runtime on the same rows as {@link Model#predict}: the
 * same outputs to 1e-5 and the same labels, for every built-in activation, for classifiers
 * (softmax and single sigmoid output) and regression, with and without scalers.
 */
class ParityTest {

    @AfterAll
    static void printLargestDifference() {
        System.out.println(MaxDifferences.summary());
    }

    static final double TOLERANCE = 1e-5;

    static final List<String> HIDDEN = List.of("identity", "sigmoid", "tanh", "relu",
            "leaky-relu", "leaky-relu(alpha=0.2)", "elu", "elu(alpha=0.5)", "selu", "softplus",
            "gelu", "gelu(approximate=tanh)", "silu", "swish", "mish", "softsign",
            "hard-sigmoid", "hard-tanh", "relu6", "softmax");

    /** Rows in the data's units, spread wide so every branch of every activation is taken. */
    static double[][] rows(long seed, int n, int cols, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][cols];
        for (double[] row : x) {
            for (int c = 0; c < cols; c++) {
                row[c] = (r.nextDouble() * 2 - 1) * spread + c;
            }
        }
        return x;
    }

    static double[][] regressionTargets(double[][] x) {
        double[][] y = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = 3 * x[i][0] - x[i][1] + 10;
            y[i][1] = x[i][2] * x[i][0] - 50;
        }
        return y;
    }

    static double[][] oneHot(double[][] x, int k) {
        double[][] y = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            int c = Math.floorMod((int) Math.floor(x[i][0] + x[i][1]), k);
            y[i][c] = 1;
        }
        return y;
    }

    static Stream<Arguments> hiddenAndScaler() {
        return HIDDEN.stream().flatMap(a -> Stream.of(
                Arguments.of(a, null, null),
                Arguments.of(a, "z-score", "min-max(lo=-1, hi=1)"),
                Arguments.of(a, "min-max", "z-score")));
    }

    static double maxDiff(double[][] a, double[][] b) {
        assertEquals(a.length, b.length, "rows");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length, "columns of row " + i);
            for (int j = 0; j < a[i].length; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                if (!(d <= max)) {
                    max = d;
                }
            }
        }
        return max;
    }

    @ParameterizedTest(name = "regression {0}, scalers {1} / {2}")
    @MethodSource("hiddenAndScaler")
    void regressionMatchesPredict(String hidden, String inputScaler, String targetScaler)
            throws Exception {
        double[][] x = rows(1, 32, 3, 4);
        Mlp.Builder b = Mlp.builder().inputs(3).layer(6, hidden).layer(2, "identity")
                .loss("mse").optimizer("adam(lr=0.01)").epochs(3).seed(7);
        if (inputScaler != null) {
            b.inputScaler(inputScaler).targetScaler(targetScaler);
        }
        Model model = b.build();
        model.fit(x, regressionTargets(x));
        double[][] test = rows(2, 50, 3, inputScaler == null ? 8 : 40);
        double[][] expected = model.predict(test);
        Map<String, Object> out = Ort.run(OnnxExport.toBytes(model), test);
        double diff = maxDiff(expected, (double[][]) out.get("predictions"));
        MaxDifferences.record("regression " + hidden + " " + inputScaler + "/" + targetScaler,
                diff);
        assertTrue(diff <= TOLERANCE, "max |difference| " + diff);
    }

    static Stream<Arguments> hiddenAndInputScaler() {
        return HIDDEN.stream().flatMap(a -> Stream.of(Arguments.of(a, null),
                Arguments.of(a, "z-score"), Arguments.of(a, "min-max(lo=-1, hi=1)")));
    }

    @ParameterizedTest(name = "softmax classifier {0}, input scaler {1}")
    @MethodSource("hiddenAndInputScaler")
    void softmaxClassifierMatchesPredict(String hidden, String inputScaler) throws Exception {
        double[][] x = rows(3, 40, 3, 3);
        Mlp.Builder b = Mlp.builder().inputs(3).layer(5, hidden).layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.05)").epochs(4).seed(11);
        if (inputScaler != null) {
            b.inputScaler(inputScaler);
        }
        Model model = b.build();
        model.fit(x, oneHot(x, 3));
        model.classNames(List.of("setosa", "versicolor", "virginica"));
        checkClassifier(model, rows(4, 60, 3, inputScaler == null ? 8 : 30), hidden);
    }

    @ParameterizedTest(name = "sigmoid classifier {0}, input scaler {1}")
    @MethodSource("hiddenAndInputScaler")
    void binaryClassifierMatchesPredict(String hidden, String inputScaler) throws Exception {
        double[][] x = rows(5, 40, 3, 3);
        double[][] y = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            y[i][0] = x[i][0] * x[i][1] > 0 ? 1 : 0;
        }
        Mlp.Builder b = Mlp.builder().inputs(3).layer(4, hidden).layer(1, "sigmoid")
                .loss("binary-cross-entropy").optimizer("adam(lr=0.05)").epochs(4).seed(13);
        if (inputScaler != null) {
            b.inputScaler(inputScaler);
        }
        Model model = b.build();
        model.fit(x, y);
        model.classNames(List.of("no", "yes"));
        checkClassifier(model, rows(6, 60, 3, inputScaler == null ? 8 : 30), hidden);
    }

    private static void checkClassifier(Model model, double[][] test, String hidden)
            throws Exception {
        double[][] predicted = model.predict(test);
        List<String> names = model.classNames();
        double[][] expected = new double[test.length][];
        String[] labels = new String[test.length];
        for (int i = 0; i < test.length; i++) {
            double[] p = predicted[i];
            expected[i] = p.length == 1 ? new double[] {1 - p[0], p[0]} : p;
            labels[i] = names.get(Model.argmax(expected[i]));
        }
        Map<String, Object> out = Ort.run(OnnxExport.toBytes(model), test);
        double diff = maxDiff(expected, (double[][]) out.get("probabilities"));
        MaxDifferences.record("classifier(" + names.size() + ") " + hidden, diff);
        assertTrue(diff <= TOLERANCE, "max |difference| " + diff);
        assertArrayEquals(labels, (String[]) out.get("label"));
    }
}
