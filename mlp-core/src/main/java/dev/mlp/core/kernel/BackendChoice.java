package dev.mlp.core.kernel;

/**
 * The compute backend and thread count that runs use unless a builder says otherwise. Bound by
 * {@link dev.mlp.core.inject.MlpModule}; override the binding to choose for a whole
 * application.
 *
 * @param backend the backend's name, or {@code null} for the one the system property
 *                {@value MatrixBackends#PROPERTY} names ({@value MatrixBackends#JAVA} when unset)
 * @param threads the most threads one run's matrix products may use, or 0 for
 *                {@link Gemm#defaultThreads()}
 */
public record BackendChoice(String backend, int threads) {

    /**
     * @throws IllegalArgumentException if the name is blank or the thread count negative
     */
    public BackendChoice {
        if (backend != null && backend.isBlank()) {
            throw new IllegalArgumentException("a compute backend name must not be blank");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 1 (or 0 for the default), "
                    + "found " + threads);
        }
    }

    /**
     * @return the system property's backend and the default thread count
     */
    public static BackendChoice standard() {
        return new BackendChoice(null, 0);
    }

    /**
     * @return {@link #threads()}, or {@link Gemm#defaultThreads()} for 0
     */
    public int threadCount() {
        return threads == 0 ? Gemm.defaultThreads() : threads;
    }
}
