package dev.mlp.testkit;

import dev.mlp.api.Metric;
import dev.mlp.api.spi.MetricProvider;
import org.junit.jupiter.api.Test;

/** The metric contract: a good metric passes, each deliberate bug is caught by its check. */
class MetricContractTest {

    /** Mean absolute error; {@code flaw} selects a deliberate bug. */
    record Mae(String flaw) implements Metric {
        static int calls;

        @Override
        public String name() {
            return "mae";
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public double compute(double[] p, double[] y, double[] w, int rows, int outputs) {
            int n = flaw.equals("reads-past") ? p.length : rows * outputs;
            double sum = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double wr = w == null || flaw.equals("ignores-weights") ? 1 : w[i / outputs];
                sum += wr * Math.abs(p[i] - y[i]);
                total += wr;
            }
            if (flaw.equals("drifts")) {
                sum += calls++;
            }
            if (flaw.equals("changes-input")) {
                p[0] = 0;
            }
            if (flaw.equals("nan")) {
                return Double.NaN;
            }
            return flaw.equals("weights-shift") && w != null ? sum / total + 0.5 : sum / total;
        }
    }

    static MetricProvider metric(String flaw) {
        return Kit.provider(MetricProvider.class, "mae", () -> new Mae(flaw));
    }

    @Test
    void aGoodMetricPassesEveryCheck() {
        Kit.passes(PluginContracts.of(metric("none")));
        Kit.passes(PluginContracts.metric(metric("ignores-weights")).tests());
    }

    @Test
    void eachBugIsCaughtByItsCheck() {
        Kit.failure(PluginContracts.of(metric("nan")), MetricContract.FINITE, true,
                "without weights it is NaN");
        Kit.failure(PluginContracts.of(metric("drifts")), MetricContract.DETERMINISTIC, true,
                "the same input gives");
        Kit.failure(PluginContracts.of(metric("changes-input")), MetricContract.DETERMINISTIC,
                true, "changed its input arrays");
        Kit.failure(PluginContracts.of(metric("weights-shift")), MetricContract.UNIT_WEIGHTS,
                true, "weights of 1 give");
        Kit.failure(PluginContracts.of(metric("reads-past")), MetricContract.BOUNDS, true,
                "with NaN past rows x outputs");
    }
}
