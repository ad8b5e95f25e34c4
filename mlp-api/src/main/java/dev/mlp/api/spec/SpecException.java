package dev.mlp.api.spec;

/**
 * A spec string that cannot be parsed, names an unknown plugin or parameter, or gives a value of
 * the wrong type or out of range. The message says what and lists what is known.
 */
public class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong and what would have been accepted
     */
    public SpecException(String message) {
        super(message);
    }
}
