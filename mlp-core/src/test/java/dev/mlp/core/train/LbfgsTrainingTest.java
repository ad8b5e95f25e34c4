package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training with an objective optimizer (lbfgs): one iteration per epoch on the loss of the
 * whole training set, its stop reasons in the result, checkpoints that keep its history, and
 * the configurations it refuses.
 */
class LbfgsTrainingTest {

    /** Three Gaussian blobs in the plane, one-hot targets. */
    private static Dataset blobs(int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{0, 0}, {3, 0}, {0, 3}};
        int n = 3 * perClass;
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i] = new double[] {centres[c][0] + r.nextGaussian(), centres[c][1] + r.nextGaussian()};
            y[i] = new double[3];
            y[i][c] = 1;
        }
        return Dataset.of(x, y);
    }

    private static Mlp.Builder builder(String optimizer, int epochs) {
        return Mlp.builder().inputs(2).layer(6, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer(optimizer).batch("full-batch")
                .initializer("xavier").epochs(epochs).seed(3);
    }

    @Test
    void eachEpochIsOneIterationAndTheEpochLossIsTheLossAtTheNewPoint() {
        Dataset data = blobs(20, 1);
        Model m = builder("lbfgs", 15).build();
        TrainingResult r = m.fit(data);
        assertEquals(15, r.epochs());
        assertEquals(15, r.steps());
        assertEquals(m.evaluate(data).loss(), r.finalLoss(), 1e-15);
        List<Double> losses = r.epochLosses();
        for (int k = 1; k < losses.size(); k++) {
            assertTrue(losses.get(k) <= losses.get(k - 1), "epoch " + (k + 1) + ": " + losses);
        }
        assertTrue(r.finalLoss() < 0.3, "final loss " + r.finalLoss());
    }

    @Test
    void theRunEndsWithTheMethodsStopReason() {
        Dataset data = blobs(20, 2);
        TrainingResult r = builder("lbfgs(tol=1e-3)", 2000).build().fit(data);
        assertNotNull(r.stopReason());
        assertTrue(r.stopReason().startsWith("lbfgs: largest gradient entry")
                || r.stopReason().startsWith("lbfgs: relative loss change"), r.stopReason());
        assertTrue(r.epochs() < 2000, r.epochs() + " epochs");
        TrainingResult f = builder("lbfgs(tol=0, ftol=1e-4)", 2000).build().fit(data);
        assertTrue(f.stopReason().startsWith("lbfgs: relative loss change"), f.stopReason());
    }

    @Test
    void resumingFromACheckpointKeepsTheHistoryAndEndsWithTheSameBits() {
        Dataset data = blobs(20, 4);
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model full = builder("lbfgs(tol=0, ftol=0)", 12).validationFraction(0.25)
                .metrics("accuracy").checkpoints(4, checkpoints::add).build();
        TrainingResult whole = full.fit(data);
        assertEquals(3, checkpoints.size());
        Checkpoint middle = checkpoints.get(1);
        assertEquals(8, middle.optimizer().steps());
        assertTrue(middle.optimizer().values().containsKey("s"), middle.optimizer().toString());

        Model resumed = builder("lbfgs(tol=0, ftol=0)", 12).validationFraction(0.25)
                .metrics("accuracy").build();
        TrainingResult rest = resumed.resume(data, middle);
        double[][] a = full.network().parameters();
        double[][] b = resumed.network().parameters();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "block " + i);
        }
        assertEquals(whole.epochLosses(), rest.epochLosses());
        assertEquals(whole.history(), rest.history());
    }

    @Test
    void sameSeedSameBits() {
        Dataset data = blobs(15, 5);
        Model a = builder("lbfgs", 10).gradientTransform("l2(lambda=1e-3)").build();
        Model b = builder("lbfgs", 10).gradientTransform("l2(lambda=1e-3)").build();
        assertEquals(a.fit(data).epochLosses(), b.fit(data).epochLosses());
    }

    @Test
    void listenersHearOneBatchPerEpoch() {
        Dataset data = blobs(10, 6);
        List<String> events = new ArrayList<>();
        builder("lbfgs", 3).listener(new TrainingListener() {
            @Override
            public void batchFinished(BatchEnd e) {
                events.add(e.epoch() + ":" + e.batch() + ":" + e.size());
            }
        }).build().fit(data);
        assertEquals(List.of("1:1:30", "2:1:30", "3:1:30"), events);
    }

    @Test
    void miniBatchesAreRefused() {
        Dataset data = blobs(10, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder("lbfgs", 3).batch("mini-batch(size=8)").build().fit(data));
        assertTrue(e.getMessage().startsWith("optimizer 'lbfgs' evaluates the loss of the whole "
                + "training set, but batch strategy 'mini-batch(size=8"), e.getMessage());
        assertTrue(e.getMessage().endsWith("use the full-batch strategy (full-batch)"),
                e.getMessage());
    }

    @Test
    void dropoutIsRefused() {
        Dataset data = blobs(10, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(6, "tanh").dropout(0.2).layer(3, "softmax")
                        .loss("cross-entropy").optimizer("lbfgs").batch("full-batch")
                        .epochs(2).seed(1).build().fit(data));
        assertTrue(e.getMessage().contains("remove the dropout"), e.getMessage());
    }

    @Test
    void aScheduleAndARollbackAreRefused() {
        Dataset data = blobs(10, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder("lbfgs", 2).schedule("cosine").build().fit(data));
        assertTrue(e.getMessage().contains("no learning rate for schedule 'cosine'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> builder("lbfgs", 2).divergence("rollback(factor=0.5, retries=3)").build()
                        .fit(data));
        assertTrue(e.getMessage().contains("use a divergence policy that stops"),
                e.getMessage());
    }
}
