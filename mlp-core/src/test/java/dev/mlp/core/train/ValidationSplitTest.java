package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** 40 samples of class 0, 20 of class 1, 10 of class 2, interleaved. */
    static Dataset classes() {
        int[] counts = {40, 20, 10};
        int n = 70;
        double[][] x = new double[n][2];
        double[][] y = new double[n][3];
        SplittableRandom r = new SplittableRandom(9);
        int[] left = counts.clone();
        for (int i = 0; i < n; i++) {
            int c;
            do {
                c = r.nextInt(3);
            } while (left[c] == 0);
            left[c]--;
            x[i][0] = r.nextDouble() + c;
            x[i][1] = r.nextDouble() - c;
            y[i][c] = 1;
        }
        return Dataset.of(x, y);
    }

    @Test
    void classificationSplitsKeepTheClassProportions() {
        Dataset d = classes();
        assertEquals(3, d.classes());
        ValidationSplit s = ValidationSplit.of(d, 0.2, new SplitMixRandom(1));
        int[] val = new int[3];
        for (int i = 0; i < s.validation().rows(); i++) {
            val[s.validation().classOf(i)]++;
        }
        assertArrayEquals(new int[] {8, 4, 2}, val);
        assertEquals(56, s.training().rows());
        assertEquals(14, s.validation().rows());
    }

    @Test
    void partsAreDisjointCompleteOrderedAndCarryTheirRows() {
        Dataset d = classes().withWeights(weights(70));
        ValidationSplit s = ValidationSplit.of(d, 0.3, new SplitMixRandom(4));
        boolean[] seen = new boolean[70];
        for (int[] part : new int[][] {s.trainingRows(), s.validationRows()}) {
            for (int k = 0; k < part.length; k++) {
                assertFalse(seen[part[k]], "row " + part[k] + " twice");
                seen[part[k]] = true;
                if (k > 0) {
                    assertTrue(part[k] > part[k - 1]);
                }
            }
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        int r = s.validationRows()[2];
        assertEquals(d.features()[2 * r], s.validation().features()[4], 0.0);
        assertEquals(d.weight(r), s.validation().weight(2), 0.0);
        assertTrue(s.validation().isClassification());
    }

    @Test
    void theSameGeneratorStateGivesTheSameSplitAndAnotherStateAnother() {
        Dataset d = classes();
        ValidationSplit a = ValidationSplit.of(d, 0.25, new SplitMixRandom(11));
        ValidationSplit b = ValidationSplit.of(d, 0.25, new SplitMixRandom(11));
        ValidationSplit c = ValidationSplit.of(d, 0.25, new SplitMixRandom(12));
        assertArrayEquals(a.validationRows(), b.validationRows());
        assertNotEquals(a, c);
        // the run's seeds: one seed, one split
        assertEquals(ValidationSplit.of(d, 0.25, Seeds.of(5).validation()),
                ValidationSplit.of(d, 0.25, Seeds.of(5).validation()));
    }

    @Test
    void regressionDataIsSplitByCount() {
        double[][] x = new double[10][1];
        double[][] y = new double[10][1];
        for (int i = 0; i < 10; i++) {
            x[i][0] = i;
            y[i][0] = 0.5 * i;
        }
        Dataset d = Dataset.of(x, y);
        assertEquals(0, d.classes());
        ValidationSplit s = ValidationSplit.of(d, 0.3, new SplitMixRandom(2));
        assertEquals(3, s.validation().rows());
        assertEquals(7, s.training().rows());
    }

    @Test
    void fractionsThatLeaveAPartEmptyOrAreOutOfRangeAreRejected() {
        Dataset d = classes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.of(d, 0.01, new SplitMixRandom(1)));
        assertTrue(e.getMessage().contains("no validation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSplit.of(d, 1.0, new SplitMixRandom(1)));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
    }

    static double[] weights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + i % 3;
        }
        return w;
    }
}
