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
