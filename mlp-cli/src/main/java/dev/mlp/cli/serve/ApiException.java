package dev.mlp.cli.serve;

/**
 * A request the server refuses: the HTTP status to answer and a message that says what is wrong
 * with the request and what to send instead.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status code. */
    private final int status;

    /** A header to add to the answer, such as {@code Allow}, or {@code null}. */
    private final String header;

    /** The header's value. */
    private final String headerValue;

    /**
     * @param status the HTTP status code, 4xx
     * @param message what is wrong
     */
    public ApiException(int status, String message) {
        this(status, message, null, null);
    }

    ApiException(int status, String message, String header, String headerValue) {
        super(message);
        this.status = status;
        this.header = header;
        this.headerValue = headerValue;
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    String header() {
        return header;
    }

    String headerValue() {
        return headerValue;
    }
}
