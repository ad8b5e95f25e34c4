package dev.mlp.core.train;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Dataset;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.core.network.Network;

/**
 * The trainer's inner loop for small networks: one epoch of gradient steps on batches small
 * enough that {@link Network#runsPlainLoops(int)} holds, with nothing observing single steps (no
 * gradient transforms, no learning-rate schedule, no listener of step events), no dropout and no
 * sample weights.
 *
 * <p>For a network of a few neurons trained one sample at a time, the arithmetic of a step is a
 * few dozen multiply-adds; what the general loop spends around it (gathering the batch, shape
 * checks, activation calls through call sites shared by every network of the process) dominates.
 * This loop reads the inputs straight from the data set, keeps its own arrays, and has its own
 * call sites for the hidden activations, the output activation, the loss and the optimizer, so
 * the JIT sees one implementation at each and can inline it.
 *
 * <p>It computes exactly what the general loop computes, in the same order: the products sum
 * their terms in the order of {@link Network}'s plain loops, the activations, the loss and the
 * optimizer are called through their interfaces on arrays of the same contents, the batch losses
 * are added in the same order, and every divergence check of the general loop is made here too,
 * with the same message. The weights, epoch losses and results are therefore bit-identical.
 * Nothing is allocated per step or per epoch unless training diverges.
 *
 * <p>Not thread-safe: one instance per training run.
 */
final class SmallNetworkEpoch {

    private final Network network;
    private final ParameterLayout layout;
    private final Loss loss;
    private final OptimizerState state;
    private final double[] features;
    private final double[] targets;
    private final int in;
    private final int out;
    private final int n;
    private final int batchSize;
    private final int last;
    private final int[] sizes;
    private final Activation[] hidden;
    private final Activation output;
    private final double[][] weights;
    private final double[][] biases;
    private final double[][] z;
    private final double[][] a;
    private final double[][] delta;
    private final double[][] weightGradients;
    private final double[][] biasGradients;
    private final double[][] params;
    private final double[][] grads;
    private final double[] y;

    /**
     * @param network the network, whose live parameters are updated
     * @param data the training data (without sample weights)
     * @param loss the loss
     * @param state the optimizer's state for this run
     * @param batchSize the batch size; {@link Network#runsPlainLoops(int)} must hold for it
     */
    SmallNetworkEpoch(Network network, Dataset data, Loss loss, OptimizerState state,
                      int batchSize) {
        if (!applies(network, data, batchSize)) {
            throw new IllegalArgumentException("the small-network loop needs plain loops for "
                    + batchSize + " rows, no dropout and no sample weights; found " + network
                    + " on " + data.shape());
        }
        this.network = network;
        this.layout = network.layout();
        this.loss = loss;
        this.state = state;
        this.features = data.features();
        this.targets = data.targets();
        this.in = data.inputs();
        this.out = data.outputs();
        this.n = data.rows();
        this.batchSize = batchSize;
        int layers = network.layerCount();
        this.last = layers - 1;
        this.sizes = network.sizes();
        this.hidden = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            hidden[l] = network.activation(l + 1);
        }
        this.output = hidden[last];
        this.params = network.parameters();
        this.weights = new double[layers][];
        this.biases = new double[layers][];
        this.z = new double[layers][];
        this.a = new double[layers][];
        this.delta = new double[layers][];
        this.weightGradients = new double[layers][];
        this.biasGradients = new double[layers][];
        this.grads = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            ParameterLayout.Block block = layout.block(i);
            int l = block.layer() - 1;
            grads[i] = new double[params[i].length];
            if (block.kind() == ParameterLayout.Kind.WEIGHTS) {
                weights[l] = params[i];
                weightGradients[l] = grads[i];
            } else {
                biases[l] = params[i];
                biasGradients[l] = grads[i];
            }
        }
        for (int l = 0; l < layers; l++) {
            int cells = batchSize * sizes[l + 1];
            z[l] = new double[cells];
            a[l] = new double[cells];
            delta[l] = new double[cells];
        }
        this.y = new double[batchSize * out];
    }

    /**
     * Whether this loop can train the network on the data with the given batch size (the
     * trainer checks the other conditions: no transforms, schedule or step listeners).
     *
     * @param network the network
     * @param data the training data
     * @param batchSize the batch size
     * @return whether the products run as plain loops, no layer has dropout and the data have
     *         no sample weights
     */
    static boolean applies(Network network, Dataset data, int batchSize) {
        return network.runsPlainLoops(batchSize) && !network.hasDropout()
                && data.weights() == null;
    }

    /**
     * Runs one epoch over the samples in the given order, one optimizer step per batch.
     *
     * @param epoch the 1-based epoch, for messages
     * @param order the visiting order of this epoch
     * @return the epoch's mean per-sample loss
     * @throws TrainingDivergedException if a loss, a gradient or a parameter became NaN or
     *                                   infinite, with the general loop's message
     */
    double run(int epoch, int[] order) {
        if (batchSize == 1) {
            return runSingle(epoch, order);
        }
        double sum = 0.0;
        double total = 0.0;
        int batch = 0;
        for (int from = 0; from < n; from += batchSize) {
            batch++;
            int m = Math.min(batchSize, n - from);
            double lossSum = forward(order, from, m);
            if (!Double.isFinite(lossSum)) {
                throw Trainer.lossDiverged(network, layout, params, epoch, batch, lossSum);
            }
            loss.delta(output, z[last], a[last], y, delta[last], m, out);
            backward(order, from, m);
            if (!Finite.all(grads)) {
                Trainer.checkGradients(network, layout, grads, epoch, batch);
            }
            state.update(params, grads);
            sum += lossSum;
            total += m;
        }
        if (!Finite.all(params)) {
            Trainer.checkParameters(network, layout, params, epoch, batch);
        }
        return sum / total;
    }

    /** {@link #run} for batches of one sample: the same steps without loops over rows. */
    private double runSingle(int epoch, int[] order) {
        double sum = 0.0;
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            double lossSum = forwardSingle(row);
            if (!Double.isFinite(lossSum)) {
                throw Trainer.lossDiverged(network, layout, params, epoch, i + 1, lossSum);
            }
            loss.delta(output, z[last], a[last], y, delta[last], 1, out);
            if (Double.isNaN(backwardSingle(row))) {
                Trainer.checkGradients(network, layout, grads, epoch, i + 1);
            }
            state.update(params, grads);
            sum += lossSum;
            total += 1;
        }
        if (!Finite.all(params)) {
            Trainer.checkParameters(network, layout, params, epoch, n);
        }
        return sum / total;
    }

    /** {@link #forward} of one sample. */
    private double forwardSingle(int row) {
        int width = sizes[1];
        double[] w = weights[0];
        double[] b = biases[0];
        double[] zl = z[0];
        int xr = row * in;
        for (int c = 0; c < width; c++) {
            double s = b == null ? 0.0 : b[c];
            for (int k = 0; k < in; k++) {
                s += features[xr + k] * w[k * width + c];
            }
            zl[c] = s;
        }
        for (int l = 0; l < last; l++) {
            int inner = sizes[l + 1];
            int cols = sizes[l + 2];
            double[] al = a[l];
            hidden[l].forward(z[l], al, 1, inner);
            double[] wl = weights[l + 1];
            double[] bl = biases[l + 1];
            double[] zn = z[l + 1];
            for (int c = 0; c < cols; c++) {
                double s = bl == null ? 0.0 : bl[c];
                for (int k = 0; k < inner; k++) {
                    s += al[k] * wl[k * cols + c];
                }
                zn[c] = s;
            }
        }
        output.forward(z[last], a[last], 1, out);
        int yr = row * out;
        for (int c = 0; c < out; c++) {
            y[c] = targets[yr + c];
        }
        return loss.value(z[last], a[last], y, 1, out);
    }

    /**
     * {@link #backward} of one sample, with the gradient of each weight and its contribution to
     * the previous layer's delta in one pass.
     *
     * @return NaN if and only if a gradient is NaN or infinite
     */
    private double backwardSingle(int row) {
        double probe = 0.0;
        double scale = 1.0;
        for (int l = last; l > 0; l--) {
            int width = sizes[l + 1];
            int inner = sizes[l];
            double[] d = delta[l];
            double[] prev = a[l - 1];
            double[] gw = weightGradients[l];
            double[] w = weights[l];
            double[] back = delta[l - 1];
            for (int k = 0; k < inner; k++) {
                double pk = prev[k];
                int wk = k * width;
                double s = 0.0;
                for (int c = 0; c < width; c++) {
                    double dc = d[c];
                    double g = (0.0 + pk * dc) * scale;
                    gw[wk + c] = g;
                    probe += g * 0.0;
                    s += dc * w[wk + c];
                }
                back[k] = s;
            }
            probe += biasGradientsSingle(d, width, biasGradients[l]);
            hidden[l - 1].backward(z[l - 1], prev, back, back, 1, inner);
        }
        int width = sizes[1];
        double[] d = delta[0];
        double[] gw = weightGradients[0];
        int xr = row * in;
        for (int k = 0; k < in; k++) {
            double xk = features[xr + k];
            int wk = k * width;
            for (int c = 0; c < width; c++) {
                double g = (0.0 + xk * d[c]) * scale;
                gw[wk + c] = g;
                probe += g * 0.0;
            }
        }
        return probe + biasGradientsSingle(d, width, biasGradients[0]);
    }

    private static double biasGradientsSingle(double[] d, int cols, double[] gb) {
        double probe = 0.0;
        if (gb != null) {
            for (int c = 0; c < cols; c++) {
                double g = (0.0 + d[c]) * 1.0;
                gb[c] = g;
                probe += g * 0.0;
            }
        }
        return probe;
    }

    /** Forward pass of rows {@code order[from..from+m)}; gathers their targets; the loss sum. */
    private double forward(int[] order, int from, int m) {
        int width = sizes[1];
        double[] w = weights[0];
        double[] b = biases[0];
        double[] zl = z[0];
        for (int r = 0; r < m; r++) {
            int xr = order[from + r] * in;
            int zr = r * width;
            for (int c = 0; c < width; c++) {
                double s = b == null ? 0.0 : b[c];
                for (int k = 0; k < in; k++) {
                    s += features[xr + k] * w[k * width + c];
                }
                zl[zr + c] = s;
            }
        }
        for (int l = 0; l < last; l++) {
            hidden[l].forward(z[l], a[l], m, sizes[l + 1]);
            Matrices.multiply(a[l], m, sizes[l + 1], weights[l + 1], sizes[l + 2], biases[l + 1],
                    z[l + 1]);
        }
        output.forward(z[last], a[last], m, out);
        for (int r = 0; r < m; r++) {
            int yr = order[from + r] * out;
            int o = r * out;
            for (int c = 0; c < out; c++) {
                y[o + c] = targets[yr + c];
            }
        }
        return loss.value(z[last], a[last], y, m, out);
    }

    /** Back-propagates {@code delta[last]} to the gradients of the batch's mean loss. */
    private void backward(int[] order, int from, int m) {
        double scale = m == 0 ? 0.0 : 1.0 / m;
        for (int l = last; l > 0; l--) {
            int width = sizes[l + 1];
            int inner = sizes[l];
            double[] d = delta[l];
            Matrices.multiplyTransposedLeft(a[l - 1], m, inner, d, width, scale,
                    weightGradients[l]);
            biasGradients(d, m, width, scale, biasGradients[l]);
            double[] back = delta[l - 1];
            Matrices.multiplyTransposedRight(d, m, width, weights[l], inner, back);
            hidden[l - 1].backward(z[l - 1], a[l - 1], back, back, m, inner);
        }
        int width = sizes[1];
        double[] d = delta[0];
        double[] gw = weightGradients[0];
        for (int k = 0; k < in; k++) {
            for (int c = 0; c < width; c++) {
                double s = 0.0;
                for (int r = 0; r < m; r++) {
                    s += features[order[from + r] * in + k] * d[r * width + c];
                }
                gw[k * width + c] = s * scale;
            }
        }
        biasGradients(d, m, width, scale, biasGradients[0]);
    }

    // Matrices' plain loops and the ones below sum the same terms in the same order as
    // Network's plain loops, so both training loops give the same bits.

    private static void biasGradients(double[] d, int rows, int cols, double scale,
                                      double[] gb) {
        if (gb != null) {
            for (int c = 0; c < cols; c++) {
                double s = 0.0;
                for (int r = 0; r < rows; r++) {
                    s += d[r * cols + c];
                }
                gb[c] = s * scale;
            }
        }
    }
}
