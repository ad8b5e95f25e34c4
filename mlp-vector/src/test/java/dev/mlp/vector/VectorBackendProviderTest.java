package dev.mlp.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.kernel.MatrixProducts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Discovery by name, and the reason given when the JVM lacks the Vector API. */
class VectorBackendProviderTest {

    private static final String REASON =
            "the Vector API is not loaded; start the JVM with --add-modules jdk.incubator.vector";

    @Test
    void foundByNameThroughServiceLoader() {
        assertTrue(MatrixBackends.providers().stream()
                .anyMatch(p -> p.name().equals("java-vector")));
        MatrixProducts products = MatrixBackends.create("java-vector", 2);
        assertEquals(VectorProducts.class, products.getClass());
        assertEquals(2, products.threads());
        assertTrue(products.toString().startsWith("java-vector(threads=2, "),
                products.toString());
    }

    @Test
    void availableWhenTheModuleIsLoaded() {
        // the tests run with --add-modules jdk.incubator.vector
        assertNull(new VectorBackendProvider().unavailableReason());
    }

    @Test
    void ranksAboveANativeBlasOnlyWithWideVectorsAndOpenBlasHeldToNarrowerOnes() {
        // native-blas declares 200, java 0
        assertEquals(300, VectorBackendProvider.preference(512, "Haswell"));
        assertEquals(300, VectorBackendProvider.preference(512, "zen"));
        assertEquals(100, VectorBackendProvider.preference(512, null), "OpenBLAS picks its own");
        assertEquals(100, VectorBackendProvider.preference(512, " "));
        assertEquals(100, VectorBackendProvider.preference(512, "SkylakeX"));
        assertEquals(100, VectorBackendProvider.preference(512, "SAPPHIRERAPIDS"));
        assertEquals(100, VectorBackendProvider.preference(256, "Haswell"),
                "256-bit kernels against OpenBLAS's 256-bit ones");
        int bits = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        assertEquals(VectorBackendProvider.preference(bits, System.getenv("OPENBLAS_CORETYPE")),
                new VectorBackendProvider().preference());
        assertEquals(100, new VectorBackendProvider(ModuleLayer.empty()).preference(),
                "without the Vector API");
    }

    @Test
    void unavailableWithoutTheModuleSayingWhy() {
        VectorBackendProvider provider = new VectorBackendProvider(ModuleLayer.empty());
        assertEquals(REASON, provider.unavailableReason());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> provider.create(null));
        assertEquals("compute backend 'java-vector' cannot run here: " + REASON, e.getMessage());
    }

    @Test
    void aJvmWithoutTheFlagReportsTheReasonWithoutTouchingTheIncubatorModule()
            throws Exception {
        String classPath = String.join(File.pathSeparator, List.of(
                location(VectorBackendProvider.class),
                location(dev.mlp.api.spi.ComputeBackendProvider.class),
                location(WithoutVectorModule.class)));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xshare:auto", "-cp", classPath,
                WithoutVectorModule.class.getName())
                .redirectErrorStream(true)
                .start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        assertEquals("java-vector: " + REASON + "\n" + "preference 100\n"
                + "compute backend 'java-vector' cannot run here: " + REASON + "\n", output);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
