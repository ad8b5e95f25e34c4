package dev.mlp.testkit;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.spi.LossProvider;
import org.junit.jupiter.api.Test;

/** Each loss check passes for a correct loss and fails for a broken one. */
class LossContractTest {

    /** Half squared error, correct. */
    static class Half implements Loss {
        @Override
        public String name() {
            return "half";
        }

        @Override
        public double value(double[] z, double[] a, double[] y, int rows, int cols) {
            double s = 0;
            for (int i = 0; i < rows * cols; i++) {
                s += 0.5 * (a[i] - y[i]) * (a[i] - y[i]);
            }
            return s;
        }

        @Override
        public void outputGradient(double[] a, double[] y, double[] g, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                g[i] = a[i] - y[i];
            }
        }
    }

    static LossProvider of(java.util.function.Supplier<Loss> f) {
        return Kit.provider(LossProvider.class, "half", f);
    }

    @Test
    void correctLossPasses() {
        Kit.passes(PluginContracts.of(of(Half::new)));
    }

    @Test
    void wrongOutputGradientFails() {
        Loss broken = new Half() {
            @Override
            public void outputGradient(double[] a, double[] y, double[] g, int rows, int cols) {
                for (int i = 0; i < rows * cols; i++) {
                    g[i] = 2 * (a[i] - y[i]);
                }
            }
        };
        Kit.failure(PluginContracts.of(of(() -> broken)), LossContract.GRADIENT, true,
                "after identity, sample 0");
        Kit.failure(PluginContracts.of(of(() -> broken)), LossContract.DELTA, true, "sample");
    }

    @Test
    void wrongFusedDeltaFails() {
        Loss broken = new Half() {
            @Override
            public void delta(Activation out, double[] z, double[] a, double[] y, double[] d,
                              int rows, int cols) {
                for (int i = 0; i < rows * cols; i++) {
                    d[i] = a[i] - y[i]; // forgets the activation's derivative
                }
            }
        };
        Kit.failure(PluginContracts.of(of(() -> broken)), LossContract.DELTA, "after sigmoid");
    }

    @Test
    void perSampleValuesThatDoNotSumFail() {
        Loss broken = new Half() {
            @Override
            public void values(double[] z, double[] a, double[] y, double[] out, int rows,
                               int cols) {
                for (int r = 0; r < rows; r++) {
                    out[r] = 0.5 * (a[r * cols] - y[r * cols]) * (a[r * cols] - y[r * cols]);
                }
            }
        };
        Kit.failure(PluginContracts.of(of(() -> broken)), LossContract.VALUES, "values()[0]");
    }

    @Test
    void lossThatOverwritesItsTargetsFails() {
        Loss broken = new Half() {
            @Override
            public void outputGradient(double[] a, double[] y, double[] g, int rows, int cols) {
                super.outputGradient(a, y, g, rows, cols);
                if (y.length > rows * cols) {
                    y[rows * cols] = 0; // scribbles on the caller's array
                }
            }
        };
        Kit.failure(PluginContracts.of(of(() -> broken)), LossContract.WRITES, "y was changed");
    }

    @Test
    void lossWithMemoryFails() {
        LossProvider p = of(() -> new Half() {
            private double last;

            @Override
            public double value(double[] z, double[] a, double[] y, int rows, int cols) {
                double v = super.value(z, a, y, rows, cols) + 1e-3 * last;
                last = v;
                return v;
            }
        });
        Kit.failure(PluginContracts.of(p), LossContract.STATE, true, "differs from a fresh");
    }
}
