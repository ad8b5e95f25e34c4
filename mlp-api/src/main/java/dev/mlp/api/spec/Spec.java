package dev.mlp.api.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed, not yet validated, spec string: a plugin name and its raw {@code key=value}
 * arguments.
 *
 * <p>Grammar (whitespace allowed around every token):
 * <pre>
 * spec  := name [ "(" [ arg { "," arg } ] ")" ]
 * name  := letter { letter | digit | "-" | "_" | "." }
 * arg   := key "=" value
 * key   := letter { letter | digit | "-" | "_" }
 * value := any run of characters other than "," "(" ")" "=" and whitespace
 * </pre>
 * Names and keys are case-sensitive and conventionally lowercase.
 *
 * @param name the plugin name
 * @param arguments the raw arguments in the order given
 */
public record Spec(String name, Map<String, String> arguments) {

    /** Copies the arguments, keeping their order. */
    public Spec {
        Objects.requireNonNull(name, "name");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * Parses a spec string.
     *
     * @param text the spec, for example {@code "adam(lr=0.001, beta1=0.9)"}
     * @return the parsed spec
     * @throws SpecException if the text is malformed, with the position of the problem
     */
    public static Spec parse(String text) {
        if (text == null) {
            throw new SpecException("spec must not be null");
        }
        return new Parser(text).parse();
    }

    /**
     * @return the spec written back as text, arguments in their given order
     */
    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        String sep = "";
        for (Map.Entry<String, String> e : arguments.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return sb.append(')').toString();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Spec parse() {
            skipSpace();
            String name = identifier("a plugin name", true);
            Map<String, String> args = new LinkedHashMap<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                skipSpace();
                if (peek() == ')') {
                    pos++;
                } else {
                    while (true) {
                        skipSpace();
                        int keyAt = pos;
                        String key = identifier("a parameter name", false);
                        skipSpace();
                        expect('=', "'=' after parameter '" + key + "'");
                        skipSpace();
                        String value = value(key);
                        if (args.put(key, value) != null) {
                            throw error("parameter '" + key + "' is given twice", keyAt);
                        }
                        skipSpace();
                        char c = peek();
                        if (c == ',') {
                            pos++;
                        } else if (c == ')') {
                            pos++;
                            break;
                        } else {
                            throw error("expected ',' or ')' after the value of '" + key + "'", pos);
                        }
                    }
                }
                skipSpace();
            }
            if (pos != text.length()) {
                throw error("unexpected text after the spec", pos);
            }
            return new Spec(name, args);
        }

        private String identifier(String what, boolean allowDot) {
            int start = pos;
            if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
                throw error("expected " + what, pos);
            }
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || (allowDot && c == '.')) {
                    pos++;
                } else {
                    break;
                }
            }
            return text.substring(start, pos);
        }

        private String value(String key) {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '(' || c == ')' || c == '=' || Character.isWhitespace(c)) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a value for parameter '" + key + "'", pos);
            }
            return text.substring(start, pos);
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw error("expected " + what, pos);
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private SpecException error(String message, int at) {
            String found = at >= text.length() ? "end of text" : "'" + text.charAt(at) + "'";
            return new SpecException("malformed spec '" + text + "': " + message + " at position "
                    + at + ", found " + found);
        }
    }
}
