package dev.mlp.data;

/**
 * Parses CSV cells as numbers written like {@code -1.5e3}, straight from a character array:
 * the grammar {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} with ASCII digits, and the value
 * {@link Double#parseDouble} gives, bit for bit. Short decimals (at most 18 significant digits,
 * a power of ten up to 22) are computed exactly as one correctly rounded multiplication or
 * division of two exact doubles; all others go through {@code Double.parseDouble}.
 */
final class Numbers {

    private static final double[] POW10 = new double[23];
    private static final long EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Numbers() {
    }

    /**
     * @param c characters
     * @param from the first character of the cell, after leading white space
     * @param to one past its last character, before trailing white space
     * @return the value, infinite when it overflows, or NaN if the cell is not a number
     */
    static double parse(char[] c, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (c[i] == '+' || c[i] == '-')) {
            negative = c[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        while (i < to && c[i] >= '0' && c[i] <= '9') {
            if (mantissa != 0 || c[i] != '0') {
                significant++;
                mantissa = mantissa * 10 + (c[i] - '0');
            }
            intDigits++;
            i++;
            if (significant > 18) {
                return slow(c, from, to);
            }
        }
        int fracDigits = 0;
        if (i < to && c[i] == '.') {
            i++;
            while (i < to && c[i] >= '0' && c[i] <= '9') {
                if (mantissa != 0 || c[i] != '0') {
                    significant++;
                    mantissa = mantissa * 10 + (c[i] - '0');
                }
                fracDigits++;
                i++;
                if (significant > 18) {
                    return slow(c, from, to);
                }
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (c[i] == 'e' || c[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (c[i] == '+' || c[i] == '-')) {
                negativeExponent = c[i] == '-';
                i++;
            }
            int expDigits = 0;
            while (i < to && c[i] >= '0' && c[i] <= '9') {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c[i] - '0');
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        int power = exponent - fracDigits;
        if (mantissa > EXACT || power < -22 || power > 22) {
            return slow(c, from, to);
        }
        double v = (double) mantissa;
        v = power < 0 ? v / POW10[-power] : v * POW10[power];
        return negative ? -v : v;
    }

    /** Checks the rest of the grammar on the long form, then parses it with the JDK. */
    private static double slow(char[] c, int from, int to) {
        String s = new String(c, from, to - from);
        if (!CsvReader.isNumber(s)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }
}
