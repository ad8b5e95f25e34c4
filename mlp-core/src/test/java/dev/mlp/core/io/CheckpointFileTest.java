package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.core.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    @TempDir
    Path dir;

    static Checkpoint sample() {
        double[][] params = {{0.5, -0.0, Double.MIN_VALUE, -1e300}, {}, {Math.PI}};
        OptimizerSnapshot opt = new OptimizerSnapshot("adam", 42,
                Map.of("m", new double[] {1e-9, -2e-9, 0.0, 0.0, 0.0},
                        "v", new double[] {3, 4, 5, 6, -0.0},
                        "lr", new double[] {0.001}));
        return new Checkpoint(7, 12, params, opt, new double[] {0.5, 3},
                new long[] {Long.MIN_VALUE, -1, 0, 0x1234_5678_9abc_def0L},
                Map.of("losses", new double[] {0.9, 0.7, 0.5}, "best", new double[0]));
    }

    private static void assertSameBits(Checkpoint a, Checkpoint b) {
        assertEquals(a.seed(), b.seed());
        assertEquals(a.epoch(), b.epoch());
        assertEquals(a.parameters().length, b.parameters().length);
        for (int i = 0; i < a.parameters().length; i++) {
            assertArrayEquals(a.parameters()[i], b.parameters()[i], "block " + i);
        }
        assertEquals(a.optimizer(), b.optimizer());
        assertArrayEquals(a.schedule(), b.schedule());
        assertArrayEquals(a.random(), b.random());
        assertEquals(a.values().keySet(), b.values().keySet());
        a.values().forEach((k, v) -> assertArrayEquals(v, b.values().get(k), k));
    }

    @Test
    void aCheckpointRoundTripsBitForBit() throws IOException {
        Checkpoint c = sample();
        Path f = dir.resolve("run.ckpt");
        CheckpointFile.save(c, f);
        Checkpoint back = CheckpointFile.load(f);
        assertSameBits(c, back);
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(back.parameters()[0][1]));
        String text = CheckpointFile.describe(f);
        assertTrue(text.contains("epochs completed:      12"), text);
        assertTrue(text.contains("5 in 3 blocks"), text);
        assertTrue(text.contains("adam snapshot after 42 steps"), text);
        assertTrue(text.contains("losses"), text);
    }

    @Test
    void overwritingKeepsOnlyTheNewCheckpointAndAFailedWriteKeepsTheOld() throws IOException {
        Path f = dir.resolve("run.ckpt");
        CheckpointFile.save(sample(), f);
        Checkpoint later = new Checkpoint(7, 13, new double[][] {{1}},
                new OptimizerSnapshot("sgd", 1, Map.of()), new double[0], new long[] {5},
                Map.of());
        CheckpointFile.save(later, f);
        assertSameBits(later, CheckpointFile.load(f));
        byte[] before = Files.readAllBytes(f);
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(CheckpointFile.encode(sample()), 0, 40);
            throw new IOException("killed");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void badFilesAreRefusedWithTheirOwnProblems() throws IOException {
        Path f = dir.resolve("run.ckpt");
        CheckpointFile.save(sample(), f);
        byte[] good = Files.readAllBytes(f);

        Files.write(f, Arrays.copyOf(good, good.length - 10));
        assertEquals(FileFormatException.Problem.TRUNCATED, problem(f));

        byte[] flipped = good.clone();
        flipped[40] ^= 1;
        Files.write(f, flipped);
        assertEquals(FileFormatException.Problem.CORRUPTED, problem(f));

        byte[] newer = good.clone();
        newer[13] = 9;
        Files.write(f, newer);
        assertEquals(FileFormatException.Problem.NEWER_VERSION, problem(f));

        Files.writeString(f, "epoch=12\n");
        assertEquals(FileFormatException.Problem.NOT_RECOGNIZED, problem(f));

        Path model = dir.resolve("m.mlp");
        ModelFile.save(TestModels.regressor(), model);
        var e = assertThrows(FileFormatException.class, () -> CheckpointFile.load(model));
        assertEquals(FileFormatException.Problem.WRONG_TYPE, e.problem());
        assertTrue(e.getMessage().contains("is a model file, not a checkpoint file"),
                e.getMessage());
    }

    private static FileFormatException.Problem problem(Path f) {
        return assertThrows(FileFormatException.class, () -> CheckpointFile.load(f)).problem();
    }
}
