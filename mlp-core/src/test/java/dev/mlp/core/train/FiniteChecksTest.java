package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The divergence checks name the epoch, the batch and the first bad parameter. */
class FiniteChecksTest {

    private static final Network NET = new Network(2, List.of(
            new Network.LayerSpec(3, Mlp.standard().registry().activation("tanh"), true),
            new Network.LayerSpec(1, Mlp.standard().registry().activation("identity"), false)));

    @Test
    void describesWeightsAndBiases() {
        assertEquals("layer 1 weight [1,2]", FiniteChecks.describe(NET, NET.layout(), 0, 5));
        assertEquals("layer 1 bias [2]", FiniteChecks.describe(NET, NET.layout(), 1, 2));
        assertEquals("layer 2 weight [2,0]", FiniteChecks.describe(NET, NET.layout(), 2, 2));
    }

    @Test
    void aBadGradientThrowsNamingTheFirst() {
        double[][] g = {new double[6], new double[3], new double[3]};
        FiniteChecks.checkGradients(NET, NET.layout(), g, 2, 3);
        g[1][1] = Double.POSITIVE_INFINITY;
        g[2][0] = Double.NaN;
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> FiniteChecks.checkGradients(NET, NET.layout(), g, 2, 3));
        assertEquals(2, e.epoch());
        assertEquals(3, e.batch());
        assertEquals("layer 1 bias [1]", e.parameter());
        assertEquals("training diverged at epoch 2, batch 3: the gradient of layer 1 bias [1] "
                + "became Infinity (try a smaller learning rate or scaled inputs)",
                e.getMessage());
    }

    @Test
    void aBadParameterIsFoundAfterTheEpoch() {
        double[][] p = {new double[6], new double[3], new double[3]};
        FiniteChecks.checkParameters(NET, NET.layout(), p, 1, 4);
        p[0][4] = Double.NaN;
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> FiniteChecks.checkParameters(NET, NET.layout(), p, 1, 4));
        assertEquals("layer 1 weight [1,1]", e.parameter());
        assertEquals(4, e.batch());
    }

    @Test
    void aBadLossBlamesTheParameterTheLastStepWroteOrElseTheLoss() {
        double[][] p = {new double[6], new double[3], new double[3]};
        TrainingDivergedException loss = FiniteChecks.lossDiverged(NET, NET.layout(), p, 3, 7,
                Double.POSITIVE_INFINITY);
        assertNull(loss.parameter());
        assertEquals(7, loss.batch());
        p[2][1] = Double.NEGATIVE_INFINITY;
        TrainingDivergedException param = FiniteChecks.lossDiverged(NET, NET.layout(), p, 3, 7,
                Double.NaN);
        assertEquals("layer 2 weight [1,0]", param.parameter());
        assertEquals(6, param.batch());
    }
}
