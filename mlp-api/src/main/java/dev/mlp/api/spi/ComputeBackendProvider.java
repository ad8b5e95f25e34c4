package dev.mlp.api.spi;

import dev.mlp.api.kernel.ComputeBackend;

/**
 * Provides a named {@link ComputeBackend}. Register implementations in
 * {@code META-INF/services/dev.mlp.api.spi.ComputeBackendProvider}. Providers have cheap
 * no-argument constructors; loading a native library happens in {@link #unavailableReason()} at
 * the earliest.
 */
public interface ComputeBackendProvider extends PluginProvider<ComputeBackend> {

    /**
     * @return {@code null} if the backend can run here, otherwise why not (for example a native
     *         library that is missing)
     */
    default String unavailableReason() {
        return null;
    }

    /**
     * How fast this backend is expected to be on products of realistic size, against the
     * others: when a run names no backend, the one with the highest preference that can run
     * here is used. The built-in {@code java} backend has 0, {@code java-vector} 100,
     * {@code native-blas} 200.
     *
     * @return the preference; higher is chosen first
     */
    default int preference() {
        return 0;
    }
}
