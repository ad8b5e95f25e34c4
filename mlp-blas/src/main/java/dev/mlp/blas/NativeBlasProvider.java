package dev.mlp.blas;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;

/**
 * {@code native-blas}: the matrix products as {@code dgemm} calls into the system's BLAS
 * library ({@code libblas.so.3}, for example OpenBLAS), loaded by {@code dev.ludovic.netlib}.
 */
public final class NativeBlasProvider implements ComputeBackendProvider {

    /** The registered name. */
    public static final String NAME = "native-blas";

    /** Creates the provider; the native library is loaded on first use, not here. */
    public NativeBlasProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unavailableReason() {
        try {
            NativeBLAS.getInstance();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "no native BLAS could be loaded (" + e + "); install one, for example "
                    + "the Debian package libopenblas0";
        }
    }

    @Override
    public String description() {
        return "dgemm in the system's BLAS library (for example OpenBLAS)";
    }

    @Override
    public ComputeBackend create(Parameters parameters) {
        return ComputeBackend.of(NAME, (threads, reference) -> new NativeBlasProducts(
                NativeBLAS.getInstance(), reference,
                NativeBlasProducts.singleThreadedLibrary(System.getenv())));
    }
}
