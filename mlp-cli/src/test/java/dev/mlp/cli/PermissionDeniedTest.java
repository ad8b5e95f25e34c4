package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path the user may not read or write is named with the reason and the advice, exit code 2.
 *
 * <p>Permissions do not apply to root, so as root these tests are skipped; {@code .ci/run}
 * runs them again as an unprivileged user with {@code -Dmlp.test.permissionsEnforced=true},
 * which turns the skip into a failure, so they cannot pass by not running.
 */
class PermissionDeniedTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,2,x\n2,3,y\n3,1,x\n4,4,y\n");
    }

    /** Sets {@code perms} on {@code path}; skips (or fails, see above) where they do not apply. */
    private static void lock(Path path, String perms) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        boolean enforced = Files.isDirectory(path) ? !Files.isWritable(path)
                : !Files.isReadable(path);
        if (Boolean.getBoolean("mlp.test.permissionsEnforced")) {
            assertTrue(enforced, "permissions must be enforced for this run's user: " + path);
        }
        Assumptions.assumeTrue(enforced, "permissions are not enforced for this user (root)");
    }

    private static void assertBadInput(Cli r, String... parts) {
        assertEquals(MlpCli.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().strip().split("\\R").length <= 2, "at most two lines: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
    }

    private Cli train(String... extra) {
        String[] base = {"train", "--data", data.toString(), "--target", "y", "--layers", "3",
            "--epochs", "3", "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void anUnreadableDataFileIsNamedWithTheReason() throws IOException {
        Path locked = Files.copy(data, dir.resolve("locked.csv"));
        lock(locked, "---------");
        assertBadInput(Cli.run("train", "--data", locked.toString(), "--target", "y", "-o",
                dir.resolve("m.mlp").toString()), "--data: permission denied: cannot read "
                + locked, "check its permissions");
    }

    @Test
    void anUnreadableModelIsNamedByEveryCommand() throws IOException {
        Path model = dir.resolve("m.mlp");
        assertEquals(MlpCli.OK, train("-o", model.toString()).code());
        lock(model, "---------");
        assertBadInput(Cli.run("inspect", model.toString()), "permission denied: cannot read "
                + model);
        assertBadInput(Cli.run("predict", "-m", model.toString(), "--data", data.toString()),
                "-m: permission denied: cannot read " + model);
        assertBadInput(Cli.run("evaluate", "-m", model.toString(), "--data", data.toString()),
                "-m: permission denied: cannot read " + model);
    }

    @Test
    void anOutputInAReadOnlyDirectoryIsRefusedBeforeTraining() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        lock(readOnly, "r-xr-xr-x");
        Cli r = train("-o", readOnly.resolve("m.mlp").toString());
        assertBadInput(r, "-o: permission denied: cannot create files in " + readOnly,
                "choose another path");
        assertFalse(r.out().contains("epoch"), "refused before training: " + r.out());
    }

    @Test
    void aReadOnlyCheckpointDirectoryIsRefused() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("cp"));
        lock(readOnly, "r-xr-xr-x");
        assertBadInput(train("-o", dir.resolve("m.mlp").toString(), "--checkpoint-dir",
                readOnly.toString()), "--checkpoint-dir: permission denied: cannot write in "
                + readOnly, "choose another directory");
    }
}
