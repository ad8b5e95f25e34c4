package dev.mlp.api;

/**
 * The interval of values an {@link Activation} can give, each end open or closed. Losses read
 * it to check an output layer by what it does rather than by its name.
 *
 * <pre>{@code
 * OutputRange.open(0, 1)                              // sigmoid: 0 < a < 1
 * new OutputRange(0, Double.POSITIVE_INFINITY, true, false)  // relu: a >= 0
 * }</pre>
 *
 * @param min the lower end, possibly {@code -Infinity}
 * @param max the upper end, possibly {@code +Infinity}, at least {@code min}
 * @param minIncluded whether {@code min} itself can be given
 * @param maxIncluded whether {@code max} itself can be given
 */
public record OutputRange(double min, double max, boolean minIncluded, boolean maxIncluded) {

    /** Every real number: what an activation gives unless it says otherwise. */
    public static final OutputRange REALS =
            new OutputRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false);

    /**
     * @throws IllegalArgumentException if an end is NaN, {@code min > max}, or an infinite end
     *                                  is included
     */
    public OutputRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("an output range needs min <= max, found [" + min
                    + ", " + max + "]");
        }
        if ((minIncluded && Double.isInfinite(min)) || (maxIncluded && Double.isInfinite(max))) {
            throw new IllegalArgumentException("an infinite end of an output range cannot be "
                    + "included, found " + (minIncluded ? "[" : "(") + min + ", " + max
                    + (maxIncluded ? "]" : ")"));
        }
    }

    /**
     * @param min the lower end, excluded
     * @param max the upper end, excluded
     * @return the open interval {@code (min, max)}
     */
    public static OutputRange open(double min, double max) {
        return new OutputRange(min, max, false, false);
    }

    /**
     * @param min the lower end, included
     * @param max the upper end, included
     * @return the closed interval {@code [min, max]}
     */
    public static OutputRange closed(double min, double max) {
        return new OutputRange(min, max, true, true);
    }

    /**
     * @return whether every value in the range is strictly greater than 0
     */
    public boolean onlyPositive() {
        return min > 0 || (min == 0 && !minIncluded);
    }

    /**
     * @param value a value
     * @return whether the activation can give it
     */
    public boolean contains(double value) {
        return (value > min || (minIncluded && value == min))
                && (value < max || (maxIncluded && value == max));
    }

    @Override
    public String toString() {
        return (minIncluded ? "[" : "(") + min + ", " + max + (maxIncluded ? "]" : ")");
    }
}
