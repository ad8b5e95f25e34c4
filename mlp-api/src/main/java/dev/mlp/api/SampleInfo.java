package dev.mlp.api;

/**
 * What a {@link BatchStrategy} may know about the training samples when it arranges an epoch:
 * their classes (for stratified batches) and their weights (for weighted sampling).
 */
public interface SampleInfo {

    /**
     * @return the number of training samples
     */
    int count();

    /**
     * @return the number of classes, or 0 if the targets are not one class per sample
     */
    int classes();

    /**
     * @param sample the sample index, from 0
     * @return the sample's class index, or -1 if the targets are not one class per sample
     */
    int classOf(int sample);

    /**
     * @param sample the sample index, from 0
     * @return the sample's weight, finite and at least 0; 1 when no weights were given
     */
    double weight(int sample);

    /**
     * Samples with no classes and weight 1 each.
     *
     * @param count the number of samples
     * @return the information
     */
    static SampleInfo unweighted(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
        return new SampleInfo() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public int classes() {
                return 0;
            }

            @Override
            public int classOf(int sample) {
                return -1;
            }

            @Override
            public double weight(int sample) {
                return 1.0;
            }
        };
    }
}
