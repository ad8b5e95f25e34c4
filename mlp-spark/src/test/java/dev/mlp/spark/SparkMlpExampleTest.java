package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Dataset;
import dev.mlp.spark.example.SparkMlpExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkMlpExampleTest {

    private static Path libsvm(Path dir, String name, Dataset data) throws Exception {
        List<String> lines = new ArrayList<>();
        int in = data.inputs();
        for (int r = 0; r < data.rows(); r++) {
            int label = 0;
            for (int c = 0; c < data.outputs(); c++) {
                if (data.targets()[r * data.outputs() + c] == 1) {
                    label = c;
                }
            }
            StringBuilder line = new StringBuilder().append(label);
            for (int j = 0; j < in; j++) {
                line.append(String.format(Locale.ROOT, " %d:%.6f", j + 1,
                        data.features()[r * in + j]));
            }
            lines.add(line.toString());
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainsFromLibsvmFilesAndSavesTheModel(@TempDir Path dir) throws Exception {
        Path train = libsvm(dir, "train.libsvm", TestSpark.blobs(300, 4, 31));
        Path test = libsvm(dir, "test.libsvm", TestSpark.blobs(100, 4, 32));
        Path model = dir.resolve("model");
        double accuracy = SparkMlpExample.run(TestSpark.session(), SparkMlpExample.options(
                "train=" + train, "test=" + test, "features=4", "layers=8",
                "activation=tanh", "optimizer=adam(lr=0.05)", "batch=full-batch", "epochs=30",
                "model=" + model));
        assertTrue(accuracy > 0.85, "accuracy " + accuracy);
        SparkMlpModel loaded = SparkMlpModel.load(model.toString());
        assertEquals(30, loaded.lossHistory().size());
        assertEquals("adam(lr=0.05, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                loaded.trainingSpecs().get("optimizer"));
    }

    @Test
    void unknownOptionsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparkMlpExample.options("train=a", "test=b", "lr=0.1"));
        assertTrue(e.getMessage().startsWith("argument 'lr=0.1' must be key=value with a key of"),
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> SparkMlpExample.options("train=a"));
        assertEquals("missing option test=PATH", e2.getMessage());
    }
}
