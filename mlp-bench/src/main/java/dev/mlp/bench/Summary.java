package dev.mlp.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One measurement of the benchmark as one machine-readable line:
 * {@code SUMMARY <workload> <subject> key=value ...}, for example
 * {@code SUMMARY w1 mlp backend=native-blas precision=float64 samples_per_s=72492 accuracy=0.8421}
 * or {@code SUMMARY w1 bound op=dgemm threads=2 samples_per_s=104600}. The runner prints one per
 * measurement at the end of its output; the Python peers print theirs in the same form and the
 * runner reads them back with {@link #parse}. Keys and values hold no spaces or {@code =}.
 *
 * @param workload {@code w1}, {@code w2} or {@code w3}
 * @param subject  who was measured: {@code mlp}, {@code smile}, {@code pytorch},
 *                 {@code scikit-learn}, {@code bound}
 * @param fields   the settings and numbers, in printing order
 */
record Summary(String workload, String subject, Map<String, String> fields) {

    /** The word every summary line starts with. */
    static final String PREFIX = "SUMMARY";

    /**
     * @throws IllegalArgumentException if a word is empty or holds a space or {@code =}
     */
    Summary {
        word(workload, "workload");
        word(subject, "subject");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            copy.put(word(e.getKey(), "key"), word(e.getValue(), "value of " + e.getKey()));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /**
     * @param workload the workload
     * @param subject  who was measured
     * @param keyValues alternating keys and values; numbers are formatted by {@link #number}
     * @return the summary
     */
    static Summary of(String workload, String subject, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            f.put(String.valueOf(keyValues[i]), v instanceof Double d ? number(d)
                    : String.valueOf(v));
        }
        return new Summary(workload, subject, f);
    }

    /**
     * Formats a measured number: whole numbers from 1,000 up, four decimals below 10, one
     * decimal in between; always with {@code .} as the decimal point.
     *
     * @param v the number
     * @return its text
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "nan";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.4f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /**
     * Reads a line printed by {@link #format()}.
     *
     * @param line the line, {@code SUMMARY} first
     * @return the summary
     * @throws IllegalArgumentException if the line is not a summary line
     */
    static Summary parse(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length < 3 || !words[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a summary line (expected '" + PREFIX
                    + " <workload> <subject> key=value ...'): '" + line + "'");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 3; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0 || eq == words[i].length() - 1) {
                throw new IllegalArgumentException("summary field '" + words[i]
                        + "' is not key=value in '" + line + "'");
            }
            f.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return new Summary(words[1], words[2], f);
    }

    /** @return {@code true} if the line looks like a summary line */
    static boolean isSummary(String line) {
        return line.startsWith(PREFIX + " ");
    }

    /** @return the machine-readable line */
    String format() {
        StringBuilder sb = new StringBuilder(PREFIX).append(' ').append(workload).append(' ')
                .append(subject);
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * @param key a field
     * @return its value, or {@code null} when absent
     */
    String get(String key) {
        return fields.get(key);
    }

    /**
     * @param key a numeric field
     * @return its value, {@code NaN} when absent or not a number
     */
    double value(String key) {
        String v = fields.get(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A short human name: the subject and its non-numeric settings, for example
     * {@code mlp native-blas float64} or {@code pytorch best}.
     *
     * @return the label
     */
    String label() {
        StringBuilder sb = new StringBuilder(subject);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (Double.isNaN(value(e.getKey())) && !e.getKey().equals("version")) {
                sb.append(' ').append(e.getValue());
            } else if (e.getKey().equals("threads")) {
                sb.append(' ').append(e.getValue()).append(value("threads") == 1 ? " thread"
                        : " threads");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String word(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw new IllegalArgumentException("a summary " + what + " must be one word without"
                    + " '=', found '" + s + "'");
        }
        return s;
    }
}
