package dev.mlp.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.train.Checkpoint;
import dev.mlp.core.Model;
import dev.mlp.core.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void resumingFromACheckpointFileGivesTheBitsOfTheUninterruptedRun(@TempDir Path dir)
            throws Exception {
        double[][][] d = data();
        Path file = dir.resolve("epoch-10.ckpt");
        Model whole = builder().checkpoints(10, c -> {
            if (c.epoch() == 10) {
                try {
                    CheckpointFile.save(c, file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }).build();
        whole.fit(d[0], d[1]);
        LayeredNetwork done = (LayeredNetwork) whole.network();
        Checkpoint c = CheckpointFile.load(file);
        assertEquals(16, c.values().get("layers/state/0").length);
        Model resumed = builder().build();
        resumed.resume(Dataset.of(d[0], d[1]), c);
        LayeredNetwork again = (LayeredNetwork) resumed.network();
        assertFalse(Arrays.equals(c.values().get("layers/state/0"), done.layerState(0)),
                "the statistics must move after epoch 10 for this test to tell anything");
        assertArrayEquals(done.layerState(0), again.layerState(0), 0.0);
        assertTrue(Arrays.deepEquals(done.parameters(), again.parameters()));
        double[] x = {0.5, -1.25};
        assertArrayEquals(done.predict(x), again.predict(x), 0.0);
    }

    @Test
    void aRollbackRestoresTheRunningStatisticsOfTheEpochsStart() {
        double[][][] d = data();
        Map<Integer, double[]> firstStart = new HashMap<>();
        List<String> problems = new ArrayList<>();
        LayeredNetwork[] net = new LayeredNetwork[1];
        int[] restarts = new int[1];
        Model m = Mlp.builder().inputs(2).network("dense(8, tanh) batch-norm dense(2)")
                .loss("mse").optimizer("sgd(lr=1e6)").batch("mini-batch(size=8)").epochs(6)
                .seed(3).divergence("rollback(factor=1e-7, retries=1)")
                .listener(new TrainingListener() {
                    @Override
                    public void epochStarted(EpochStart e) {
                        double[] now = net[0].layerState(0).clone();
                        double[] first = firstStart.putIfAbsent(e.epoch(), now);
                        if (first != null) {
                            restarts[0]++;
                            if (!Arrays.equals(first, now)) {
                                problems.add("epoch " + e.epoch() + " started again with "
                                        + Arrays.toString(now) + " instead of "
                                        + Arrays.toString(first));
                            }
                        }
                    }
                }).build();
        net[0] = (LayeredNetwork) m.network();
        TrainingResult r = m.fit(d[0], d[1]);
        assertEquals(1, r.rollbacks());
        assertEquals(1, restarts[0]);
        assertTrue(problems.isEmpty(), problems.toString());
        for (double v : net[0].layerState(0)) {
            assertTrue(Double.isFinite(v), Arrays.toString(net[0].layerState(0)));
        }
    }
}
