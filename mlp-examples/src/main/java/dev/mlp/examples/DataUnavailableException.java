package dev.mlp.examples;

/**
 * An example's data set is not installed. {@link Main} prints the message, which says how to
 * install it, and exits with code 2.
 */
public final class DataUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to install it
     */
    public DataUnavailableException(String message) {
        super(message);
    }
}
