package dev.mlp.core.metric;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Loss;
import dev.mlp.api.Metric;
import dev.mlp.api.Scaler;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.Dataset;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the loss and the metrics of a network on a data set, as an {@link Evaluation}.
 *
 * <p>The loss is the (weighted) mean per-sample loss in the units the network is trained in.
 * Metrics see predictions and targets in the data's own units: with a target scaling, both are
 * transformed back first. For classification data the evaluation also carries the confusion
 * matrix whenever at least one metric is computed.
 */
public final class Evaluator {

    private static final int CHUNK = 1024;

    private final Network network;
    private final Loss loss;
    private final List<Metric> metrics;
    private final Scaler.Fitted targetScaling;
    private final ComputeBackend backend;
    private double[] thresholds;

    /**
     * @param network the network to evaluate (its current parameters)
     * @param loss the training loss
     * @param metrics the metrics besides the loss, possibly none
     * @param targetScaling the fitted target scaling, or {@code null} if targets are raw
     */
    public Evaluator(Network network, Loss loss, List<Metric> metrics,
                     Scaler.Fitted targetScaling) {
        this(network, loss, metrics, targetScaling, MatrixBackends.standard());
    }

    /**
     * @param network the network to evaluate (its current parameters)
     * @param loss the training loss
     * @param metrics the metrics besides the loss, possibly none
     * @param targetScaling the fitted target scaling, or {@code null} if targets are raw
     * @param backend the compute backend of the forward passes
     */
    public Evaluator(Network network, Loss loss, List<Metric> metrics,
                     Scaler.Fitted targetScaling, ComputeBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.metrics = List.copyOf(metrics);
        this.targetScaling = targetScaling;
    }

    /**
     * Makes the metrics see decisions instead of probabilities, for multi-label models: output
     * {@code j} becomes 1 where it is at least {@code thresholds[j]}, else 0. The loss still sees
     * the outputs, and no confusion matrix is made.
     *
     * @param perOutput one threshold per output, or {@code null} to hand the outputs over as
     *                  they are
     * @return this
     */
    public Evaluator decideAt(double[] perOutput) {
        this.thresholds = perOutput == null ? null : perOutput.clone();
        return this;
    }

    /**
     * @return the metrics besides the loss
     */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Evaluates the network: one forward pass over the data.
     *
     * @param data the data, as the network sees it (scaled)
     * @return the loss and every metric
     */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, Double.NaN, true);
    }

    /**
     * Evaluates the metrics of the network, with a loss computed elsewhere (the training loss
     * accumulated over an epoch). Runs a forward pass only if there are metrics.
     *
     * @param data the data, as the network sees it (scaled)
     * @param knownLoss the loss to report
     * @return the loss and every metric
     */
    public Evaluation evaluate(Dataset data, double knownLoss) {
        return evaluate(data, knownLoss, false);
    }

    private Evaluation evaluate(Dataset data, double knownLoss, boolean computeLoss) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!computeLoss && metrics.isEmpty()) {
            values.put(Metrics.LOSS, knownLoss);
            return new Evaluation(data.rows(), values, null);
        }
        int rows = data.rows();
        int in = data.inputs();
        int out = data.outputs();
        double[] w = data.weights();
        double[] predictions = new double[rows * out];
        int chunk = Math.min(rows, CHUNK);
        Workspace ws = new Workspace(network, chunk, MatrixBackends.engine(backend, Gemm.defaultThreads()));
        double[] x = new double[chunk * in];
        double[] perSample = w == null ? null : new double[chunk];
        double lossSum = 0.0;
        for (int from = 0; from < rows; from += chunk) {
            int m = Math.min(chunk, rows - from);
            System.arraycopy(data.features(), from * in, x, 0, m * in);
            double[] a = network.forward(ws, x, m);
            System.arraycopy(a, 0, predictions, from * out, m * out);
            if (computeLoss) {
                double[] z = ws.preActivations(network.layerCount());
                double[] y = java.util.Arrays.copyOfRange(data.targets(), from * out,
                        (from + m) * out);
                if (w == null) {
                    lossSum += loss.value(z, a, y, m, out);
                } else {
                    loss.values(z, a, y, perSample, m, out);
                    for (int r = 0; r < m; r++) {
                        lossSum += w[from + r] * perSample[r];
                    }
                }
            }
        }
        values.put(Metrics.LOSS, computeLoss ? lossSum / data.totalWeight() : knownLoss);
        if (metrics.isEmpty()) {
            return new Evaluation(rows, values, null);
        }
        double[] targets = data.targets();
        if (targetScaling != null) {
            targetScaling.inverse(predictions, predictions, rows);
            double[] raw = new double[targets.length];
            targetScaling.inverse(targets, raw, rows);
            targets = raw;
        }
        if (thresholds != null) {
            decide(predictions, rows, out);
        }
        for (Metric metric : metrics) {
            values.put(metric.name(), metric.compute(predictions, targets, w, rows, out));
        }
        double[][] confusion = data.isClassification() && thresholds == null
                ? Metrics.confusion(predictions, targets, w, rows, out) : null;
        return new Evaluation(rows, values, confusion);
    }

    private void decide(double[] predictions, int rows, int out) {
        if (thresholds.length != out) {
            throw new IllegalArgumentException("decision thresholds must be one per output ("
                    + out + "), found " + thresholds.length);
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                int i = r * out + j;
                predictions[i] = predictions[i] >= thresholds[j] ? 1.0 : 0.0;
            }
        }
    }
}
