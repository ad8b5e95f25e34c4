package dev.mlp.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.core.Mlp;
import dev.mlp.core.init.Initializers;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sample read in place from a data set's storage gives the bits of the same sample copied
 * into a batch of one, for networks small enough for plain loops and for networks whose passes
 * go through the matrix backend.
 */
class PropagationTest {

    private static final PluginRegistry REGISTRY = Mlp.standard().registry();

    private static Network network(int inputs, int hidden, int outputs) {
        Activation tanh = REGISTRY.activation("tanh");
        Network net = new Network(inputs, List.of(new Network.LayerSpec(hidden, tanh, true),
                new Network.LayerSpec(hidden, REGISTRY.activation("sigmoid"), false),
                new Network.LayerSpec(outputs, REGISTRY.activation("identity"), true)));
        net.initialize(Initializers.uniform(-0.5, 0.5), new SplittableRandom(inputs));
        return net;
    }

    @ParameterizedTest(name = "{0} hidden neurons")
    @ValueSource(ints = {3, 40})
    void aSampleReadInPlaceGivesTheBitsOfACopiedRow(int hidden) {
        Network net = network(5, hidden, 2);
        assertEquals(hidden == 3, net.runsPlainLoops(1));
        int rows = 6;
        SplittableRandom r = new SplittableRandom(hidden);
        double[] data = new double[rows * 5];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble(-1, 1);
        }
        double[] delta = {0.3, -0.7};
        for (int row = 0; row < rows; row++) {
            Workspace copied = new Workspace(net, 1, 1);
            double[] x = new double[5];
            System.arraycopy(data, row * 5, x, 0, 5);
            double[] expected = net.forward(copied, x, 1).clone();
            System.arraycopy(delta, 0, copied.delta(3), 0, 2);
            net.backward(copied, x, 1);

            Workspace inPlace = new Workspace(net, 1, 1);
            assertArrayEquals(expected, net.forwardSample(inPlace, data, row).clone(), 0.0);
            System.arraycopy(delta, 0, inPlace.delta(3), 0, 2);
            assertTrue(net.backwardSample(inPlace, data, row));
            for (int b = 0; b < copied.gradients().length; b++) {
                assertArrayEquals(copied.gradients()[b], inPlace.gradients()[b], 0.0,
                        "row " + row + ", block " + b);
            }
        }
        Workspace ws = new Workspace(net, 1, 1);
        net.forwardSample(ws, data, 0);
        ws.delta(3)[0] = Double.NaN;
        assertFalse(net.backwardSample(ws, data, 0), "a NaN gradient is reported");
        assertThrows(IllegalArgumentException.class, () -> net.forwardSample(ws, data, rows));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @ValueSource(ints = {0, 1, 2, 7})
    void rowKernelsGiveTheBitsOfTheBatchKernels(int inner) {
        SplittableRandom r = new SplittableRandom(inner + 11);
        for (int cols : new int[] {0, 1, 3, 9}) {
            double[] x = new double[inner + 2];
            double[] w = new double[inner * cols];
            double[] d = new double[cols];
            double[] bias = new double[cols];
            for (double[] v : new double[][] {x, w, d, bias}) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.nextDouble(-2, 2);
                }
            }
            double[] row = java.util.Arrays.copyOfRange(x, 2, 2 + inner);
            double[] expected = new double[cols];
            Matrices.multiply(row, 1, inner, w, cols, bias, expected);
            double[] found = new double[cols + 1];
            Matrices.multiplyRow(x, 2, inner, w, cols, bias, found, 1);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(found, 1, cols + 1), 0.0);

            double[] gw = new double[inner * cols];
            double[] back = new double[inner];
            double[] gb = new double[cols];
            Matrices.multiplyTransposedLeft(row, 1, inner, d, cols, 0.5, gw);
            Matrices.multiplyTransposedRight(d, 1, cols, w, inner, back);
            Matrices.columnSums(d, 1, cols, 0.5, gb);
            double[] gw2 = new double[inner * cols];
            double[] back2 = new double[inner];
            double[] gb2 = new double[cols];
            assertEquals(0.0, Matrices.backwardRow(x, 2, inner, d, cols, w, 0.5, gw2, gb2,
                    back2));
            assertArrayEquals(gw, gw2, 0.0);
            assertArrayEquals(back, back2, 0.0);
            assertArrayEquals(gb, gb2, 0.0);
        }
    }
}
