package dev.mlp.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two runs from writing one output: an operating-system lock on an empty lock file beside
 * the output ({@code .<name>.lock}), or in a checkpoint directory ({@code .mlp-checkpoints.lock}),
 * held until {@link #close()} or until the process ends, however it ends. The lock file itself
 * stays: removing it could let two runs lock two different files.
 */
final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks an output file.
     *
     * @param option the option that named it, for messages
     * @param file the output file
     * @return the lock
     * @throws BadInputException if another run holds it
     */
    static OutputLock file(String option, Path file) {
        Path abs = file.toAbsolutePath();
        return acquire(option, file, abs.resolveSibling("." + abs.getFileName() + ".lock"));
    }

    /**
     * Locks a checkpoint directory, which must exist.
     *
     * @param option the option that named it, for messages
     * @param dir the directory
     * @return the lock
     * @throws BadInputException if another run holds it
     */
    static OutputLock directory(String option, Path dir) {
        return acquire(option, dir, dir.resolve(".mlp-checkpoints.lock"));
    }

    private static OutputLock acquire(String option, Path what, Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot create the lock file " + lockFile
                    + ": " + MlpCli.message(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process, in another command
        } catch (IOException e) {
            close(channel);
            throw new BadInputException(option + ": cannot lock " + lockFile + ": "
                    + MlpCli.message(e), e);
        }
        if (lock == null) {
            close(channel);
            throw new BadInputException(option + ": " + what + " is in use by another run "
                    + "(another process holds the lock on " + lockFile + "); wait for it to end "
                    + "or choose another path");
        }
        return new OutputLock(channel, lock);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
