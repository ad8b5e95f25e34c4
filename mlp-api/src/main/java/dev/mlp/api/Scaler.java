package dev.mlp.api;

/**
 * A column-wise transformation of data, fitted on training data and then applied to inputs
 * (and, with its inverse, to regression targets): min-max scaling, z-score standardization.
 */
public interface Scaler {

    /**
     * The stable lowercase name this scaler is registered under, for example {@code "z-score"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Learns the statistics of each column.
     *
     * @param data a {@code rows x cols} row-major matrix, read only
     * @param rows number of rows, at least 1
     * @param cols number of columns
     * @return the fitted transformation
     */
    Fitted fit(double[] data, int rows, int cols);

    /**
     * Rebuilds a fitted transformation from the statistics an earlier {@link Fitted#statistics()}
     * returned, so that a saved model scales exactly as it did when it was saved. The result
     * must transform and invert bit for bit like the transformation the statistics came from.
     *
     * <p>The default refuses; scalers whose models should be saveable override it.
     *
     * @param statistics one row per column, as {@link Fitted#statistics()} gives them
     * @return the fitted transformation
     * @throws IllegalArgumentException if the statistics have the wrong shape or impossible
     *         values
     * @throws UnsupportedOperationException if this scaler cannot be rebuilt from statistics
     */
    default Fitted restore(double[][] statistics) {
        throw new UnsupportedOperationException("scaler '" + name()
                + "' cannot be rebuilt from saved statistics (it does not implement "
                + "Scaler.restore)");
    }

    /**
     * A scaler with its statistics learned. Immutable and thread-safe.
     */
    interface Fitted {

        /**
         * @return the number of columns this transformation was fitted on
         */
        int columns();

        /**
         * Scales a batch.
         *
         * @param in the raw values, read only
         * @param out receives the scaled values; may be the same array as {@code in}
         * @param rows number of rows
         */
        void transform(double[] in, double[] out, int rows);

        /**
         * Undoes {@link #transform}.
         *
         * @param in scaled values, read only
         * @param out receives values in the original units; may be the same array as {@code in}
         * @param rows number of rows
         */
        void inverse(double[] in, double[] out, int rows);

        /**
         * The fitted statistics, one row per column, for display and saving: for min-max
         * {@code {min, max}}, for z-score {@code {mean, standardDeviation}}.
         *
         * @return a fresh copy of the statistics
         */
        double[][] statistics();
    }
}
