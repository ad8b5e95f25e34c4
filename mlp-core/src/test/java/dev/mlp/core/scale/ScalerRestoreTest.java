package dev.mlp.core.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Scaler;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalerRestoreTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    @ParameterizedTest
    @ValueSource(strings = {"min-max", "min-max(lo=-1, hi=1)", "z-score"})
    void restoredScalingTransformsAndInvertsBitForBit(String spec) {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 20;
        int cols = 3;
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble(-50, 50);
        }
        for (int row = 0; row < rows; row++) {
            data[row * cols + 2] = 4.0; // a constant column
        }
        Scaler scaler = REGISTRY.scaler(spec);
        Scaler.Fitted fitted = scaler.fit(data, rows, cols);
        Scaler.Fitted restored = REGISTRY.scaler(spec).restore(fitted.statistics());
        assertEquals(cols, restored.columns());
        double[] probe = new double[rows * cols];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = r.nextDouble(-80, 80);
        }
        double[] a = new double[probe.length];
        double[] b = new double[probe.length];
        fitted.transform(probe, a, rows);
        restored.transform(probe, b, rows);
        assertArrayEquals(a, b);
        fitted.inverse(probe, a, rows);
        restored.inverse(probe, b, rows);
        assertArrayEquals(a, b);
        assertArrayEquals(fitted.statistics(), restored.statistics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"min-max", "z-score"})
    void badStatisticsAreRefusedNamingTheColumn(String spec) {
        Scaler s = REGISTRY.scaler(spec);
        var wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> s.restore(new double[][] {{0, 1}, {1, 2, 3}}));
        assertTrue(wrongWidth.getMessage().contains("column 1 has 3 numbers"),
                wrongWidth.getMessage());
        var impossible = assertThrows(IllegalArgumentException.class,
                () -> s.restore(new double[][] {{5, -1}}));
        assertTrue(impossible.getMessage().contains("column 0"), impossible.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> s.restore(new double[][] {{Double.NaN, 1}}));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aScalerWithoutRestoreSaysSo() {
        Scaler plain = new Scaler() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public Fitted fit(double[] data, int rows, int cols) {
                throw new UnsupportedOperationException("not used");
            }
        };
        var e = assertThrows(UnsupportedOperationException.class,
                () -> plain.restore(new double[][] {{0, 1}}));
        assertTrue(e.getMessage().contains("'plain'"), e.getMessage());
    }
}
