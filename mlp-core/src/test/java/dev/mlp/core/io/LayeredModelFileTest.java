package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredModelFileTest {

    @TempDir
    Path dir;

    private static double[][][] data() {
        double[][] x = new double[60][];
        double[][] y = new double[60][];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble()};
            y[i] = x[i][0] > x[i][1] ? new double[] {1, 0} : new double[] {0, 1};
        }
        return new double[][][] {x, y};
    }

    @Test
    void aLayeredModelIsSavedInFormat2AndLoadsWithTheSameBits() throws IOException {
        double[][][] d = data();
        Model m = Mlp.builder().inputs(3)
                .network("dense(8, tanh) batch-norm residual(dense(8, relu), rms-norm, "
                        + "dense(8)) layer-norm dropout(0.2) dense(2, softmax)")
                .loss("cross-entropy").optimizer("adam(lr=0.01)").batch("mini-batch(size=10)")
                .epochs(15).seed(2).train(d[0], d[1]);
        Path f = dir.resolve("l.mlp");
        ModelFile.save(m, f);
        assertEquals(2, Files.readAllBytes(f)[13]);
        ModelInfo info = ModelFile.read(f);
        assertEquals(2, info.formatVersion());
        assertNotNull(info.network());
        assertEquals(4, info.network().layers().size());
        assertTrue(info.describe().contains("batch-norm(momentum=0.9, epsilon=1.0E-5)"),
                info.describe());
        Model back = ModelFile.load(f);
        LayeredNetwork a = (LayeredNetwork) m.network();
        LayeredNetwork b = (LayeredNetwork) back.network();
        assertEquals(a.spec(), b.spec());
        assertArrayEquals(a.layerState(0), b.layerState(0), 0.0);
        for (double[] row : d[0]) {
            assertArrayEquals(m.predict(row), back.predict(row), 0.0);
        }
        // the running statistics were trained, not left at their start
        assertTrue(a.layerState(0)[0] != 0.0);
    }

    @Test
    void aPlainDenseModelHasNoLayersSection() throws IOException {
        double[][][] d = data();
        Model m = Mlp.builder().inputs(3).network("dense(4, tanh) dropout(0.1) dense(2, softmax)")
                .loss("cross-entropy").epochs(3).seed(2).train(d[0], d[1]);
        Path f = dir.resolve("p.mlp");
        ModelFile.save(m, f);
        assertEquals(2, Files.readAllBytes(f)[13]);
        ModelInfo info = ModelFile.read(f);
        assertNull(info.network());
        assertEquals(2, info.layers().size());
        assertEquals(0.1, m.network().dropout(1), 0.0);
    }
}
