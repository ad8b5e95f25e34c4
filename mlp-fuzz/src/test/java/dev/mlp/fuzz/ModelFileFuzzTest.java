package dev.mlp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlp.core.Model;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.FileFormatException;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fuzzes the model and checkpoint file readers through their public entry points
 * ({@link ModelFile#load(Path)}, {@link CheckpointFile#load(Path)} and
 * {@link CheckpointFile#describe(Path)}). The only acceptable outcomes are a result, a
 * {@link FileFormatException} or an {@link IllegalArgumentException} (such as a missing plugin),
 * each with a message naming the file.
 */
class ModelFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void modelFile(byte[] data) throws IOException {
        Path f = FileFormats.write(FileFormats.file(data, "MODL"), "fuzz.mlp");
        Model model;
        try {
            model = ModelFile.load(f);
        } catch (FileFormatException | IllegalArgumentException e) {
            Outcomes.requireClearMessage(e, f.toString());
            return;
        }
        double[] out = model.predict(new double[model.network().inputSize()]);
        if (out.length != model.network().outputSize()) {
            throw new AssertionError(f + ": " + out.length + " outputs from a network of "
                    + model.network().outputSize());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void checkpointFile(byte[] data) throws IOException {
        Path f = FileFormats.write(FileFormats.file(data, "CKPT"), "fuzz.ckpt");
        Checkpoint c;
        try {
            c = CheckpointFile.load(f);
        } catch (FileFormatException | IllegalArgumentException e) {
            Outcomes.requireClearMessage(e, f.toString());
            return;
        }
        if (c.parameters() == null || CheckpointFile.describe(f).isBlank()) {
            throw new AssertionError(f + ": a checkpoint without parameters or description");
        }
    }
}
