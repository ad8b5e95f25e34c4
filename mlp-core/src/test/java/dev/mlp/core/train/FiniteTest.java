package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiniteTest {

    @Test
    void finiteValuesPassWhateverTheirSize() {
        for (int n = 0; n <= 19; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i % 4 == 0 ? Double.MAX_VALUE : i % 4 == 1 ? -Double.MAX_VALUE
                        : i % 4 == 2 ? -0.0 : Double.MIN_VALUE;
            }
            assertTrue(Finite.all(v), "length " + n);
            assertTrue(Finite.all(new double[][] {v, new double[0], v}));
        }
    }

    @Test
    void anyNonFiniteValueAnywhereIsFound() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int n = 1; n <= 19; n++) {
            for (int at = 0; at < n; at++) {
                for (double b : bad) {
                    double[] v = new double[n];
                    java.util.Arrays.fill(v, 1.5);
                    v[at] = b;
                    assertFalse(Finite.all(v), b + " at " + at + " of " + n);
                    assertFalse(Finite.all(new double[][] {new double[3], v}));
                }
            }
        }
    }
}
