package dev.mlp.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary
 * file in the target's directory, is forced to the storage device, and is then moved over the
 * target in one atomic step. If anything fails, the temporary file is deleted and the target is
 * left as it was.
 *
 * <p>The temporary file is named {@code .<target>.<pid>-<random>.tmp}. A process killed while
 * writing leaves it behind; the next write to the same target removes such leftovers (see
 * {@link #removeStale}): only files of exactly this naming whose process is no longer running.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();
    /** {@code .<target>.<pid>-<hex>.tmp}, or {@code .<target>.<hex>.tmp} of earlier versions. */
    private static final Pattern TEMPORARY =
            Pattern.compile("\\.(.+)\\.(?:([0-9]{1,19})-)?[0-9a-f]{1,16}\\.tmp");
    private static final Instant STARTED = ProcessHandle.current().info().startInstant()
            .orElseGet(Instant::now);

    private AtomicFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; do not close it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to create or replace
     * @param content writes the new content
     * @throws IOException if the content cannot be written or moved into place; the target is
     *         then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": directory " + dir
                    + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        // not Files.createTempFile: its files are private (0600); a model file gets the
        // permissions any new file gets
        Path tmp = null;
        FileChannel opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            tmp = dir.resolve("." + abs.getFileName() + "." + PID + "-"
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                opened = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new AccessDeniedException(target.toString(), null,
                        "cannot create a file in directory " + dir);
            }
        }
        boolean moved = false;
        try {
            try (FileChannel channel = opened) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            String name = abs.getFileName().toString();
            removeStale(dir, name::equals);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    // the original failure matters more; the stray file is named .<target>.*.tmp
                }
            }
        }
    }

    /**
     * Removes the temporary files that writes killed before they finished left in a directory:
     * files named {@code .<target>.<pid>-<random>.tmp} for a target the filter accepts whose
     * process is no longer running (or, for this process's own number, that are older than this
     * process), and files named {@code .<target>.<random>.tmp} (written by earlier versions)
     * that are older than this process. Nothing else is touched; a file that cannot be removed is
     * left, and logged.
     *
     * @param dir the directory
     * @param targets which target file names to clean up after, for example
     *                {@code name -> name.endsWith(".ckpt")}
     * @return the number of files removed
     */
    public static int removeStale(Path dir, Predicate<String> targets) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (!m.matches() || !targets.test(m.group(1)) || !stale(f, m.group(2))) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(f)) {
                        removed++;
                        LOG.debug("removed {}, left by an interrupted write", f);
                    }
                } catch (IOException e) {
                    LOG.warn("cannot remove {}, left by an interrupted write: {}", f, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot look for leftover temporary files in {}: {}", dir, e.toString());
        }
        return removed;
    }

    private static boolean stale(Path f, String pid) throws IOException {
        if (!Files.isRegularFile(f)) {
            return false;
        }
        // the start time is known to about a second (Linux counts it from the boot second)
        boolean older = Files.getLastModifiedTime(f).toInstant()
                .isBefore(STARTED.minusSeconds(2));
        if (pid == null) {
            return older;
        }
        long p;
        try {
            p = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return false;
        }
        if (p == PID) {
            // this process's own number: a write under way here, unless the file is older
            // than this process (an earlier process had the number)
            return older;
        }
        return ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true);
    }
}
