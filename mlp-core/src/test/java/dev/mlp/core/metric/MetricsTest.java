package dev.mlp.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Metric;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // targets 0,0,1,1,2,2; predicted 0,1,1,1,0,0: class 2 is never predicted
    private static final double[] Y = {
        1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1};
    private static final double[] P = {
        .8, .1, .1, .3, .6, .1, .2, .7, .1, .1, .5, .4, .6, .1, .3, .5, .2, .3};

    private static double metric(String name, double[] p, double[] y, double[] w, int rows,
                                 int outputs) {
        return Metrics.byName(name).compute(p, y, w, rows, outputs);
    }

    @Test
    void confusionMatrixCountsTargetRowsAgainstPredictedColumns() {
        double[][] m = Metrics.confusion(P, Y, null, 6, 3);
        assertArrayEquals(new double[] {1, 1, 0}, m[0]);
        assertArrayEquals(new double[] {0, 2, 0}, m[1]);
        assertArrayEquals(new double[] {2, 0, 0}, m[2]);
    }

    @Test
    void classificationMetricsMatchHandComputedValues() {
        // class 0: P = 1/3, R = 1/2, F1 = 0.4; class 1: P = 2/3, R = 1, F1 = 0.8;
        // class 2: never predicted, P = 0/0 -> 0, R = 0/2 = 0, F1 = 0
        assertEquals(0.5, metric("accuracy", P, Y, null, 6, 3), 1e-15);
        assertEquals(1.0 / 3, metric("precision", P, Y, null, 6, 3), 1e-15);
        assertEquals(0.5, metric("recall", P, Y, null, 6, 3), 1e-15);
        assertEquals(0.4, metric("f1", P, Y, null, 6, 3), 1e-15);
    }

    @Test
    void classesInNeitherTargetsNorPredictionsAreLeftOutOfMacroAverages() {
        // 4 columns, but class 3 never occurs: the averages are those of 3 classes
        double[] y4 = new double[24];
        double[] p4 = new double[24];
        for (int r = 0; r < 6; r++) {
            System.arraycopy(Y, 3 * r, y4, 4 * r, 3);
            System.arraycopy(P, 3 * r, p4, 4 * r, 3);
        }
        assertEquals(0.4, metric("f1", p4, y4, null, 6, 4), 1e-15);
        assertEquals(1.0 / 3, metric("precision", p4, y4, null, 6, 4), 1e-15);
    }

    @Test
    void weightsCountSamplesSeveralTimes() {
        double[] w = {1, 1, 1, 1, 0, 0}; // drop the two class-2 samples
        // then class 0: TP 1, predicted 1, actual 2; class 1: TP 2, predicted 3, actual 2
        assertEquals(0.75, metric("accuracy", P, Y, w, 6, 3), 1e-15);
        double f0 = 2 * 1.0 * 0.5 / 1.5;
        double f1 = 2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0);
        assertEquals((f0 + f1) / 2, metric("f1", P, Y, w, 6, 3), 1e-15);
    }

    @Test
    void oneOutputColumnIsThresholdedAtOneHalf() {
        double[] p = {0.2, 0.7, 0.6};
        double[] y = {0, 1, 0};
        assertEquals(2.0 / 3, metric("accuracy", p, y, null, 3, 1), 1e-15);
        // class 0: P = 1/1, R = 1/2; class 1: P = 1/2, R = 1/1
        assertEquals(0.75, metric("precision", p, y, null, 3, 1), 1e-15);
        assertEquals(0.75, metric("recall", p, y, null, 3, 1), 1e-15);
    }

    @Test
    void regressionMetricsMatchHandComputedValues() {
        double[] p = {1, 2, 3, 5};
        double[] y = {1, 3, 2, 5};
        assertEquals(0.5, metric("mse", p, y, null, 4, 1), 1e-15);
        assertEquals(0.5, metric("mae", p, y, null, 4, 1), 1e-15);
        // mean 2.75, SS_tot = 8.75, SS_res = 2
        assertEquals(1 - 2 / 8.75, metric("r2", p, y, null, 4, 1), 1e-15);
        assertEquals(0.75, metric("mse", p, y, new double[] {1, 2, 1, 0}, 4, 1), 1e-15);
    }

    @Test
    void rSquaredAveragesColumnsAndHandlesConstantTargets() {
        // column 0 perfect (R2 = 1), column 1 constant targets predicted wrongly (R2 = 0)
        double[] p = {1, 7, 2, 8};
        double[] y = {1, 5, 2, 5};
        assertEquals(0.5, metric("r2", p, y, null, 2, 2), 1e-15);
        assertEquals(1.0, metric("r2", y, y, null, 2, 2), 0.0);
        // MSE over rows and columns: (0 + 4 + 0 + 9) / 4
        assertEquals(13.0 / 4, metric("mse", p, y, null, 2, 2), 1e-15);
    }

    @Test
    void everyMetricSaysWhichWayIsBetterAndIsFoundByName() {
        for (String name : Metrics.names()) {
            Metric m = Metrics.byName(name);
            assertEquals(name, m.name());
            assertEquals(!name.equals("mse") && !name.equals("mae"), m.higherIsBetter(), name);
        }
        assertFalse(Metrics.higherIsBetter("loss"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.byName("acuracy"));
        assertTrue(e.getMessage().contains("acuracy") && e.getMessage().contains("accuracy"),
                e.getMessage());
    }

    @Test
    void shortArraysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> metric("mse", new double[3], new double[4], null, 4, 1));
        assertTrue(e.getMessage().contains("mse"), e.getMessage());
    }
}
