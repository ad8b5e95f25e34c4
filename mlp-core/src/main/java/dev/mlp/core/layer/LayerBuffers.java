package dev.mlp.core.layer;

import dev.mlp.core.network.Workspace;

/**
 * The buffers a {@link LayeredNetwork} keeps in each workspace, beside the dense layers' own:
 * per step its output (layer plugins, residual ends) and the gradient with respect to its
 * input, the inputs each step saw in the last forward pass, the layer plugins' scratch and
 * parameter gradients, and the gradients carried along each residual connection.
 */
final class LayerBuffers implements Workspace.Extension {

    final double[][] output;
    final double[][] inputGradient;
    /** The array each step read in the last forward pass (references, not copies). */
    final double[][] seen;
    final double[][] scratch;
    final double[][][] layerGradients;
    private final double[][] flat;
    /** Whether the last forward pass was a training pass. */
    boolean training;

    LayerBuffers(LayeredNetwork net, int capacity) {
        Step[] steps = net.steps();
        output = new double[steps.length][];
        inputGradient = new double[steps.length][];
        seen = new double[steps.length][];
        int in = net.inputSize();
        for (int s = 0; s < steps.length; s++) {
            Step st = steps[s];
            int width = st.width();
            if (st.kind() == Step.Kind.LAYER || st.kind() == Step.Kind.END) {
                output[s] = new double[Math.multiplyExact(capacity, width)];
            }
            inputGradient[s] = new double[Math.multiplyExact(capacity, in)];
            in = width;
        }
        int n = net.layerPluginCount();
        scratch = new double[n][];
        layerGradients = new double[n][][];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int w = net.layerWidth(k);
            scratch[k] = new double[net.layer(k).scratchSize(capacity, w)];
            int[] sizes = net.layer(k).parameterSizes(w);
            layerGradients[k] = new double[sizes.length][];
            for (int b = 0; b < sizes.length; b++) {
                layerGradients[k][b] = new double[sizes[b]];
            }
            blocks += sizes.length;
        }
        flat = new double[blocks][];
        int b = 0;
        for (double[][] g : layerGradients) {
            for (double[] block : g) {
                flat[b++] = block;
            }
        }
    }

    @Override
    public double[][] gradients() {
        return flat;
    }
}
