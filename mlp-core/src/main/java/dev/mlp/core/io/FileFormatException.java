package dev.mlp.core.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A file that cannot be read as the model or checkpoint file it was given as: not such a file at
 * all, the other kind of file, written by a newer format version, truncated, or corrupted.
 * {@link #problem()} says which; the message says it in words, with the file name.
 */
public final class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Problem {
        /** The file does not start with the signature of a model or checkpoint file. */
        NOT_RECOGNIZED,
        /** A checkpoint file given where a model file is expected, or the other way round. */
        WRONG_TYPE,
        /** The file was written by a newer version of the format than this framework reads. */
        NEWER_VERSION,
        /** The file ends before the length its header announces. */
        TRUNCATED,
        /** The checksum does not match, or the content is malformed. */
        CORRUPTED
    }

    private final Problem problem;

    /**
     * @param problem what is wrong
     * @param message the explanation, naming the file
     */
    public FileFormatException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** @return what is wrong with the file */
    public Problem problem() {
        return problem;
    }
}
