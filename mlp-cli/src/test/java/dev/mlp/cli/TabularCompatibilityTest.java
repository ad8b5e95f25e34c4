package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file with encoders, written by format version 1 ({@link TabularFixtureWriter}), still
 * loads and predicts from raw rows exactly as when it was written.
 */
class TabularCompatibilityTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/models/" + name)) {
            assertNotNull(in, "fixture " + name + " is missing");
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void formatOneModelWithEncodersStillLoadsAndPredicts() throws IOException {
        Path model = fixture("format-1-tabular.mlp");
        ModelInfo info = ModelFile.read(model);
        assertEquals(1, info.formatVersion());
        assertEquals(List.of("habitat", "weight", "colour"), info.metadata().featureNames());
        InputPreprocessing p = info.metadata().preprocessing();
        assertNotNull(p);
        assertEquals(List.of("", "NA", "NaN", "?", "null"), p.missingMarkers());
        InputPreprocessing.Column habitat = p.columns().get(0);
        assertTrue(habitat.categorical());
        assertEquals("one-hot(unseen=ignore)", habitat.encoder());
        assertEquals(List.of("desert", "forest", "sea"), habitat.state().categories());
        assertTrue(habitat.indicator());
        assertEquals("mean", p.columns().get(1).imputation());

        Path probe = fixture("tabular-probe.csv");
        Path out = dir.resolve("p.csv");
        Cli c = Cli.run("predict", "-m", model.toString(), "--data", probe.toString(),
                "--keep", "id", "-o", out.toString());
        assertEquals(MlpCli.OK, c.code(), c.err());
        assertEquals(Files.readString(fixture("format-1-tabular-predictions.csv")),
                Files.readString(out));
        assertTrue(c.err().contains("held a category not seen in training"), c.err());
    }
}
