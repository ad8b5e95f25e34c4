package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model keeps its training options, so a loaded model trains on as it was set up. */
class ModelFileTrainingOptionsTest {

    @TempDir
    Path dir;

    @Test
    void scheduleTransformsMetricsEarlyStoppingAndDivergenceSurviveSaving() throws Exception {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}, {0.2, 0.9}};
        double[][] y = {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}};
        Model model = Mlp.builder().inputs(2).layer(5, "tanh").layer(2, "softmax")
                .loss("cross-entropy").optimizer("adam(lr=0.02)").batch("mini-batch(size=2)")
                .schedule("step(every=3, factor=0.5)")
                .gradientTransform("clip-norm(max=2)").gradientTransform("l1(lambda=0.001)")
                .metrics("accuracy", "f1")
                .earlyStopping("early-stopping(monitor=training-loss, patience=4)")
                .divergence("rollback(factor=0.5, retries=2)")
                .epochs(6).seed(3).build();
        model.fit(x, y);
        Path file = dir.resolve("m.mlp");
        ModelFile.save(model, file);

        Model loaded = ModelFile.load(file);
        assertEquals(model.specs(), loaded.specs());
        for (double[] row : x) {
            assertArrayEquals(model.predict(row), loaded.predict(row));
        }
        // both continue the same way
        model.fit(x, y);
        loaded.fit(x, y);
        for (double[] row : x) {
            assertArrayEquals(model.predict(row), loaded.predict(row));
        }
    }
}
