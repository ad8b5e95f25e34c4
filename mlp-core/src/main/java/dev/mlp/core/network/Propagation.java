package dev.mlp.core.network;

import dev.mlp.api.Activation;
import dev.mlp.api.kernel.MatrixProducts;
import dev.mlp.core.kernel.Float32Products;
import dev.mlp.core.kernel.FloatMatrices;
import dev.mlp.core.kernel.Matrices;
import java.util.random.RandomGenerator;

/**
 * The forward and backward passes of a {@link Network} over a {@link Workspace}.
 *
 * <p>A pass whose rows times the largest layer's {@code inputs x neurons} is below
 * {@link Matrices#PLAIN_LOOP_WORK} runs every product as the plain loops of {@link Matrices};
 * larger passes use the workspace's {@link MatrixProducts} backend. The choice is made once per
 * pass, so all layers of a pass use the same kind of loop. Under {@code float32}
 * ({@link Workspace#float32()}) the plain loops are those of {@link FloatMatrices}, in the
 * arithmetic of the float engines. A pass of one sample can read the
 * sample in place from a data set's storage ({@link #forwardSample}, {@link #backwardSample}).
 *
 * <p>Nothing is allocated per pass.
 */
final class Propagation {

    private final Network net;
    /** Whether a pass of one sample runs as plain loops: fixed by the network's shape. */
    private final boolean plainSample;

    Propagation(Network net) {
        this.net = net;
        this.plainSample = Matrices.runsPlainLoops(net.largestLayer);
    }

    /**
     * Rows {@code [0, rows)} of {@code input} forward; with a generator, hidden layers with a
     * dropout rate draw masks from it.
     */
    double[] forward(Workspace ws, double[] input, int rows, RandomGenerator random) {
        ws.check(net, rows);
        if (input.length < rows * net.sizes[0]) {
            throw new IllegalArgumentException("input must hold " + rows + "x" + net.sizes[0]
                    + " values, found " + input.length);
        }
        return run(ws, input, 0, rows, random);
    }

    /**
     * Row {@code row} of the row-major {@code data} forward, read in place, without dropout.
     * Kept small, with the checks and the backend path in methods of their own, so that the
     * JIT inlines it into the training step.
     */
    double[] forwardSample(Workspace ws, double[] data, int row) {
        checkSample(ws, data, row);
        if (!plainSample) {
            return forwardCopy(ws, data, row);
        }
        int[] sizes = net.sizes;
        multiplyRow(ws.float32, data, row * sizes[0], sizes[0], net.weights[0], sizes[1],
                net.biases[0], ws.z[0]);
        net.activations[0].forward(ws.z[0], ws.a[0], 1, sizes[1]);
        int last = net.activations.length - 1;
        for (int l = 1; l <= last; l++) {
            int width = sizes[l + 1];
            multiplyRow(ws.float32, ws.a[l - 1], 0, sizes[l], net.weights[l], width,
                    net.biases[l], ws.z[l]);
            net.activations[l].forward(ws.z[l], ws.a[l], 1, width);
        }
        ws.masked = false;
        return ws.a[last];
    }

    private double[] forwardCopy(Workspace ws, double[] data, int row) {
        int in = net.sizes[0];
        double[] copy = ws.sampleInput();
        System.arraycopy(data, row * in, copy, 0, in);
        return run(ws, copy, 0, 1, null);
    }

    private void checkSample(Workspace ws, double[] data, int row) {
        ws.check(net, 1);
        int in = net.sizes[0];
        if (row < 0 || (long) (row + 1) * in > data.length) {
            throw new IllegalArgumentException("row " + row + " is not a row of " + in
                    + " inputs in " + data.length + " values");
        }
    }

    private boolean plain(int rows) {
        return Matrices.runsPlainLoops(rows * net.largestLayer);
    }

    private double[] run(Workspace ws, double[] input, int at, int rows,
                         RandomGenerator random) {
        int[] sizes = net.sizes;
        MatrixProducts gemm = ws.gemm;
        boolean plain = plain(rows);
        boolean masked = false;
        double[] a = input;
        int last = net.activations.length - 1;
        for (int l = 0; l <= last; l++) {
            int inner = sizes[l];
            int width = sizes[l + 1];
            double[] z = ws.z[l];
            if (plain && ws.float32) {
                for (int r = 0; r < rows; r++) {
                    FloatMatrices.multiplyRow(a, at + r * inner, inner, net.weights[l], width,
                            net.biases[l], z, r * width);
                }
            } else if (plain) {
                for (int r = 0; r < rows; r++) {
                    Matrices.multiplyRow(a, at + r * inner, inner, net.weights[l], width,
                            net.biases[l], z, r * width);
                }
            } else if (ws.floatWeights != null) {
                // rounded once here, read again by the backward pass's weight gradient
                float[] rounded = ws.floatInputs[l];
                Float32Products.round(a, 0, rows * inner, rounded);
                ((Float32Products) gemm).multiply(rounded, rows, inner,
                        ws.floatWeights.layer(l), width, net.biases[l], z);
            } else {
                gemm.multiply(a, rows, inner, net.weights[l], width, net.biases[l], z);
            }
            at = 0;
            net.activations[l].forward(z, ws.a[l], rows, width);
            a = ws.a[l];
            double p = net.dropout[l];
            if (random != null && p > 0) {
                a = drop(ws.a[l], ws.mask[l], ws.dropped[l], rows * width, p, random);
                masked = true;
            }
        }
        ws.masked = masked;
        return ws.a[last];
    }

    private static double[] drop(double[] a, double[] mask, double[] out, int n, double p,
                                 RandomGenerator random) {
        double keep = 1.0 / (1.0 - p);
        for (int i = 0; i < n; i++) {
            double m = random.nextDouble() < p ? 0.0 : keep;
            mask[i] = m;
            out[i] = a[i] * m;
        }
        return out;
    }

    /** The gradients of {@code scale} times the summed loss of the last forward pass. */
    void backward(Workspace ws, double[] input, int rows, double scale) {
        ws.check(net, rows);
        int[] sizes = net.sizes;
        MatrixProducts gemm = ws.gemm;
        boolean plain = plain(rows);
        boolean masked = ws.masked;
        for (int l = net.activations.length - 1; l >= 0; l--) {
            double[] prev = l == 0 ? input : ws.layerInput(l, masked);
            double[] delta = ws.delta[l];
            int inner = sizes[l];
            int width = sizes[l + 1];
            double[] gw = ws.weightGradients[l];
            double[] back = l > 0 ? ws.delta[l - 1] : null;
            if (plain && ws.float32) {
                FloatMatrices.multiplyTransposedLeft(prev, rows, inner, delta, width, scale, gw);
                keepInFloat(ws, l);
                if (back != null) {
                    FloatMatrices.multiplyTransposedRight(delta, rows, width, net.weights[l],
                            inner, back);
                }
            } else if (ws.floatWeights != null) {
                Float32Products f = (Float32Products) gemm;
                f.multiplyTransposedLeft(ws.floatInputs[l], rows, inner, delta, width, scale,
                        ws.floatWeightGradients[l]);
                if (back != null) {
                    f.multiplyTransposedRight(delta, rows, width, ws.floatWeights.layer(l), inner,
                            back);
                }
            } else if (plain) {
                Matrices.multiplyTransposedLeft(prev, rows, inner, delta, width, scale, gw);
                if (back != null) {
                    Matrices.multiplyTransposedRight(delta, rows, width, net.weights[l], inner,
                            back);
                }
            } else {
                gemm.multiplyTransposedLeft(prev, rows, inner, delta, width, scale, gw);
                if (back != null) {
                    gemm.multiplyTransposedRight(delta, rows, width, net.weights[l], inner,
                            back);
                }
            }
            if (net.biases[l] != null) {
                Matrices.columnSums(delta, rows, width, scale, ws.biasGradients[l]);
            }
            if (back != null) {
                backThroughActivation(ws, l, back, rows, masked);
            }
        }
    }

    /**
     * {@link #backward} of a {@link #forwardSample} of the same row, with scale 1: the gradient
     * of the sample's loss. Returns whether every gradient is finite.
     */
    boolean backwardSample(Workspace ws, double[] data, int row) {
        ws.check(net, 1);
        if (!plainSample) {
            return backwardCopy(ws);
        }
        int[] sizes = net.sizes;
        double probe = 0.0;
        // the layers above the first, then the first, whose deltas go nowhere: two call sites,
        // each compiled for its own case
        for (int l = net.activations.length - 1; l > 0; l--) {
            double[] back = ws.delta[l - 1];
            probe += backwardRow(ws.float32, ws.a[l - 1], 0, sizes[l], ws.delta[l],
                    sizes[l + 1], net.weights[l], ws.weightGradients[l], ws.biasGradients[l],
                    back);
            keepInFloat(ws, l);
            net.activations[l - 1].backward(ws.z[l - 1], ws.a[l - 1], back, back, 1, sizes[l]);
        }
        probe += backwardRow(ws.float32, data, row * sizes[0], sizes[0], ws.delta[0], sizes[1],
                net.weights[0], ws.weightGradients[0], ws.biasGradients[0], null);
        keepInFloat(ws, 0);
        return !Double.isNaN(probe);
    }

    /**
     * In a shard workspace, whose weight gradients live in {@code float}, moves layer
     * {@code l}'s gradients there from the {@code double} buffer a plain loop wrote: the
     * plain float loops sum in {@code float}, so no value changes.
     */
    private static void keepInFloat(Workspace ws, int l) {
        if (ws.floatWeightGradients != null) {
            float[] to = ws.floatWeightGradients[l];
            Float32Products.round(ws.weightGradients[l], 0, to.length, to);
        }
    }

    /** One sample's {@code out = a · w + bias}, in {@code float} under {@code float32}. */
    private static void multiplyRow(boolean float32, double[] a, int aAt, int inner,
                                    double[] w, int cols, double[] bias, double[] out) {
        if (float32) {
            FloatMatrices.multiplyRow(a, aAt, inner, w, cols, bias, out, 0);
        } else {
            Matrices.multiplyRow(a, aAt, inner, w, cols, bias, out, 0);
        }
    }

    /** One sample's backward pass of a layer, scale 1, in {@code float} under float32. */
    private static double backwardRow(boolean float32, double[] x, int xAt, int inner,
                                      double[] d, int cols, double[] w, double[] gw, double[] gb,
                                      double[] back) {
        return float32 ? FloatMatrices.backwardRow(x, xAt, inner, d, cols, w, 1.0, gw, gb, back)
                : Matrices.backwardRow(x, xAt, inner, d, cols, w, 1.0, gw, gb, back);
    }

    private boolean backwardCopy(Workspace ws) {
        backward(ws, ws.sampleInput(), 1, 1.0);
        double probe = 0.0;
        for (double[] g : ws.gradients()) {
            for (double v : g) {
                probe += v * 0.0;
            }
        }
        if (ws.floatWeightGradients != null) {
            for (float[] g : ws.floatWeightGradients) {
                for (float v : g) {
                    probe += v * 0.0;
                }
            }
        }
        return !Double.isNaN(probe);
    }

    private void backThroughActivation(Workspace ws, int l, double[] back, int rows,
                                       boolean masked) {
        int width = net.sizes[l];
        if (masked && net.dropout[l - 1] > 0) {
            double[] mask = ws.mask[l - 1];
            for (int i = 0, n = rows * width; i < n; i++) {
                back[i] *= mask[i];
            }
        }
        Activation f = net.activations[l - 1];
        f.backward(ws.z[l - 1], ws.a[l - 1], back, back, rows, width);
    }

    /** Inference on many rows, in chunks of at most 1024 rows; a new output array. */
    double[] predict(double[] inputs, int rows) {
        int in = net.inputSize();
        int out = net.outputSize();
        if (inputs.length < rows * in) {
            throw new IllegalArgumentException("inputs must hold " + rows + "x" + in
                    + " values, found " + inputs.length);
        }
        int chunk = Math.max(1, Math.min(rows, 1024));
        Workspace ws = new Workspace(net, chunk);
        double[] result = new double[rows * out];
        double[] part = new double[chunk * in];
        for (int from = 0; from < rows; from += chunk) {
            int n = Math.min(chunk, rows - from);
            System.arraycopy(inputs, from * in, part, 0, n * in);
            double[] a = forward(ws, part, n, null);
            System.arraycopy(a, 0, result, from * out, n * out);
        }
        return result;
    }

    /** Inference on one sample; a new output array. */
    double[] predict(double[] input) {
        if (input.length != net.inputSize()) {
            throw new IllegalArgumentException("input must have " + net.inputSize()
                    + " values, found " + input.length);
        }
        Workspace ws = new Workspace(net, 1, 1);
        return forward(ws, input, 1, null).clone();
    }
}
