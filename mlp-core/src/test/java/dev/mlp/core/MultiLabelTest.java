package dev.mlp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Loss;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.metric.MultiLabelMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiLabelTest {

    @TempDir
    Path dir;

    /** Labels: x0 > 0, x1 > 0, x0 + x1 > 0.5; a row has any number of them. */
    private static double[][][] data(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[rows][2];
        double[][] y = new double[rows][3];
        for (int r = 0; r < rows; r++) {
            x[r][0] = rnd.nextDouble(-1, 1);
            x[r][1] = rnd.nextDouble(-1, 1);
            y[r][0] = x[r][0] > 0 ? 1 : 0;
            y[r][1] = x[r][1] > 0 ? 1 : 0;
            y[r][2] = x[r][0] + x[r][1] > 0.5 ? 1 : 0;
        }
        return new double[][][] {x, y};
    }

    private static Mlp.Builder builder(MultiLabel labels) {
        return Mlp.builder().inputs(2).layer(16, "tanh").layer(3, "sigmoid").multiLabel(labels)
                .optimizer("adam(lr=0.02)").batch("mini-batch(size=32)").epochs(150).seed(3)
                .metrics("subset-accuracy", "hamming-loss", "micro-f1", "macro-f1");
    }

    @Test
    void binaryCrossEntropySumsOneTermPerLabelWithDeltaOutputMinusTarget() {
        Loss bce = Mlp.standard().registry().loss("binary-cross-entropy");
        double[] z = {0, Math.log(3), -Math.log(3)};
        double[] a = {0.5, 0.75, 0.25};
        double[] y = {1, 1, 0};
        // -ln(1/2) - ln(3/4) - ln(1 - 1/4)
        assertEquals(Math.log(2) + 2 * Math.log(4.0 / 3), bce.value(z, a, y, 1, 3), 1e-15);
        double[] delta = new double[3];
        bce.delta(Mlp.standard().registry().activation("sigmoid"), z, a, y, delta, 1, 3);
        assertArrayEquals(new double[] {-0.5, -0.25, 0.25}, delta, 1e-15);
    }

    @Test
    void aMultiLabelModelLearnsSeveralLabelsPerRow() {
        double[][][] d = data(400, 1);
        Model m = builder(MultiLabel.of("right", "up", "far")).build();
        assertEquals("binary-cross-entropy", m.specs().get("loss"));
        m.fit(d[0], d[1]);
        Evaluation e = m.evaluate(Dataset.of(d[0], d[1]));
        assertTrue(e.value("subset-accuracy") > 0.9, e.toString());
        assertTrue(e.value("hamming-loss") < 0.05, e.toString());
        assertNull(e.confusion());
        double[] p = m.predict(new double[] {0.9, 0.8});
        assertArrayEquals(new int[] {1, 1, 1}, m.multiLabel().decide(p));
        assertArrayEquals(new int[] {0, 1, 0},
                m.multiLabel().decide(m.predict(new double[] {-0.9, 0.3})));
    }

    @Test
    void evaluateDecidesEachLabelAtItsThreshold() {
        double[][][] d = data(200, 2);
        Model m = builder(MultiLabel.of("right", "up", "far")).epochs(20).build();
        m.fit(d[0], d[1]);
        double[] t = {0.5, 0.9, 0.2};
        m.multiLabel(m.multiLabel().withThresholds(t));
        double[][] p = m.predict(d[0]);
        double[] decided = new double[p.length * 3];
        double[] y = Dataset.flatten(d[1], "y");
        for (int r = 0; r < p.length; r++) {
            int[] v = m.multiLabel().decide(p[r]);
            for (int j = 0; j < 3; j++) {
                decided[r * 3 + j] = v[j];
            }
        }
        Evaluation e = m.evaluate(Dataset.of(d[0], d[1]));
        for (String name : MultiLabelMetrics.names()) {
            assertEquals(MultiLabelMetrics.byName(name).compute(decided, y, null, p.length, 3),
                    e.value(name), 0.0, name);
        }
        double atHalf = m.multiLabel(MultiLabel.of("right", "up", "far"))
                .evaluate(Dataset.of(d[0], d[1])).value("hamming-loss");
        assertNotEquals(e.value("hamming-loss"), atHalf);
    }

    /** The multi-label metrics of the decisions at the thresholds, computed from predict. */
    private static double metricAt(Model m, double[] thresholds, double[][][] d, String name) {
        MultiLabel at = m.multiLabel().withThresholds(thresholds);
        double[][] p = m.predict(d[0]);
        double[] decided = new double[p.length * 3];
        for (int r = 0; r < p.length; r++) {
            int[] v = at.decide(p[r]);
            for (int j = 0; j < 3; j++) {
                decided[r * 3 + j] = v[j];
            }
        }
        return MultiLabelMetrics.byName(name).compute(decided, Dataset.flatten(d[1], "y"), null,
                p.length, 3);
    }

    @Test
    void perEpochMetricsAndEarlyStoppingDecideAtTheThresholds() {
        double[][][] train = data(200, 4);
        double[][][] valid = data(100, 5);
        double[] t = {0.5, 0.9, 0.2};
        Model m = builder(MultiLabel.of("right", "up", "far").withThresholds(t)).epochs(40)
                .earlyStopping("early-stopping(monitor=validation-micro-f1, patience=40)")
                .build();
        var result = m.fit(train[0], train[1], valid[0], valid[1]);
        int at = result.bestEpoch() > 0 ? result.bestEpoch() : result.epochs();
        // the kept weights are those of the best epoch: their metrics, by predict and the
        // thresholds, are the ones the history recorded for that epoch
        for (String name : MultiLabelMetrics.names()) {
            assertEquals(metricAt(m, t, valid, name),
                    result.metric("validation-" + name).get(at - 1), 1e-12, name);
        }
        // and the thresholds matter here: at 0.5 each the values differ
        double[] half = {0.5, 0.5, 0.5};
        assertNotEquals(metricAt(m, half, valid, "hamming-loss"),
                result.metric("validation-hamming-loss").get(at - 1));
        // the training metrics of the last epoch too, without early stopping
        Model plain = builder(MultiLabel.of("right", "up", "far").withThresholds(t)).epochs(15)
                .build();
        var r = plain.fit(train[0], train[1]);
        for (String name : MultiLabelMetrics.names()) {
            assertEquals(metricAt(plain, t, train, name),
                    r.metric("training-" + name).get(r.epochs() - 1), 1e-12, name);
        }
    }

    @Test
    void labelsAndThresholdsAreSavedWithTheModel() throws IOException {
        double[][][] d = data(100, 4);
        MultiLabel labels = MultiLabel.of("right", "up", "far").withThresholds(0.5, 0.3, 0.7)
                .withSeparator(";");
        Model m = builder(labels).epochs(5).build();
        m.fit(d[0], d[1]);
        Path f = dir.resolve("tags.mlp");
        ModelFile.save(m, f);
        Model back = ModelFile.load(f);
        assertEquals(labels, back.multiLabel());
        assertArrayEquals(m.predict(d[0][0]), back.predict(d[0][0]), 0.0);
        assertTrue(ModelFile.read(f).describe().contains("right 0.5, up 0.3, far 0.7"),
                ModelFile.read(f).describe());
        Model plain = Mlp.builder().inputs(2).layer(3, "sigmoid").build();
        ModelFile.save(plain, f);
        assertNull(ModelFile.load(f).multiLabel());
    }

    @Test
    void outputsThatDoNotFitTheLabelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(2, "sigmoid")
                        .multiLabel(MultiLabel.of("a", "b", "c")).build());
        assertTrue(e.getMessage().contains("3 labels (a, b, c) need 3 outputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(3, "softmax")
                        .multiLabel(MultiLabel.of("a", "b", "c")).build());
        assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
    }

    @Test
    void badLabelsAndThresholdsAreRefused() {
        MultiLabel l = MultiLabel.of(List.of("a", "b"));
        assertArrayEquals(new double[] {0.5, 0.5}, l.thresholds(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.withThresholds(0.5));
        assertTrue(e.getMessage().contains("one threshold per label (2: a, b), found 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.withThresholds(0.5, 1.0));
        assertTrue(e.getMessage().contains("label 'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiLabel.of("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> MultiLabel.of(List.of()));
    }
}
