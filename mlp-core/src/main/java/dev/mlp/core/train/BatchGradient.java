package dev.mlp.core.train;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.core.Dataset;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.api.kernel.WorkerPool;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.util.Objects;
import java.util.random.RandomGenerator;

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
 * <p><b>Shards.</b> A batch of at least {@code 2 ×} {@value #SHARD_ROWS} rows of a network
 * with at least {@value #SHARD_WORK} multiply-adds per sample is split into
 * {@code min(}{@value #MAX_SHARDS}{@code , rows / }{@value #SHARD_ROWS}{@code )} shards of
 * consecutive rows; each shard runs forward and backward on its own, the shards run in
 * parallel on the {@link WorkerPool} (one thread each, with single-threaded matrix products),
 * and their gradients are added in shard order. The split depends only on the batch's row
 * count and the network, never on the thread count, so the result is the same bits for any
 * number of threads. A compute backend whose one-thread engines are not really single-threaded
 * (native BLAS with its own threads, see
 * {@link dev.mlp.core.kernel.MatrixProducts#singleThreaded()}) gets no shards: its batches
 * stay whole and each product uses the library's threads. Batches with dropout are not split (their masks are drawn row by row in
 * one sequence).
 *
 * <p>Not thread-safe: one instance per thread. Nothing is allocated per call.
 */
public final class BatchGradient {

    /** Rows per gradient shard: batches of at least twice this many rows are split. */
    public static final int SHARD_ROWS = 64;

    /** The most shards one batch is split into. */
    public static final int MAX_SHARDS = 8;

    /** Multiply-adds per sample below which batches are not split: the network is too small. */
    public static final long SHARD_WORK = 4096;

    private final Network network;
    private final Loss loss;
    private final Workspace ws;
    private final Activation output;
    private final double[] sampleLoss;
    private final double[] sampleTarget;
    private final boolean shardable;
    /** The shards of large batches, or {@code null} if this network's batches stay whole. */
    private final GradientShards shards;
    private double weightSum;
    /**
     * Whether the current gradients are all finite: set while a sharded batch's gradients are
     * added, or by the first {@link #gradientsFinite()} after an unsplit batch.
     */
    private boolean finite;
    /** Whether {@link #finite} describes the current gradients. */
    private boolean finiteKnown;
    /** Batch buffers of the row-order form of {@code compute}, made on its first unsplit batch. */
    private double[] gatheredX;
    private double[] gatheredY;
    private double[] gatheredWeights;

    /**
     * @param network the network whose parameters are differentiated
     * @param loss the loss
     * @param capacity the largest batch, in rows
     */
    public BatchGradient(Network network, Loss loss, int capacity) {
        this(network, loss, capacity, Gemm.defaultThreads());
    }

    /**
     * @param network the network whose parameters are differentiated
     * @param loss the loss
     * @param capacity the largest batch, in rows
     * @param threads the most threads one batch may use, at least 1; the results do not
     *                depend on it
     */
    public BatchGradient(Network network, Loss loss, int capacity, int threads) {
        this(network, loss, capacity, threads, MatrixBackends.standard());
    }

    /**
     * @param network the network whose parameters are differentiated
     * @param loss the loss
     * @param capacity the largest batch, in rows
     * @param threads the most threads one batch may use, at least 1; the results do not
     *                depend on it
     * @param backend the compute backend of the matrix products
     */
    public BatchGradient(Network network, Loss loss, int capacity, int threads,
                         ComputeBackend backend) {
        Objects.requireNonNull(backend, "backend");
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + threads);
        }
        this.ws = new Workspace(network, capacity, MatrixBackends.engine(backend, threads));
        this.output = network.activation(network.layerCount());
        this.sampleLoss = new double[capacity];
        this.sampleTarget = new double[network.outputSize()];
        // a backend that spreads every product over threads of its own gains nothing from
        // shards run one after the other: its batches stay whole
        this.shardable = network.multiplyAddsPerSample() >= SHARD_WORK
                && MatrixBackends.engine(backend, 1).singleThreaded();
        this.shards = shardable ? new GradientShards(network, loss, capacity, threads, ws,
                backend)
                : null;
    }

    /**
     * How many shards a batch is split into.
     *
     * @param rows the batch's rows
     * @return at least 1
     */
    public int shards(int rows) {
        return shardCount(rows, shardable);
    }

    static int shardCount(int rows, boolean shardable) {
        if (!shardable || rows < 2 * SHARD_ROWS) {
            return 1;
        }
        return Math.min(MAX_SHARDS, rows / SHARD_ROWS);
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
                          RandomGenerator dropout) {
        checkRows(rows);
        finiteKnown = false;
        boolean masked = dropout != null && network.hasDropout();
        int count = masked ? 1 : shards(rows);
        if (count == 1) {
            return whole(x, y, weights, rows, dropout);
        }
        return sharded(x, y, weights, null, 0, rows, count);
    }

    /**
     * Like {@link #compute(double[], double[], double[], int, RandomGenerator)} for a batch of
     * rows picked from whole data sets: row {@code i} of the batch is row
     * {@code order[first + i]} of {@code features}, {@code targets} and {@code weights}. The
     * rows are copied where they are used, by each shard on its own thread, so the caller
     * gathers nothing; the results are the same bits as gathering the rows into batch arrays
     * and calling the other form.
     *
     * @param features {@code n x inputs} row-major inputs of the whole data set
     * @param targets {@code n x outputs} row-major targets of the whole data set
     * @param weights the whole data set's per-sample weights, or {@code null} for weight 1 each
     * @param order row indices into the data set
     * @param first the position in {@code order} of the batch's first row
     * @param rows number of samples, at most the capacity
     * @param dropout the generator for dropout masks, or {@code null} for none
     * @return {@code sum_r w_r loss_r}; not finite if the loss overflowed
     * @throws IllegalArgumentException if {@code rows} exceeds the capacity,
     *         {@code [first, first + rows)} is not inside {@code order}, or an order entry is
     *         not a row of the data set
     */
    public double compute(double[] features, double[] targets, double[] weights, int[] order,
                          int first, int rows, RandomGenerator dropout) {
        checkRows(rows);
        if (first < 0 || first > order.length - rows) {
            throw new IllegalArgumentException("rows [" + first + ", " + (first + rows)
                    + ") of the batch order are outside its " + order.length + " entries");
        }
        int samples = Math.min(features.length / network.inputSize(),
                targets.length / network.outputSize());
        if (weights != null) {
            samples = Math.min(samples, weights.length);
        }
        for (int r = first; r < first + rows; r++) {
            int row = order[r];
            if (row < 0 || row >= samples) {
                throw new IllegalArgumentException("batch order entry " + r + " is row " + row
                        + ", but the data set has rows 0 to " + (samples - 1));
            }
        }
        finiteKnown = false;
        double[] w = null;
        if (weights != null) {
            if (gatheredWeights == null) {
                gatheredWeights = new double[ws.capacity()];
            }
            w = gatheredWeights;
            for (int r = 0; r < rows; r++) {
                w[r] = weights[order[first + r]];
            }
        }
        boolean masked = dropout != null && network.hasDropout();
        int count = masked ? 1 : shards(rows);
        if (count == 1) {
            if (gatheredX == null) {
                gatheredX = new double[ws.capacity() * network.inputSize()];
                gatheredY = new double[ws.capacity() * network.outputSize()];
            }
            Matrices.gatherRows(features, network.inputSize(), order, first, rows, gatheredX);
            Matrices.gatherRows(targets, network.outputSize(), order, first, rows, gatheredY);
            return whole(gatheredX, gatheredY, w, rows, dropout);
        }
        return sharded(features, targets, w, order, first, rows, count);
    }

    /**
     * Like {@link #compute(double[], double[], double[], int[], int, int, RandomGenerator)} on
     * the arrays of a data set. A batch of one sample without weight or dropout masks is read in
     * place from the data set's storage ({@link Network#forwardSample}), nothing gathered: the
     * same bits, the path of networks trained one sample at a time.
     *
     * @param data the whole data set
     * @param order row indices into the data set
     * @param first the position in {@code order} of the batch's first row
     * @param rows number of samples, at most the capacity
     * @param dropout the generator for dropout masks, or {@code null} for none
     * @return {@code sum_r w_r loss_r}; not finite if the loss overflowed
     * @throws IllegalArgumentException as the other form
     */
    public double compute(Dataset data, int[] order, int first, int rows,
                          RandomGenerator dropout) {
        if (rows != 1 || data.weights() != null || (dropout != null && network.hasDropout())) {
            return compute(data.features(), data.targets(), data.weights(), order, first, rows,
                    dropout);
        }
        int row = first >= 0 && first < order.length ? order[first] : -1;
        if (row < 0 || row >= data.rows()) {
            throw badSample(data, order, first);
        }
        return sample(data.features(), data.targets(), row);
    }

    private static IllegalArgumentException badSample(Dataset data, int[] order, int first) {
        if (first < 0 || first >= order.length) {
            return new IllegalArgumentException("rows [" + first + ", " + (first + 1)
                    + ") of the batch order are outside its " + order.length + " entries");
        }
        return new IllegalArgumentException("batch order entry " + first + " is row "
                + order[first] + ", but the data set has rows 0 to " + (data.rows() - 1));
    }

    /** One sample, read in place: its loss, and the gradient of it. */
    private double sample(double[] features, double[] targets, int row) {
        finiteKnown = false;
        weightSum = 1;
        int out = network.outputSize();
        int last = network.layerCount();
        double[] a = network.forwardSample(ws, features, row);
        double[] z = ws.preActivations(last);
        for (int c = 0, at = row * out; c < out; c++) {
            sampleTarget[c] = targets[at + c];
        }
        double sum = loss.value(z, a, sampleTarget, 1, out);
        if (!Double.isFinite(sum)) {
            return sum;
        }
        loss.delta(output, z, a, sampleTarget, ws.delta(last), 1, out);
        finite = network.backwardSample(ws, features, row);
        finiteKnown = true;
        return sum;
    }

    private void checkRows(int rows) {
        if (rows < 0 || rows > ws.capacity()) {
            throw new IllegalArgumentException("batch must have between 0 and "
                    + ws.capacity() + " rows, found " + rows);
        }
    }

    /**
     * Whether every entry of {@link #gradients()} is finite after the last {@code compute}.
     * Sharded batches are checked while their shards' gradients are added, in parallel, so
     * this costs nothing then; otherwise the gradients are scanned now.
     *
     * @return {@code true} if no gradient is NaN or infinite
     */
    public boolean gradientsFinite() {
        if (!finiteKnown) {
            finite = Finite.all(ws.gradients());
            finiteKnown = true;
        }
        return finite;
    }

    private double sharded(double[] x, double[] y, double[] weights, int[] order, int first,
                           int rows, int count) {
        double sum = shards.compute(x, y, weights, order, first, rows, count);
        weightSum = shards.weightSum();
        if (Double.isFinite(sum)) {
            finite = shards.finite();
            finiteKnown = true;
        }
        return sum;
    }

    private double whole(double[] x, double[] y, double[] weights, int rows,
                         RandomGenerator dropout) {
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
            weigh(delta, weights, 0, rows, out, total > 0 ? rows / total : 0.0);
        }
        network.backward(ws, x, rows);
        return sum;
    }

    /**
     * Multiplies each row's delta by its weight times {@code norm}: backward averages over the
     * batch's rows, so {@code norm = rows / total weight} turns the mean into the weighted mean.
     */
    static void weigh(double[] delta, double[] weights, int first, int rows, int out,
                              double norm) {
        for (int r = 0; r < rows; r++) {
            double f = weights[first + r] * norm;
            int base = r * out;
            for (int c = 0; c < out; c++) {
                delta[base + c] *= f;
            }
        }
    }

    /**
     * @return the total weight of the last batch (its row count when there were no weights)
     */
    public double weightSum() {
        return weightSum;
    }

    /**
     * @return the gradients of the last batch's weighted mean loss, in the order of
     *         {@link Network#layout()}; owned by this object, the same arrays after every call,
     *         overwritten by the next call
     */
    public double[][] gradients() {
        return ws.gradients();
    }

    /**
     * @return the workspace of batches that are not split into shards, holding every layer's
     *         pre-activations and activations of the last such batch
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
