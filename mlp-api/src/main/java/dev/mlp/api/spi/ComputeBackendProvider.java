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
}
