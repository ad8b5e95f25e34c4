package dev.mlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the files a command is given, made before any work starts, so that a wrong path is
 * reported at once, by its option, with the reason and what to do.
 */
public final class CliFiles {

    private CliFiles() {
    }

    /**
     * @param option the option that named the file, for example {@code "--data"}
     * @param file the file
     * @throws BadInputException if it does not exist, is a directory or cannot be read
     */
    public static void readable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            throw new BadInputException(option + ": no such file: " + file
                    + (parent != null && !Files.isDirectory(parent)
                    ? " (directory " + parent + " does not exist)" : ""));
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + ": " + file + " is a directory; give a file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(option + ": permission denied: cannot read " + file
                    + "; check its permissions");
        }
    }

    /**
     * Checks that a file can be created or replaced: its directory exists and is writable, and
     * the file itself is not a directory.
     *
     * @param option the option that named the file, for example {@code "-o"}
     * @param file the file
     * @throws BadInputException if it cannot be written
     */
    static void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + ": " + file + " is a directory; give a file "
                    + "name, for example " + file.resolve("model.mlp"));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            throw new BadInputException(option + ": " + file + " has no directory");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new BadInputException(option + ": cannot write " + file + ": " + existing
                    + " is a file, not a directory");
        }
        if (existing != null && !existing.equals(dir)) {
            throw new BadInputException(option + ": cannot write " + file + ": directory "
                    + dir + " does not exist; create it first");
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(option + ": permission denied: cannot create files in "
                    + dir + "; check its permissions or choose another path");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new BadInputException(option + ": permission denied: cannot replace " + file
                    + "; check its permissions or choose another path");
        }
    }

    /**
     * Refuses an output file that is one of the command's input files, which writing it would
     * destroy.
     *
     * @param option the option that named the output
     * @param file the output file
     * @param inputs pairs of an input's option and its path (or {@code null})
     * @throws BadInputException if the output is one of the inputs
     */
    static void notAnInput(String option, Path file, Object... inputs) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        for (int i = 0; i + 1 < inputs.length; i += 2) {
            Path in = (Path) inputs[i + 1];
            try {
                if (in != null && Files.exists(in) && Files.isSameFile(file, in)) {
                    throw new BadInputException(option + ": " + file + " is also the "
                            + inputs[i] + " file, which writing it would destroy; choose "
                            + "another path");
                }
            } catch (IOException e) {
                throw new BadInputException(option + ": cannot compare " + file + " with "
                        + in + ": " + MlpCli.message(e), e);
            }
        }
    }

    /**
     * Creates a directory if it does not exist and checks that files can be written in it.
     *
     * @param option the option that named it
     * @param dir the directory
     * @throws BadInputException if it is a file or cannot be created or written
     */
    static void directory(String option, Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new BadInputException(option + ": " + dir + " cannot be a directory: "
                    + existing + " is a file");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new BadInputException(option + ": permission denied: cannot write in "
                    + existing + "; check its permissions or choose another directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot create directory " + dir + ": "
                    + MlpCli.message(e), e);
        }
    }
}
