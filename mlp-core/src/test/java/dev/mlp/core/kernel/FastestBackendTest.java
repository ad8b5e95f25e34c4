package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.inject.MlpModule;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With no backend named, the fastest one that runs here; a named one always. */
class FastestBackendTest {

    /** A backend of a given preference that may refuse to run or compute wrong products. */
    private static class Fake implements ComputeBackendProvider {
        private final String name;
        private final int preference;
        private final String unavailable;
        private final boolean wrong;

        Fake(String name, int preference, String unavailable, boolean wrong) {
            this.name = name;
            this.preference = preference;
            this.unavailable = unavailable;
            this.wrong = wrong;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int preference() {
            return preference;
        }

        @Override
        public String unavailableReason() {
            return unavailable;
        }

        @Override
        public ComputeBackend create(Parameters parameters) {
            return ComputeBackend.of(name, (threads, reference) -> wrong ? off(reference)
                    : reference);
        }

        /** The reference engine with every product's first entry off by one. */
        private static MatrixProducts off(MatrixProducts r) {
            return new MatrixProducts() {
                @Override
                public int threads() {
                    return r.threads();
                }

                @Override
                public void multiply(double[] a, int rows, int inner, double[] w, int cols,
                                     double[] bias, double[] out) {
                    r.multiply(a, rows, inner, w, cols, bias, out);
                    out[0] += 1;
                }

                @Override
                public void multiplyTransposedLeft(double[] a, int rows, int inner, double[] d,
                                                   int cols, double scale, double[] out) {
                    r.multiplyTransposedLeft(a, rows, inner, d, cols, scale, out);
                }

                @Override
                public void multiplyTransposedRight(double[] d, int rows, int cols, double[] w,
                                                    int inner, double[] out) {
                    r.multiplyTransposedRight(d, rows, cols, w, inner, out);
                }
            };
        }
    }

    private static PluginRegistry registry(ComputeBackendProvider... backends) {
        PluginCatalog.Builder b = PluginCatalog.builder();
        for (ComputeBackendProvider p : backends) {
            b.add(PluginKind.COMPUTE_BACKEND, p);
        }
        return PluginRegistry.of(b.build());
    }

    @Test
    void theHighestPreferenceThatRunsHereIsChosen() {
        PluginRegistry r = registry(new Fake("slow", 50, null, false),
                new Fake("fast", 200, null, false), new Fake("medium", 100, null, false));
        FastestBackend.Choice c = FastestBackend.pick(r);
        assertEquals("fast", c.backend().name());
        assertTrue(c.passedOver().isEmpty());
        assertNull(c.message());
    }

    @Test
    void anUnavailableOrFailingBackendIsPassedOverWithOneLineSayingWhy() {
        PluginRegistry r = registry(new Fake("native", 200, "no library libfake.so", false),
                new Fake("broken", 150, null, true), new Fake("vector", 100, null, false),
                new Fake("slow", 50, null, false));
        FastestBackend.Choice c = FastestBackend.pick(r);
        assertEquals("vector", c.backend().name());
        assertEquals(List.of("native cannot run here (no library libfake.so)",
                "broken cannot run here (its product A·W differs from the reference)"),
                c.passedOver());
        assertEquals("using compute backend vector: native cannot run here (no library "
                + "libfake.so); broken cannot run here (its product A·W differs from the "
                + "reference)", c.message());
        assertFalse(c.message().contains("\n"));
        assertTrue(c.fresh());
        assertFalse(FastestBackend.pick(r).fresh(), "tested once per process");
    }

    @Test
    void withNothingFasterThatRunsTheJavaBackendIsChosen() {
        FastestBackend.Choice c = FastestBackend.pick(registry(
                new Fake("native", 200, "missing", false)));
        assertEquals("java", c.backend().name());
        assertEquals("using compute backend java: native cannot run here (missing)",
                c.message());
        assertEquals("java", FastestBackend.pick(registry()).backend().name());
        // a backend with no preference is never chosen over the reference
        assertEquals("java", FastestBackend.pick(registry(new Fake("zero", 0, null, false)))
                .backend().name());
    }

    @Test
    void aBackendThatThrowsWhileTestedIsPassedOver() {
        ComputeBackendProvider throwing = new Fake("linked", 300, null, false) {
            @Override
            public String unavailableReason() {
                throw new UnsatisfiedLinkError("libfake.so: cannot open shared object file");
            }
        };
        FastestBackend.Choice c = FastestBackend.pick(registry(throwing,
                new Fake("vector", 100, null, false)));
        assertEquals("vector", c.backend().name());
        assertTrue(c.passedOver().get(0).startsWith("linked cannot run here (it failed its "
                + "self-test: java.lang.UnsatisfiedLinkError: libfake.so"), c.message());
    }

    @Test
    void aNamedBackendIsUsedEvenWhenAFasterOneRuns() {
        PluginRegistry r = registry(new Fake("fast", 200, null, false),
                new Fake("slow", 50, null, false));
        assertEquals("fast", MatrixBackends.resolve(r, null).name());
        assertEquals("slow", MatrixBackends.resolve(r, "slow").name());
        assertEquals("java", MatrixBackends.resolve(r, "java").name());

        Mlp mlp = com.google.inject.Guice.createInjector(new MlpModule(withFakes()))
                .getInstance(Mlp.class);
        Model byDefault = mlp.newBuilder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer("sgd").build();
        assertEquals("fast", byDefault.trainer().options().backend().name());
        Model forced = mlp.newBuilder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer("sgd").backend("slow").build();
        assertEquals("slow", forced.trainer().options().backend().name());

        Mlp bound = com.google.inject.Guice.createInjector(com.google.inject.util.Modules
                .override(new MlpModule(withFakes()))
                .with(b -> b.bind(BackendChoice.class).toInstance(new BackendChoice("slow", 1))))
                .getInstance(Mlp.class);
        assertEquals("slow", bound.newBuilder().inputs(2).layer(1, "identity").loss("mse")
                .optimizer("sgd").build().trainer().options().backend().name());
    }

    /** The plugins on the class path plus a fast and a slow fake backend. */
    private static PluginCatalog withFakes() {
        PluginCatalog standard = PluginCatalog.standard();
        PluginCatalog.Builder b = PluginCatalog.builder();
        for (PluginKind<?> kind : PluginKind.ALL) {
            standard.providers(kind).forEach((name, p) -> {
                if (name.equals(p.name())) {
                    b.add(kind, p);
                }
            });
        }
        return b.add(PluginKind.COMPUTE_BACKEND, new Fake("fast", 200, null, false))
                .add(PluginKind.COMPUTE_BACKEND, new Fake("slow", 50, null, false)).build();
    }
}
