package dev.mlp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each activation check passes for correct activations and fails for a broken one. */
class ActivationContractTest {

    /** tanh, correct. */
    static class Tanh extends ElementwiseActivation {
        Tanh() {
            super("tanh");
        }

        @Override
        protected double value(double z) {
            return Math.tanh(z);
        }

        @Override
        protected double derivative(double z, double a) {
            return 1 - a * a;
        }
    }

    static ActivationProvider of(String name, java.util.function.Supplier<Activation> f) {
        return Kit.provider(ActivationProvider.class, name, f);
    }

    @Test
    void correctActivationsPassEveryCheck() {
        assertTrue(Kit.passes(PluginContracts.of(of("tanh", Tanh::new))) > 10);
        for (Activation a : ReferenceActivations.all()) {
            Kit.passes(PluginContracts.of(of(a.name(), () -> a)));
        }
        ActivationProvider relu = of("relu", () -> new ElementwiseActivation("relu") {
            @Override
            protected double value(double z) {
                return Math.max(0, z);
            }

            @Override
            protected double derivative(double z, double a) {
                return z > 0 ? 1 : 0;
            }
        });
        Kit.passes(PluginContracts.of(relu));
    }

    @Test
    void wrongDerivativeFails() {
        ActivationProvider p = of("tanh", () -> new ElementwiseActivation("tanh") {
            @Override
            protected double value(double z) {
                return Math.tanh(z);
            }

            @Override
            protected double derivative(double z, double a) {
                return 1 - z * z * 0.999; // the classic slip: f'(z) written with z for a
            }
        });
        String m = Kit.failure(PluginContracts.of(p), ActivationContract.DERIVATIVE,
                "z = ", "central difference");
        assertTrue(m.startsWith("tanh: derivative"), m);
    }

    @Test
    void wrongDerivativeAtAKinkFails() {
        ActivationProvider p = of("relu", () -> new ElementwiseActivation("relu") {
            @Override
            protected double value(double z) {
                return Math.max(0, z);
            }

            @Override
            protected double derivative(double z, double a) {
                return z >= 0 ? (z == 0 ? 2 : 1) : 0; // 2 is no one-sided derivative
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.DERIVATIVE, "z = 0.0");
    }

    @Test
    void wrongJacobianOfARowCoupledActivationFails() {
        Activation soft = ReferenceActivations.softmax();
        ActivationProvider p = of("softmax", () -> new Activation() {
            @Override
            public String name() {
                return "softmax";
            }

            @Override
            public void forward(double[] z, double[] a, int rows, int cols) {
                soft.forward(z, a, rows, cols);
            }

            @Override
            public void backward(double[] z, double[] a, double[] g, double[] gz, int rows,
                                 int cols) {
                for (int i = 0; i < rows * cols; i++) {
                    gz[i] = g[i] * a[i] * (1 - a[i]); // the diagonal only
                }
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.DERIVATIVE, "d a[");
    }

    @Test
    void backwardThatIgnoresTheUpstreamGradientFails() {
        ActivationProvider p = of("tanh", () -> new Tanh() {
            @Override
            public void backward(double[] z, double[] a, double[] g, double[] gz, int rows,
                                 int cols) {
                for (int i = 0; i < rows * cols; i++) {
                    gz[i] = 1 - a[i] * a[i];
                }
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.BACKWARD, "g * f'(z)");
    }

    @Test
    void batchPathThatDiffersFromTheRowPathFails() {
        ActivationProvider p = of("tanh", () -> new Tanh() {
            @Override
            public void forward(double[] z, double[] a, int rows, int cols) {
                for (int i = 0; i < rows * cols; i++) {
                    a[i] = rows > 1 ? (float) Math.tanh(z[i]) : Math.tanh(z[i]);
                }
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.PATHS, "forward of row");
    }

    @Test
    void writingPastRowsTimesColsFails() {
        ActivationProvider p = of("tanh", () -> new Tanh() {
            @Override
            public void forward(double[] z, double[] a, int rows, int cols) {
                for (int i = 0; i < Math.min(z.length, a.length); i++) {
                    a[i] = Math.tanh(z[i]);
                }
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.WRITES, "past rows x cols");
    }

    @Test
    void cachedOutputFails() {
        ActivationProvider p = of("tanh", () -> new Tanh() {
            private double[] last;

            @Override
            public void forward(double[] z, double[] a, int rows, int cols) {
                super.forward(z, a, rows, cols);
                last = a.clone();
            }

            @Override
            public void backward(double[] z, double[] a, double[] g, double[] gz, int rows,
                                 int cols) {
                double[] cached = last == null || last.length < rows * cols ? a : last;
                for (int i = 0; i < rows * cols; i++) {
                    gz[i] = g[i] * (1 - cached[i] * cached[i]);
                }
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.STATE, true,
                "after forward of batch");
    }

    @Test
    void nanFromOverflowFails() {
        ActivationProvider p = of("softplus", () -> new ElementwiseActivation("softplus") {
            @Override
            protected double value(double z) {
                return Math.log(1 + Math.exp(z));
            }

            @Override
            protected double derivative(double z, double a) {
                return Math.exp(z) / (1 + Math.exp(z)); // inf / inf
            }
        });
        Kit.failure(PluginContracts.of(p), ActivationContract.EXTREMES, "backward gives NaN",
                "z = 1000.0");
    }

    @Test
    void providerChecksFail() {
        Kit.failure(PluginContracts.of(of("Tanh", Tanh::new)), PluginContract.NAME, true,
                "not lowercase");
        ActivationProvider alias = new ActivationProvider() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public List<String> aliases() {
                return List.of("hyperbolic", "hyperbolic");
            }

            @Override
            public Activation create(dev.mlp.api.spec.Parameters parameters) {
                return new Tanh();
            }
        };
        Kit.failure(PluginContracts.of(alias), PluginContract.ALIASES, "'hyperbolic' repeats");
        ParameterSpec bad = ParameterSpec.real("alpha", 2.0, "slope").atLeast(0).below(1);
        Kit.failure(PluginContracts.of(Kit.provider(ActivationProvider.class, "tanh",
                List.of(bad), x -> new Tanh())), PluginContract.DEFAULTS, true, "alpha");
        Kit.failure(PluginContracts.of(of("tanh2", Tanh::new)), PluginContract.CREATE,
                "named 'tanh', expected 'tanh2'");
    }

    @Test
    void providerThatIgnoresItsSpecFailsTheRoundTrip() {
        int[] made = {0};
        ActivationProvider p = of("scaled", () -> {
            double k = 1 + made[0]++;
            return new ElementwiseActivation("scaled") {
                @Override
                protected double value(double z) {
                    return k * z;
                }

                @Override
                protected double derivative(double z, double a) {
                    return k;
                }
            };
        });
        // a new behaviour per instance is hidden state too
        Kit.failure(PluginContracts.of(p), PluginContract.ROUND_TRIP, true, "behaves differently");
        Kit.failure(PluginContracts.of(p), ActivationContract.STATE, true, "fresh instance");
    }

    @Test
    void constructorStricterThanTheDeclaredRangeFailsTheBoundsCheck() {
        ParameterSpec alpha = ParameterSpec.real("alpha", 0.5, "slope").atLeast(0).below(1);
        ActivationProvider p = Kit.provider(ActivationProvider.class, "tanh", List.of(alpha),
                x -> {
                    if (x.real("alpha") == 0.0) {
                        throw new IllegalArgumentException("alpha must be > 0");
                    }
                    return new Tanh();
                });
        Kit.failure(PluginContracts.of(p), PluginContract.BOUNDS, "alpha=0.0 is within");
    }

    @Test
    void checkNamesAreTheDynamicTestNames() {
        List<String> names = Kit.flatten(PluginContracts.of(of("tanh", Tanh::new))).stream()
                .map(t -> t.getDisplayName().replaceAll(" \\[.*\\]$", "")).toList();
        assertEquals(PluginContracts.checks(dev.mlp.api.spi.PluginKind.ACTIVATION), names);
    }
}
