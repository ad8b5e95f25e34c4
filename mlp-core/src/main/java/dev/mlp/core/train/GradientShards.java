package dev.mlp.core.train;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.kernel.Float32Products;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.kernel.Matrices;
import dev.mlp.api.kernel.WorkerPool;
import dev.mlp.core.network.FloatWeights;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;

/**
 * The parallel form of {@link BatchGradient} for large batches: the batch's rows are split into
 * shards of consecutive rows, each shard runs forward and backward in a workspace of its own on
 * one thread of the {@link WorkerPool}, and the shards' gradients are added into the target
 * workspace entry by entry in shard order, so the result does not depend on the thread count.
 * See {@link BatchGradient} for when a batch is split.
 *
 * <p>Not thread-safe: one instance per {@link BatchGradient}. Nothing is allocated per batch.
 */
final class GradientShards {

    private final ComputeBackend backend;
    private final Network network;
    private final Loss loss;
    private final Activation output;
    private final int threads;
    private final Workspace ws;
    private final Shard[] shards;
    private final ShardJob shardJob = new ShardJob();
    private final SumJob sumJob;
    /** The weights in {@code float} for every shard, or {@code null} under float64. */
    private final FloatWeights floatWeights;
    /**
     * Rounds {@link #floatWeights} before a batch's shards run, or {@code null} when the
     * shards' workspaces do not read it (float64, or a network with other blocks than dense
     * layers: see {@link Workspace#floatWeightGradients(int)}).
     */
    private final WorkerPool.Job roundJob;
    private double weightSum;
    private boolean finite;

    /**
     * @param network the network
     * @param loss the loss
     * @param capacity the largest batch, in rows
     * @param threads the most threads one batch may use
     * @param target the workspace whose gradients receive the sums
     */
    GradientShards(Network network, Loss loss, int capacity, int threads, Workspace target,
                   ComputeBackend backend) {
        this.backend = backend;
        this.network = network;
        this.loss = loss;
        this.output = network.activation(network.layerCount());
        this.threads = threads;
        this.ws = target;
        int most = BatchGradient.shardCount(capacity, true);
        int largest = 0;
        for (int rows = 2 * BatchGradient.SHARD_ROWS; rows <= capacity; rows++) {
            int count = BatchGradient.shardCount(rows, true);
            largest = Math.max(largest, (rows + count - 1) / count);
        }
        floatWeights = Float32Products.isFloat32(backend) ? new FloatWeights(network) : null;
        shards = new Shard[most > 1 ? most : 0];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(largest);
        }
        // the shards' workspaces decide whether they keep weight gradients in float
        boolean floatShards = shards.length > 0 && shards[0].ws.floatWeightGradients(1) != null;
        roundJob = floatShards ? floatWeights::round : null;
        this.sumJob = new SumJob(threads, target);
    }

    /** @return the total weight of the last batch */
    double weightSum() {
        return weightSum;
    }

    /** @return whether the last batch's summed gradients are all finite (if its loss was) */
    boolean finite() {
        return finite;
    }

    /**
     * Runs a batch in {@code count} shards. With {@code order == null} the batch's rows are
     * rows {@code [0, rows)} of {@code x}, {@code y}; otherwise rows
     * {@code order[first..first + rows)}. {@code weights} is batch-aligned either way.
     */
    double compute(double[] x, double[] y, double[] weights, int[] order, int first,
                           int rows, int count) {
        double total = rows;
        if (weights != null) {
            total = 0.0;
            for (int r = 0; r < rows; r++) {
                total += weights[r];
            }
        }
        weightSum = total;
        if (roundJob != null) {
            WorkerPool.shared().invoke(roundJob, threads);
        }
        shardJob.set(x, y, weights, order, first, rows, count, total);
        try {
            WorkerPool.shared().invoke(shardJob, Math.min(threads, count));
        } finally {
            shardJob.clear();
        }
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += shards[i].loss;
        }
        if (Double.isFinite(sum)) {
            sumJob.count = count;
            WorkerPool.shared().invoke(sumJob, threads);
            boolean all = true;
            for (int p = 0; p < threads; p++) {
                all &= sumJob.finite[p];
            }
            finite = all;
        }
        return sum;
    }

    /** One shard's rows, workspace and results. */
    private final class Shard {
        private final Workspace ws;
        private final double[] x;
        private final double[] y;
        private final double[] weights;
        private final double[] sampleLoss;
        private double loss;

        Shard(int capacity) {
            ws = new Workspace(network, capacity, MatrixBackends.engine(backend, 1),
                    floatWeights);
            x = new double[capacity * network.inputSize()];
            y = new double[capacity * network.outputSize()];
            weights = new double[capacity];
            sampleLoss = new double[capacity];
        }

        /** Rows {@code [from, to)} of the batch: their summed loss and gradient share. */
        void run(double[] bx, double[] by, double[] bw, int[] order, int first, int from,
                 int to, int batchRows, double total) {
            int in = network.inputSize();
            int out = network.outputSize();
            int rows = to - from;
            if (order == null) {
                System.arraycopy(bx, from * in, x, 0, rows * in);
                System.arraycopy(by, from * out, y, 0, rows * out);
            } else {
                Matrices.gatherRows(bx, in, order, first + from, rows, x);
                Matrices.gatherRows(by, out, order, first + from, rows, y);
            }
            double[] a = network.forward(ws, x, rows);
            int last = network.layerCount();
            double[] z = ws.preActivations(last);
            double[] delta = ws.delta(last);
            if (bw == null) {
                loss = GradientShards.this.loss.value(z, a, y, rows, out);
            } else {
                System.arraycopy(bw, from, weights, 0, rows);
                GradientShards.this.loss.values(z, a, y, sampleLoss, rows, out);
                double sum = 0.0;
                for (int r = 0; r < rows; r++) {
                    sum += weights[r] * sampleLoss[r];
                }
                loss = sum;
            }
            if (!Double.isFinite(loss)) {
                return;
            }
            GradientShards.this.loss.delta(output, z, a, y, delta, rows, out);
            if (bw != null) {
                BatchGradient.weigh(delta, weights, 0, rows, out, total > 0 ? batchRows / total : 0.0);
            }
            network.backward(ws, x, rows, 1.0 / batchRows);
        }
    }

    /** Runs the shards, each part taking every {@code parts}-th shard. */
    private final class ShardJob implements WorkerPool.Job {
        private double[] x;
        private double[] y;
        private double[] weights;
        private int[] order;
        private int first;
        private int rows;
        private int count;
        private double total;

        void set(double[] x, double[] y, double[] weights, int[] order, int first, int rows,
                 int count, double total) {
            this.x = x;
            this.y = y;
            this.weights = weights;
            this.order = order;
            this.first = first;
            this.rows = rows;
            this.count = count;
            this.total = total;
        }

        void clear() {
            x = null;
            y = null;
            weights = null;
            order = null;
        }

        @Override
        public void run(int part, int parts) {
            for (int s = part; s < count; s += parts) {
                int from = (int) ((long) rows * s / count);
                int to = (int) ((long) rows * (s + 1) / count);
                shards[s].run(x, y, weights, order, first, from, to, rows, total);
            }
        }
    }

    /**
     * Adds the shards' gradients into {@link #gradients()}, entry by entry in shard order, and
     * checks the sums are finite; the parts split the entries, not the sums.
     */
    private final class SumJob implements WorkerPool.Job {
        private int count;
        /** Per part: whether its entries are all finite. */
        private final boolean[] finite;

        /**
         * Per gradient block: the 1-based dense layer whose weight gradients the shards keep in
         * {@code float}, or 0 for a block they keep in {@code double}.
         */
        private final int[] floatBlock;

        SumJob(int parts, Workspace target) {
            finite = new boolean[parts];
            double[][] blocks = target.gradients();
            floatBlock = new int[blocks.length];
            for (int b = 0; b < blocks.length; b++) {
                for (int layer = 1; layer <= network.layerCount(); layer++) {
                    if (blocks[b] == target.weightGradients(layer) && shards.length > 0
                            && shards[0].ws.floatWeightGradients(layer) != null) {
                        floatBlock[b] = layer;
                    }
                }
            }
        }

        /**
         * The float weight gradients of {@code layer}, added in shard order in double. (A
         * single pass that also checked the sums ran slower than this vectorized loop followed
         * by {@link Finite#all}.)
         */
        private void addFloats(int layer, double[] target, int i0, int i1) {
            float[] g0 = shards[0].ws.floatWeightGradients(layer);
            float[] g1 = shards[1].ws.floatWeightGradients(layer);
            for (int i = i0; i < i1; i++) {
                target[i] = (double) g0[i] + (double) g1[i];
            }
            for (int s = 2; s < count; s++) {
                float[] g = shards[s].ws.floatWeightGradients(layer);
                for (int i = i0; i < i1; i++) {
                    target[i] += g[i];
                }
            }
        }

        @Override
        public void run(int part, int parts) {
            double[][] sum = ws.gradients();
            boolean ok = true;
            for (int b = 0; b < sum.length; b++) {
                double[] target = sum[b];
                int n = target.length;
                int i0 = (int) ((long) n * part / parts);
                int i1 = (int) ((long) n * (part + 1) / parts);
                if (floatBlock[b] > 0) {
                    addFloats(floatBlock[b], target, i0, i1);
                    ok &= Finite.all(target, i0, i1);
                    continue;
                }
                double[] g0 = shards[0].ws.gradients()[b];
                double[] g1 = shards[1].ws.gradients()[b];
                // first two shards in one pass: the same bits as copying the first and adding
                for (int i = i0; i < i1; i++) {
                    target[i] = g0[i] + g1[i];
                }
                for (int s = 2; s < count; s++) {
                    double[] g = shards[s].ws.gradients()[b];
                    for (int i = i0; i < i1; i++) {
                        target[i] += g[i];
                    }
                }
                ok &= Finite.all(target, i0, i1);
            }
            finite[part] = ok;
        }
    }
}
