package dev.mlp.onnx;

/**
 * A model that cannot be exported as it is, for example because one of its activations or
 * scalers has no ONNX form. The message names the part and what can be done.
 */
public final class OnnxExportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what cannot be exported, where, and what to do
     */
    public OnnxExportException(String message) {
        super(message);
    }

    /**
     * @param message what cannot be exported, where, and what to do
     * @param cause the underlying error
     */
    public OnnxExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
