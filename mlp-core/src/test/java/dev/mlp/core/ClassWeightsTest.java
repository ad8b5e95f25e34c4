package dev.mlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    /** 60 rows of class "good" and 20 of class "bad", overlapping a little. */
    static Dataset imbalanced() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 80;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            int c = i < 60 ? 0 : 1;
            x[i][0] = (c == 0 ? -0.5 : 0.5) + r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i][c] = 1;
        }
        return Dataset.of(x, y);
    }

    private static Mlp.Builder net() {
        return Mlp.builder().inputs(2).layer(6, "tanh").layer(2, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.05)").batch("full-batch")
                .epochs(40).seed(5).metrics("accuracy");
    }

    @Test
    void balancedWeightsAreRowsOverClassesTimesCount() {
        double[] w = ClassWeights.balanced().resolve(imbalanced(), List.of());
        assertArrayEquals(new double[] {80.0 / (2 * 60), 80.0 / (2 * 20)}, w, 0.0);
    }

    @Test
    void explicitWeightsNameClassesAndLeaveOthersAtOne() {
        double[] w = ClassWeights.parse("bad=3").resolve(imbalanced(), List.of("good", "bad"));
        assertArrayEquals(new double[] {1, 3}, w, 0.0);
        assertEquals("bad=3.0, good=0.5", ClassWeights.parse(" bad = 3 , good=0.5").toString());
        assertTrue(ClassWeights.parse("Balanced").isBalanced());
    }

    @Test
    void classWeightsTrainExactlyLikeTheSameSampleWeights() {
        Dataset d = imbalanced();
        Model byClass = net().classWeights(Map.of("1", 3.0)).build();
        byClass.fit(d);
        double[] w = new double[d.rows()];
        for (int r = 0; r < w.length; r++) {
            w[r] = d.classOf(r) == 1 ? 3 : 1;
        }
        Model bySample = net().build();
        bySample.fit(d.withWeights(w));
        assertTrue(java.util.Arrays.deepEquals(bySample.network().parameters(),
                byClass.network().parameters()));
        Model plain = net().build();
        plain.fit(d);
        assertTrue(!java.util.Arrays.deepEquals(plain.network().parameters(),
                byClass.network().parameters()));
    }

    @Test
    void metricsKeepTheDataWeightsUnlessWeightedMetricsAreAsked() {
        Dataset d = imbalanced();
        Model unweighted = net().classWeights("balanced").build();
        unweighted.fit(d);
        Model weighted = net().classWeights("balanced").weightedMetrics(true).build();
        weighted.fit(d);
        // same training, so same predictions
        assertTrue(java.util.Arrays.deepEquals(unweighted.network().parameters(),
                weighted.network().parameters()));
        double plain = unweighted.evaluate(d).value("accuracy");
        double balanced = weighted.evaluate(d).value("accuracy");
        double[][] p = unweighted.predict(rows(d));
        double right = 0;
        double rightWeighted = 0;
        double total = 0;
        double[] cw = {80.0 / 120, 80.0 / 40};
        for (int r = 0; r < d.rows(); r++) {
            boolean ok = Model.argmax(p[r]) == d.classOf(r);
            right += ok ? 1 : 0;
            rightWeighted += ok ? cw[d.classOf(r)] : 0;
            total += cw[d.classOf(r)];
        }
        assertEquals(right / d.rows(), plain, 1e-12);
        assertEquals(rightWeighted / total, balanced, 1e-12);
        assertNotEquals(plain, balanced);
    }

    @Test
    void validationRowsKeepTheirOwnWeightsAndTheSameSplit() {
        Dataset d = imbalanced();
        Model m = net().classWeights("bad=3").validationFraction(0.25).build()
                .classNames(List.of("good", "bad"));
        var r = m.fit(d);
        assertEquals(20, r.validation().samples());
        assertEquals(60, r.training().samples());
        // explicit weights were applied: differs from training without them
        Model plain = net().validationFraction(0.25).build();
        var p = plain.fit(d);
        assertEquals(20, p.validation().samples());
        assertNotEquals(p.finalLoss(), r.finalLoss());
    }

    @Test
    void badClassWeightsAreRefusedWithWhatIsWrong() {
        Dataset d = imbalanced();
        Model m = net().classWeights("ugly=2").build().classNames(List.of("good", "bad"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d));
        assertEquals("class weights name class 'ugly', which is not a class of the data; its "
                + "classes are good, bad", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.parse("bad=3,good")).getMessage().contains("'good'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.parse("bad=x")).getMessage().contains("'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.parse("bad=-1")).getMessage().contains(">= 0"));
        Model regression = Mlp.builder().inputs(1).layer(1, "identity").loss("mse")
                .classWeights("balanced").build();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> regression.fit(new double[][] {{1}, {2}}, new double[][] {{0.5}, {2}}))
                .getMessage().startsWith("class weights need classification targets"));
    }

    private static double[][] rows(Dataset d) {
        double[][] x = new double[d.rows()][d.inputs()];
        for (int r = 0; r < d.rows(); r++) {
            System.arraycopy(d.features(), r * d.inputs(), x[r], 0, d.inputs());
        }
        return x;
    }
}
