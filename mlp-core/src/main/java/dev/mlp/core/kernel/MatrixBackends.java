package dev.mlp.core.kernel;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.train.Precision;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the compute backend for the matrix products. Backends are plugins of the kind
 * {@link PluginKind#COMPUTE_BACKEND}, found by the {@link PluginCatalog} like every other plugin;
 * {@value #JAVA} is the built-in pure-Java {@link Gemm}. A run's backend is chosen with
 * {@code Mlp.builder().backend(name)} (or the Guice module's {@link BackendChoice}); the system
 * property {@value #PROPERTY} sets the default; with neither, the fastest backend that runs
 * here is used: the one with the highest
 * {@link ComputeBackendProvider#preference() preference} whose provider reports it can run and
 * which passes a small self-test ({@code native-blas} when the system BLAS loads, else
 * {@code java-vector} when the JVM has {@code jdk.incubator.vector}, else {@value #JAVA}).
 */
public final class MatrixBackends {

    /** The system property naming the default backend. */
    public static final String PROPERTY = "mlp.backend";

    /** The name of the built-in pure-Java backend. */
    public static final String JAVA = "java";

    private static final Logger LOG = LoggerFactory.getLogger(MatrixBackends.class);

    private MatrixBackends() {
    }

    /**
     * @return the backend named by {@value #PROPERTY}, or {@code null} when it is not set (the
     *         fastest backend that runs here is used then)
     */
    public static String defaultName() {
        String name = System.getProperty(PROPERTY, "").strip();
        return name.isEmpty() ? null : name;
    }

    /**
     * Resolves a backend by name among a registry's compute backends, checking that it can run
     * here.
     *
     * @param registry the plugins
     * @param name the backend's name, or {@code null} for {@link #defaultName()}, and when that
     *             is not set either the fastest backend of the registry that runs here
     * @return the backend
     * @throws IllegalStateException if the backend is unknown or cannot run here
     */
    public static ComputeBackend resolve(PluginRegistry registry, String name) {
        if (name != null) {
            return resolve(registry, name.strip(), false);
        }
        String property = defaultName();
        return property == null ? FastestBackend.choose(registry)
                : resolve(registry, property, true);
    }

    private static ComputeBackend resolve(PluginRegistry registry, String chosen,
                                          boolean byProperty) {
        if (chosen.equals(JAVA) && !registry.has(PluginKind.COMPUTE_BACKEND, JAVA)) {
            return JavaBackendProvider.JAVA; // built in, even in a registry assembled by hand
        }
        if (!registry.has(PluginKind.COMPUTE_BACKEND, chosen)) {
            throw new IllegalStateException("unknown compute backend '" + chosen + "'"
                    + (byProperty ? " (system property " + PROPERTY + ")" : "") + "; known: "
                    + String.join(", ", names(registry)));
        }
        for (PluginProvider<?> p : registry.providers(PluginKind.COMPUTE_BACKEND)) {
            if ((p.name().equals(chosen) || p.aliases().contains(chosen))
                    && p instanceof ComputeBackendProvider b && b.unavailableReason() != null) {
                throw new IllegalStateException("compute backend '" + chosen
                        + "' cannot run here: " + b.unavailableReason());
            }
        }
        ComputeBackend backend = registry.get(PluginKind.COMPUTE_BACKEND, chosen);
        LOG.debug("compute backend '{}' chosen", backend.name());
        return backend;
    }

    private static List<String> names(PluginRegistry registry) {
        List<String> known = new ArrayList<>();
        known.add(JAVA);
        for (String n : registry.names(PluginKind.COMPUTE_BACKEND)) {
            if (!n.equals(JAVA)) {
                known.add(n);
            }
        }
        return known;
    }

    /**
     * @return the backend named by {@value #PROPERTY} among the plugins on the class path, or
     *         when it is not set the fastest of them that runs here
     * @throws IllegalStateException if the named one is unknown or cannot run here
     */
    public static ComputeBackend standard() {
        if (JAVA.equals(defaultName())) {
            return JavaBackendProvider.JAVA;
        }
        return resolve(Standard.REGISTRY, null);
    }

    /**
     * An engine of a backend, given the pure-Java reference engine it may fall back on.
     *
     * @param backend the backend
     * @param threads the most threads one product may use, at least 1
     * @return a fresh engine for one thread of control
     */
    public static MatrixProducts engine(ComputeBackend backend, int threads) {
        return backend.products(threads, new Gemm(threads));
    }

    /**
     * A backend in a precision.
     *
     * @param backend the backend
     * @param precision the precision of its products
     * @return {@code backend} itself for {@link Precision#FLOAT64}, its float form
     *         ({@link Float32Products#backend}) for {@link Precision#FLOAT32}
     */
    public static ComputeBackend withPrecision(ComputeBackend backend, Precision precision) {
        return precision == Precision.FLOAT32 ? Float32Products.backend(backend) : backend;
    }

    /**
     * An engine of the {@link #standard()} backend.
     *
     * @param threads the most threads one product may use, at least 1
     * @return the engine
     * @throws IllegalStateException if the backend {@value #PROPERTY} names is unknown or
     *         cannot run here
     */
    public static MatrixProducts create(int threads) {
        return engine(standard(), threads);
    }

    /**
     * An engine of the named backend, among the plugins on the class path, as if the system
     * property {@value #PROPERTY} named it.
     *
     * @param name the backend's name
     * @param threads the most threads one product may use, at least 1
     * @return the engine
     * @throws IllegalStateException if the backend is unknown or cannot run here
     */
    public static MatrixProducts create(String name, int threads) {
        if (name.equals(JAVA)) {
            return new Gemm(threads);
        }
        return engine(resolve(Standard.REGISTRY, name.strip(), true), threads);
    }

    /**
     * @return the compute backends on the class path, the built-in one included, by name
     */
    public static List<ComputeBackendProvider> providers() {
        List<ComputeBackendProvider> out = new ArrayList<>();
        for (PluginProvider<?> p : Standard.REGISTRY.providers(PluginKind.COMPUTE_BACKEND)) {
            out.add((ComputeBackendProvider) p);
        }
        return out;
    }

    /** The plugins on the class path, discovered once, on first use. */
    private static final class Standard {
        static final PluginRegistry REGISTRY = PluginRegistry.of(PluginCatalog.standard());
    }
}
