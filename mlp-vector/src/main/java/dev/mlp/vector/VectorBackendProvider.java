package dev.mlp.vector;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;

/**
 * {@code java-vector}: the matrix products as register-tiled kernels written with the JDK's
 * Vector API ({@code jdk.incubator.vector}), same bits as the built-in {@code java} backend,
 * several times faster on layers of realistic size; under the {@code float32} precision the
 * products are {@code FloatVector} kernels ({@link FloatVectorProducts}), same bits as the
 * {@code java} backend's float products. Chosen by default when no native BLAS loads, or
 * where OpenBLAS is held to narrower vectors than this backend's ({@link #preference()}), or
 * named with {@code backend("java-vector")}; the JVM must be started with
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
     * 100: faster than {@code java}, slower than a native BLAS; but 300, above a native BLAS,
     * where the Vector API's vectors are 512 bits wide (AVX-512) and OpenBLAS is held to the
     * kernels of a narrower core by {@code OPENBLAS_CORETYPE} (for example {@code Haswell} or
     * {@code Zen}, as some AMD machines set it): there this backend trained W1 1.1-1.8x faster
     * than {@code native-blas} in three runs (see the README's Performance section). With OpenBLAS free to
     * pick its AVX-512 kernels a native BLAS stays ahead in {@code float32}.
     *
     * @return 300 or 100, as above
     */
    @Override
    public int preference() {
        if (unavailableReason() != null) {
            return 100;
        }
        return preference(MicroKernel.vectorBits(), System.getenv("OPENBLAS_CORETYPE"));
    }

    /** The vector width from which this backend can rank above a native BLAS. */
    static final int WIDE_VECTOR_BITS = 512;

    /** OpenBLAS core types whose kernels use 512-bit vectors (names compared ignoring case). */
    private static final java.util.Set<String> WIDE_CORE_TYPES = java.util.Set.of("skylakex",
            "cooperlake", "sapphirerapids");

    /**
     * @param vectorBits the width of this backend's vectors
     * @param coreType the value of {@code OPENBLAS_CORETYPE}, or {@code null} when unset
     * @return 300 with wide vectors and OpenBLAS held to narrower kernels, else 100
     */
    static int preference(int vectorBits, String coreType) {
        boolean narrowBlas = coreType != null && !coreType.isBlank()
                && !WIDE_CORE_TYPES.contains(coreType.strip().toLowerCase(java.util.Locale.ROOT));
        return vectorBits >= WIDE_VECTOR_BITS && narrowBlas ? 300 : 100;
    }

    @Override
    public String description() {
        return "pure-Java matrix products on the Vector API (jdk.incubator.vector); float32 on "
                + "FloatVector kernels";
    }
}
