package dev.mlp.core.kernel;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;

/**
 * {@code java}: the built-in pure-Java compute backend, {@link Gemm}; the one every other backend
 * falls back on, and the reference for bit-for-bit results.
 */
public final class JavaBackendProvider implements ComputeBackendProvider {

    /** The backend, shared: it holds no state of its own. */
    static final ComputeBackend JAVA = ComputeBackend.of(MatrixBackends.JAVA,
            (threads, reference) -> reference);

    @Override
    public String name() {
        return MatrixBackends.JAVA;
    }

    @Override
    public String description() {
        return "pure-Java packed and cache-blocked matrix products (the reference; runs everywhere)";
    }

    @Override
    public ComputeBackend create(Parameters parameters) {
        return JAVA;
    }
}
