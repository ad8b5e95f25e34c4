package dev.mlp.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The running sum of the partitions' gradients, combined in a fixed order whatever order the
 * tasks finish in, so that a step's result depends only on the data and its partitioning.
 *
 * <p>Spark merges partial aggregates as tasks complete, and floating-point addition is not
 * associative, so a plain sum would change in its last bits from run to run. Here each
 * partition's sum is a leaf of a fixed binary tree over the partition indices; two pieces are
 * only ever added when they are siblings in that tree, and {@code a + b == b + a} exactly, so the
 * root is the same bits in every run.
 */
final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final int height;
    /** Pending pieces by node key (level and index packed in a long). */
    private final Map<Long, Piece> pieces = new HashMap<>();
    /** Time spent in {@link #merge} on this instance, in nanoseconds; not sent anywhere. */
    private transient long mergeNanos;

    /**
     * @param partitions number of partitions of the data, at least 1
     */
    GradientSum(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, found " + partitions);
        }
        this.partitions = partitions;
        int h = 0;
        while ((1L << h) < partitions) {
            h++;
        }
        this.height = h;
    }

    /** One node of the tree: the sums of the partitions it covers. */
    static final class Piece implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Sum over rows of weight times the gradient of the loss, flat; null while all zero. */
        double[] gradient;
        /** Sum over rows of weight times loss. */
        double loss;
        /** Sum of row weights. */
        double weight;
        /** Number of rows. */
        long rows;
        /**
         * The compute backends the partitions' gradients were computed on, such as
         * {@code "native-blas float64"}; several, sorted and comma-separated, when executors
         * differ; null before any partition reported.
         */
        String backend;
        /** The longest time one task took to get the step's weights, in nanoseconds. */
        long loadNanos;
        /** The longest time one task took from start to its partition's sum, in nanoseconds. */
        long taskNanos;

        void add(Piece o) {
            loss += o.loss;
            weight += o.weight;
            rows += o.rows;
            backend = union(backend, o.backend);
            loadNanos = Math.max(loadNanos, o.loadNanos);
            taskNanos = Math.max(taskNanos, o.taskNanos);
            if (o.gradient != null) {
                if (gradient == null) {
                    gradient = o.gradient;
                } else {
                    double[] g = gradient;
                    double[] h = o.gradient;
                    for (int i = 0; i < g.length; i++) {
                        g[i] += h[i];
                    }
                }
            }
        }
    }

    /** @return the names of both lists, each once, sorted; null if both are null */
    static String union(String a, String b) {
        if (a == null || a.equals(b)) {
            return b == null ? a : b;
        }
        if (b == null) {
            return a;
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        names.addAll(java.util.Arrays.asList(a.split(", ")));
        names.addAll(java.util.Arrays.asList(b.split(", ")));
        return String.join(", ", names);
    }

    /**
     * The leaf of one partition, created empty on first use. Executors add their blocks' sums
     * to it in row order.
     *
     * @param partition the partition index
     * @return the leaf
     */
    Piece leaf(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be in [0, " + partitions
                    + "), found " + partition);
        }
        return pieces.computeIfAbsent(key(0, partition), k -> new Piece());
    }

    /**
     * Moves every piece of another sum into this one, adding siblings as they meet.
     *
     * @param other a sum over other partitions; must not be used afterwards
     * @return this
     */
    GradientSum merge(GradientSum other) {
        if (other.partitions != partitions) {
            throw new IllegalArgumentException("cannot merge sums over " + other.partitions
                    + " and " + partitions + " partitions");
        }
        long start = System.nanoTime();
        for (Map.Entry<Long, Piece> e : other.pieces.entrySet()) {
            insert(e.getKey(), e.getValue());
        }
        other.pieces.clear();
        mergeNanos += System.nanoTime() - start;
        return this;
    }

    /** @return the time spent merging other sums into this one, in nanoseconds */
    long mergeNanos() {
        return mergeNanos;
    }

    /**
     * @return the sum over all partitions
     * @throws IllegalStateException if some partition has not reported
     */
    Piece total() {
        // a sum that saw only one partition has not been through merge yet
        if (pieces.size() == 1 && partitions == 1) {
            return pieces.values().iterator().next();
        }
        GradientSum settled = new GradientSum(partitions);
        settled.merge(this);
        Piece root = settled.pieces.get(key(height, 0));
        if (root == null || settled.pieces.size() != 1) {
            throw new IllegalStateException("only " + settled.pieces.size()
                    + " parts of the gradient arrived for " + partitions + " partitions");
        }
        return root;
    }

    private void insert(long key, Piece piece) {
        int level = (int) (key >>> 32);
        long index = key & 0xffffffffL;
        while (level < height) {
            long sibling = index ^ 1L;
            long siblingStart = sibling << level;
            if (siblingStart < partitions) {
                Piece s = pieces.remove(key(level, sibling));
                if (s == null) {
                    break;
                }
                piece.add(s);
            }
            level++;
            index >>= 1;
        }
        pieces.put(key(level, index), piece);
    }

    private static long key(int level, long index) {
        return ((long) level << 32) | index;
    }
}
