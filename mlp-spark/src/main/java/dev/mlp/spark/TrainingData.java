package dev.mlp.spark;

import dev.mlp.core.Dataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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

    private TrainingData(JavaRDD<Block> blocks, int inputs, int outputs, int blockSize) {
        this.blocks = blocks;
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
        return of(samples, inputs, outputs, blockSize, weighted, false);
    }

    private static TrainingData of(JavaRDD<Sample> samples, int inputs, int outputs,
                                   int blockSize, boolean weighted, boolean truncate) {
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
        if (truncate) {
            // forget the lineage back to the driver's rows, which every task would carry
            blocks.rdd().localCheckpoint();
        }
        TrainingData data = new TrainingData(blocks, inputs, outputs, blockSize);
        if (data.rows == 0) {
            data.release();
            throw new IllegalArgumentException("the training data has no rows");
        }
        return data;
    }

    /**
     * Distributes a local data set, mostly for tests and benchmarks: rows are cut into
     * {@code partitions} consecutive ranges. The blocks are checkpointed locally, so that tasks
     * do not carry the driver's copy of the rows; they are lost with an executor, so this is
     * for data that one machine holds anyway.
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
        int in = data.inputs();
        int out = data.outputs();
        List<Sample> list = new ArrayList<>(data.rows());
        for (int r = 0; r < data.rows(); r++) {
            double[] x = new double[in];
            double[] y = new double[out];
            System.arraycopy(data.features(), r * in, x, 0, in);
            System.arraycopy(data.targets(), r * out, y, 0, out);
            list.add(new Sample(x, y));
        }
        return of(sc.parallelize(list, partitions), in, out, blockSize, false, true);
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
                x = java.util.Arrays.copyOf(x, n * inputs);
                y = java.util.Arrays.copyOf(y, n * outputs);
                w = w == null ? null : java.util.Arrays.copyOf(w, n);
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

    /** Drops the cached blocks. */
    public void release() {
        blocks.unpersist(false);
    }

    /** Same as {@link #release()}. */
    @Override
    public void close() {
        release();
    }
}
