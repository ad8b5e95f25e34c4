package dev.mlp.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.ElementwiseActivation;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The user-run gradient check: a correct network passes, a wrong derivative is flagged. */
class GradientCheckTest {

    /** {@code tanh} whose derivative forgets the square: {@code 1 - a} instead of {@code 1 - a^2}. */
    static final class WrongTanh extends ElementwiseActivation {
        WrongTanh() {
            super("wrong-tanh");
        }

        @Override
        protected double value(double z) {
            return Math.tanh(z);
        }

        @Override
        protected double derivative(double z, double a) {
            return 1 - a;
        }
    }

    private static Dataset blobs() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[30][];
        double[][] y = new double[30][];
        for (int i = 0; i < 30; i++) {
            int c = i % 3;
            x[i] = new double[] {c + r.nextGaussian(), -c + r.nextGaussian(), r.nextGaussian()};
            y[i] = new double[3];
            y[i][c] = 1;
        }
        return Dataset.of(x, y);
    }

    @Test
    void everyLayerKindGetsItsOwnEntry() {
        Model m = Mlp.builder().inputs(3).network("dense(6, tanh) batch-norm dropout(0.2) "
                + "residual(dense(6, tanh), layer-norm, dense(6)) rms-norm dense(3, softmax)")
                .loss("cross-entropy").initializer("xavier").seed(2).build();
        GradientCheck.Result r = GradientCheck.of(m, blobs());
        assertTrue(r.passed(), r.format());
        java.util.List<String> plugins = new java.util.ArrayList<>();
        int dense = 0;
        for (GradientCheck.Layer l : r.layers()) {
            if (l.plugin() == null) {
                dense++;
            } else {
                plugins.add(l.activation());
                assertTrue(l.where().startsWith("block "), l.toString());
                assertTrue(l.analytic() != 0 || l.numeric() != 0, l.toString());
            }
        }
        assertEquals(4, dense, r.format());
        assertEquals(java.util.List.of("batch-norm", "layer-norm", "rms-norm"), plugins,
                r.format());
        assertTrue(r.worst() < 1e-5, r.format());
        assertTrue(r.format().contains("batch-norm(momentum=0.9, epsilon=1.0E-5) (layer plugin "
                + "1): worst relative error"), r.format());
    }

    @Test
    void aCorrectNetworkPasses() {
        Model m = Mlp.builder().inputs(3).layer(6, "tanh").layer(5, "sigmoid")
                .layer(3, "softmax").loss("cross-entropy").initializer("xavier").seed(2)
                .build();
        GradientCheck.Result r = GradientCheck.of(m, blobs());
        assertTrue(r.passed(), r.format());
        assertEquals(3, r.layers().size());
        assertTrue(r.worst() < 1e-6, r.format());
        assertEquals("3-6-5-3", r.network());
        assertTrue(r.format().endsWith("PASS" + System.lineSeparator()), r.format());
    }

    @Test
    void aWrongDerivativeIsFlaggedInItsLayerAndTheOnesBefore() {
        Model m = Mlp.builder().inputs(3).layer(6, "tanh").layer(5, new WrongTanh(), true)
                .layer(3, "softmax").loss("cross-entropy").initializer("xavier").seed(2)
                .build();
        GradientCheck.Result r = GradientCheck.of(m, blobs(), 4, 1e-4);
        assertFalse(r.passed(), r.format());
        assertEquals(4, r.rows());
        assertTrue(r.layers().get(0).worst() > 1e-2, r.format());
        assertTrue(r.layers().get(1).worst() > 1e-2, r.format());
        assertTrue(r.layers().get(2).worst() < 1e-6, "the output layer is right: " + r.format());
        assertTrue(r.format().contains("layer 2 (wrong-tanh): worst relative error"), r.format());
        assertTrue(r.format().contains("FAIL"), r.format());
    }

    @Test
    void theNetworkIsLeftAlone() {
        Model m = Mlp.builder().inputs(3).layer(4, "tanh").layer(3, "softmax")
                .loss("cross-entropy").seed(2).build();
        double[][] before = m.network().parameters();
        double[] w = before[0].clone();
        GradientCheck.of(m, blobs());
        assertEquals(java.util.Arrays.toString(w),
                java.util.Arrays.toString(m.network().parameters()[0]));
    }

    @Test
    void badNumbersAreRefused() {
        Model m = Mlp.builder().inputs(3).layer(3, "softmax").loss("cross-entropy").build();
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(m, blobs(), 0, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(m, blobs(), 3, 0));
        Model other = Mlp.builder().inputs(2).layer(3, "softmax").loss("cross-entropy").build();
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.of(other, blobs()));
    }
}
