package dev.mlp.core.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.SampleInfo;
import dev.mlp.core.Dataset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldsTest {

    /** 30 rows: class 0 for rows 0-19, class 1 for rows 20-29. */
    private static Dataset classes() {
        double[][] x = new double[30][1];
        double[][] y = new double[30][1];
        for (int r = 0; r < 30; r++) {
            x[r][0] = r;
            y[r][0] = r < 20 ? 0 : 1;
        }
        return Dataset.of(x, y);
    }

    @Test
    void everyRowIsTestedOnceAndFoldsAreStratified() {
        Dataset d = classes();
        Folds f = Folds.of(5, d, 1);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            int[] test = f.testRows(k);
            assertEquals(6, test.length);
            int ones = 0;
            for (int r : test) {
                assertTrue(seen.add(r), "row " + r + " in two folds");
                ones += d.classOf(r);
            }
            assertEquals(2, ones, "fold " + k + " holds 2 of the 10 rows of class 1");
            int[] train = f.trainingRows(k);
            assertEquals(24, train.length);
            for (int r : train) {
                for (int t : test) {
                    assertFalse(r == t);
                }
            }
        }
        assertEquals(30, seen.size());
    }

    @Test
    void theSeedDecidesTheFolds() {
        Dataset d = classes();
        assertArrayEquals(Folds.of(3, d, 7).testRows(0), Folds.of(3, d, 7).testRows(0));
        assertFalse(java.util.Arrays.equals(Folds.of(3, d, 7).testRows(0),
                Folds.of(3, d, 8).testRows(0)));
    }

    @Test
    void regressionRowsAreDealtAsOneGroup() {
        Folds f = Folds.of(4, SampleInfo.unweighted(10), 2);
        int total = 0;
        for (int k = 0; k < 4; k++) {
            int n = f.testRows(k).length;
            assertTrue(n == 2 || n == 3, "fold sizes differ by at most 1: " + f);
            total += n;
        }
        assertEquals(10, total);
    }

    @Test
    void foldCountsOutOfRangeAreRefused() {
        assertEquals("cross-validation needs at least 2 folds, found 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Folds.of(1, classes(), 1)).getMessage());
        assertEquals("31 folds need at least 31 rows, found 30",
                assertThrows(IllegalArgumentException.class,
                        () -> Folds.of(31, classes(), 1)).getMessage());
    }
}
