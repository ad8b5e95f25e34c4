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
 * value := word | spec
 * word  := any run of characters other than "," "(" ")" "=" and whitespace
 * </pre>
 * A value that is a spec with arguments, such as {@code adam(lr=0.01, beta1=0.8)} in
 * {@code lookahead(inner=adam(lr=0.01, beta1=0.8), k=5)}, is a <em>nested spec</em>: the
 * configuration of another plugin, which the parameter that receives it resolves (see
 * {@link ParameterSpec#plugin}). A spec holds at most {@value #MAX_DEPTH} levels: the outermost
 * spec is level 1, a spec in one of its values level 2, and so on. Names and keys are
 * case-sensitive and conventionally lowercase.
 *
 * <p>{@link #arguments()} keeps every value as text: a word as written, a nested spec as
 * {@link #toString()} prints it (so {@code adam( lr = 0.1 )} is kept as {@code adam(lr=0.1)},
 * and {@code adam()} as {@code adam}). {@link #argument(String)} reads a value back as a spec.
 * Printing and parsing again gives an equal spec.
 *
 * @param name the plugin name
 * @param arguments the raw arguments in the order given
 */
public record Spec(String name, Map<String, String> arguments) {

    /** The deepest nesting a spec may have: the outermost spec and 7 levels inside it. */
    public static final int MAX_DEPTH = 8;

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
     * @throws SpecException if the text is malformed, with the position of the problem and the
     *                       nested spec it is in
     */
    public static Spec parse(String text) {
        if (text == null) {
            throw new SpecException("spec must not be null");
        }
        return new Parser(text).parse();
    }

    /**
     * An argument's value read as a spec: a nested spec, or a word (a plugin's name alone) as a
     * spec without arguments.
     *
     * @param key the argument's key
     * @return the value as a spec
     * @throws SpecException if there is no such argument, or its value is not a spec (a number,
     *                       for example)
     */
    public Spec argument(String key) {
        String value = arguments.get(key);
        if (value == null) {
            throw new SpecException("'" + name + "' has no argument '" + key + "'; given: "
                    + String.join(", ", arguments.keySet()));
        }
        return parse(value);
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
            String name = identifier("a plugin name", true, "");
            skipSpace();
            Map<String, String> args = peek() == '(' ? arguments(name, 1, "") : Map.of();
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the spec", pos, "");
            }
            return new Spec(name, args);
        }

        /**
         * The arguments from the '(' at {@code pos} to the matching ')'.
         *
         * @param name the plugin whose arguments these are
         * @param depth its level, 1 for the outermost spec
         * @param where "" at level 1, else which nested spec this is, for messages
         */
        private Map<String, String> arguments(String name, int depth, String where) {
            pos++; // '('
            Map<String, String> args = new LinkedHashMap<>();
            skipSpace();
            if (peek() == ')') {
                pos++;
                return args;
            }
            while (true) {
                skipSpace();
                int keyAt = pos;
                String key = identifier("a parameter name", false, where);
                skipSpace();
                expect('=', "'=' after parameter '" + key + "'", where);
                skipSpace();
                String value = value(name, key, depth, where);
                if (args.put(key, value) != null) {
                    throw error("parameter '" + key + "' is given twice", keyAt, where);
                }
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ')') {
                    pos++;
                    return args;
                } else {
                    throw error("expected ',' or ')' after the value of '" + key + "'", pos,
                            where);
                }
            }
        }

        private String identifier(String what, boolean allowDot, String where) {
            int start = pos;
            if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
                throw error("expected " + what, pos, where);
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

        /** A word, or a nested spec printed back. */
        private String value(String plugin, String key, int depth, String where) {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '(' || c == ')' || c == '=' || Character.isWhitespace(c)) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a value for parameter '" + key + "'", pos, where);
            }
            String word = text.substring(start, pos);
            int end = pos;
            skipSpace();
            if (peek() != '(') {
                pos = end;
                return word;
            }
            if (!isName(word)) {
                throw error("'" + word + "' before '(' is not a plugin name (a nested spec is a "
                        + "name such as adam(lr=0.01)); the value of '" + key + "'", start, where);
            }
            String inner = " in the nested spec '" + word + "' (the value of '" + key + "' of '"
                    + plugin + "')";
            if (depth >= MAX_DEPTH) {
                throw error("specs nest at most " + MAX_DEPTH + " levels deep; '" + word
                        + "' would be level " + (depth + 1), pos, where);
            }
            Map<String, String> args = arguments(word, depth + 1, inner);
            return new Spec(word, args).toString();
        }

        private static boolean isName(String word) {
            if (!Character.isLetter(word.charAt(0))) {
                return false;
            }
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    return false;
                }
            }
            return true;
        }

        private void expect(char c, String what, String where) {
            if (peek() != c) {
                throw error("expected " + what, pos, where);
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

        private SpecException error(String message, int at, String where) {
            String found = at >= text.length() ? "end of text" : "'" + text.charAt(at) + "'";
            return new SpecException("malformed spec '" + text + "': " + message + where
                    + " at position " + at + ", found " + found);
        }
    }
}
