package dev.mlp.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.BatchGradient;
import dev.mlp.core.train.SplitMixRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayeredNetworkTest {

    private static final int ROWS = 7;
    private static final int IN = 4;
    private static final int OUT = 3;

    private static double[] inputs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[ROWS * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-2, 2);
        }
        return x;
    }

    private static double[] targets() {
        double[] y = new double[ROWS * OUT];
        for (int r = 0; r < ROWS; r++) {
            y[r * OUT + r % OUT] = 1;
        }
        return y;
    }

    private static Network network(String spec) {
        Network n = NetworkAssembly.assemble(spec, IN, Mlp.standard().registry()).network();
        n.initialize(Mlp.standard().registry().initializer("xavier"),
                new SplittableRandom(3));
        // move the layers' parameters off their initial values so every gradient is exercised
        if (n instanceof LayeredNetwork ln) {
            SplittableRandom r = new SplittableRandom(5);
            for (int k = 0; k < ln.layerPluginCount(); k++) {
                for (double[] p : ln.layerParameters(k)) {
                    for (int i = 0; i < p.length; i++) {
                        p[i] += r.nextDouble(-0.5, 0.5);
                    }
                }
            }
        }
        return n;
    }

    /** Summed loss of a training pass; the generator is fresh each time, so masks repeat. */
    private static double loss(BatchGradient g, double[] x, double[] y) {
        return g.compute(x, y, null, ROWS, new SplitMixRandom(11));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dense(5, tanh) batch-norm dense(3, softmax)",
        "dense(5, tanh) layer-norm dense(3, softmax)",
        "rms-norm dense(5, tanh) rms-norm(epsilon=0.01) dense(3, softmax)",
        "dense(5, tanh) residual(dense(5, tanh), dense(5)) dense(3, softmax)",
        "dense(5, relu) batch-norm residual(dense(5, tanh) layer-norm, residual(dense(5, "
                + "sigmoid)), dense(5)) dropout(0.3) dense(3, softmax)",
        "residual(batch-norm(momentum=0.5), dense(4, tanh)) dense(3, softmax)"})
    void backwardMatchesFiniteDifferences(String spec) {
        Network n = network(spec);
        assertInstanceOf(LayeredNetwork.class, n);
        double[] x = inputs(1);
        double[] y = targets();
        BatchGradient g = new BatchGradient(n, Mlp.standard().registry().loss("cross-entropy"),
                ROWS, 1);
        loss(g, x, y);
        double[][] grads = copy(g.gradients());
        double[][] params = n.parameters();
        ParameterLayout layout = n.layout();
        assertEquals(layout.size(), params.length);
        assertEquals(params.length, grads.length);
        double h = 1e-6;
        double worst = 0;
        for (int b = 0; b < params.length; b++) {
            for (int i = 0; i < params[b].length; i++) {
                double keep = params[b][i];
                params[b][i] = keep + h;
                double up = loss(g, x, y) / ROWS;
                params[b][i] = keep - h;
                double down = loss(g, x, y) / ROWS;
                params[b][i] = keep;
                double numeric = (up - down) / (2 * h);
                double err = Math.abs(numeric - grads[b][i])
                        / Math.max(1e-3, Math.abs(numeric) + Math.abs(grads[b][i]));
                worst = Math.max(worst, err);
                assertTrue(err < 1e-5, spec + ": block " + b + " (" + layout.block(b)
                        + ") entry " + i + ": backward " + grads[b][i] + ", finite differences "
                        + numeric);
            }
        }
        assertTrue(worst >= 0);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void layerParametersComeAfterTheDenseLayersInTheLayout() {
        Network n = network("dense(5, tanh) batch-norm rms-norm dense(3, softmax)");
        ParameterLayout layout = n.layout();
        assertEquals(4 + 3, layout.size());
        assertEquals(ParameterLayout.Kind.LAYER, layout.block(4).kind());
        assertEquals(5, layout.block(6).size());
        assertEquals(2, layout.block(6).layer());
        assertEquals(2, n.layerCount());
    }

    @Test
    void batchNormUsesRunningStatisticsInInference() {
        LayeredNetwork n = (LayeredNetwork) network("batch-norm(momentum=0.0) dense(3, "
                + "softmax)");
        double[] x = inputs(2);
        BatchGradient g = new BatchGradient(n, Mlp.standard().registry().loss("cross-entropy"),
                ROWS, 1);
        double[] before = n.predict(x, ROWS);
        loss(g, x, targets());
        double[] state = n.layerState(0);
        double mean = 0;
        for (int r = 0; r < ROWS; r++) {
            mean += x[r * IN];
        }
        assertEquals(mean / ROWS, state[0], 1e-12);
        double[] after = n.predict(x, ROWS);
        assertFalse(java.util.Arrays.equals(before, after));
        // inference is row by row: one row alone gives that row of the batch
        double[] one = n.predict(java.util.Arrays.copyOfRange(x, IN, 2 * IN));
        assertArrayEquals(java.util.Arrays.copyOfRange(after, OUT, 2 * OUT), one, 0.0);
    }

    @Test
    void copyHasTheSameParametersAndState() {
        LayeredNetwork n = (LayeredNetwork) network("dense(5, tanh) batch-norm dense(3, "
                + "softmax)");
        new BatchGradient(n, Mlp.standard().registry().loss("cross-entropy"), ROWS, 1)
                .compute(inputs(1), targets(), null, ROWS, new SplitMixRandom(1));
        LayeredNetwork c = n.copy();
        assertEquals(n, c);
        assertArrayEquals(n.layerState(0), c.layerState(0), 0.0);
        c.layerState(0)[0] += 1;
        assertFalse(n.equals(c));
    }

    @Test
    void dropoutAsALayerTrainsLikeTheLayerOption() {
        double[][] x = new double[40][];
        double[][] y = new double[40][];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {r.nextDouble(), r.nextDouble()};
            y[i] = x[i][0] + x[i][1] > 1 ? new double[] {1, 0} : new double[] {0, 1};
        }
        Model option = Mlp.builder().inputs(2).layer(8, "relu").dropout(0.3)
                .layer(2, "softmax").loss("cross-entropy").batch("mini-batch(size=8)")
                .epochs(20).seed(4).train(x, y);
        Model layer = Mlp.builder().inputs(2)
                .network("dense(8, relu) dropout(0.3) dense(2, softmax)")
                .loss("cross-entropy").batch("mini-batch(size=8)").epochs(20).seed(4)
                .train(x, y);
        assertFalse(layer.network() instanceof LayeredNetwork);
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(option.predict(x[i]), layer.predict(x[i]), 0.0);
        }
    }

    @Test
    void residualNetworkWithNormalizationLearns() {
        double[][] x = new double[200][];
        double[][] y = new double[200][];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            y[i] = x[i][0] * x[i][1] > 0 ? new double[] {1, 0} : new double[] {0, 1};
        }
        Model m = Mlp.builder().inputs(2)
                .network("dense(16, relu) batch-norm residual(dense(16, relu), dense(16)) "
                        + "layer-norm dense(2, softmax)")
                .loss("cross-entropy").optimizer("adam(lr=0.01)").batch("mini-batch(size=20)")
                .epochs(150).seed(1).train(x, y);
        assertTrue(m.accuracy(x, y) > 0.9, "accuracy " + m.accuracy(x, y));
        assertTrue(m.network().toString().contains("residual(dense(16, relu), "
                + "dense(16, identity))"), m.network().toString());
    }

    @Test
    void mistakesAreNamed() {
        var reg = Mlp.standard().registry();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(8, relu) residual(dense(8, relu), "
                        + "dense(4)) dense(2, softmax)", 3, reg));
        assertTrue(e.getMessage().contains("gets 8 values per row but its last layer gives 4"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(8, relu) batch-norm", 3, reg));
        assertTrue(e.getMessage().contains("must be the dense output layer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(8, relu) batch-nrm dense(2)", 3, reg));
        assertTrue(e.getMessage().contains("unknown layer 'batch-nrm'; known: batch-norm"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(8, relu dense(2)", 3, reg));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(x, relu) dense(2)", 3, reg));
        assertTrue(e.getMessage().contains("'x' is not a whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAssembly.assemble("dense(8, rleu) dense(2)", 3, reg));
        assertTrue(e.getMessage().contains("unknown activation 'rleu'"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> Mlp.builder().inputs(2).layer(3, "relu").network("dense(2)"));
    }

    @Test
    void specIsCanonical() {
        LayeredNetwork n = (LayeredNetwork) network("dense(5,tanh) dropout(0.25) layer-norm "
                + "dense(3,softmax)");
        assertEquals("dense(5, tanh) dropout(p=0.25) layer-norm(epsilon=1.0E-5) "
                + "dense(3, softmax)", n.spec());
        LayeredNetwork again = (LayeredNetwork) network(n.spec());
        assertEquals(n.spec(), again.spec());
    }
}
