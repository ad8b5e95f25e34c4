package dev.mlp.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.api.Layer;
import dev.mlp.api.spi.LayerProvider;
import org.junit.jupiter.api.Test;

/** The layer contract passes a sound layer and catches each kind of flaw. */
class LayerContractTest {

    /**
     * A per-column scale and shift, {@code y = a·x + b}, whose inference state is a per-column
     * offset added in inference only and moved toward each training batch's column mean; with
     * a flaw chosen by name.
     */
    static final class Affine implements Layer {
        private final String flaw;
        private double hidden;

        Affine(String flaw) {
            this.flaw = flaw;
        }

        @Override
        public String name() {
            return "affine";
        }

        @Override
        public int[] parameterSizes(int width) {
            return new int[] {width, width};
        }

        @Override
        public void initialize(double[][] parameters, int width) {
            java.util.Arrays.fill(parameters[0], 1.0);
            if (!flaw.equals("initialize")) {
                java.util.Arrays.fill(parameters[1], 0.0);
            }
        }

        @Override
        public int stateSize(int width) {
            return width;
        }

        @Override
        public void initializeState(double[] state, int width) {
            java.util.Arrays.fill(state, 0.0);
        }

        @Override
        public void forward(Forward p) {
            if (!flaw.equals("width")) {
                p.requireSizes(this);
            }
            int w = p.width();
            double[] a = p.parameters()[0];
            double[] b = p.parameters()[1];
            double mix = flaw.equals("batch") ? p.input()[0] * 1e-3 : 0.0;
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    double y = a[c] * p.input()[i] + b[c] + mix;
                    if (!p.training()) {
                        y += p.state()[c] + hidden;
                    }
                    p.output()[i] = y;
                }
            }
            if (flaw.equals("hidden")) {
                hidden += 1.0;
            }
            if (p.training() || flaw.equals("inference")) {
                for (int c = 0; c < w; c++) {
                    double sum = 0.0;
                    for (int r = 0; r < p.rows(); r++) {
                        sum += p.input()[r * w + c];
                    }
                    p.state()[c] = 0.5 * p.state()[c] + 0.5 * sum / Math.max(1, p.rows());
                }
            }
        }

        @Override
        public void backward(Backward p) {
            if (!flaw.equals("width")) {
                p.requireSizes(this);
            }
            int w = p.width();
            double[] a = p.parameters()[0];
            double[] da = p.gradients()[0];
            double[] db = p.gradients()[1];
            java.util.Arrays.fill(da, 0.0);
            java.util.Arrays.fill(db, 0.0);
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    double dy = p.outputGradient()[i];
                    p.inputGradient()[i] = (flaw.equals("derivative") ? 2 * a[c] : a[c]) * dy;
                    da[c] += dy * p.input()[i] * (flaw.equals("parameter") ? 1.01 : 1.0);
                    db[c] += dy;
                }
            }
            for (int c = 0; c < w; c++) {
                da[c] *= p.scale();
                db[c] *= p.scale();
            }
        }
    }

    static LayerProvider affine(String flaw) {
        return Kit.provider(LayerProvider.class, "affine", () -> new Affine(flaw));
    }

    @Test
    void aSoundLayerPasses() {
        assertTrue(Kit.passes(PluginContracts.of(affine("none"))) >= 11);
    }

    @Test
    void aWrongInputDerivativeIsCaught() {
        Kit.failure(PluginContracts.of(affine("derivative")), LayerContract.GRADIENT,
                "input [0][0]: backward");
    }

    @Test
    void aWrongParameterGradientIsCaught() {
        Kit.failure(PluginContracts.of(affine("parameter")), LayerContract.GRADIENT,
                "parameter block 1 [0]");
    }

    @Test
    void otherFlawsAreCaughtByTheirCheck() {
        Kit.failure(PluginContracts.of(affine("batch")), LayerContract.ROWS, true,
                "row 1 alone");
        Kit.failure(PluginContracts.of(affine("hidden")), LayerContract.STATE, true,
                "a new instance with the same parameters and state gives other outputs");
        Kit.failure(PluginContracts.of(affine("initialize")), LayerContract.STATE, true,
                "initialize leaves values");
        Kit.failure(PluginContracts.of(affine("inference")), LayerContract.MODES, true,
                "an inference pass changed the state");
        Kit.failure(PluginContracts.of(affine("width")), LayerContract.BAD_INPUT,
                "instead of an IllegalArgumentException");
    }
}
