package dev.mlp.core.scale;

import dev.mlp.api.Scaler;

/**
 * Standardization of each column: {@code x' = (x − mean)/sd}, with the population standard
 * deviation. A constant column (sd 0) is only centred.
 */
public final class ZScoreScaler implements Scaler {

    @Override
    public String name() {
        return "z-score";
    }

    @Override
    public Fitted fit(double[] data, int rows, int cols) {
        if (rows < 1) {
            throw new IllegalArgumentException("z-score needs at least 1 row to fit, found 0");
        }
        double[] mean = new double[cols];
        double[] sd = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += data[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d = data[r * cols + c] - mean[c];
                sd[c] += d * d;
            }
        }
        for (int c = 0; c < cols; c++) {
            sd[c] = Math.sqrt(sd[c] / rows);
        }
        return new FittedZScore(mean, sd);
    }

    /**
     * Rebuilds the fitted standardization from {@code {mean, standardDeviation}} per column.
     *
     * @param statistics one {@code {mean, sd}} row per column, finite, {@code sd >= 0}
     * @return the fitted standardization
     */
    @Override
    public Fitted restore(double[][] statistics) {
        double[] mean = new double[statistics.length];
        double[] sd = new double[statistics.length];
        for (int c = 0; c < statistics.length; c++) {
            double[] s = statistics[c];
            if (s == null || s.length != 2) {
                throw new IllegalArgumentException("z-score statistics must be one {mean, sd} "
                        + "pair per column; column " + c + " has "
                        + (s == null ? "none" : s.length + " numbers"));
            }
            if (!Double.isFinite(s[0]) || !Double.isFinite(s[1]) || s[1] < 0) {
                throw new IllegalArgumentException("z-score statistics of column " + c
                        + " must be finite with sd >= 0, found mean=" + s[0] + ", sd=" + s[1]);
            }
            mean[c] = s[0];
            sd[c] = s[1];
        }
        return new FittedZScore(mean, sd);
    }

    private record FittedZScore(double[] mean, double[] sd) implements Fitted {

        @Override
        public int columns() {
            return mean.length;
        }

        private double scale(int c) {
            return sd[c] == 0.0 ? 1.0 : sd[c];
        }

        @Override
        public void transform(double[] in, double[] out, int rows) {
            int cols = mean.length;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    out[i] = (in[i] - mean[c]) / scale(c);
                }
            }
        }

        @Override
        public void inverse(double[] in, double[] out, int rows) {
            int cols = mean.length;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    out[i] = in[i] * scale(c) + mean[c];
                }
            }
        }

        @Override
        public double[][] statistics() {
            double[][] s = new double[mean.length][];
            for (int c = 0; c < mean.length; c++) {
                s[c] = new double[] {mean[c], sd[c]};
            }
            return s;
        }
    }
}
