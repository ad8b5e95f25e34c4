package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The numbers README's tabular walk-through shows for the shipped penguins table. */
class PenguinsWalkThroughTest {

    private static final Path PENGUINS = Path.of("..", "mlp-examples", "src", "main",
            "resources", "data", "penguins.csv");
    private static final String FEATURES =
            "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex";

    @Test
    void crossValidationGivesTheReadmesTable() {
        assertTrue(Files.isRegularFile(PENGUINS), PENGUINS.toAbsolutePath().toString());
        Cli cv = Cli.run("cv", "--data", PENGUINS.toString(), "--target", "species",
                "--features", FEATURES, "--layers", "16", "--batch", "mini-batch(size=200)",
                "--epochs", "200", "--seed", "1");
        assertEquals(MlpCli.OK, cv.code(), cv.err());
        assertTrue(cv.out().startsWith("5-fold cross-validation of 9-16-3 on 344 rows"),
                cv.out());
        assertTrue(cv.out().contains("mean ± std               0.9912 ± 0.0176  0.9905 ± 0.0190"),
                cv.out());
    }

    @Test
    void theBestCandidatesPrintedCommandReproducesItsScore() {
        Cli cv = Cli.run("cv", "--data", PENGUINS.toString(), "--target", "species",
                "--features", FEATURES, "--layers", "32,16", "--activation", "tanh",
                "--optimizer", "adam(lr=0.0875)", "--batch", "mini-batch(size=64)", "--epochs",
                "100", "--seed", "1", "--folds", "5", "--metrics", "accuracy");
        assertEquals(MlpCli.OK, cv.code(), cv.err());
        assertTrue(cv.out().contains("mean ± std               0.9971 ± 0.0058"), cv.out());
    }
}
