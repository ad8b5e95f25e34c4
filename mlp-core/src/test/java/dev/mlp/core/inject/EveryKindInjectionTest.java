package dev.mlp.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import dev.mlp.api.Metric;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.MetricProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.kernel.BackendChoice;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The module binds one map per kind of {@link PluginKind#ALL}, made in one loop. */
class EveryKindInjectionTest {

    private static final PluginCatalog CATALOG =
            PluginCatalog.discover(EveryKindInjectionTest.class.getClassLoader());

    /** A metric bound in code: the largest absolute error. */
    static final class MaxErrorProvider implements MetricProvider {
        @Override
        public String name() {
            return "max-error";
        }

        @Override
        public Metric create(Parameters parameters) {
            return new Metric() {
                @Override
                public String name() {
                    return "max-error";
                }

                @Override
                public boolean higherIsBetter() {
                    return false;
                }

                @Override
                public double compute(double[] p, double[] y, double[] w, int rows, int cols) {
                    double max = 0;
                    for (int i = 0; i < rows * cols; i++) {
                        max = Math.max(max, Math.abs(p[i] - y[i]));
                    }
                    return max;
                }
            };
        }
    }

    /** A backend that counts the products it runs, on top of the pure-Java engine. */
    static final class CountingBackend implements ComputeBackendProvider {
        final AtomicLong products = new AtomicLong();
        final AtomicLong engines = new AtomicLong();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public ComputeBackend create(Parameters parameters) {
            return ComputeBackend.of("counting", (threads, reference) -> {
                engines.incrementAndGet();
                return new MatrixProducts() {
                    @Override
                    public int threads() {
                        return reference.threads();
                    }

                    @Override
                    public boolean singleThreaded() {
                        return reference.singleThreaded();
                    }

                    @Override
                    public void multiply(double[] a, int rows, int inner, double[] w, int cols,
                                         double[] bias, double[] out) {
                        products.incrementAndGet();
                        reference.multiply(a, rows, inner, w, cols, bias, out);
                    }

                    @Override
                    public void multiplyTransposedLeft(double[] a, int rows, int inner,
                                                       double[] d, int cols, double scale,
                                                       double[] out) {
                        products.incrementAndGet();
                        reference.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
                    }

                    @Override
                    public void multiplyTransposedRight(double[] d, int rows, int cols,
                                                        double[] w, int inner, double[] out) {
                        products.incrementAndGet();
                        reference.multiplyTransposedRight(d, rows, cols, w, inner, out);
                    }
                };
            });
        }
    }

    @Test
    void everyKindIsBoundAsAMapOfItsProviderInterface() {
        Injector injector = Guice.createInjector(new MlpModule(CATALOG));
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        assertSame(registry, injector.getInstance(PluginRegistry.class), "one registry");
        for (PluginKind<?> kind : PluginKind.ALL) {
            Map<String, PluginProvider<?>> bound = injector.getInstance(MlpModule.mapKey(kind));
            assertEquals(CATALOG.providers(kind), bound, kind.label());
            assertFalse(bound.isEmpty(), kind.label() + " has built-ins");
            for (PluginProvider<?> p : bound.values()) {
                assertTrue(kind.providerType().isInstance(p), kind.label() + " " + p.name());
            }
            assertEquals(registry.providers(kind).size(),
                    new java.util.HashSet<>(bound.values()).size(), kind.label());
        }
    }

    @Test
    void aMetricAndABackendBoundInCodeAreUsedByName() {
        CountingBackend counting = new CountingBackend();
        Injector injector = Guice.createInjector(new MlpModule(CATALOG), new AbstractModule() {
            @Override
            protected void configure() {
                MlpModule.providers(binder(), PluginKind.METRIC).addBinding("max-error")
                        .toInstance(new MaxErrorProvider());
                MlpModule.providers(binder(), PluginKind.COMPUTE_BACKEND).addBinding("counting")
                        .toInstance(counting);
            }
        });
        Mlp mlp = injector.getInstance(Mlp.class);
        assertTrue(mlp.registry().names(PluginKind.METRIC).contains("max-error"));
        // large enough that the products leave the plain loops for the backend
        Model m = mlp.newBuilder().inputs(40).layer(40, "tanh").layer(1, "identity").loss("mse")
                .optimizer("sgd(lr=0.01)").batch("full-batch").epochs(3).metrics("max-error")
                .backend("counting").build();
        double[][] x = new double[64][40];
        double[][] y = new double[64][1];
        fill(x, y);
        m.fit(x, y);
        long afterTraining = counting.products.get();
        assertTrue(afterTraining > 0, "training ran on the chosen backend");
        m.predict(x);
        assertTrue(counting.products.get() > afterTraining, "prediction too");
        long beforeEvaluation = counting.products.get();
        assertTrue(m.evaluate(dev.mlp.core.Dataset.of(x, y)).values().containsKey("max-error"));
        assertTrue(counting.products.get() > beforeEvaluation, "evaluation too");
    }

    @Test
    void theModulesBackendChoiceIsTheBuildersDefault() {
        CountingBackend counting = new CountingBackend();
        Injector injector = Guice.createInjector(Modules.override(new MlpModule(CATALOG))
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(BackendChoice.class).toInstance(new BackendChoice("counting", 1));
                        MlpModule.providers(binder(), PluginKind.COMPUTE_BACKEND)
                                .addBinding("counting").toInstance(counting);
                    }
                }));
        Model m = injector.getInstance(Mlp.class).newBuilder().inputs(40).layer(40, "tanh")
                .layer(1, "identity").loss("mse").optimizer("sgd(lr=0.01)").batch("full-batch")
                .epochs(1).build();
        assertEquals("counting", m.trainer().options().backend().name());
        assertEquals(1, m.trainer().options().threads());
        double[][] x = new double[64][40];
        double[][] y = new double[64][1];
        fill(x, y);
        m.fit(x, y);
        assertTrue(counting.products.get() > 0);
    }

    private static void fill(double[][] x, double[][] y) {
        java.util.Random random = new java.util.Random(7);
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) {
                x[r][c] = random.nextGaussian();
            }
            y[r][0] = x[r][0] - x[r][1];
        }
    }

    @Test
    void aBackendIsCheckedWhenTheModelIsBuilt() {
        Mlp mlp = Guice.createInjector(new MlpModule(CATALOG)).getInstance(Mlp.class);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mlp.newBuilder().inputs(1).layer(1, "identity").backend("cuda").build());
        assertEquals("unknown compute backend 'cuda'; known: java", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mlp.newBuilder().threads(0));
    }

    @Test
    void aProviderBoundUnderTheWrongKindIsRefused() {
        Injector injector = Guice.createInjector(new MlpModule(CATALOG), new AbstractModule() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            protected void configure() {
                ((com.google.inject.multibindings.MapBinder) MlpModule.providers(binder(),
                        PluginKind.METRIC)).addBinding("impostor")
                        .toInstance(new CountingBackend());
            }
        });
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> injector.getInstance(PluginRegistry.class));
        Throwable cause = e instanceof ProvisionException || e instanceof CreationException
                ? e.getCause() : e;
        assertTrue(cause.getMessage().contains("the metric 'impostor' is bound to "),
                String.valueOf(cause.getMessage()));
    }
}
