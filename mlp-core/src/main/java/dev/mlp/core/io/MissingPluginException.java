package dev.mlp.core.io;

/**
 * A saved model needs a plugin that is not on the class path. The message names the kind, the
 * plugin's name, its parameters (the full spec) and the provider version the model was saved
 * with.
 */
public final class MissingPluginException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final String spec;

    /**
     * @param kind the kind of plugin in words, for example {@code "optimizer"}
     * @param name the plugin's name, for example {@code "adagrad"}
     * @param spec the canonical spec the model was saved with
     * @param message the explanation
     */
    public MissingPluginException(String kind, String name, String spec, String message) {
        super(message);
        this.kind = kind;
        this.name = name;
        this.spec = spec;
    }

    /** @return the kind of plugin in words, for example {@code "optimizer"} */
    public String kind() {
        return kind;
    }

    /** @return the missing plugin's name */
    public String name() {
        return name;
    }

    /** @return the spec (name and parameters) the model was saved with */
    public String spec() {
        return spec;
    }
}
