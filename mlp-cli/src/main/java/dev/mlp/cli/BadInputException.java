package dev.mlp.cli;

/**
 * Bad input found while running a command: the message says what is wrong and where. The
 * command line reports it and exits with code 2.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying error
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
