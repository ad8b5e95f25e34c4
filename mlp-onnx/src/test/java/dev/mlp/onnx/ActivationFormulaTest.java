package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each activation alone (identity weights, no bias, no scaling) on pre-activations from −800
 * to 800, including every branch point of the formulas: the exported nodes must give the
 * activation's own values to 1e-12 relative.
 */
class ActivationFormulaTest {

    @AfterAll
    static void printLargestDifference() {
        System.out.println(MaxDifferences.summary());
    }

    static List<String> activations() {
        return ParityTest.HIDDEN;
    }

    static double[][] points() {
        List<Double> z = new ArrayList<>(List.of(0.0, -0.0, 1e-300, -1e-300, 1e-17, -1e-17,
                1.0, -1.0, 3.0, -3.0, 6.0, -6.0, 0.5, -0.5, 700.0, -700.0, 800.0, -800.0));
        double sqrt2 = Math.sqrt(2);
        for (double t : new double[] {0.46875, 4.0, 26.543, 0.5}) {
            for (double d : new double[] {-1e-9, 0, 1e-9}) {
                z.add((t + d) * sqrt2);
                z.add(-(t + d) * sqrt2);
            }
        }
        for (double v = -40; v <= 40; v += 0.37) {
            z.add(v);
        }
        while (z.size() % 3 != 0) {
            z.add(2.5);
        }
        double[][] rows = new double[z.size() / 3][3];
        for (int i = 0; i < z.size(); i++) {
            rows[i / 3][i % 3] = z.get(i);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void nodesComputeTheActivationsFormula(String activation) throws Exception {
        Model model = Mlp.builder().inputs(3).layer(3, activation, false).loss("mse")
                .weights(1, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}).epochs(1).seed(1)
                .build();
        double[][] z = points();
        double[][] expected = model.predict(z);
        var out = Ort.run(OnnxExport.toBytes(model), z);
        // a softmax output layer makes the model a classifier
        double[][] got = (double[][]) out.getOrDefault("predictions", out.get("probabilities"));
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < 3; j++) {
                double e = expected[i][j];
                double d = Math.abs(got[i][j] - e);
                double rel = d / (1 + Math.abs(e));
                assertTrue(rel <= 1e-12, activation + "(" + z[i][j] + "): expected " + e
                        + ", ONNX Runtime gives " + got[i][j]);
                worst = Math.max(worst, d);
            }
        }
        MaxDifferences.record("activation " + activation + " alone", worst);
    }
}
