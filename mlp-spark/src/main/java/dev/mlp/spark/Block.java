package dev.mlp.spark;

import java.io.Serializable;

/**
 * Consecutive rows of one partition packed as row-major matrices, the unit the executors compute
 * gradients on. Every partition holds at least one block (an empty one if it has no rows), so
 * every partition reports to the aggregation.
 *
 * @param partition index of the partition the rows live in
 * @param offset index of the block's first row within its partition
 * @param rows number of rows
 * @param x {@code rows x inputs} features
 * @param y {@code rows x outputs} targets
 * @param weights per-row weights, or {@code null} for weight 1 each
 */
record Block(int partition, int offset, int rows, double[] x, double[] y, double[] weights)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
