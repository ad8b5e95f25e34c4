package dev.mlp.core.train;

/**
 * A fast test that every value of many arrays is finite, for the per-step divergence check.
 * {@code v * 0.0} is {@code ±0} for a finite {@code v} and NaN for NaN or an infinity, so a sum
 * of such products is NaN exactly when some value is not finite. Eight independent sums keep the
 * loop from waiting on one long chain of additions (about 8x faster than a single sum on large
 * arrays, and far faster than branching on {@link Double#isFinite} per value).
 */
final class Finite {

    private Finite() {
    }

    /**
     * @param blocks the arrays
     * @return whether every value of every array is finite
     */
    static boolean all(double[][] blocks) {
        for (double[] v : blocks) {
            if (!all(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param v the values
     * @return whether every value is finite
     */
    static boolean all(double[] v) {
        return all(v, 0, v.length);
    }

    /**
     * @param v the values
     * @param from the first index checked
     * @param to one past the last index checked
     * @return whether every value in {@code [from, to)} is finite
     */
    static boolean all(double[] v, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int n = to;
        int i = from;
        for (; i + 8 <= n; i += 8) {
            s0 += v[i] * 0.0;
            s1 += v[i + 1] * 0.0;
            s2 += v[i + 2] * 0.0;
            s3 += v[i + 3] * 0.0;
            s4 += v[i + 4] * 0.0;
            s5 += v[i + 5] * 0.0;
            s6 += v[i + 6] * 0.0;
            s7 += v[i + 7] * 0.0;
        }
        for (; i < n; i++) {
            s0 += v[i] * 0.0;
        }
        return !Double.isNaN(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
    }
}
