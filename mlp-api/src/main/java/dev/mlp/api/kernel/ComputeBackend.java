package dev.mlp.api.kernel;

/**
 * A compute backend: where the matrix products of training and prediction run (pure Java,
 * the Vector API, a native BLAS, ...). One instance is chosen per training run or model; it
 * makes one {@link MatrixProducts} engine per thread of control.
 */
public interface ComputeBackend {

    /**
     * @return the backend's name, for example {@code "native-blas"}
     */
    String name();

    /**
     * @param threads the most threads one product may use, at least 1 (a backend that manages
     *                its own threads may ignore it)
     * @param reference the framework's pure-Java engine with the same thread count, fresh for
     *                  this engine, which a backend may use for products too small to gain from
     *                  its own (a native call, for example, costs more than it saves on them)
     * @return a fresh engine for one thread of control
     */
    MatrixProducts products(int threads, MatrixProducts reference);

    /**
     * The {@code float} engine of the {@code float32} precision. A backend without float
     * products of its own answers the framework's pure-Java ones.
     *
     * @param threads the most threads one product may use, at least 1
     * @param reference the framework's pure-Java float engine with the same thread count, fresh
     *                  for this engine
     * @return a fresh engine for one thread of control
     */
    default FloatProducts floatProducts(int threads, FloatProducts reference) {
        return reference;
    }

    /**
     * @param name the backend's name
     * @param engines makes an engine from a thread count and the reference engine
     * @return a backend of that name
     */
    static ComputeBackend of(String name,
                             java.util.function.BiFunction<Integer, MatrixProducts,
                                     MatrixProducts> engines) {
        return of(name, engines, (threads, reference) -> reference);
    }

    /**
     * A backend with float products of its own, for the {@code float32} precision.
     *
     * @param name the backend's name
     * @param engines makes an engine from a thread count and the reference engine
     * @param floatEngines makes a float engine from a thread count and the framework's
     *                     pure-Java float engine ({@link #floatProducts})
     * @return a backend of that name
     */
    static ComputeBackend of(String name,
                             java.util.function.BiFunction<Integer, MatrixProducts,
                                     MatrixProducts> engines,
                             java.util.function.BiFunction<Integer, FloatProducts,
                                     FloatProducts> floatEngines) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(engines, "engines");
        java.util.Objects.requireNonNull(floatEngines, "floatEngines");
        return new ComputeBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public MatrixProducts products(int threads, MatrixProducts reference) {
                return engines.apply(threads, reference);
            }

            @Override
            public FloatProducts floatProducts(int threads, FloatProducts reference) {
                return floatEngines.apply(threads, reference);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
