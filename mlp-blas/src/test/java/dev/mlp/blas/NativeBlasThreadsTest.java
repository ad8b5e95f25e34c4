package dev.mlp.blas;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the native backend reads the library's thread setting (no native library needed). */
class NativeBlasThreadsTest {

    @Test
    void oneOpenBlasThreadMeansSingleThreaded() {
        assertTrue(NativeBlasProducts.singleThreadedLibrary(Map.of("OPENBLAS_NUM_THREADS", "1")));
        assertTrue(NativeBlasProducts.singleThreadedLibrary(
                Map.of("OPENBLAS_NUM_THREADS", " 1 ", "OMP_NUM_THREADS", "4")));
    }

    @Test
    void openBlasSettingWinsOverOpenMp() {
        assertFalse(NativeBlasProducts.singleThreadedLibrary(
                Map.of("OPENBLAS_NUM_THREADS", "2", "OMP_NUM_THREADS", "1")));
        assertTrue(NativeBlasProducts.singleThreadedLibrary(Map.of("OMP_NUM_THREADS", "1")));
        assertTrue(NativeBlasProducts.singleThreadedLibrary(
                Map.of("OPENBLAS_NUM_THREADS", "", "OMP_NUM_THREADS", "1")));
    }

    @Test
    void unsetOrOtherValuesLetTheLibraryUseItsThreads() {
        assertFalse(NativeBlasProducts.singleThreadedLibrary(Map.of()));
        assertFalse(NativeBlasProducts.singleThreadedLibrary(Map.of("OPENBLAS_NUM_THREADS", "2")));
        assertFalse(NativeBlasProducts.singleThreadedLibrary(Map.of("OPENBLAS_NUM_THREADS", "x")));
    }
}
