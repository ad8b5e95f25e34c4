package dev.mlp.vector;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;

/**
 * {@code java-vector}: the matrix products as register-tiled kernels written with the JDK's
 * Vector API ({@code jdk.incubator.vector}), same bits as the built-in {@code java} backend,
 * several times faster on layers of realistic size; under the {@code float32} precision the
 * products are {@code FloatVector} kernels ({@link FloatVectorProducts}), same bits as the
 * {@code java} backend's float products. Chosen by default on machines with 512-bit vectors,
 * elsewhere when no native BLAS loads ({@link #preference()}), or named with
 * {@code backend("java-vector")}; the JVM must be started with
 * {@code --add-modules jdk.incubator.vector}, otherwise the backend reports itself unavailable
 * and no class of the incubator module is touched.
 */
public final class VectorBackendProvider implements ComputeBackendProvider {

    /** The registered name. */
    public static final String NAME = "java-vector";

    /** The module that holds the Vector API in Java 17. */
    static final String MODULE = "jdk.incubator.vector";

    private final ModuleLayer layer;

    /** Creates the provider; it looks for the Vector API in the boot layer. */
    public VectorBackendProvider() {
        this(ModuleLayer.boot());
    }

    /**
     * @param layer the layer that must hold {@value #MODULE} (a test can pass an empty one)
     */
    VectorBackendProvider(ModuleLayer layer) {
        this.layer = layer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unavailableReason() {
        if (layer.findModule(MODULE).isEmpty()) {
            return "the Vector API is not loaded; start the JVM with --add-modules " + MODULE;
        }
        return null;
    }

    /**
     * @param parameters none
     * @return the backend
     * @throws IllegalStateException if the Vector API is not loaded ({@link #unavailableReason()})
     */
    @Override
    public ComputeBackend create(Parameters parameters) {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException("compute backend '" + NAME + "' cannot run here: "
                    + why);
        }
        return ComputeBackend.of(NAME, (threads, reference) -> new VectorProducts(threads,
                t -> reference), FloatVectorProducts::new);
    }

    /**
     * Where the Vector API's preferred vectors are 512 bits wide (AVX-512), 300: above a
     * native BLAS. There the kernels of this backend train as fast as OpenBLAS on Intel and
     * faster on AMD, where OpenBLAS is often held to its 256-bit kernels
     * ({@code OPENBLAS_CORETYPE=Haswell}); they give the same bits as the {@code java} backend
     * on any machine, which a native library does not. With narrower vectors, or without the
     * Vector API, 100: faster than {@code java}, slower than a native BLAS.
     *
     * @return 300 with 512-bit vectors, else 100
     */
    @Override
    public int preference() {
        if (unavailableReason() != null) {
            return 100;
        }
        return MicroKernel.vectorBits() >= WIDE_VECTOR_BITS ? 300 : 100;
    }

    /** The vector width from which this backend ranks above a native BLAS. */
    static final int WIDE_VECTOR_BITS = 512;

    @Override
    public String description() {
        return "pure-Java matrix products on the Vector API (jdk.incubator.vector); float32 on "
                + "FloatVector kernels";
    }
}
