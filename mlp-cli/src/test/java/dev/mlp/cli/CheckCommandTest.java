package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code mlp check}: the gradient check a user runs on their own configuration. */
class CheckCommandTest {

    private static final String IRIS = Path.of("..", "mlp-examples", "src", "main",
            "resources", "data", "iris.csv").toString();

    @Test
    void aCorrectConfigurationPassesWithItsWorstErrorPerLayer() {
        Cli c = Cli.run("check", "--data", IRIS, "--target", "species", "--layers", "8",
                "--activation", "tanh");
        assertEquals(MlpCli.OK, c.code(), c.err());
        assertTrue(c.out().startsWith("gradient check of 4-8-3 on 5 rows"), c.out());
        assertTrue(c.out().matches("(?s).*layer 1 \\(tanh\\): worst relative error [0-9.]+e-1[0-9].*"),
                c.out());
        assertTrue(c.out().strip().endsWith("PASS"), c.out());
    }

    @Test
    void aThresholdBelowWhatDoublesReachFails() {
        Cli c = Cli.run("check", "--data", IRIS, "--target", "species", "--layers", "8",
                "--activation", "tanh", "--threshold", "1e-30");
        assertEquals(MlpCli.FAILED, c.code(), c.out() + c.err());
        assertTrue(c.out().contains("\nFAIL: the derivative of an activation or of the loss "
                + "does not match its value"), c.out());
    }

    @Test
    void badInputIsExitCodeTwoWithAMessage() {
        Cli rows = Cli.run("check", "--data", IRIS, "--target", "species", "--rows", "0");
        assertEquals(MlpCli.BAD_INPUT, rows.code());
        assertTrue(rows.err().contains("--rows must be at least 1"), rows.err());
        Cli column = Cli.run("check", "--data", IRIS, "--target", "nope");
        assertEquals(MlpCli.BAD_INPUT, column.code());
        assertTrue(column.err().contains("has no column 'nope'"), column.err());
        // the check is of the float64 gradients: float32 is refused, not silently ignored
        Cli precision = Cli.run("check", "--data", IRIS, "--target", "species",
                "--precision", "float32");
        assertEquals(MlpCli.BAD_INPUT, precision.code(), precision.out());
        assertTrue(precision.err().contains("--precision float32: the gradient check "
                + "compares the float64 backward pass"), precision.err());
        assertEquals(MlpCli.OK, Cli.run("check", "--data", IRIS, "--target", "species",
                "--precision", "float64").code());
    }
}
