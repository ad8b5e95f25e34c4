package dev.mlp.core.layer;

import dev.mlp.api.Activation;
import dev.mlp.api.Layer;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.kernel.FloatMatrices;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.core.network.Workspace;
import java.util.random.RandomGenerator;

/**
 * The forward and backward passes of a {@link LayeredNetwork}: its {@link Step}s in order, and
 * back. Dense steps use the workspace's dense buffers (so the output layer's pre-activations,
 * activations and {@code dL/dZ} sit where a loss expects them) and its matrix engine, or plain
 * loops for small passes as dense networks do (those of {@link FloatMatrices} under
 * {@code float32}); the other steps use the {@link LayerBuffers}.
 */
final class LayerPasses {

    private final LayeredNetwork net;

    LayerPasses(LayeredNetwork net) {
        this.net = net;
    }

    double[] forward(Workspace ws, double[] input, int rows, RandomGenerator random,
                     boolean training) {
        check(ws, input, rows);
        LayerBuffers b = (LayerBuffers) ws.extension();
        b.training = training;
        boolean plain = net.runsPlainLoops(rows);
        boolean inFloat = ws.float32();
        MatrixProducts gemm = ws.products();
        Step[] steps = net.steps();
        double[] x = input;
        int in = net.inputSize();
        for (int s = 0; s < steps.length; s++) {
            Step st = steps[s];
            b.seen[s] = x;
            int w = st.width();
            switch (st.kind()) {
                case DENSE -> {
                    int l = st.index() + 1;
                    double[] z = ws.preActivations(l);
                    if (plain && inFloat) {
                        FloatMatrices.multiply(x, rows, in, net.denseWeights(st.index()), w,
                                net.denseBiases(st.index()), z);
                    } else if (plain) {
                        Matrices.multiply(x, rows, in, net.denseWeights(st.index()), w,
                                net.denseBiases(st.index()), z);
                    } else {
                        gemm.multiply(x, rows, in, net.denseWeights(st.index()), w,
                                net.denseBiases(st.index()), z);
                    }
                    net.activation(l).forward(z, ws.activations(l), rows, w);
                    x = ws.activations(l);
                }
                case LAYER -> {
                    int k = st.index();
                    Layer layer = net.layer(k);
                    layer.forward(new Layer.Forward(x, b.output[s], rows, w,
                            net.layerParameters(k), net.layerState(k), b.scratch[k], training,
                            training && layer.random() ? random : null));
                    x = b.output[s];
                }
                case BEGIN -> {
                    // the block's input stays in seen[s] for its end
                }
                case END -> {
                    double[] skip = b.seen[st.partner()];
                    double[] out = b.output[s];
                    for (int i = 0, n = rows * w; i < n; i++) {
                        out[i] = x[i] + skip[i];
                    }
                    x = out;
                }
                default -> throw new IllegalStateException("unknown step " + st);
            }
            in = w;
        }
        return x;
    }

    void backward(Workspace ws, double[] input, int rows, double scale) {
        check(ws, input, rows);
        LayerBuffers b = (LayerBuffers) ws.extension();
        boolean plain = net.runsPlainLoops(rows);
        boolean inFloat = ws.float32();
        MatrixProducts gemm = ws.products();
        Step[] steps = net.steps();
        int last = steps.length - 1;
        double[] g = null;
        for (int s = last; s >= 0; s--) {
            Step st = steps[s];
            int w = st.width();
            int in = s == 0 ? net.inputSize() : steps[s - 1].width();
            double[] x = b.seen[s];
            switch (st.kind()) {
                case DENSE -> {
                    int l = st.index() + 1;
                    double[] dz = ws.delta(l);
                    if (s != last) {
                        Activation f = net.activation(l);
                        f.backward(ws.preActivations(l), ws.activations(l), g, dz, rows, w);
                    }
                    double[] weights = net.denseWeights(st.index());
                    if (plain && inFloat) {
                        FloatMatrices.multiplyTransposedLeft(x, rows, in, dz, w, scale,
                                ws.weightGradients(l));
                    } else if (plain) {
                        Matrices.multiplyTransposedLeft(x, rows, in, dz, w, scale,
                                ws.weightGradients(l));
                    } else {
                        gemm.multiplyTransposedLeft(x, rows, in, dz, w, scale,
                                ws.weightGradients(l));
                    }
                    if (ws.biasGradients(l) != null) {
                        Matrices.columnSums(dz, rows, w, scale, ws.biasGradients(l));
                    }
                    if (s > 0) {
                        double[] back = b.inputGradient[s];
                        if (plain && inFloat) {
                            FloatMatrices.multiplyTransposedRight(dz, rows, w, weights, in,
                                    back);
                        } else if (plain) {
                            Matrices.multiplyTransposedRight(dz, rows, w, weights, in, back);
                        } else {
                            gemm.multiplyTransposedRight(dz, rows, w, weights, in, back);
                        }
                        g = back;
                    }
                }
                case LAYER -> {
                    int k = st.index();
                    net.layer(k).backward(new Layer.Backward(x, b.output[s], g,
                            b.inputGradient[s], rows, w, net.layerParameters(k),
                            b.layerGradients[k], scale, b.scratch[k]));
                    g = b.inputGradient[s];
                }
                case END -> {
                    // the gradient flows both into the block and along the connection
                    double[] carried = b.inputGradient[s];
                    System.arraycopy(g, 0, carried, 0, rows * w);
                }
                case BEGIN -> {
                    double[] carried = b.inputGradient[endOf(s)];
                    double[] sum = b.inputGradient[s];
                    for (int i = 0, n = rows * w; i < n; i++) {
                        sum[i] = g[i] + carried[i];
                    }
                    g = sum;
                }
                default -> throw new IllegalStateException("unknown step " + st);
            }
        }
    }

    private int endOf(int begin) {
        Step[] steps = net.steps();
        for (int s = begin + 1; s < steps.length; s++) {
            if (steps[s].partner() == begin) {
                return s;
            }
        }
        throw new IllegalStateException("residual block at step " + begin + " has no end");
    }

    private void check(Workspace ws, double[] input, int rows) {
        if (!(ws.extension() instanceof LayerBuffers)) {
            throw new IllegalArgumentException("workspace was made for a dense network, not "
                    + "for " + net);
        }
        if (rows < 0 || rows > ws.capacity()) {
            throw new IllegalArgumentException("batch must have between 0 and "
                    + ws.capacity() + " rows, found " + rows);
        }
        if (input.length < rows * net.inputSize()) {
            throw new IllegalArgumentException("input must hold " + rows + "x"
                    + net.inputSize() + " values, found " + input.length);
        }
    }
}
