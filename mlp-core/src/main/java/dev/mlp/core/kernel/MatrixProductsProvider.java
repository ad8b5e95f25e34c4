package dev.mlp.core.kernel;

/**
 * A compute backend for the matrix products, found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.mlp.core.kernel.MatrixProductsProvider} and chosen by name with
 * the system property {@value MatrixBackends#PROPERTY}. The pure-Java backend
 * {@value MatrixBackends#JAVA} is built in and is the default. Providers have cheap no-argument
 * constructors; loading a native library happens in {@link #available()} at the earliest.
 */
public interface MatrixProductsProvider {

    /**
     * @return the stable lowercase name, for example {@code "native-blas"}
     */
    String name();

    /**
     * @return {@code null} if the backend can run here, otherwise why not (for example a
     *         native library that is missing)
     */
    String unavailableReason();

    /**
     * @param threads the most threads one product may use, at least 1 (a backend that manages
     *                its own threads may ignore it)
     * @return a fresh engine for one thread of control
     */
    MatrixProducts create(int threads);
}
