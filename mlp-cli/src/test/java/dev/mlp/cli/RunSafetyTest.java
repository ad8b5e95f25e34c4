package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming refuses changed data and options unless asked; the model records rollbacks and its
 * final learning rate; an output or checkpoint directory in use by another run is refused.
 */
class RunSafetyTest {

    @TempDir
    Path dir;

    private Path blobs;
    private Path ck;

    @BeforeEach
    void trainWithCheckpoints() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        List<String> rows = new ArrayList<>();
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            rows.add(String.format(Locale.ROOT, "%.4f,%.4f,%s", 4 * (c % 2)
                    + 0.5 * r.nextGaussian(), 4 * (c / 2) + 0.5 * r.nextGaussian(), names[c]));
        }
        blobs = Files.writeString(dir.resolve("blobs.csv"), "x1,x2,kind\n"
                + String.join("\n", rows) + "\n");
        Collections.reverse(rows);
        Files.writeString(dir.resolve("reversed.csv"), "x1,x2,kind\n" + String.join("\n", rows)
                + "\n");
        ck = dir.resolve("ck");
        Cli t = train(blobs, "first.mlp", "--checkpoint-dir", ck.toString(),
                "--checkpoint-every", "5");
        assertEquals(MlpCli.OK, t.code(), t.err());
    }

    private Cli train(Path data, String output, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--target", "kind",
            "--layers", "4", "--epochs", "10", "--quiet", "-o", dir.resolve(output).toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private String checkpoint() {
        return ck.resolve("epoch-00005.ckpt").toString();
    }

    @Test
    void resumingWithTheSameDataAndOptionsGivesTheUninterruptedModel() throws IOException {
        Cli r = train(blobs, "resumed.mlp", "--resume", checkpoint());
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertEquals("", r.err());
        ModelInfo a = ModelFile.read(dir.resolve("first.mlp"));
        ModelInfo b = ModelFile.read(dir.resolve("resumed.mlp"));
        assertArrayEquals(a.layers().get(0).weights(), b.layers().get(0).weights());
        assertEquals(5.0, b.metadata().metrics().get("resumed-at-epoch"));
    }

    @Test
    void resumingWithChangedOptionsIsRefusedNamingEach() {
        String[][] changes = {{"--activation", "tanh", "--activation"}, {"--loss", "mse",
            "--loss"}, {"--batch", "mini-batch(size=8)", "--batch"}, {"--optimizer",
            "adam(lr=0.5)", "--optimizer"}, {"--layers", "5", "--layers"}};
        for (String[] c : changes) {
            Cli r = train(blobs, "resumed.mlp", "--resume", checkpoint(), c[0], c[1]);
            assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("this run differs from the checkpoint's"), r.err());
            assertTrue(r.err().contains(c[2]), c[2] + " in " + r.err());
            assertTrue(r.err().contains("--allow-changes"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertFalse(Files.exists(dir.resolve("resumed.mlp")));
    }

    @Test
    void resumingOnReorderedDataIsRefused() {
        Cli r = train(dir.resolve("reversed.csv"), "resumed.mlp", "--resume", checkpoint());
        assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("the training data differ: same 60 rows of 2 features, "
                + "but other values or another row order"), r.err());
    }

    @Test
    void allowChangesContinuesListingEachChangeAndTheModelRecordsIt() throws IOException {
        Cli r = train(dir.resolve("reversed.csv"), "resumed.mlp", "--resume", checkpoint(),
                "--allow-changes", "--loss", "mse");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.err().contains("warning: resuming with a change: the training data"),
                r.err());
        assertTrue(r.err().contains("warning: resuming with a change: --loss (loss): 'mse' now, "
                + "'cross-entropy' in the checkpoint's run"), r.err());
        ModelInfo info = ModelFile.read(dir.resolve("resumed.mlp"));
        assertEquals("mse", info.spec("loss"));
        assertEquals(2.0, info.metadata().metrics().get("changes-on-resume"));
        assertEquals(MlpCli.BAD_INPUT, train(blobs, "x.mlp", "--allow-changes").code());
    }

    @Test
    void aRollbackRunRecordsItsRollbacksAndFinalLearningRate() throws IOException {
        Cli r = train(blobs, "rolled.mlp", "--optimizer", "sgd(lr=1e300)", "--input-scaler",
                "none", "--divergence", "rollback(factor=1e-301, retries=3)");
        assertEquals(MlpCli.OK, r.code(), r.err());
        assertTrue(r.err().contains("rolled back 1 time; the learning rate ended at 0.1000"),
                r.err());
        ModelInfo info = ModelFile.read(dir.resolve("rolled.mlp"));
        assertEquals(1.0, info.metadata().metrics().get("rollbacks"));
        assertEquals(0.1, info.metadata().metrics().get("final-learning-rate"), 1e-12);
        Cli i = Cli.run("inspect", dir.resolve("rolled.mlp").toString());
        assertTrue(i.out().matches("(?s).*rollbacks: +1\\.00000.*"), i.out());
        assertTrue(i.out().matches("(?s).*final-learning-rate: +0\\.100000.*"), i.out());
    }

    @Test
    @SuppressWarnings("try")
    void anOutputInUseByAnotherRunIsRefused() {
        Path out = dir.resolve("busy.mlp");
        try (OutputLock held = OutputLock.file("-o", out)) {
            Cli r = train(blobs, "busy.mlp");
            assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("-o: " + out + " is in use by another run"), r.err());
        }
        assertFalse(Files.exists(out));
        assertEquals(MlpCli.OK, train(blobs, "busy.mlp").code(), "free again once released");
    }

    @Test
    @SuppressWarnings("try")
    void aCheckpointDirectoryInUseByAnotherRunIsRefused() {
        try (OutputLock held = OutputLock.directory("--checkpoint-dir", ck)) {
            Cli r = train(blobs, "other.mlp", "--checkpoint-dir", ck.toString());
            assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("--checkpoint-dir: " + ck + " is in use by another "
                    + "run"), r.err());
        }
    }
}
