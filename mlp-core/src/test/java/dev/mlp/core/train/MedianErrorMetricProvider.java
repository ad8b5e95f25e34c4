package dev.mlp.core.train;

import dev.mlp.api.Metric;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.MetricProvider;
import java.util.Arrays;

/**
 * A metric plugin registered by the core's test services file, as a third-party jar on the class
 * path would be: the median absolute error.
 */
public final class MedianErrorMetricProvider implements MetricProvider {

    /** The registered name. */
    public static final String NAME = "test-median-error";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "median absolute error (a test plugin)";
    }

    @Override
    public Metric create(Parameters parameters) {
        return new Metric() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public boolean higherIsBetter() {
                return false;
            }

            @Override
            public double compute(double[] p, double[] y, double[] w, int rows, int outputs) {
                double[] e = new double[rows * outputs];
                for (int i = 0; i < e.length; i++) {
                    e[i] = Math.abs(p[i] - y[i]);
                }
                Arrays.sort(e);
                int n = e.length;
                return n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
            }
        };
    }
}
