package dev.mlp.core.io;

import dev.mlp.core.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the compatibility fixtures under {@code src/test/resources/models} and prints the
 * predictions {@link CompatibilityTest} expects. Run only on purpose, when a new format version
 * adds a fixture (old fixtures are never rewritten):
 *
 * <pre>
 * mvn -B -q test -pl mlp-core -am -Dtest=CompatibilityFixtureWriter \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmlp.writeFixtures=true
 * </pre>
 */
class CompatibilityFixtureWriter {

    static final double[][] CLASSIFIER_PROBES = {{0, 0, 10}, {3, 1, 12}, {0, 4, 8}, {1, 2, 9}};
    static final double[][] REGRESSOR_PROBES = {{5, 0.5}, {-3, 7}, {40, -2}};

    @Test
    @EnabledIfSystemProperty(named = "mlp.writeFixtures", matches = "true")
    void write() throws IOException {
        Path dir = Path.of("src/test/resources/models");
        Files.createDirectories(dir);
        int v = ModelFile.FORMAT_VERSION;
        Model c = TestModels.classifier();
        ModelFile.save(c, dir.resolve("format-" + v + "-classifier.mlp"),
                new ModelMetadata(List.of("x", "y", "z"), List.of("colour"),
                        Map.of("training accuracy", c.accuracy(TestModels.blobs()[0],
                                TestModels.blobs()[1]))));
        print("CLASSIFIER_EXPECTED", c.predict(CLASSIFIER_PROBES));
        Model r = TestModels.regressor();
        ModelFile.save(r, dir.resolve("format-" + v + "-regressor.mlp"));
        print("REGRESSOR_EXPECTED", r.predict(REGRESSOR_PROBES));
    }

    private static void print(String name, double[][] p) {
        StringBuilder sb = new StringBuilder("    static final double[][] " + name + " = {\n");
        for (double[] row : p) {
            sb.append("        {");
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(row[i]);
            }
            sb.append("},\n");
        }
        System.out.println(sb.append("    };"));
    }
}
