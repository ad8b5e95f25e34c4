package dev.mlp.core.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A network as written: elements separated by spaces, each a dense layer
 * ({@code dense(64, relu)}, {@code dense(3, softmax, bias=false)}, {@code dense(64)} for a
 * linear one; {@code dropout=0.1} as an option), a residual block of elements
 * ({@code residual(dense(64, relu), dense(64))}) or a layer plugin by its spec
 * ({@code batch-norm}, {@code dropout(0.1)}, {@code layer-norm(epsilon=1e-6)}). Parsing checks
 * the syntax only; {@link NetworkAssembly} resolves plugins and checks shapes.
 *
 * @param elements the top-level elements, in order
 */
public record NetworkSpec(List<Element> elements) {

    /** Copies the list. */
    public NetworkSpec {
        elements = List.copyOf(elements);
    }

    /** One element of a network. */
    public sealed interface Element permits Dense, Plugin, Residual {
    }

    /**
     * A dense layer.
     *
     * @param neurons its width
     * @param activation its activation spec
     * @param bias whether it has a bias
     * @param dropout its own dropout rate (the per-layer option), 0 for none
     */
    public record Dense(int neurons, String activation, boolean bias, double dropout)
            implements Element {
        @Override
        public String toString() {
            return "dense(" + neurons + ", " + activation + (bias ? "" : ", bias=false")
                    + (dropout > 0 ? ", dropout=" + dropout : "") + ")";
        }
    }

    /**
     * A layer plugin.
     *
     * @param spec its spec as written, for example {@code "dropout(0.1)"}
     */
    public record Plugin(String spec) implements Element {
        @Override
        public String toString() {
            return spec;
        }
    }

    /**
     * A residual block: its elements' output plus its input.
     *
     * @param body the elements inside, at least one
     */
    public record Residual(List<Element> body) implements Element {
        /** Copies the list. */
        public Residual {
            body = List.copyOf(body);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            body.forEach(e -> parts.add(e.toString()));
            return "residual(" + String.join(", ", parts) + ")";
        }
    }

    /**
     * Parses a network spec.
     *
     * @param text for example {@code "dense(64, relu) batch-norm dense(3, softmax)"}
     * @return the elements
     * @throws IllegalArgumentException naming the element and what is wrong
     */
    public static NetworkSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the network spec is empty; write its layers, "
                    + "for example \"dense(64, relu) dense(3, softmax)\"");
        }
        return new NetworkSpec(sequence(text, text));
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        elements.forEach(e -> parts.add(e.toString()));
        return String.join(" ", parts);
    }

    private static List<Element> sequence(String text, String whole) {
        List<Element> out = new ArrayList<>();
        for (String item : split(text, ' ', whole)) {
            out.add(element(item, whole));
        }
        return out;
    }

    private static Element element(String item, String whole) {
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).strip()
                .toLowerCase(Locale.ROOT);
        String args = "";
        if (open >= 0) {
            if (!item.endsWith(")")) {
                throw bad(whole, item, "it must end with ')'");
            }
            args = item.substring(open + 1, item.length() - 1).strip();
        }
        if (name.isEmpty()) {
            throw bad(whole, item, "it has no name");
        }
        if (name.equals("dense")) {
            return dense(item, args, whole);
        }
        if (name.equals("residual")) {
            List<Element> body = new ArrayList<>();
            for (String part : split(args, ',', whole)) {
                body.addAll(sequence(part, whole));
            }
            if (body.isEmpty()) {
                throw bad(whole, item, "a residual block needs at least one layer inside");
            }
            return new Residual(body);
        }
        return new Plugin(item.strip());
    }

    private static Dense dense(String item, String args, String whole) {
        List<String> parts = split(args, ',', whole);
        if (parts.isEmpty()) {
            throw bad(whole, item, "write its width, for example dense(64, relu)");
        }
        int neurons;
        try {
            neurons = Integer.parseInt(parts.get(0).strip());
        } catch (NumberFormatException e) {
            throw bad(whole, item, "its width '" + parts.get(0).strip() + "' is not a whole "
                    + "number");
        }
        if (neurons < 1) {
            throw bad(whole, item, "its width must be at least 1, found " + neurons);
        }
        String activation = "identity";
        boolean bias = true;
        double dropout = 0.0;
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i).strip();
            int eq = topLevelEquals(p);
            if (eq < 0) {
                if (i != 1) {
                    throw bad(whole, item, "'" + p + "' must be written name=value (bias, "
                            + "dropout or activation)");
                }
                activation = p;
                continue;
            }
            String key = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            switch (key) {
                case "activation" -> activation = value;
                case "bias" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw bad(whole, item, "bias must be true or false, found " + value);
                    }
                    bias = Boolean.parseBoolean(value);
                }
                case "dropout" -> {
                    try {
                        dropout = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        dropout = Double.NaN;
                    }
                    if (!(dropout >= 0 && dropout < 1)) {
                        throw bad(whole, item, "dropout must be a rate in [0, 1), found "
                                + value);
                    }
                }
                default -> throw bad(whole, item, "unknown option '" + key + "'; a dense layer "
                        + "takes its width, an activation, bias=... and dropout=...");
            }
        }
        return new Dense(neurons, activation, bias, dropout);
    }

    private static int topLevelEquals(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits at {@code sep} outside parentheses; with {@code ' '} any run of white space
     * separates, and spaces directly before a '(' or around a ',' inside one are kept with
     * the item.
     */
    static List<String> split(String text, char sep, String whole) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("network spec '" + whole + "': a ')' "
                            + "closes nothing; check the parentheses");
                }
            }
            boolean boundary = depth == 0 && (sep == ' ' ? Character.isWhitespace(c) : c == sep);
            if (boundary && sep == ' ' && nextNonSpace(text, i) == '(') {
                continue;
            }
            if (boundary) {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("network spec '" + whole + "': a '(' is not "
                    + "closed; check the parentheses");
        }
        add(out, cur);
        return out;
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    private static IllegalArgumentException bad(String whole, String item, String why) {
        return new IllegalArgumentException("network spec '" + whole + "': '" + item + "': "
                + why);
    }
}
