package dev.mlp.core.train;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.util.Objects;

/**
 * The loss and gradient of one batch: forward pass, loss, output delta and backward pass, with
 * optional per-sample weights. The single-machine trainer and distributed back ends both compute
 * gradients through this class, so they agree to the last bit on the same rows.
 *
 * <p>After {@link #compute} the workspace's gradients hold the gradient of the batch's
 * <em>weighted mean</em> loss {@code sum_r w_r loss_r / sum_r w_r} (plain mean when there are no
 * weights). A caller combining several batches multiplies each gradient by the batch's
 * {@link #weightSum()} before adding, and divides the total by the total weight.
 *
 * <p>Not thread-safe: one instance per thread. Nothing is allocated per call.
 */
public final class BatchGradient {

    private final Network network;
    private final Loss loss;
    private final Workspace ws;
    private final Activation output;
    private final double[] sampleLoss;
    private double weightSum;

    /**
     * @param network the network whose parameters are differentiated
     * @param loss the loss
     * @param capacity the largest batch, in rows
     */
    public BatchGradient(Network network, Loss loss, int capacity) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.ws = new Workspace(network, capacity);
        this.output = network.activation(network.layerCount());
        this.sampleLoss = new double[capacity];
    }

    /**
     * Computes the batch's summed (weighted) loss and leaves the gradient of its weighted mean in
     * {@link #gradients()}.
     *
     * @param x {@code rows x inputs} row-major inputs
     * @param y {@code rows x outputs} row-major targets
     * @param weights per-sample weights (finite, at least 0), or {@code null} for weight 1 each
     * @param rows number of samples, at most the capacity
     * @return {@code sum_r w_r loss_r}; not finite if the loss overflowed
     */
    public double compute(double[] x, double[] y, double[] weights, int rows) {
        return compute(x, y, weights, rows, null);
    }

    /**
     * Like {@link #compute(double[], double[], double[], int)}, with dropout: when
     * {@code dropout} is not {@code null} the forward pass is a training pass that draws the
     * dropout masks of the network's layers from it
     * ({@link Network#forward(Workspace, double[], int, java.util.random.RandomGenerator)}),
     * and the gradient is taken through those masks.
     *
     * @param x {@code rows x inputs} row-major inputs
     * @param y {@code rows x outputs} row-major targets
     * @param weights per-sample weights (finite, at least 0), or {@code null} for weight 1 each
     * @param rows number of samples, at most the capacity
     * @param dropout the generator for dropout masks, or {@code null} for none
     * @return {@code sum_r w_r loss_r}; not finite if the loss overflowed
     */
    public double compute(double[] x, double[] y, double[] weights, int rows,
                          java.util.random.RandomGenerator dropout) {
        int out = network.outputSize();
        double[] a = dropout == null ? network.forward(ws, x, rows)
                : network.forward(ws, x, rows, dropout);
        double[] z = ws.preActivations(network.layerCount());
        double[] delta = ws.delta(network.layerCount());
        double sum;
        if (weights == null) {
            weightSum = rows;
            sum = loss.value(z, a, y, rows, out);
            if (!Double.isFinite(sum)) {
                return sum;
            }
            loss.delta(output, z, a, y, delta, rows, out);
        } else {
            loss.values(z, a, y, sampleLoss, rows, out);
            sum = 0.0;
            double total = 0.0;
            for (int r = 0; r < rows; r++) {
                sum += weights[r] * sampleLoss[r];
                total += weights[r];
            }
            weightSum = total;
            if (!Double.isFinite(sum)) {
                return sum;
            }
            loss.delta(output, z, a, y, delta, rows, out);
            // backward averages over rows; rescale so the result is the weighted mean
            double norm = total > 0 ? rows / total : 0.0;
            for (int r = 0; r < rows; r++) {
                double f = weights[r] * norm;
                int base = r * out;
                for (int c = 0; c < out; c++) {
                    delta[base + c] *= f;
                }
            }
        }
        network.backward(ws, x, rows);
        return sum;
    }

    /**
     * @return the total weight of the last batch (its row count when there were no weights)
     */
    public double weightSum() {
        return weightSum;
    }

    /**
     * @return the gradients of the last batch's weighted mean loss, in the order of
     *         {@link Network#layout()}; owned by the workspace, overwritten by the next call
     */
    public double[][] gradients() {
        return ws.gradients();
    }

    /**
     * @return the workspace, holding every layer's pre-activations and activations of the last
     *         batch
     */
    public Workspace workspace() {
        return ws;
    }

    /**
     * @return the network
     */
    public Network network() {
        return network;
    }

    /**
     * @return the loss
     */
    public Loss loss() {
        return loss;
    }
}
