package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Encoder;
import dev.mlp.core.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional preprocessing section of model files. */
class PreprocessingSectionTest {

    @TempDir
    Path dir;

    static InputPreprocessing sample() {
        return new InputPreprocessing(List.of("", "NA"), List.of(
                new InputPreprocessing.Column("island", true, "one-hot(unseen=ignore)",
                        new Encoder.State(List.of("Biscoe", "Dream"), new double[0]),
                        "most-frequent", Double.NaN, "Biscoe", false),
                new InputPreprocessing.Column("mass", false, "", null, "mean", 4201.5, "",
                        true),
                new InputPreprocessing.Column("sex", true, "frequency(unseen=error)",
                        new Encoder.State(List.of("female", "male"), new double[] {0.4, 0.6}),
                        "constant(unknown)", Double.NaN, "unknown", true)));
    }

    @Test
    void aFileWithoutPreprocessingIsWrittenAsBefore() throws IOException {
        for (String name : List.of("format-1-classifier.mlp", "format-1-regressor.mlp")) {
            byte[] fixture;
            try (InputStream in = getClass().getResourceAsStream("/models/" + name)) {
                fixture = in.readAllBytes();
            }
            Path f = Files.write(dir.resolve(name), fixture);
            ModelInfo info = ModelFile.read(f);
            assertNull(info.metadata().preprocessing());
            assertArrayEquals(fixture, ModelFile.encode(info), name + " re-encodes to its bits");
        }
    }

    @Test
    void preprocessingRoundTripsThroughAModelFile() throws IOException {
        Model m = TestModels.classifier();
        Path f = dir.resolve("p.mlp");
        ModelFile.save(m, f, ModelMetadata.columns(List.of("island", "mass", "sex"),
                List.of("colour")).withMetric("accuracy", 0.5).withPreprocessing(sample()));
        ModelInfo info = ModelFile.read(f);
        assertEquals(sample(), info.metadata().preprocessing());
        assertEquals(Map.of("accuracy", 0.5), info.metadata().metrics());
        assertEquals(List.of("island", "mass", "sex"), info.metadata().featureNames());
        Model back = ModelFile.load(f);
        assertArrayEquals(m.predict(new double[][] {{1, 2, 3}})[0],
                back.predict(new double[][] {{1, 2, 3}})[0]);
    }

    @Test
    void aCategoricalColumnNeedsItsEncoder() {
        assertThrows(IllegalArgumentException.class, () -> new InputPreprocessing.Column("c",
                true, "", null, "most-frequent", Double.NaN, "", false));
    }

    @Test
    void aNewerSectionLayoutIsRefused() throws IOException {
        Container.Writer w = new Container.Writer(Container.Type.MODEL);
        w.section(PreprocessingSection.NAME, new Container.Body().u32(2));
        Path f = Files.write(dir.resolve("n.mlp"), w.toBytes());
        var sections = Container.read(f, Container.Type.MODEL);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> PreprocessingSection.read(sections));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    }
}
