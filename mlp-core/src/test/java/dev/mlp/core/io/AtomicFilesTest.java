package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, and the removal of what interrupted writes left behind. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** A process number no running process has. */
    private static long deadPid() {
        long pid = 4_000_000_000L;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    private Path old(String name) throws IOException {
        Path f = Files.write(dir.resolve(name), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600 * 24 * 365)));
        return f;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteRemovesOnlyStaleTemporariesOfItsOwnTarget() throws IOException {
        long dead = deadPid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path deadWriter = old(".m.mlp." + dead + "-1a2b.tmp");
        Path earlierVersion = old(".m.mlp.3c4d.tmp");
        Path liveWriter = old(".m.mlp." + alive + "-5e6f.tmp");
        Path otherTarget = old(".other.mlp." + dead + "-1a2b.tmp");
        Path notOurs = old(".m.mlp.backup.tmp");
        Path recent = Files.write(dir.resolve(".m.mlp.7a8b.tmp"), new byte[1]);
        long own = ProcessHandle.current().pid();
        Path inFlight = Files.write(dir.resolve(".m.mlp." + own + "-9c.tmp"), new byte[1]);
        Path deadRecent = Files.write(dir.resolve(".m.mlp." + dead + "-9d.tmp"), new byte[1]);

        AtomicFiles.write(dir.resolve("m.mlp"), out -> out.write(new byte[] {42}));

        assertArrayEquals(new byte[] {42}, Files.readAllBytes(dir.resolve("m.mlp")));
        assertFalse(Files.exists(deadWriter), "a dead process's temporary is removed");
        assertFalse(Files.exists(earlierVersion), "an old temporary without a process number");
        assertTrue(Files.exists(liveWriter), "a running process's temporary stays");
        assertTrue(Files.exists(otherTarget), "another target's temporary stays");
        assertTrue(Files.exists(notOurs), "a file not of our naming stays");
        assertTrue(Files.exists(recent), "a file of unknown process newer than this one stays");
        assertTrue(Files.exists(inFlight), "this process's own recent temporary stays");
        assertFalse(Files.exists(deadRecent), "a dead process's temporary goes, however new");
        assertEquals(new java.util.TreeSet<>(List.of(".m.mlp." + own + "-9c.tmp",
                ".m.mlp." + alive + "-5e6f.tmp", ".m.mlp.7a8b.tmp", ".m.mlp.backup.tmp",
                ".other.mlp." + dead + "-1a2b.tmp", "m.mlp")),
                new java.util.TreeSet<>(names()));
    }

    @Test
    void aCheckpointSaveRemovesStaleTemporariesOfEveryCheckpointInItsDirectory()
            throws IOException {
        long dead = deadPid();
        Path a = old(".epoch-00010.ckpt." + dead + "-ab.tmp");
        Path b = old(".epoch-00020.ckpt." + dead + "-cd.tmp");
        Path model = old(".m.mlp." + dead + "-ef.tmp");
        CheckpointFile.save(CheckpointFileTest.sample(), dir.resolve("epoch-00030.ckpt"));
        assertFalse(Files.exists(a));
        assertFalse(Files.exists(b));
        assertTrue(Files.exists(model), "only temporaries of the same extension");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNamedNotTheTemporary() throws IOException {
        Path file = dir.resolve("missing").resolve("m.mlp");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> AtomicFiles.write(file, out -> out.write(1)));
        assertTrue(e.getMessage().contains("m.mlp"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }
}
