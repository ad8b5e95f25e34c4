package dev.mlp.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary
 * file in the target's directory, is forced to the storage device, and is then moved over the
 * target in one atomic step. If anything fails, the temporary file is deleted and the target is
 * left as it was.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

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
            tmp = dir.resolve("." + abs.getFileName() + "."
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                opened = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
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
}
