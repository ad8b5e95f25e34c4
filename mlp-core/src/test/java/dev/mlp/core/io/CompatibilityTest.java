package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files written by earlier versions of the framework must still load and predict the same
 * numbers. Each fixture under {@code src/test/resources/models} was written once by
 * {@link CompatibilityFixtureWriter}, which also printed the expected predictions below; the
 * fixtures are never rewritten. Predictions are compared to 1e-12 relative, so that faster
 * kernels that sum in another order still pass.
 */
class CompatibilityTest {

    /** Written by format version 1 (framework 0.1.0-SNAPSHOT). */
    static final double[][] CLASSIFIER_EXPECTED = {
        {0.9977776739107187, 0.0012991433604637218, 9.231827288174888E-4},
        {0.0049710465274162485, 0.9949140648107043, 1.1488866187936698E-4},
        {0.001612592097274309, 5.789193900781651E-5, 0.9983295159637179},
        {0.1478203146317851, 0.012968243104586653, 0.8392114422636282},
    };

    /** Written by format version 1 (framework 0.1.0-SNAPSHOT). */
    static final double[][] REGRESSOR_EXPECTED = {
        {113.11171235362882},
        {108.60711150328837},
        {204.71978843848945},
    };

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

    private static void assertClose(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j],
                        1e-12 * Math.max(1.0, Math.abs(expected[i][j])), "row " + i + ", " + j);
            }
        }
    }

    @Test
    void formatOneClassifierStillLoadsAndPredicts() throws IOException {
        Path f = fixture("format-1-classifier.mlp");
        ModelInfo info = ModelFile.read(f);
        assertEquals(1, info.formatVersion());
        assertEquals("0.1.0-SNAPSHOT", info.frameworkVersion());
        assertArrayEquals(new int[] {3, 5, 3}, info.sizes());
        assertEquals(List.of("x", "y", "z"), info.metadata().featureNames());
        assertEquals(List.of("colour"), info.metadata().targetNames());
        assertTrue(info.metadata().metrics().containsKey("training accuracy"));
        assertEquals("z-score", info.spec("input scaler"));
        Model m = ModelFile.load(f);
        assertEquals(List.of("red", "green", "blue"), m.classNames());
        assertEquals("cross-entropy", m.specs().get("loss"));
        assertClose(CLASSIFIER_EXPECTED, m.predict(CompatibilityFixtureWriter.CLASSIFIER_PROBES));
    }

    @Test
    void formatOneRegressorStillLoadsAndPredicts() throws IOException {
        Path f = fixture("format-1-regressor.mlp");
        Model m = ModelFile.load(f);
        assertEquals("leaky-relu(alpha=0.2)", m.activationSpecs().get(0));
        assertTrue(!m.network().hasBias(2));
        assertEquals("min-max(lo=-1.0, hi=1.0)", m.specs().get("input scaler"));
        assertEquals("z-score", m.specs().get("target scaler"));
        assertClose(REGRESSOR_EXPECTED, m.predict(CompatibilityFixtureWriter.REGRESSOR_PROBES));
    }
}
