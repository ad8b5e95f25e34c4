package dev.mlp.spark;

import dev.mlp.core.Dataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Training samples distributed over a Spark cluster, packed once into row-major blocks and
 * cached, ready for many training steps. The partitioning is that of the source RDD and stays
 * fixed, which together with the seed makes training reproducible.
 *
 * <p>Close it (or call {@link #release()}) to drop the cached blocks.
 */
public final class TrainingData implements AutoCloseable {

    private final JavaRDD<Block> blocks;
    private final int inputs;
    private final int outputs;
    private final int partitions;
    private final int blockSize;
    private final long rows;
    private final double totalWeight;
    /** The broadcast rows the blocks are packed from, or null when they come from an RDD. */
    private final Broadcast<?> source;

    private TrainingData(JavaRDD<Block> blocks, int inputs, int outputs, int blockSize,
                         Broadcast<?> source) {
        this.blocks = blocks;
        this.source = source;
        this.inputs = inputs;
        this.outputs = outputs;
        this.partitions = blocks.getNumPartitions();
        this.blockSize = blockSize;
        double[] counts = blocks.map(b -> {
            double w = 0;
            if (b.weights() == null) {
                w = b.rows();
            } else {
                for (int r = 0; r < b.rows(); r++) {
                    w += b.weights()[r];
                }
            }
            return new double[] {b.rows(), w};
        }).fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        this.rows = (long) counts[0];
        this.totalWeight = counts[1];
    }

    /**
     * Packs and caches samples.
     *
     * @param samples the samples; their partitioning is kept
     * @param inputs number of features of every sample
     * @param outputs number of targets of every sample
     * @param blockSize rows per block (the unit a forward and backward pass runs on), at least 1
     * @param weighted whether to use the samples' weights; {@code false} treats every weight as 1
     * @return the cached data
     * @throws IllegalArgumentException if there are no samples; a sample of the wrong length
     *                                  fails the Spark job with a message naming its partition
     *                                  and row
     */
    public static TrainingData of(JavaRDD<Sample> samples, int inputs, int outputs, int blockSize,
                                  boolean weighted) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be >= 1, found " + inputs
                    + " and " + outputs);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, found " + blockSize);
        }
        if (samples.getNumPartitions() < 1) {
            throw new IllegalArgumentException("the samples have no partitions");
        }
        JavaRDD<Block> blocks = samples.mapPartitionsWithIndex(
                (index, it) -> pack(index, it, inputs, outputs, blockSize, weighted), true);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        TrainingData data = new TrainingData(blocks, inputs, outputs, blockSize, null);
        if (data.rows == 0) {
            data.release();
            throw new IllegalArgumentException("the training data has no rows");
        }
        return data;
    }

    /**
     * Distributes a local data set, mostly for tests and benchmarks: rows are cut into
     * {@code partitions} consecutive ranges. The rows travel once to each executor as a
     * broadcast, and each partition packs its range from it, so tasks do not carry rows and a
     * partition lost with an executor is packed again from the broadcast: training survives
     * the loss of an executor. Every executor holds all rows, so this is for data that one
     * machine holds anyway.
     *
     * @param sc the Spark context
     * @param data the samples
     * @param partitions number of partitions, at least 1
     * @param blockSize rows per block, at least 1
     * @return the cached data
     */
    public static TrainingData parallelize(JavaSparkContext sc, Dataset data, int partitions,
                                           int blockSize) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, found " + partitions);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, found " + blockSize);
        }
        int in = data.inputs();
        int out = data.outputs();
        int n = data.rows();
        Broadcast<LocalRows> rows = sc.broadcast(new LocalRows(data.features().clone(),
                data.targets().clone(), in, out));
        List<Integer> indices = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            indices.add(p);
        }
        // one index per partition; partition p packs rows [p·n/partitions, (p+1)·n/partitions)
        JavaRDD<Block> blocks = sc.parallelize(indices, partitions).mapPartitionsWithIndex(
                (index, it) -> {
                    int from = (int) ((long) index * n / partitions);
                    int to = (int) ((long) (index + 1) * n / partitions);
                    return pack(index, rows.value().samples(from, to), in, out, blockSize,
                            false);
                }, true);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        TrainingData d = new TrainingData(blocks, in, out, blockSize, rows);
        if (d.rows == 0) {
            d.release();
            throw new IllegalArgumentException("the training data has no rows");
        }
        return d;
    }

    /** The rows of a local data set, as broadcast to the executors. */
    private record LocalRows(double[] x, double[] y, int inputs, int outputs)
            implements Serializable {

        Iterator<Sample> samples(int from, int to) {
            return new Iterator<>() {
                private int r = from;

                @Override
                public boolean hasNext() {
                    return r < to;
                }

                @Override
                public Sample next() {
                    if (r >= to) {
                        throw new java.util.NoSuchElementException();
                    }
                    double[] f = Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs);
                    double[] t = Arrays.copyOfRange(y, r * outputs, (r + 1) * outputs);
                    r++;
                    return new Sample(f, t);
                }
            };
        }
    }

    private static Iterator<Block> pack(int partition, Iterator<Sample> it, int inputs,
                                        int outputs, int blockSize, boolean weighted) {
        List<Block> out = new ArrayList<>();
        int row = 0;
        while (it.hasNext() || out.isEmpty()) {
            double[] x = new double[blockSize * inputs];
            double[] y = new double[blockSize * outputs];
            double[] w = weighted ? new double[blockSize] : null;
            int n = 0;
            while (n < blockSize && it.hasNext()) {
                Sample s = it.next();
                if (s.features().length != inputs) {
                    throw new IllegalArgumentException("partition " + partition + ", row " + row
                            + ": the features must have " + inputs + " values, found "
                            + s.features().length);
                }
                if (s.targets().length != outputs) {
                    throw new IllegalArgumentException("partition " + partition + ", row " + row
                            + ": the targets must have " + outputs + " values, found "
                            + s.targets().length);
                }
                System.arraycopy(s.features(), 0, x, n * inputs, inputs);
                System.arraycopy(s.targets(), 0, y, n * outputs, outputs);
                if (w != null) {
                    w[n] = s.weight();
                }
                n++;
                row++;
            }
            if (n < blockSize) {
                x = Arrays.copyOf(x, n * inputs);
                y = Arrays.copyOf(y, n * outputs);
                w = w == null ? null : Arrays.copyOf(w, n);
            }
            out.add(new Block(partition, row - n, n, x, y, w));
        }
        return out.iterator();
    }

    /** @return the cached blocks */
    JavaRDD<Block> blocks() {
        return blocks;
    }

    /** @return the number of features per sample */
    public int inputs() {
        return inputs;
    }

    /** @return the number of targets per sample */
    public int outputs() {
        return outputs;
    }

    /** @return the number of partitions */
    public int partitions() {
        return partitions;
    }

    /** @return rows per block */
    public int blockSize() {
        return blockSize;
    }

    /** @return the number of samples */
    public long rows() {
        return rows;
    }

    /** @return the sum of the samples' weights (the row count when unweighted) */
    public double totalWeight() {
        return totalWeight;
    }

    /** Drops the cached blocks (and the executors' copies of broadcast rows). */
    public void release() {
        blocks.unpersist(false);
        if (source != null) {
            source.unpersist(false);
        }
    }

    /** Same as {@link #release()}. */
    @Override
    public void close() {
        release();
    }
}
