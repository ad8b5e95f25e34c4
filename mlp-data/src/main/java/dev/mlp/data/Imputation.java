package dev.mlp.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a missing cell becomes, learned from the training rows of its column: {@code mean},
 * {@code median}, {@code most-frequent} (the smallest of equally frequent values) or
 * {@code constant(v)}. Mean and median are for numeric columns; a categorical column takes
 * {@code most-frequent} or {@code constant(v)}, whose {@code v} is then a category.
 *
 * @param method one of {@code mean}, {@code median}, {@code most-frequent}, {@code constant}
 * @param constant the value of {@code constant(v)} as written; empty otherwise
 */
public record Imputation(String method, String constant) {

    /** The methods by name. */
    private static final List<String> METHODS = List.of("mean", "median", "most-frequent",
            "constant");

    /** Checks the method. */
    public Imputation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(constant, "constant");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown imputation '" + method + "'; known: "
                    + "mean, median, most-frequent, constant(v)");
        }
    }

    /**
     * Parses {@code mean}, {@code median}, {@code most-frequent} or {@code constant(v)} (also
     * written {@code constant(value=v)}).
     *
     * @param spec the text
     * @return the imputation
     * @throws IllegalArgumentException if it is none of these
     */
    public static Imputation parse(String spec) {
        String s = spec.strip();
        if (s.startsWith("constant(") && s.endsWith(")")) {
            String v = s.substring("constant(".length(), s.length() - 1).strip();
            if (v.startsWith("value=")) {
                v = v.substring("value=".length()).strip();
            }
            return new Imputation("constant", v);
        }
        if (s.equals("constant")) {
            throw new IllegalArgumentException("imputation 'constant' needs its value, for "
                    + "example constant(0) or constant(unknown)");
        }
        return new Imputation(s.toLowerCase(Locale.ROOT), "");
    }

    /** @return the spec, for example {@code mean} or {@code constant(0)} */
    @Override
    public String toString() {
        return method.equals("constant") ? "constant(" + constant + ")" : method;
    }

    /** @return whether this fits categorical columns (most-frequent and constant do) */
    public boolean forCategories() {
        return method.equals("most-frequent") || method.equals("constant");
    }

    /**
     * The fill value of a numeric column.
     *
     * @param values the filled cells of the column, at least one
     * @param column its name, for messages
     * @return the value missing cells become
     */
    double fill(double[] values, String column) {
        switch (method) {
            case "mean" -> {
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                return sum / values.length;
            }
            case "median" -> {
                double[] s = values.clone();
                Arrays.sort(s);
                int m = s.length / 2;
                return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
            }
            case "most-frequent" -> {
                TreeMap<Double, Integer> counts = new TreeMap<>();
                for (double v : values) {
                    counts.merge(v, 1, Integer::sum);
                }
                double best = Double.NaN;
                int most = 0;
                for (Map.Entry<Double, Integer> e : counts.entrySet()) {
                    if (e.getValue() > most) {
                        most = e.getValue();
                        best = e.getKey();
                    }
                }
                return best;
            }
            default -> {
                try {
                    double v = Double.parseDouble(constant);
                    if (Double.isFinite(v)) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw new IllegalArgumentException("numeric column '" + column + "' cannot be "
                        + "imputed with constant(" + constant + "): the value must be a finite "
                        + "number");
            }
        }
    }

    /**
     * The fill category of a categorical column.
     *
     * @param values the filled cells of the column, at least one
     * @param column its name, for messages
     * @return the category missing cells become
     */
    String fill(List<String> values, String column) {
        if (method.equals("constant")) {
            return constant;
        }
        if (!method.equals("most-frequent")) {
            throw new IllegalArgumentException("categorical column '" + column + "' cannot be "
                    + "imputed with " + this + "; use most-frequent or constant(v)");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
