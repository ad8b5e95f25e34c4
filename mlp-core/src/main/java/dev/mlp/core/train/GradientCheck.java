package dev.mlp.core.train;

import dev.mlp.api.Loss;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.layer.LayeredNetwork;
import dev.mlp.core.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Checks the gradient the network's backward pass computes, with the configured activations and
 * loss (plugins included), against central finite differences of the loss on a few rows:
 * {@code (L(p + h) - L(p - h)) / 2h} for every parameter {@code p}, with
 * {@code h = 1e-5 max(1, |p|)}. The relative error of a parameter is
 * {@code |analytic - numeric| / max(|analytic| + |numeric|, 1e-6)} (the floor keeps gradients
 * that are 0 up to rounding from counting as wrong); the check reports the worst per layer and
 * passes when every one is at most the threshold. A plugin whose derivative does not match its
 * value shows as errors of order 1 in its layer and the layers before it.
 *
 * <p>In a network with layer plugins ({@link LayeredNetwork}) every dense layer (those inside
 * residual blocks included) and every layer plugin with parameters (batch-norm's and
 * layer-norm's scales and shifts, rms-norm's scales) gets its own entry, the plugins after the
 * dense layers; the passes run in training mode (batch-norm on the rows' own statistics) with
 * the same dropout masks replayed for every evaluation.
 *
 * <p>The loss is that of training (the weighted mean over the rows) without gradient
 * transforms, and, in a network of dense layers only, without dropout. At a kink of an activation (ReLU at exactly 0) a difference can straddle
 * it; on real data that is rare.
 *
 * <pre>{@code
 * GradientCheck.Result r = GradientCheck.of(model, data);   // 5 rows, threshold 1e-4
 * System.out.print(r.format());
 * if (!r.passed()) { ... }
 * }</pre>
 */
public final class GradientCheck {

    /** The default number of rows checked. */
    public static final int DEFAULT_ROWS = 5;

    /** The default largest relative error that passes. */
    public static final double DEFAULT_THRESHOLD = 1e-4;

    private static final double STEP = 1e-5;
    private static final double FLOOR = 1e-6;
    private static final long MASK_SEED = 1L;

    private GradientCheck() {
    }

    /**
     * The worst relative error of one layer.
     *
     * @param layer the 1-based layer
     * @param activation the layer's activation name
     * @param worst the largest relative error over its weights and biases
     * @param where the parameter with it, for example {@code w[2][5]} (input 2 to neuron 5)
     *              or {@code b[1]}
     * @param analytic the backward pass's derivative there
     * @param numeric the finite difference there
     * @param plugin {@code null} for a dense layer; for a layer plugin its spec, and then
     *               {@code layer} counts the layer plugins from 1, {@code activation} is the
     *               plugin's name and {@code where} names a parameter block and index, for
     *               example {@code block 1 [3]}
     */
    public record Layer(int layer, String activation, double worst, String where,
                        double analytic, double numeric, String plugin) {

        /**
         * The entry of a dense layer.
         *
         * @param layer the 1-based layer
         * @param activation the layer's activation name
         * @param worst the largest relative error over its weights and biases
         * @param where the parameter with it
         * @param analytic the backward pass's derivative there
         * @param numeric the finite difference there
         */
        public Layer(int layer, String activation, double worst, String where,
                     double analytic, double numeric) {
            this(layer, activation, worst, where, analytic, numeric, null);
        }

        String label() {
            return plugin == null ? "layer " + layer + " (" + activation + ")"
                    : plugin + " (layer plugin " + layer + ")";
        }
    }

    /**
     * The outcome of a check.
     *
     * @param network the network's sizes, for example {@code 4-8-3}
     * @param rows the rows checked
     * @param threshold the largest relative error that passes
     * @param layers one entry per layer, in order
     */
    public record Result(String network, int rows, double threshold, List<Layer> layers) {

        /** Copies the layers. */
        public Result {
            layers = List.copyOf(layers);
        }

        /** @return the worst relative error over all layers */
        public double worst() {
            double w = 0;
            for (Layer l : layers) {
                w = Math.max(w, l.worst());
            }
            return w;
        }

        /** @return whether every layer's worst relative error is at most the threshold */
        public boolean passed() {
            for (Layer l : layers) {
                if (!(l.worst() <= threshold)) {
                    return false;
                }
            }
            return true;
        }

        /** @return a few lines for people: per layer, then PASS or FAIL */
        public String format() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "gradient check of %s on %d row%s (central differences), threshold %.1e%n",
                    network, rows, rows == 1 ? "" : "s", threshold));
            for (Layer l : layers) {
                sb.append(String.format(Locale.ROOT,
                        "%s: worst relative error %.2e at %s (backward %.6g, "
                                + "finite difference %.6g)%s%n", l.label(),
                        l.worst(), l.where(), l.analytic(), l.numeric(),
                        l.worst() <= threshold ? "" : "  <-- above the threshold"));
            }
            sb.append(passed() ? "PASS" : "FAIL: the derivative of an activation or of the loss "
                    + "does not match its value (errors show in the culprit's layer and the "
                    + "layers before it: the marked layer nearest the output is the likely one)").append(System.lineSeparator());
            return sb.toString();
        }
    }

    /**
     * Checks a model on the first {@link #DEFAULT_ROWS} rows of the data (in its own units,
     * scaled as the model scales them) against {@link #DEFAULT_THRESHOLD}.
     *
     * @param model the model, trained or not (its scalers must be fitted if it has any)
     * @param raw the data
     * @return the result
     */
    public static Result of(Model model, Dataset raw) {
        return of(model, raw, DEFAULT_ROWS, DEFAULT_THRESHOLD);
    }

    /**
     * Checks a model on rows of the data spread evenly over it.
     *
     * @param model the model, trained or not (its scalers must be fitted if it has any)
     * @param raw the data, in its own units
     * @param rows how many rows, at least 1 (at most the data's)
     * @param threshold the largest relative error that passes, {@code > 0}
     * @return the result
     * @throws IllegalArgumentException if the data does not fit the network or a number is out
     *                                  of range
     */
    public static Result of(Model model, Dataset raw, int rows, double threshold) {
        Objects.requireNonNull(model, "model");
        model.trainer().check(model.network(), raw);
        return of(model.network(), model.trainer().loss(), model.scaled(raw), rows, threshold);
    }

    /**
     * Checks a network with a loss; the network is not changed.
     *
     * @param network the network
     * @param loss the loss
     * @param data the data as the network sees it
     * @param rows how many rows, at least 1 (at most the data's), spread evenly over the data
     * @param threshold the largest relative error that passes, {@code > 0}
     * @return the result
     * @throws IllegalArgumentException if a number is out of range or the data does not fit
     */
    public static Result of(Network network, Loss loss, Dataset data, int rows,
                            double threshold) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, found " + rows);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the threshold must be finite and > 0, found "
                    + threshold);
        }
        if (network.inputSize() != data.inputs() || network.outputSize() != data.outputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize()
                    + " inputs and gives " + network.outputSize() + " outputs, the data has "
                    + data.shape());
        }
        int m = Math.min(rows, data.rows());
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = (int) ((long) i * data.rows() / m);
        }
        Network net = network.copy();
        LayeredNetwork layered = net instanceof LayeredNetwork ln ? ln : null;
        BatchGradient g = new BatchGradient(net, loss, m, 1);
        g.compute(data, order, 0, m, masks(layered));
        double[][] analytic = copy(g.gradients());
        Probe probe = new Probe(net.parameters(), analytic, g, data, order, m, layered);
        ParameterLayout layout = net.layout();
        List<Layer> layers = new ArrayList<>();
        for (int layer = 1; layer <= net.layerCount(); layer++) {
            Worst w = new Worst();
            int outputs = net.layerOutputs(layer);
            for (int b = 0; b < layout.size(); b++) {
                ParameterLayout.Block block = layout.block(b);
                if (block.layer() != layer || block.kind() == ParameterLayout.Kind.LAYER) {
                    continue;
                }
                for (int i = 0; i < block.size(); i++) {
                    w.consider(probe, b, i, block.kind() == ParameterLayout.Kind.WEIGHTS
                            ? "w[" + i / outputs + "][" + i % outputs + "]" : "b[" + i + "]");
                }
            }
            layers.add(new Layer(layer, net.activation(layer).name(), Math.max(w.worst, 0),
                    w.where, w.at, w.fd));
        }
        for (int k = 0; layered != null && k < layered.layerPluginCount(); k++) {
            Worst w = new Worst();
            int blocks = 0;
            for (int b = 0; b < layout.size(); b++) {
                ParameterLayout.Block block = layout.block(b);
                if (block.kind() != ParameterLayout.Kind.LAYER || block.layer() != k + 1) {
                    continue;
                }
                blocks++;
                for (int i = 0; i < block.size(); i++) {
                    w.consider(probe, b, i, "block " + blocks + " [" + i + "]");
                }
            }
            if (blocks > 0) {
                layers.add(new Layer(k + 1, layered.layer(k).name(), Math.max(w.worst, 0),
                        w.where, w.at, w.fd, layered.layerSpec(k)));
            }
        }
        StringBuilder sizes = new StringBuilder();
        for (int s : net.sizes()) {
            sizes.append(sizes.length() == 0 ? "" : "-").append(s);
        }
        return new Result(sizes.toString(), m, threshold, layers);
    }

    /** The same dropout masks for every pass of a layered network; none for a dense one. */
    private static RandomGenerator masks(LayeredNetwork layered) {
        return layered == null ? null : new SplitMixRandom(MASK_SEED);
    }

    /** Central differences of the loss in one parameter at a time. */
    private record Probe(double[][] p, double[][] analytic, BatchGradient g, Dataset data,
                         int[] order, int m, LayeredNetwork layered) {

        double numeric(int b, int i) {
            double keep = p[b][i];
            double h = STEP * Math.max(1, Math.abs(keep));
            p[b][i] = keep + h;
            double up = mean();
            p[b][i] = keep - h;
            double down = mean();
            p[b][i] = keep;
            return (up - down) / (2 * h);
        }

        private double mean() {
            double sum = g.compute(data, order, 0, m, masks(layered));
            return sum / g.weightSum();
        }
    }

    /** The worst relative error so far of one entry. */
    private static final class Worst {
        double worst = -1;
        String where = "";
        double at;
        double fd;

        void consider(Probe probe, int b, int i, String name) {
            double numeric = probe.numeric(b, i);
            double a = probe.analytic()[b][i];
            double error = Math.abs(a - numeric)
                    / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR);
            if (Double.isNaN(error)) {
                error = Double.POSITIVE_INFINITY;
            }
            if (error > worst) {
                worst = error;
                at = a;
                fd = numeric;
                where = name;
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
