package dev.mlp.core.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.Scaler;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalerTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    /**
     * Seed 001's table, 4 rows x 2 columns. Column 0: min 25, max 70, range 45. Column 1: min 67,
     * max 98, range 31.
     */
    private static final double[] TABLE = {
        70, 98,
        50, 85,
        65, 67,
        25, 95,
    };

    @Test
    void minMaxToUnitInterval() {
        Scaler.Fitted f = REGISTRY.scaler("min-max").fit(TABLE, 4, 2);
        double[] out = new double[8];
        f.transform(TABLE, out, 4);
        double[] expected = {
            1, 1,                    // (70-25)/45, (98-67)/31
            25.0 / 45, 18.0 / 31,    // (50-25)/45 = 0.5555..., (85-67)/31 = 0.580645...
            40.0 / 45, 0,            // (65-25)/45 = 0.8888..., (67-67)/31
            0, 28.0 / 31,            // (25-25)/45, (95-67)/31 = 0.903225...
        };
        assertArrayEquals(expected, out, 1e-12);
        assertEquals(0.8888888888888888, out[4], 1e-12);
        assertArrayEquals(new double[] {25, 70}, f.statistics()[0], 0.0);
        assertArrayEquals(new double[] {67, 98}, f.statistics()[1], 0.0);
        assertEquals(2, f.columns());
    }

    @Test
    void minMaxToSymmetricInterval() {
        Scaler.Fitted f = REGISTRY.scaler("min-max(lo=-1, hi=1)").fit(TABLE, 4, 2);
        double[] out = new double[8];
        f.transform(TABLE, out, 4);
        // 2 * (unit-interval value) - 1
        double[] expected = {
            1, 1,
            2 * 25.0 / 45 - 1, 2 * 18.0 / 31 - 1,   // 1/9 = 0.111..., 5/31 = 0.16129...
            2 * 40.0 / 45 - 1, -1,                  // 7/9 = 0.777...
            -1, 2 * 28.0 / 31 - 1,                  // 25/31 = 0.80645...
        };
        assertArrayEquals(expected, out, 1e-12);
        assertEquals(0.16129032258064516, out[3], 1e-12);
        assertEquals(5.0 / 31, out[3], 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"min-max", "min-max(lo=-1, hi=1)", "min-max(lo=2, hi=7.5)", "z-score"})
    void inverseUndoesTransform(String spec) {
        Scaler.Fitted f = REGISTRY.scaler(spec).fit(TABLE, 4, 2);
        double[] scaled = new double[8];
        f.transform(TABLE, scaled, 4);
        double[] back = new double[8];
        f.inverse(scaled, back, 4);
        assertArrayEquals(TABLE, back, 1e-12);

        // also for values outside the fitted range, and in place
        SplittableRandom rnd = new SplittableRandom(4);
        double[] data = new double[20];
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextDouble(-200, 300);
        }
        double[] copy = data.clone();
        f.transform(data, data, 10);
        f.inverse(data, data, 10);
        assertArrayEquals(copy, data, 1e-12);
    }

    @Test
    void constantColumnMapsToLoAndBack() {
        double[] data = {1, 5, 2, 5, 3, 5}; // column 1 is constant 5
        Scaler.Fitted f = REGISTRY.scaler("min-max(lo=-1, hi=1)").fit(data, 3, 2);
        double[] out = new double[6];
        f.transform(data, out, 3);
        assertArrayEquals(new double[] {-1, -1, 0, -1, 1, -1}, out, 1e-12);
        double[] back = new double[6];
        f.inverse(out, back, 3);
        assertArrayEquals(data, back, 1e-12);

        Scaler.Fitted z = REGISTRY.scaler("z-score").fit(data, 3, 2);
        z.transform(data, out, 3);
        for (int r = 0; r < 3; r++) {
            assertEquals(0.0, out[r * 2 + 1], 0.0, "constant column centres on 0");
        }
        z.inverse(out, back, 3);
        assertArrayEquals(data, back, 1e-12);
    }

    @Test
    void zScoreGivesMeanZeroAndStandardDeviationOne() {
        Scaler.Fitted f = REGISTRY.scaler("z-score").fit(TABLE, 4, 2);
        // column 0: mean (70+50+65+25)/4 = 52.5; deviations 17.5, -2.5, 12.5, -27.5;
        // squares 306.25 + 6.25 + 156.25 + 756.25 = 1225; population sd sqrt(1225/4) = 17.5
        assertArrayEquals(new double[] {52.5, 17.5}, f.statistics()[0], 1e-12);
        // column 1: mean 345/4 = 86.25; squares 138.0625 + 1.5625 + 370.5625 + 76.5625 = 586.75
        assertArrayEquals(new double[] {86.25, Math.sqrt(586.75 / 4)}, f.statistics()[1], 1e-12);

        double[] out = new double[8];
        f.transform(TABLE, out, 4);
        // first column by hand: 17.5/17.5 = 1, -2.5/17.5, 12.5/17.5, -27.5/17.5
        assertEquals(1.0, out[0], 1e-12);
        assertEquals(-1.0 / 7, out[2], 1e-12);
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (int r = 0; r < 4; r++) {
                mean += out[r * 2 + c] / 4;
            }
            double var = 0;
            for (int r = 0; r < 4; r++) {
                var += (out[r * 2 + c] - mean) * (out[r * 2 + c] - mean) / 4;
            }
            assertEquals(0.0, mean, 1e-12, "mean of column " + c);
            assertEquals(1.0, Math.sqrt(var), 1e-12, "sd of column " + c);
        }
    }

    @Test
    void statisticsAreCopies() {
        Scaler.Fitted f = REGISTRY.scaler("min-max").fit(TABLE, 4, 2);
        f.statistics()[0][0] = 1000;
        assertEquals(25, f.statistics()[0][0], 0.0);
        double[] out = new double[2];
        f.transform(new double[] {25, 67}, out, 1);
        assertArrayEquals(new double[] {0, 0}, out, 1e-12);
    }

    @Test
    void invalidConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler(1, 1));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.scaler("min-max(lo=1, hi=0)"));
        assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.scaler("min-max").fit(new double[0], 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.scaler("z-score").fit(new double[0], 0, 2));
    }
}
