package dev.mlp.core.kernel;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute backend of runs that name none: among a registry's backends, the one with the
 * highest {@link ComputeBackendProvider#preference()} that can run here, else {@value
 * MatrixBackends#JAVA}. A backend can run here when its provider reports no
 * {@link ComputeBackendProvider#unavailableReason() reason} against it and a small self-test of
 * its three products, on shapes large enough to leave the pure-Java fallback, matches the
 * reference loops of {@link Matrices}. The outcome is kept per provider for the life of the
 * process; when a preferred backend is passed over, one warning line says which and why.
 */
final class FastestBackend {

    private static final Logger LOG = LoggerFactory.getLogger(FastestBackend.class);

    /** Provider to why it cannot run ({@code ""} when it can); identity keys. */
    private static final Map<Object, String> TESTED = Collections.synchronizedMap(
            new WeakHashMap<>());

    /** The self-test's shape: 24 x 24 times 24 x 24, 13,824 multiply-adds. */
    private static final int N = 24;

    private FastestBackend() {
    }

    /**
     * Chooses, logging one warning line the first time a preferred backend is passed over.
     *
     * @param registry the plugins
     * @return the fastest backend among them that can run here
     */
    static ComputeBackend choose(PluginRegistry registry) {
        Choice c = pick(registry);
        if (c.fresh() && c.message() != null) {
            LOG.warn(c.message());
        }
        LOG.debug("compute backend '{}' chosen as the fastest that runs here",
                c.backend().name());
        return c.backend();
    }

    /**
     * The outcome of a choice.
     *
     * @param backend the backend chosen
     * @param passedOver the preferred backends that cannot run here, each with why, fastest
     *                   first
     * @param fresh whether a backend was tested for this choice (rather than known before)
     */
    record Choice(ComputeBackend backend, List<String> passedOver, boolean fresh) {

        /** @return the line that says which backend runs instead of which, or {@code null} */
        String message() {
            return passedOver.isEmpty() ? null : "using compute backend " + backend.name()
                    + ": " + String.join("; ", passedOver);
        }
    }

    /**
     * @param registry the plugins
     * @return the fastest backend among them that can run here, and those passed over
     */
    static Choice pick(PluginRegistry registry) {
        List<ComputeBackendProvider> candidates = new ArrayList<>();
        for (PluginProvider<?> p : registry.providers(PluginKind.COMPUTE_BACKEND)) {
            if (p instanceof ComputeBackendProvider b && !b.name().equals(MatrixBackends.JAVA)
                    && b.preference() > 0) {
                candidates.add(b);
            }
        }
        candidates.sort(Comparator.comparingInt(ComputeBackendProvider::preference).reversed()
                .thenComparing(ComputeBackendProvider::name));
        List<String> passedOver = new ArrayList<>();
        boolean fresh = false;
        for (ComputeBackendProvider p : candidates) {
            boolean known = TESTED.containsKey(p);
            String why = TESTED.computeIfAbsent(p, k -> test(registry, p));
            fresh |= !known;
            if (why.isEmpty()) {
                return new Choice(registry.get(PluginKind.COMPUTE_BACKEND, p.name()),
                        List.copyOf(passedOver), fresh);
            }
            passedOver.add(p.name() + " cannot run here (" + why + ")");
        }
        ComputeBackend java = registry.has(PluginKind.COMPUTE_BACKEND, MatrixBackends.JAVA)
                ? registry.get(PluginKind.COMPUTE_BACKEND, MatrixBackends.JAVA)
                : JavaBackendProvider.JAVA;
        return new Choice(java, List.copyOf(passedOver), fresh);
    }

    /** @return why the backend cannot run here, or {@code ""} if it can */
    static String test(PluginRegistry registry, ComputeBackendProvider p) {
        try {
            String why = p.unavailableReason();
            if (why != null) {
                return why;
            }
            ComputeBackend backend = registry.get(PluginKind.COMPUTE_BACKEND, p.name());
            return selfTest(MatrixBackends.engine(backend, 1));
        } catch (RuntimeException | LinkageError e) {
            return "it failed its self-test: " + e;
        }
    }

    /** @return {@code ""} if the engine's three products match the reference loops */
    static String selfTest(MatrixProducts engine) {
        double[] a = new double[N * N];
        double[] w = new double[N * N];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((i * 7) % 11) - 5;
            w[i] = ((i * 5) % 13) - 6;
        }
        double[] got = new double[N * N];
        double[] want = new double[N * N];
        engine.multiply(a, N, N, w, N, null, got);
        Matrices.multiply(a, N, N, w, N, null, want);
        if (!java.util.Arrays.equals(got, want)) {
            return "its product A·W differs from the reference";
        }
        engine.multiplyTransposedLeft(a, N, N, w, N, 1.0, got);
        Matrices.multiplyTransposedLeft(a, N, N, w, N, 1.0, want);
        if (!java.util.Arrays.equals(got, want)) {
            return "its product Aᵀ·D differs from the reference";
        }
        engine.multiplyTransposedRight(a, N, N, w, N, got);
        Matrices.multiplyTransposedRight(a, N, N, w, N, want);
        if (!java.util.Arrays.equals(got, want)) {
            return "its product D·Wᵀ differs from the reference";
        }
        return "";
    }
}
