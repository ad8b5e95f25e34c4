package dev.mlp.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Metric;
import dev.mlp.core.Mlp;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiLabelMetricsTest {

    // 4 rows, 3 labels
    private static final double[] Y = {
        1, 0, 1,
        0, 1, 0,
        1, 1, 0,
        0, 0, 0};
    // decided at 0.5: 1 0 1 (right) / 0 1 1 (label 2 wrong) / 1 0 0 (label 1 wrong) /
    // 0 0 1 (label 2 wrong: 0.5 counts as the label)
    private static final double[] P = {
        .9, .2, .7,
        .4, .6, .6,
        .8, .3, .1,
        .1, .1, .5};

    private static double metric(String name, double[] p, double[] y, double[] w, int labels) {
        return MultiLabelMetrics.byName(name).compute(p, y, w, p.length / labels, labels);
    }

    @Test
    void metricsMatchHandComputedValues() {
        // label 0: TP 2 -> F1 1; label 1: TP 1, FN 1 -> 2/3; label 2: TP 1, FP 2 -> 2/4
        assertEquals(0.25, metric("subset-accuracy", P, Y, null, 3), 1e-15);
        assertEquals(3.0 / 12, metric("hamming-loss", P, Y, null, 3), 1e-15);
        assertEquals(8.0 / 11, metric("micro-f1", P, Y, null, 3), 1e-15);
        assertEquals((1 + 2.0 / 3 + 0.5) / 3, metric("macro-f1", P, Y, null, 3), 1e-15);
    }

    @Test
    void perLabelCountsMatchHandComputedValues() {
        List<MultiLabelMetrics.LabelCounts> c = MultiLabelMetrics.perLabel(P, Y, null, 4, 3);
        assertEquals(new MultiLabelMetrics.LabelCounts(2, 0, 0), c.get(0));
        assertEquals(new MultiLabelMetrics.LabelCounts(1, 0, 1), c.get(1));
        assertEquals(new MultiLabelMetrics.LabelCounts(1, 2, 0), c.get(2));
        assertEquals(0.5, c.get(1).recall(), 1e-15);
        assertEquals(1.0 / 3, c.get(2).precision(), 1e-15);
        assertEquals(1.0, c.get(2).support(), 1e-15);
    }

    @Test
    void weightsCountRowsSeveralTimes() {
        double[] w = {1, 1, 1, 0}; // drop the last row: label 2 keeps one false positive
        assertEquals(1.0 / 3, metric("subset-accuracy", P, Y, w, 3), 1e-15);
        assertEquals(2.0 / 9, metric("hamming-loss", P, Y, w, 3), 1e-15);
        assertEquals(0.8, metric("micro-f1", P, Y, w, 3), 1e-15);
        assertEquals((1 + 2.0 / 3 + 2.0 / 3) / 3, metric("macro-f1", P, Y, w, 3), 1e-15);
        double[] w2 = {2, 1, 1, 1}; // the first, right row twice
        assertEquals(2.0 / 5, metric("subset-accuracy", P, Y, w2, 3), 1e-15);
        assertTrue(Double.isNaN(metric("micro-f1", P, Y, new double[4], 3)));
    }

    @Test
    void aLabelThatNeverOccursIsLeftOutOfTheMacroAverageButCountsForHamming() {
        double[] y4 = new double[16];
        double[] p4 = new double[16];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(Y, 3 * r, y4, 4 * r, 3);
            System.arraycopy(P, 3 * r, p4, 4 * r, 3);
        }
        assertEquals((1 + 2.0 / 3 + 0.5) / 3, metric("macro-f1", p4, y4, null, 4), 1e-15);
        assertEquals(8.0 / 11, metric("micro-f1", p4, y4, null, 4), 1e-15);
        assertEquals(3.0 / 16, metric("hamming-loss", p4, y4, null, 4), 1e-15);
        assertEquals(0.25, metric("subset-accuracy", p4, y4, null, 4), 1e-15);
        // no label anywhere, all decided right: 0/0 counts as 0
        double[] none = new double[6];
        assertEquals(0.0, metric("micro-f1", none, none, null, 3), 0.0);
        assertEquals(0.0, metric("macro-f1", none, none, null, 3), 0.0);
        assertEquals(1.0, metric("subset-accuracy", none, none, null, 3), 0.0);
    }

    @Test
    void theMetricsArePluginsFoundByName() {
        PluginRegistry r = Mlp.standard().registry();
        for (String name : MultiLabelMetrics.names()) {
            Metric m = r.metric(name);
            assertEquals(name, m.name());
            assertFalse(m.needsClasses(), name);
            assertEquals(!name.equals("hamming-loss"), m.higherIsBetter(), name);
        }
        assertEquals(0.25, r.metric("hamming-loss").compute(P, Y, null, 4, 3), 1e-15);
    }

    @Test
    void shortArraysAndUnknownNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.byName("micro-f1").compute(P, Y, null, 5, 3));
        assertTrue(e.getMessage().contains("5x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.byName("micro-f2"));
        assertTrue(e.getMessage().contains("micro-f1, macro-f1"), e.getMessage());
    }
}
