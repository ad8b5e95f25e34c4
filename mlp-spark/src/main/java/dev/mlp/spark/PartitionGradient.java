package dev.mlp.spark;

import dev.mlp.core.Mlp;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.BatchGradient;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of one training step: adds the summed gradient and loss of a block's rows
 * (or of a seeded sample of them) to its partition's leaf of the {@link GradientSum}, computed
 * by {@link BatchGradient}, the code single-machine training uses.
 *
 * <p>Each executor thread keeps one network and workspace per network spec and reuses them from
 * step to step; the weights come from the step's broadcast. Plugins are resolved by name with
 * the executor's own plugin registry.
 */
final class PartitionGradient implements Function2<GradientSum, Block, GradientSum> {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();

    private final NetworkSpec spec;
    private final int blockSize;
    private final Broadcast<double[]> weights;
    private final double fraction;
    private final long stepSeed;

    /**
     * @param spec the network and loss
     * @param blockSize the largest block, in rows
     * @param weights the step's parameters, flat in layout order
     * @param fraction the share of rows each step samples, in (0, 1]; 1 takes every row
     * @param stepSeed the seed of this step's sample (unused when {@code fraction} is 1)
     */
    PartitionGradient(NetworkSpec spec, int blockSize, Broadcast<double[]> weights,
                      double fraction, long stepSeed) {
        this.spec = spec;
        this.blockSize = blockSize;
        this.weights = weights;
        this.fraction = fraction;
        this.stepSeed = stepSeed;
    }

    @Override
    public GradientSum call(GradientSum sum, Block block) {
        GradientSum.Piece leaf = sum.leaf(block.partition());
        if (block.rows() == 0) {
            return sum;
        }
        Worker w = worker();
        w.load(weights.value());
        double[] x = block.x();
        double[] y = block.y();
        double[] rw = block.weights();
        int rows = block.rows();
        if (fraction < 1.0) {
            rows = w.sample(block, fraction, stepSeed);
            if (rows == 0) {
                return sum;
            }
            x = w.x;
            y = w.y;
            rw = block.weights() == null ? null : w.w;
        }
        double loss = w.gradient.compute(x, y, rw, rows);
        double weight = w.gradient.weightSum();
        leaf.loss += loss;
        leaf.weight += weight;
        leaf.rows += rows;
        if (leaf.gradient == null) {
            leaf.gradient = new double[w.size];
        }
        if (weight > 0) {
            double[] g = leaf.gradient;
            int at = 0;
            for (double[] part : w.gradient.gradients()) {
                for (double v : part) {
                    g[at++] += v * weight;
                }
            }
        }
        return sum;
    }

    private Worker worker() {
        Worker w = WORKER.get();
        if (w == null || !w.spec.equals(spec) || w.capacity < blockSize) {
            w = new Worker(spec, blockSize);
            WORKER.set(w);
        }
        return w;
    }

    /** A network, its gradient workspace and sample buffers, reused by one executor thread. */
    private static final class Worker {
        final NetworkSpec spec;
        final int capacity;
        final Network network;
        final double[][] params;
        final BatchGradient gradient;
        final int size;
        final double[] x;
        final double[] y;
        final double[] w;
        double[] loaded;

        Worker(NetworkSpec spec, int capacity) {
            this.spec = spec;
            this.capacity = capacity;
            var registry = Mlp.standard().registry();
            this.network = spec.network(registry);
            this.params = network.parameters();
            this.gradient = new BatchGradient(network, spec.lossFunction(registry), capacity);
            this.size = spec.parameterCount();
            this.x = new double[capacity * spec.inputs()];
            this.y = new double[capacity * spec.outputs()];
            this.w = new double[capacity];
        }

        void load(double[] flat) {
            if (flat == loaded) {
                return;
            }
            if (flat.length != size) {
                throw new IllegalArgumentException("the broadcast holds " + flat.length
                        + " parameters, the network " + spec.sizes().length + " layers with "
                        + size);
            }
            Flat.copyInto(flat, params);
            loaded = flat;
        }

        /**
         * Bernoulli sample of the block's rows with the given inclusion probability, drawn by
         * skipping geometric gaps, from a generator seeded by the step, partition and block.
         */
        int sample(Block block, double fraction, long stepSeed) {
            SplittableRandom random = new SplittableRandom(
                    Flat.mix(Flat.mix(stepSeed ^ block.partition()) + block.offset()));
            int in = spec.inputs();
            int out = spec.outputs();
            double logMiss = Math.log1p(-fraction);
            int n = 0;
            int r = -1;
            while (true) {
                double u = random.nextDouble();
                // gap ~ Geometric(fraction): rows skipped before the next one taken
                double gap = Math.floor(Math.log1p(-u) / logMiss);
                if (gap >= block.rows() - r - 1) {
                    break;
                }
                r += (int) gap + 1;
                System.arraycopy(block.x(), r * in, x, n * in, in);
                System.arraycopy(block.y(), r * out, y, n * out, out);
                if (block.weights() != null) {
                    w[n] = block.weights()[r];
                }
                n++;
            }
            return n;
        }
    }
}
