package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Training runs that combine the built-in optimizers, schedules, gradient transforms, batch
 * strategies, validation and early stopping, found by name, as an application would use them.
 */
class BuiltInPluginsTrainingTest {

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

    private static Model model(String optimizer, String schedule, String batch, int epochs,
                               Consumer<Checkpoint> sink) {
        Mlp.Builder b = Mlp.builder().inputs(2).layer(8, "tanh").layer(3, "softmax")
                .loss("cross-entropy").optimizer(optimizer).batch(batch)
                .initializer("xavier").inputScaler("z-score")
                .schedule(schedule)
                .gradientTransform("clip-norm(max=5)").gradientTransform("l2(lambda=1e-4)")
                .validationFraction(0.25).metrics("accuracy", "f1")
                .earlyStopping("early-stopping(monitor=validation-loss, patience=50)")
                .epochs(epochs).seed(11);
        if (sink != null) {
            b.checkpoints(2, sink);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} with {1}, {2}")
    @CsvSource(delimiter = '|', value = {
        "adam(lr=0.01)                    | cosine(warmup=2)             | mini-batch(size=16)",
        "nesterov(lr=0.05)                | step(every=5, factor=0.5)    | stratified-mini-batch(size=12)",
        "rmsprop(lr=0.01)                 | reduce-on-plateau(patience=3) | mini-batch(size=16)",
        "normalized-gradient(lr=0.05, scope=per-layer, momentum=0.5) | exponential(gamma=0.97) | full-batch",
        "adamw(lr=0.01)                   | constant                     | stochastic",
    })
    void resumingFromACheckpointEndsWithTheSameBits(String optimizer, String schedule,
                                                   String batch) {
        Dataset data = blobs(30, 5);
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model full = model(optimizer, schedule, batch, 12, checkpoints::add);
        TrainingResult whole = full.fit(data);
        assertTrue(checkpoints.size() >= 3, "checkpoints: " + checkpoints.size());
        Checkpoint middle = checkpoints.get(1);
        assertEquals(4, middle.epoch());

        Model resumed = model(optimizer, schedule, batch, 12, null);
        TrainingResult rest = resumed.resume(data, middle);

        double[][] a = full.network().parameters();
        double[][] b = resumed.network().parameters();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "block " + i + " differs");
        }
        assertEquals(whole.epochLosses(), rest.epochLosses());
        assertTrue(full.evaluate(data).value("accuracy") > 0.8,
                "accuracy " + full.evaluate(data).value("accuracy"));
    }

    @Test
    void specsRecordTheCanonicalScheduleAndTransforms() {
        Model m = model("adam", "cosine(warmup=2)", "mini-batch", 1, null);
        assertEquals("cosine(warmup=2, min=0.0)", m.specs().get("schedule"));
        String transforms = m.specs().get("gradient transforms");
        assertNotNull(transforms);
        assertTrue(transforms.contains("clip-norm(max=5.0)") && transforms.contains("l2("),
                transforms);
    }

    @Test
    void aScheduleNeedsAnOptimizerWithALearningRate() {
        Model m = Mlp.builder().inputs(2).layer(3, "softmax").loss("cross-entropy")
                .optimizer("rprop").batch("full-batch").schedule("cosine").epochs(2).seed(1)
                .build();
        var e = assertThrows(RuntimeException.class, () -> m.fit(blobs(5, 1)));
        assertTrue(e.getMessage().contains("rprop"), e.getMessage());
    }

    private static Model withDropout(Consumer<Checkpoint> sink) {
        Mlp.Builder b = Mlp.builder().inputs(2).layer(16, "relu").dropout(0.3)
                .layer(16, "tanh").dropout(0.2).layer(3, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.01)").batch("mini-batch(size=16)")
                .inputScaler("z-score").metrics("accuracy").epochs(30).seed(4);
        if (sink != null) {
            b.checkpoints(10, sink);
        }
        return b.build();
    }

    @Test
    void dropoutTrainsReproduciblyAndResumesBitForBit() {
        Dataset data = blobs(30, 9);
        List<Checkpoint> checkpoints = new ArrayList<>();
        Model a = withDropout(checkpoints::add);
        a.fit(data);
        Model b = withDropout(null);
        b.fit(data);
        Model c = withDropout(null);
        c.resume(data, checkpoints.get(1));
        for (int i = 0; i < a.network().parameters().length; i++) {
            assertArrayEquals(a.network().parameters()[i], b.network().parameters()[i]);
            assertArrayEquals(a.network().parameters()[i], c.network().parameters()[i]);
        }
        assertEquals(4, checkpoints.get(0).random().length, "batching and dropout states");
        assertTrue(a.evaluate(data).value("accuracy") > 0.9);
        // predictions never drop anything: the same input gives the same output twice
        double[] x = {0.5, 0.5};
        assertArrayEquals(a.predict(x), a.predict(x));
    }

    @Test
    void dropoutIsOnlyForHiddenLayersAndInRange() {
        assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(3, "relu").dropout(1.0));
        assertThrows(IllegalStateException.class, () -> Mlp.builder().dropout(0.5));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.builder().inputs(2).layer(3, "softmax").dropout(0.5)
                        .loss("cross-entropy").build());
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }
}
