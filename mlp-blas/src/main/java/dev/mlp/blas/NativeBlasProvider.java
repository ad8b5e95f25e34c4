package dev.mlp.blas;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ComputeBackendProvider;

/**
 * {@code native-blas}: the matrix products as {@code dgemm} calls into the system's BLAS
 * library ({@code libblas.so.3}, for example OpenBLAS), loaded by {@code dev.ludovic.netlib};
 * under the {@code float32} precision as {@code sgemm} calls ({@link NativeBlasFloatProducts}).
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

    /** The library's own logger, which reports each implementation it could not load. */
    private static final String NETLIB_LOGGER = "dev.ludovic.netlib.blas.InstanceBuilder";

    @Override
    public String unavailableReason() {
        // the library logs through java.util.logging, several lines per implementation it
        // passes over (also its pure-Java ones, which this backend never uses); the reason
        // returned here says what matters in one line
        java.util.logging.Logger quiet = java.util.logging.Logger.getLogger(NETLIB_LOGGER);
        java.util.logging.Level before = quiet.getLevel();
        quiet.setLevel(java.util.logging.Level.OFF);
        try {
            NativeBLAS.getInstance();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "no native BLAS could be loaded (" + e.getMessage() + "); install one, for "
                    + "example the Debian package libopenblas0";
        } finally {
            quiet.setLevel(before);
        }
    }

    /** @return 200: native {@code dgemm} beats the Java backends on realistic layers */
    @Override
    public int preference() {
        return 200;
    }

    @Override
    public String description() {
        return "dgemm (float32: sgemm) in the system's BLAS library (for example OpenBLAS)";
    }

    @Override
    public ComputeBackend create(Parameters parameters) {
        boolean single = NativeBlasProducts.singleThreadedLibrary(System.getenv());
        return ComputeBackend.of(NAME, (threads, reference) -> new NativeBlasProducts(
                NativeBLAS.getInstance(), reference, single),
                (threads, reference) -> new NativeBlasFloatProducts(NativeBLAS.getInstance(),
                        reference, single));
    }
}
