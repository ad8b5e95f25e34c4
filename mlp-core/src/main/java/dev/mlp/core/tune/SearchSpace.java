package dev.mlp.core.tune;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The values a search tries: each option's value is a template, plain text with search
 * expressions written where a value goes, for example
 * {@code "adam(lr=loguniform(1e-4, 1e-1))"} or {@code "choice(32|64, 64|128)"}.
 *
 * <ul>
 *   <li>{@code choice(a|b|...)}: one of the options, taken as text. Options are separated by
 *       {@code |}; without any {@code |} they are separated by commas ({@code choice(relu,
 *       tanh)}). So {@code choice(32|64,64|128)} for {@code --layers} tries one layer of 32, two
 *       of 64, and one of 128;</li>
 *   <li>{@code uniform(lo, hi)}: a number drawn uniformly from {@code [lo, hi]};</li>
 *   <li>{@code loguniform(lo, hi)}: a number whose logarithm is uniform, {@code 0 < lo};</li>
 *   <li>{@code int(lo, hi)}: a whole number from {@code lo} to {@code hi}, both included.</li>
 * </ul>
 *
 * <p>Drawn numbers are rounded to {@value #DIGITS} significant digits, and a candidate's values
 * are the exact text used to train it, so a printed candidate trains the same model again.
 * Grid search enumerates choices and whole-number ranges; a continuous range has no grid, and
 * is refused.
 */
public final class SearchSpace {

    /** Significant digits of drawn numbers. */
    public static final int DIGITS = 3;

    /** The most candidates a grid may have. */
    public static final int MAX_GRID = 100_000;

    private static final String[] FUNCTIONS = {"loguniform", "uniform", "choice", "int"};

    /** A part of a template: literal text, or a search expression. */
    private sealed interface Part permits Text, Choice, Range {
    }

    private record Text(String text) implements Part {
    }

    private record Choice(String expression, List<String> options) implements Part {
    }

    /** {@code kind}: uniform, loguniform or int. */
    private record Range(String expression, String kind, double lo, double hi) implements Part {
    }

    private final Map<String, List<Part>> templates;

    private SearchSpace(Map<String, List<Part>> templates) {
        this.templates = templates;
    }

    /**
     * @param options each option's value template, in the order candidates list them
     * @return the space
     * @throws IllegalArgumentException naming the option and the expression that is wrong
     */
    public static SearchSpace of(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        Map<String, List<Part>> t = new LinkedHashMap<>();
        options.forEach((name, value) -> t.put(name, parse(name,
                Objects.requireNonNull(value, "value of " + name))));
        return new SearchSpace(t);
    }

    /** @return the options, in order */
    public List<String> options() {
        return List.copyOf(templates.keySet());
    }

    /** @return the options whose value holds at least one search expression */
    public List<String> searched() {
        List<String> out = new ArrayList<>();
        templates.forEach((name, parts) -> {
            if (parts.stream().anyMatch(p -> !(p instanceof Text))) {
                out.add(name);
            }
        });
        return out;
    }

    /**
     * Every combination of the choices and whole-number ranges, the first option's varying
     * slowest.
     *
     * @return the candidates, numbered from 1
     * @throws IllegalArgumentException if an option holds a continuous range, or the grid has
     *                                  more than {@link #MAX_GRID} points
     */
    public List<Candidate> grid() {
        List<List<String>> axes = new ArrayList<>();
        long size = 1;
        for (Map.Entry<String, List<Part>> e : templates.entrySet()) {
            for (Part p : e.getValue()) {
                List<String> axis = axis(e.getKey(), p);
                if (axis != null) {
                    axes.add(axis);
                    size *= axis.size();
                    if (size > MAX_GRID) {
                        throw new IllegalArgumentException("the grid has more than " + MAX_GRID
                                + " points; narrow the choices or use random search");
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        int[] at = new int[axes.size()];
        for (int n = 0; n < size; n++) {
            List<String> drawn = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                drawn.add(axes.get(a).get(at[a]));
            }
            out.add(new Candidate(n + 1, render(drawn)));
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++at[a] < axes.get(a).size()) {
                    break;
                }
                at[a] = 0;
            }
        }
        return out;
    }

    private static List<String> axis(String option, Part p) {
        if (p instanceof Choice c) {
            return c.options();
        }
        if (p instanceof Range r) {
            if (!r.kind().equals("int")) {
                throw new IllegalArgumentException(option + ": grid search cannot enumerate "
                        + r.expression() + ", a continuous range; use choice(a, b, ...) or "
                        + "int(lo, hi) for a grid, or random search");
            }
            List<String> values = new ArrayList<>();
            for (long v = (long) r.lo(); v <= (long) r.hi(); v++) {
                values.add(Long.toString(v));
                if (values.size() > MAX_GRID) {
                    break;
                }
            }
            return values;
        }
        return null;
    }

    /**
     * Draws distinct candidates at random: each choice uniformly, each range as it says. When
     * the space has fewer distinct points than asked for, returns every one found.
     *
     * @param count how many candidates, at least 1
     * @param seed the seed of the draws
     * @return the candidates, numbered from 1 in the order drawn
     */
    public List<Candidate> random(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a random search needs at least 1 candidate, "
                    + "found " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Map<String, String>> seen = new LinkedHashSet<>();
        long attempts = 50L * count + 100;
        for (long a = 0; a < attempts && seen.size() < count; a++) {
            List<String> drawn = new ArrayList<>();
            for (List<Part> parts : templates.values()) {
                for (Part p : parts) {
                    if (p instanceof Choice c) {
                        drawn.add(c.options().get(random.nextInt(c.options().size())));
                    } else if (p instanceof Range r) {
                        drawn.add(draw(r, random));
                    }
                }
            }
            seen.add(render(drawn));
        }
        List<Candidate> out = new ArrayList<>();
        for (Map<String, String> v : seen) {
            out.add(new Candidate(out.size() + 1, v));
        }
        return out;
    }

    private static String draw(Range r, SplittableRandom random) {
        double u = random.nextDouble();
        return switch (r.kind()) {
            case "int" -> Long.toString((long) r.lo()
                    + random.nextLong((long) r.hi() - (long) r.lo() + 1));
            case "loguniform" -> round(Math.exp(Math.log(r.lo())
                    + u * (Math.log(r.hi()) - Math.log(r.lo()))));
            default -> round(r.lo() + u * (r.hi() - r.lo()));
        };
    }

    private static String round(double v) {
        return new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros()
                .toString();
    }

    private Map<String, String> render(List<String> drawn) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, List<Part>> e : templates.entrySet()) {
            StringBuilder sb = new StringBuilder();
            for (Part p : e.getValue()) {
                sb.append(p instanceof Text t ? t.text() : drawn.get(i++));
            }
            values.put(e.getKey(), sb.toString());
        }
        return values;
    }

    private static List<Part> parse(String option, String value) {
        List<Part> parts = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        while (i < value.length()) {
            String fn = functionAt(value, i);
            if (fn == null) {
                i++;
                continue;
            }
            int open = i + fn.length();
            int close = closing(value, open);
            if (close < 0) {
                throw new IllegalArgumentException(option + ": '" + value.substring(i)
                        + "' has no closing ')'");
            }
            String inner = value.substring(open + 1, close);
            String expression = value.substring(i, close + 1);
            if (!fn.equals("choice") && inner.contains("=")) {
                // a plugin spec with this name, such as uniform(scale=0.1): plain text
                i = close + 1;
                continue;
            }
            if (i > textStart) {
                parts.add(new Text(value.substring(textStart, i)));
            }
            parts.add(fn.equals("choice") ? choice(option, expression, inner)
                    : range(option, expression, fn, inner));
            i = close + 1;
            textStart = i;
        }
        if (textStart < value.length()) {
            parts.add(new Text(value.substring(textStart)));
        }
        return parts;
    }

    /** The search function whose name and '(' start at {@code i}, not inside a longer word. */
    private static String functionAt(String s, int i) {
        if (i > 0) {
            char before = s.charAt(i - 1);
            if (Character.isLetterOrDigit(before) || before == '-' || before == '_') {
                return null;
            }
        }
        for (String fn : FUNCTIONS) {
            if (s.startsWith(fn, i)) {
                int j = i + fn.length();
                if (j < s.length() && s.charAt(j) == '(') {
                    return fn;
                }
            }
        }
        return null;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Choice choice(String option, String expression, String inner) {
        String separator = inner.contains("|") ? "\\|" : ",";
        List<String> options = new ArrayList<>();
        String[] split = inner.split(separator, -1);
        for (int k = 0; k < split.length; k++) {
            String o = split[k].strip();
            if (o.isEmpty()) {
                throw new IllegalArgumentException(option + ": " + expression + " has an empty "
                        + "option (number " + (k + 1) + "); write choice(a|b|...) with a value "
                        + "between every two |");
            }
            options.add(o);
        }
        return new Choice(expression, options);
    }

    private static Range range(String option, String expression, String kind, String inner) {
        String[] bounds = inner.split(",", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException(option + ": " + expression + " needs two bounds, "
                    + kind + "(lo, hi), found " + bounds.length);
        }
        double lo = number(option, expression, bounds[0].strip());
        double hi = number(option, expression, bounds[1].strip());
        if (lo > hi) {
            throw new IllegalArgumentException(option + ": " + expression + " has lo > hi ("
                    + bounds[0].strip() + " > " + bounds[1].strip() + "); write " + kind
                    + "(lo, hi) with lo <= hi");
        }
        if (kind.equals("loguniform") && !(lo > 0)) {
            throw new IllegalArgumentException(option + ": " + expression + " needs lo > 0, "
                    + "found " + bounds[0].strip());
        }
        if (kind.equals("int") && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
            throw new IllegalArgumentException(option + ": " + expression + " needs whole-number "
                    + "bounds");
        }
        return new Range(expression, kind, lo, hi);
    }

    private static double number(String option, String expression, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": " + expression + ": bound '" + text
                + "' is not a finite number");
    }
}
