package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.TrainingDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options a new user meets first: kinds, shorthand specs, help texts, summaries. */
class NewUserOptionsTest {

    @TempDir
    Path dir;

    private Path blobs;

    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        for (int i = 0; i < 50; i++) {
            int c = i % 2;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", 4 * c + r.nextGaussian(),
                    r.nextGaussian(), c == 0 ? "no" : "yes"));
        }
        blobs = Files.writeString(dir.resolve("blobs.csv"), sb);
    }

    @Test
    void pluginKindsAreAcceptedAsPrinted() {
        for (String k : new String[] {"batch-strategy", "batch strategy", "BATCH_STRATEGY",
            "gradient-transform"}) {
            Cli r = Cli.run("plugins", "--kind", k);
            assertEquals(MlpCli.OK, r.code(), k + ": " + r.err());
            assertTrue(r.out().startsWith(k.toLowerCase(Locale.ROOT).replace('_', ' ')
                    .replace('-', ' ') + ":"), r.out());
        }
        Cli bad = Cli.run("plugins", "--kind", "optimiser");
        assertEquals(MlpCli.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("known: activation, loss, optimizer, batch-strategy"),
                bad.err());
    }

    @Test
    void earlyStoppingTakesJustItsParameters() throws IOException {
        Cli r = Cli.run("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "30", "--validation", "0.2", "--early-stopping",
                "monitor=validation-loss, patience=2", "--quiet", "-o",
                dir.resolve("m.mlp").toString());
        assertEquals(MlpCli.OK, r.code(), r.err());
        Cli i = Cli.run("inspect", dir.resolve("m.mlp").toString());
        assertTrue(i.out().contains("early-stopping(monitor=validation-loss, patience=2"),
                i.out());
    }

    @Test
    void theModelOptionIsDescribedInEveryCommandsHelp() {
        for (String command : new String[] {"evaluate", "predict"}) {
            Cli r = Cli.run(command, "--help");
            assertTrue(r.out().matches("(?s).*-m, --model=MODEL\\s+The model file.*"),
                    r.out());
        }
    }

    @Test
    void trainingDefaultsComeFromTheBuildersDefaultsAndTheDifferenceIsExplained() {
        Cli r = Cli.run("train", "--help");
        TrainingDefaults d = TrainingDefaults.standard();
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("(default: " + d.batch() + ")"), help);
        assertTrue(help.contains("(default: " + d.epochs() + ")"), help);
        assertTrue(help.contains("(default: " + d.seed() + ")"), help);
        assertTrue(help.contains("(default: " + d.initializer() + ")"), help);
        assertTrue(help.contains("adam(lr=0.01) here, sgd(lr=0.01) in the builder"), help);
    }

    @Test
    void theSummaryCountsTrainingAndValidationRows() {
        Cli r = Cli.run("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "3", "--validation", "0.2", "-o", dir.resolve("m.mlp").toString());
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("on 40 training rows (and 10 validation rows) of "), r.out());
    }

    @Test
    void theProgressBarShowsTheMonitoredMetric() {
        assertEquals("validation-loss", TrainCommand.monitored(
                "early-stopping(monitor=validation-loss)", 0.2, true));
        assertEquals("validation-accuracy", TrainCommand.monitored(null, 0.2, true));
        assertEquals("training-r2", TrainCommand.monitored(null, 0, false));
    }

    @Test
    void inspectAlignsItsColumnsAndCountsEpochsAndRuns() {
        Cli t = Cli.run("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "7", "--quiet", "-o", dir.resolve("m.mlp").toString());
        assertEquals(MlpCli.OK, t.code(), t.err());
        Cli r = Cli.run("inspect", dir.resolve("m.mlp").toString());
        assertTrue(r.out().contains("7 epochs in 1 run (7 per run)"), r.out());
        int column = -1;
        for (String line : r.out().split("\\R")) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            int value = colon + 2;
            while (line.charAt(value) == ' ') {
                value++;
            }
            if (column < 0) {
                column = value;
            }
            assertEquals(column, value, "aligned: " + line + "\n" + r.out());
        }
        assertTrue(r.out().contains("input scaler statistics: 2 columns"), r.out());
    }
}
