package dev.mlp.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batch-norm's running statistics go with the weights they belong to. */
class LayerStateInTrainingTest {

    private static double[][][] data() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 120;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = 3 * r.nextGaussian() + 1;
            x[i][1] = r.nextGaussian();
            y[i][x[i][0] * x[i][1] > 0 ? 1 : 0] = 1;
        }
        return new double[][][] {x, y};
    }

    private static Mlp.Builder builder() {
        return Mlp.builder().inputs(2).network("dense(8, tanh) batch-norm dense(2, softmax)")
                .loss("cross-entropy").optimizer("adam(lr=0.05)").batch("mini-batch(size=16)")
                .epochs(40).seed(7).validationFraction(0.25);
    }

    @Test
    void restoringTheBestEpochRestoresItsRunningStatistics() {
        double[][][] d = data();
        List<double[]> stateByEpoch = new ArrayList<>();
        LayeredNetwork[] net = new LayeredNetwork[1];
        Model m = builder().earlyStopping("early-stopping(monitor=validation-loss, patience=5)")
                .listener(new TrainingListener() {
                    @Override
                    public void epochFinished(EpochEnd e) {
                        stateByEpoch.add(net[0].layerState(0).clone());
                    }
                }).build();
        net[0] = (LayeredNetwork) m.network();
        TrainingResult r = m.fit(d[0], d[1]);
        assertTrue(r.bestEpoch() > 0 && r.bestEpoch() < r.epochs(), "the run must stop after "
                + "its best epoch for this test to tell anything: best " + r.bestEpoch()
                + " of " + r.epochs());
        double[] last = stateByEpoch.get(r.epochs() - 1);
        double[] best = stateByEpoch.get(r.bestEpoch() - 1);
        assertFalse(java.util.Arrays.equals(last, best));
        assertArrayEquals(best, net[0].layerState(0), 0.0);
    }

    @Test
    void checkpointsAndRollbacksAreRefusedWhileTheyCannotHoldTheStatistics() {
        double[][][] d = data();
        Model withCheckpoints = builder().checkpoints(5, c -> { }).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withCheckpoints.fit(d[0], d[1]));
        assertTrue(e.getMessage().contains("checkpoints cannot be used with layer 'batch-norm"),
                e.getMessage());
        Model plain = Mlp.builder().inputs(2).network("dense(8, tanh) layer-norm dense(2, "
                + "softmax)").loss("cross-entropy").epochs(2).seed(7)
                .checkpoints(1, c -> { }).build();
        plain.fit(d[0], d[1]); // layer-norm keeps no running statistics: nothing to lose
    }
}
