package dev.mlp.core.scale;

import dev.mlp.api.Scaler;

/**
 * Min-max scaling of each column to {@code [lo, hi]}:
 * {@code x' = lo + (x − min)(hi − lo)/(max − min)}. With {@code lo = 0, hi = 1} this is seed
 * 001's {@code (data − min)/(max − min)}; with {@code lo = −1, hi = 1} it is its
 * {@code ×2 − 1} variant. A constant column maps to {@code lo}.
 */
public final class MinMaxScaler implements Scaler {

    private final double lo;
    private final double hi;

    /**
     * @param lo the image of each column's minimum
     * @param hi the image of each column's maximum, greater than {@code lo}
     */
    public MinMaxScaler(double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("min-max needs hi > lo, found lo=" + lo + ", hi="
                    + hi);
        }
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public String name() {
        return "min-max";
    }

    @Override
    public Fitted fit(double[] data, int rows, int cols) {
        if (rows < 1) {
            throw new IllegalArgumentException("min-max needs at least 1 row to fit, found 0");
        }
        double[] min = new double[cols];
        double[] max = new double[cols];
        for (int c = 0; c < cols; c++) {
            min[c] = Double.POSITIVE_INFINITY;
            max[c] = Double.NEGATIVE_INFINITY;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = data[r * cols + c];
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
            }
        }
        return new FittedMinMax(lo, hi, min, max);
    }

    /**
     * Rebuilds the fitted scaling from {@code {min, max}} per column.
     *
     * @param statistics one {@code {min, max}} row per column, finite, {@code min <= max}
     * @return the fitted scaling
     */
    @Override
    public Fitted restore(double[][] statistics) {
        double[] min = new double[statistics.length];
        double[] max = new double[statistics.length];
        for (int c = 0; c < statistics.length; c++) {
            double[] s = statistics[c];
            if (s == null || s.length != 2) {
                throw new IllegalArgumentException("min-max statistics must be one {min, max} "
                        + "pair per column; column " + c + " has "
                        + (s == null ? "none" : s.length + " numbers"));
            }
            if (!Double.isFinite(s[0]) || !Double.isFinite(s[1]) || s[0] > s[1]) {
                throw new IllegalArgumentException("min-max statistics of column " + c
                        + " must be finite with min <= max, found min=" + s[0] + ", max=" + s[1]);
            }
            min[c] = s[0];
            max[c] = s[1];
        }
        return new FittedMinMax(lo, hi, min, max);
    }

    private record FittedMinMax(double lo, double hi, double[] min, double[] max)
            implements Fitted {

        @Override
        public int columns() {
            return min.length;
        }

        @Override
        public void transform(double[] in, double[] out, int rows) {
            int cols = min.length;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    double range = max[c] - min[c];
                    out[i] = range == 0.0 ? lo : lo + (in[i] - min[c]) * (hi - lo) / range;
                }
            }
        }

        @Override
        public void inverse(double[] in, double[] out, int rows) {
            int cols = min.length;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    double range = max[c] - min[c];
                    out[i] = range == 0.0 ? min[c] : min[c] + (in[i] - lo) * range / (hi - lo);
                }
            }
        }

        @Override
        public double[][] statistics() {
            double[][] s = new double[min.length][];
            for (int c = 0; c < min.length; c++) {
                s[c] = new double[] {min[c], max[c]};
            }
            return s;
        }
    }
}
