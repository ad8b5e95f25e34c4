package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.activations.Sigmoid;
import dev.mlp.activations.Tanh;
import dev.mlp.core.loss.SquaredErrorLoss;
import dev.mlp.core.network.Network;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchGradientTest {

    private static Network network() {
        Network n = new Network(2, List.of(new Network.LayerSpec(3, new Tanh(), true),
                new Network.LayerSpec(1, new Sigmoid(), true)));
        SplittableRandom r = new SplittableRandom(7);
        for (double[] block : n.parameters()) {
            for (int i = 0; i < block.length; i++) {
                block[i] = r.nextDouble(-1, 1);
            }
        }
        return n;
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        Network net = network();
        var loss = SquaredErrorLoss.HALF;
        double[] x = {0.1, 0.9, -0.4, 0.3, 0.7, -0.2};
        double[] y = {1, 0, 1};
        double[] w = {2, 0, 3};
        BatchGradient weighted = new BatchGradient(net, loss, 3);
        double sum = weighted.compute(x, y, w, 3);
        double[][] gw = copy(weighted.gradients());

        double[] xr = {0.1, 0.9, 0.1, 0.9, 0.7, -0.2, 0.7, -0.2, 0.7, -0.2};
        double[] yr = {1, 1, 1, 1, 1};
        BatchGradient repeated = new BatchGradient(net, loss, 5);
        double sumRepeated = repeated.compute(xr, yr, null, 5);

        assertEquals(sumRepeated, sum, 1e-15);
        assertEquals(5.0, weighted.weightSum());
        assertEquals(5.0, repeated.weightSum());
        for (int i = 0; i < gw.length; i++) {
            assertArrayEquals(repeated.gradients()[i], gw[i], 1e-15);
        }
    }

    @Test
    void unitWeightsEqualNoWeights() {
        Network net = network();
        var loss = SquaredErrorLoss.HALF;
        double[] x = {0.1, 0.9, -0.4, 0.3};
        double[] y = {1, 0};
        BatchGradient a = new BatchGradient(net, loss, 2);
        BatchGradient b = new BatchGradient(net, loss, 2);
        assertEquals(a.compute(x, y, null, 2), b.compute(x, y, new double[] {1, 1}, 2), 1e-15);
        for (int i = 0; i < a.gradients().length; i++) {
            assertArrayEquals(a.gradients()[i], b.gradients()[i], 1e-15);
        }
    }

    private static double[][] copy(double[][] g) {
        double[][] c = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i].clone();
        }
        return c;
    }
}
