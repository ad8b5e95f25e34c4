package dev.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTableTest {

    /** 100 rows: class 0 has 60, class 1 has 30, class 2 has 10; feature 0 is the row index. */
    private static DataTable skewed() {
        int n = 100;
        double[] x = new double[n * 2];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            x[r * 2] = r;
            x[r * 2 + 1] = -r;
            labels[r] = r % 10 == 9 ? 2 : r % 10 >= 6 ? 1 : 0;
        }
        return DataTable.classification("skewed", x, List.of("i", "j"), "c", labels,
                List.of("a", "b", "c"));
    }

    private static int[] counts(DataTable t) {
        int[] c = new int[t.outputs()];
        for (int l : t.labels()) {
            c[l]++;
        }
        return c;
    }

    private static Set<Double> ids(DataTable t) {
        Set<Double> s = new HashSet<>();
        for (int r = 0; r < t.rows(); r++) {
            s.add(t.features()[r * t.inputs()]);
        }
        return s;
    }

    @Test
    void classificationSplitsAreStratifiedDisjointAndComplete() {
        DataTable.Split s = skewed().split(0.2, 0.1, 42);
        assertArrayEquals(new int[] {42, 21, 7}, counts(s.train()));
        assertArrayEquals(new int[] {12, 6, 2}, counts(s.validation()));
        assertArrayEquals(new int[] {6, 3, 1}, counts(s.test()));
        Set<Double> all = new HashSet<>(ids(s.train()));
        all.addAll(ids(s.validation()));
        all.addAll(ids(s.test()));
        assertEquals(100, all.size());
        assertEquals(100, s.train().rows() + s.validation().rows() + s.test().rows());
        // rows keep their features, targets and labels together
        DataTable test = s.test();
        for (int r = 0; r < test.rows(); r++) {
            int original = (int) test.x()[r][0];
            assertEquals(-original, test.x()[r][1]);
            assertEquals(original % 10 == 9 ? 2 : original % 10 >= 6 ? 1 : 0,
                    test.labels()[r]);
            assertEquals(1.0, test.y()[r][test.labels()[r]]);
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        DataTable t = skewed();
        DataTable.Split a = t.split(0.2, 0.2, 7);
        DataTable.Split b = t.split(0.2, 0.2, 7);
        DataTable.Split c = t.split(0.2, 0.2, 8);
        assertArrayEquals(a.test().features(), b.test().features());
        assertArrayEquals(a.validation().features(), b.validation().features());
        assertNotEquals(Arrays.toString(a.test().features()),
                Arrays.toString(c.test().features()));
    }

    @Test
    void regressionSplitsAsOneGroup() {
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i;
            y[i] = 2 * i;
        }
        DataTable t = DataTable.regression("line", x, List.of("x"), y, List.of("y"));
        DataTable.Split s = t.split(0, 0.3, 1);
        assertEquals(35, s.train().rows());
        assertEquals(0, s.validation().rows());
        assertEquals(15, s.test().rows());
        for (int r = 0; r < s.test().rows(); r++) {
            assertEquals(2 * s.test().x()[r][0], s.test().y()[r][0]);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> s.validation().toDataset());
        assertEquals("line has no rows to train or evaluate on", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.split(0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> t.split(-0.1, 0.5, 1));
        assertThrows(IllegalStateException.class, t::labels);
    }
}
