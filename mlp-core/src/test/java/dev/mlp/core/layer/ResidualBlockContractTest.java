package dev.mlp.core.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlp.api.Layer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LayerProvider;
import dev.mlp.core.Mlp;
import dev.mlp.core.network.Workspace;
import dev.mlp.testkit.PluginContracts;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The residual block {@code residual(dense(w, tanh), dense(w))}, run by a
 * {@link LayeredNetwork}'s own passes, through the layer contract of the kit: a layer whose
 * parameters are the two inner dense layers' weights and biases. The network behind it ends in
 * a dense output layer fixed to the identity, so its outputs and gradients are the block's.
 */
class ResidualBlockContractTest {

    /** The block as a layer; every pass builds its network from the pass's arrays. */
    static final class ResidualBlock implements Layer {
        @Override
        public String name() {
            return "residual-block";
        }

        @Override
        public int[] parameterSizes(int width) {
            return new int[] {width * width, width, width * width, width};
        }

        @Override
        public void initialize(double[][] parameters, int width) {
            SplittableRandom r = new SplittableRandom(7);
            for (double[] block : parameters) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = r.nextDouble(-0.5, 0.5);
                }
            }
        }

        private static LayeredNetwork network(double[][] parameters, int width) {
            LayeredNetwork n = (LayeredNetwork) NetworkAssembly.assemble("residual(dense("
                    + width + ", tanh), dense(" + width + ")) dense(" + width + ")", width,
                    Mlp.standard().registry()).network();
            n.setWeights(1, parameters[0]);
            n.setBiases(1, parameters[1]);
            n.setWeights(2, parameters[2]);
            n.setBiases(2, parameters[3]);
            double[] eye = new double[width * width];
            for (int i = 0; i < width; i++) {
                eye[i * width + i] = 1.0;
            }
            n.setWeights(3, eye);
            return n;
        }

        private static double[] run(LayeredNetwork n, Workspace ws, double[] x, int rows,
                                    boolean training) {
            return training ? n.forward(ws, x, rows, new SplittableRandom(0))
                    : n.forward(ws, x, rows);
        }

        @Override
        public void forward(Forward p) {
            p.requireSizes(this);
            LayeredNetwork n = network(p.parameters(), p.width());
            Workspace ws = new Workspace(n, Math.max(1, p.rows()), 1);
            double[] y = run(n, ws, p.input(), p.rows(), p.training());
            System.arraycopy(y, 0, p.output(), 0, p.rows() * p.width());
        }

        @Override
        public void backward(Backward p) {
            p.requireSizes(this);
            int w = p.width();
            LayeredNetwork n = network(p.parameters(), w);
            Workspace ws = new Workspace(n, Math.max(1, p.rows()), 1);
            run(n, ws, p.input(), p.rows(), true);
            System.arraycopy(p.outputGradient(), 0, ws.delta(3), 0, p.rows() * w);
            n.backward(ws, p.input(), p.rows(), p.scale());
            for (int l = 1; l <= 2; l++) {
                System.arraycopy(ws.weightGradients(l), 0, p.gradients()[2 * l - 2], 0, w * w);
                System.arraycopy(ws.biasGradients(l), 0, p.gradients()[2 * l - 1], 0, w);
            }
            LayerBuffers b = (LayerBuffers) ws.extension();
            System.arraycopy(b.inputGradient[0], 0, p.inputGradient(), 0, p.rows() * w);
        }
    }

    /** Declares the block as a layer plugin without parameters. */
    static final class ResidualBlockProvider extends DeclaredProvider<Layer>
            implements LayerProvider {
        ResidualBlockProvider() {
            super("residual-block", "residual(dense(w, tanh), dense(w))", List.of(),
                    p -> new ResidualBlock());
        }
    }

    @Test
    void theBlockStartsTheNetwork() {
        LayeredNetwork n = ResidualBlock.network(new double[][] {new double[16], new double[4],
            new double[16], new double[4]}, 4);
        assertEquals(Step.Kind.BEGIN, n.steps()[0].kind());
    }

    @TestFactory
    Stream<DynamicNode> residualBlockPassesTheLayerContract() {
        return PluginContracts.of(new ResidualBlockProvider());
    }
}
