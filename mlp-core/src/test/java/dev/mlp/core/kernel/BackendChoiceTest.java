package dev.mlp.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.TrainingOptions;
import org.junit.jupiter.api.Test;

/** Choosing the compute backend and the thread count of a run. */
class BackendChoiceTest {

    @Test
    void theDefaultIsTheSystemPropertysBackendWithTheDefaultThreads() {
        BackendChoice standard = BackendChoice.standard();
        assertEquals(null, standard.backend());
        assertEquals(Gemm.defaultThreads(), standard.threadCount());
        assertEquals(3, new BackendChoice("java", 3).threadCount());
        assertThrows(IllegalArgumentException.class, () -> new BackendChoice(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new BackendChoice("java", -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder().threads(0));
        assertEquals("threads must be >= 1, found 0", e.getMessage());
    }

    @Test
    void theJavaBackendIsBuiltInEvenInARegistryAssembledByHand() {
        PluginRegistry empty = PluginRegistry.of(PluginCatalog.builder().build());
        assertEquals("java", MatrixBackends.resolve(empty, "java").name());
        assertInstanceOf(Gemm.class, MatrixBackends.engine(MatrixBackends.resolve(empty, "java"),
                2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MatrixBackends.resolve(empty, "native-blas"));
        assertEquals("unknown compute backend 'native-blas'; known: java", e.getMessage());
        assertSame(MatrixBackends.resolve(Mlp.standard().registry(), "java"),
                Mlp.standard().registry().get(PluginKind.COMPUTE_BACKEND, "java"));
    }

    @Test
    void theThreadCountDoesNotChangeTheBits() {
        double[][] x = new double[80][30];
        double[][] y = new double[80][1];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.sin(x[i][0]);
        }
        double[][] a = train(x, y, 1);
        double[][] b = train(x, y, 3);
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "parameter block " + i);
        }
    }

    private static double[][] train(double[][] x, double[][] y, int threads) {
        Model m = Mlp.builder().inputs(30).layer(40, "tanh").layer(1, "identity").loss("mse")
                .optimizer("adam(lr=0.01)").batch("mini-batch(size=40, shuffle=true)").epochs(3)
                .seed(5).backend("java").threads(threads).build();
        assertEquals(threads, m.trainer().options().threads());
        m.fit(x, y);
        return m.network().parameters();
    }
}
