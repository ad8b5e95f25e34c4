package dev.mlp.spark;

import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.Mlp;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.BatchGradient;
import dev.mlp.core.train.Precision;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of one training step: the summed gradient and loss of one partition's rows
 * (or of a seeded sample of them), computed block by block with {@link BatchGradient}, the code
 * single-machine training uses, and returned as that partition's leaf of a {@link GradientSum}.
 *
 * <p>Each executor thread keeps one network and workspace per network spec and reuses them from
 * step to step; the weights come with the task or from the step's broadcast. Plugins are
 * resolved by name with the executor's own plugin registry, and the matrix products run on the
 * compute backend the executor's JVM chooses by default ({@link MatrixBackends#standard()}: the
 * system property {@code mlp.backend}, else the fastest that runs there), in the trainer's
 * precision; the leaf carries that backend's name back to the driver, and the time the task
 * took.
 */
final class PartitionGradient implements FlatMapFunction<Iterator<Block>, GradientSum> {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();

    private final NetworkSpec spec;
    private final int partitions;
    private final int blockSize;
    /** The step's parameters carried in the task itself, or null when they are broadcast. */
    private final double[] embedded;
    private final Broadcast<double[]> weights;
    private final double fraction;
    private final long stepSeed;
    private final Precision precision;

    /**
     * @param spec the network and loss
     * @param partitions the number of partitions of the data
     * @param blockSize the largest block, in rows
     * @param weights the step's parameters, flat in layout order, as a broadcast
     * @param fraction the probability that a row is in the step's sample, in (0, 1]; 1 takes
     *                 every row
     * @param stepSeed the seed of this step's sample (unused when {@code fraction} is 1)
     * @param precision the precision of the matrix products
     */
    PartitionGradient(NetworkSpec spec, int partitions, int blockSize,
                      Broadcast<double[]> weights, double fraction, long stepSeed,
                      Precision precision) {
        this(spec, partitions, blockSize, null, java.util.Objects.requireNonNull(weights),
                fraction, stepSeed, precision);
    }

    /**
     * A step whose parameters travel inside the task: Spark ships a stage's tasks as one
     * broadcast of their code and data anyway, so small parameter vectors need no broadcast of
     * their own, and the executors save fetching one.
     *
     * @param spec the network and loss
     * @param partitions the number of partitions of the data
     * @param blockSize the largest block, in rows
     * @param weights the step's parameters, flat in layout order
     * @param fraction the probability that a row is in the step's sample, in (0, 1]
     * @param stepSeed the seed of this step's sample (unused when {@code fraction} is 1)
     * @param precision the precision of the matrix products
     */
    PartitionGradient(NetworkSpec spec, int partitions, int blockSize, double[] weights,
                      double fraction, long stepSeed, Precision precision) {
        this(spec, partitions, blockSize, java.util.Objects.requireNonNull(weights), null,
                fraction, stepSeed, precision);
    }

    private PartitionGradient(NetworkSpec spec, int partitions, int blockSize,
                              double[] embedded, Broadcast<double[]> weights, double fraction,
                              long stepSeed, Precision precision) {
        this.spec = spec;
        this.partitions = partitions;
        this.blockSize = blockSize;
        this.embedded = embedded;
        this.weights = weights;
        this.fraction = fraction;
        this.stepSeed = stepSeed;
        this.precision = precision;
    }

    @Override
    public Iterator<GradientSum> call(Iterator<Block> blocks) {
        if (!blocks.hasNext()) {
            return Collections.emptyIterator();
        }
        long start = System.nanoTime();
        Worker w = worker();
        w.load(embedded != null ? embedded : weights.value());
        long loaded = System.nanoTime();
        GradientSum sum = new GradientSum(partitions);
        GradientSum.Piece leaf = null;
        SplittableRandom random = null;
        double logMiss = Math.log1p(-fraction);
        long gap = 0;
        int buffered = 0;
        boolean weighted = false;
        int in = spec.inputs();
        int out = spec.outputs();
        while (blocks.hasNext()) {
            Block b = blocks.next();
            if (leaf == null) {
                leaf = sum.leaf(b.partition());
                leaf.backend = w.backend;
                weighted = b.weights() != null;
                if (fraction < 1.0) {
                    random = new SplittableRandom(Flat.mix(stepSeed ^ Flat.mix(b.partition())));
                    gap = gap(random, logMiss);
                }
            }
            if (fraction >= 1.0) {
                if (b.rows() > 0) {
                    w.accumulate(leaf, b.x(), b.y(), b.weights(), b.rows());
                }
                continue;
            }
            // Bernoulli sample: the gaps between taken rows are geometric, across blocks
            long pos = 0;
            while (pos + gap < b.rows()) {
                int r = (int) (pos + gap);
                System.arraycopy(b.x(), r * in, w.x, buffered * in, in);
                System.arraycopy(b.y(), r * out, w.y, buffered * out, out);
                w.w[buffered] = b.weights() == null ? 1.0 : b.weights()[r];
                buffered++;
                if (buffered == w.capacity) {
                    w.accumulate(leaf, w.x, w.y, weighted ? w.w : null, buffered);
                    buffered = 0;
                }
                pos = r + 1L;
                gap = gap(random, logMiss);
            }
            gap -= b.rows() - pos;
        }
        if (buffered > 0) {
            w.accumulate(leaf, w.x, w.y, weighted ? w.w : null, buffered);
        }
        leaf.loadNanos = loaded - start;
        leaf.taskNanos = System.nanoTime() - start;
        return List.of(sum).iterator();
    }

    /** Rows skipped before the next one taken: Geometric(fraction), by inversion. */
    private static long gap(SplittableRandom random, double logMiss) {
        return (long) Math.floor(Math.log1p(-random.nextDouble()) / logMiss);
    }

    private Worker worker() {
        int threads = taskThreads();
        // chosen per task: the system property mlp.backend may name another one between runs
        ComputeBackend chosen = MatrixBackends.standard();
        Worker w = WORKER.get();
        if (w == null || !w.spec.equals(spec) || w.capacity < blockSize || w.threads != threads
                || w.precision != precision || !w.chosen.equals(chosen.name())) {
            w = new Worker(spec, blockSize, threads, precision, chosen);
            WORKER.set(w);
        }
        return w;
    }

    /**
     * The cores Spark gives one task ({@code spark.task.cpus}, 1 by default): an executor runs
     * as many tasks at once as it has cores, so a task whose matrix products spread over every
     * core of the machine only makes the tasks wait for each other. The results do not depend
     * on the thread count.
     */
    private static int taskThreads() {
        TaskContext task = TaskContext.get();
        return task == null ? 1 : Math.max(1, task.cpus());
    }

    /** A network, its gradient workspace and sample buffers, reused by one executor thread. */
    private static final class Worker {
        final NetworkSpec spec;
        final int capacity;
        final int threads;
        final Precision precision;
        /** The compute backend's name. */
        final String chosen;
        /** The compute backend's name, with the precision: {@code "native-blas float64"}. */
        final String backend;
        final double[][] params;
        final BatchGradient gradient;
        final int size;
        final double[] x;
        final double[] y;
        final double[] w;
        double[] loaded;

        Worker(NetworkSpec spec, int capacity, int threads, Precision precision,
               ComputeBackend chosen) {
            this.spec = spec;
            this.capacity = capacity;
            this.threads = threads;
            this.precision = precision;
            var registry = Mlp.standard().registry();
            Network network = spec.network(registry);
            this.params = network.parameters();
            this.chosen = chosen.name();
            this.backend = chosen.name() + " " + precision.label();
            this.gradient = new BatchGradient(network, spec.lossFunction(registry), capacity,
                    threads, MatrixBackends.withPrecision(chosen, precision));
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
                        + " parameters, the network of layer sizes "
                        + java.util.Arrays.toString(spec.sizes()) + " has " + size);
            }
            Flat.copyInto(flat, params);
            loaded = flat;
        }

        /** Adds the summed loss and gradient of {@code rows} rows to the leaf. */
        void accumulate(GradientSum.Piece leaf, double[] xs, double[] ys, double[] ws, int rows) {
            double loss = gradient.compute(xs, ys, ws, rows);
            double weight = gradient.weightSum();
            leaf.loss += loss;
            leaf.weight += weight;
            leaf.rows += rows;
            if (leaf.gradient == null) {
                leaf.gradient = new double[size];
            }
            if (weight > 0) {
                double[] g = leaf.gradient;
                int at = 0;
                for (double[] part : gradient.gradients()) {
                    for (double v : part) {
                        g[at++] += v * weight;
                    }
                }
            }
        }
    }
}
