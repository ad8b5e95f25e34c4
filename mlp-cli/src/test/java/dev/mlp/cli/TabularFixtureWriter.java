package dev.mlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the compatibility fixture of a model file with a preprocessing section (categorical
 * encodings, imputed values, indicator inputs) under {@code src/test/resources/models}, and the
 * predictions {@link TabularCompatibilityTest} expects. Run only on purpose, when a new format
 * version adds a fixture (old fixtures are never rewritten):
 *
 * <pre>
 * mvn -B -q test -pl mlp-cli -Dtest=TabularFixtureWriter \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmlp.writeFixtures=true
 * </pre>
 */
class TabularFixtureWriter {

    static final String PROBE = """
            id,habitat,weight,colour
            p1,desert,20.5,grey
            p2,sea,NA,"brown, light"
            p3,,10.2,grey
            p4,moon,0.3,pink
            """;

    @Test
    @EnabledIfSystemProperty(named = "mlp.writeFixtures", matches = "true")
    void write() throws IOException {
        Path dir = Path.of("src/test/resources/models");
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(23);
        StringBuilder sb = new StringBuilder("habitat,weight,colour,kind\n");
        String[] habitats = {"sea", "forest", "desert"};
        String[] kinds = {"fish", "deer", "camel"};
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            sb.append(i % 11 == 4 ? "NA" : habitats[c]).append(',')
                    .append(i % 7 == 2 ? "" : String.format(Locale.ROOT, "%.2f",
                            10 * c + r.nextGaussian())).append(',')
                    .append(r.nextBoolean() ? "grey" : "\"brown, light\"").append(',')
                    .append(kinds[c]).append('\n');
        }
        Path train = Files.writeString(dir.resolve("tabular-train.csv"), sb);
        Path probe = Files.writeString(dir.resolve("tabular-probe.csv"), PROBE);
        Path model = dir.resolve("format-1-tabular.mlp");
        Cli t = Cli.run("train", "--data", train.toString(), "--target", "kind", "--layers", "6",
                "--epochs", "40", "--missing-indicator", "--quiet", "-o", model.toString());
        if (t.code() != 0) {
            throw new IllegalStateException(t.err());
        }
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", probe.toString(), "--keep",
                "id", "-o", dir.resolve("format-1-tabular-predictions.csv").toString());
        if (p.code() != 0) {
            throw new IllegalStateException(p.err());
        }
    }
}
