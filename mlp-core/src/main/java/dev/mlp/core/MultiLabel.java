package dev.mlp.core;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The labels of a multi-label model, one sigmoid output each, and the decision threshold of each
 * label: a row has label {@code j} when output {@code j}, the probability of that label, is at
 * least {@code thresholds()[j]} (0.5 unless set). Several labels, or none, may hold for one row.
 *
 * <pre>{@code
 * MultiLabel labels = MultiLabel.of("news", "sport", "tech").withThresholds(0.5, 0.3, 0.5);
 * Model m = Mlp.builder().inputs(20).layer(32, "relu").layer(3, "sigmoid")
 *         .multiLabel(labels).optimizer("adam(lr=0.01)").epochs(100).build();
 * int[] decided = m.multiLabel().decide(m.predict(row));   // {1, 0, 1}
 * }</pre>
 *
 * <p>The separator says how a table writes the labels of a row in one text column, for example
 * {@code "sport;tech"} with separator {@code ";"}; it is empty when each label is a 0/1 column of
 * its own. A model file records the labels, the thresholds and the separator.
 *
 * <p>Immutable.
 */
public final class MultiLabel {

    /** The threshold of a label not set otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final List<String> labels;
    private final double[] thresholds;
    private final String separator;

    private MultiLabel(List<String> labels, double[] thresholds, String separator) {
        this.labels = List.copyOf(labels);
        if (this.labels.isEmpty()) {
            throw new IllegalArgumentException("a multi-label model needs at least 1 label, "
                    + "found none");
        }
        if (new HashSet<>(this.labels).size() != this.labels.size()) {
            throw new IllegalArgumentException("labels must be distinct, found " + this.labels);
        }
        for (String l : this.labels) {
            if (l.isBlank()) {
                throw new IllegalArgumentException("a label must not be blank, found "
                        + this.labels);
            }
        }
        if (thresholds.length != this.labels.size()) {
            throw new IllegalArgumentException("give one threshold per label (" + this.labels.size()
                    + ": " + String.join(", ", this.labels) + "), found " + thresholds.length
                    + ": " + Arrays.toString(thresholds));
        }
        for (int j = 0; j < thresholds.length; j++) {
            if (!(thresholds[j] > 0.0 && thresholds[j] < 1.0)) {
                throw new IllegalArgumentException("the threshold of label '" + this.labels.get(j)
                        + "' must be a probability in (0, 1), found " + thresholds[j]);
            }
        }
        this.thresholds = thresholds.clone();
        this.separator = Objects.requireNonNull(separator, "separator");
    }

    /**
     * @param labels the labels, in output order, distinct and not blank
     * @return the labels, each with threshold {@value #DEFAULT_THRESHOLD}, written as columns
     */
    public static MultiLabel of(List<String> labels) {
        double[] t = new double[labels.size()];
        Arrays.fill(t, DEFAULT_THRESHOLD);
        return new MultiLabel(labels, t, "");
    }

    /**
     * @param labels the labels, in output order, distinct and not blank
     * @return the labels, each with threshold {@value #DEFAULT_THRESHOLD}, written as columns
     */
    public static MultiLabel of(String... labels) {
        return of(List.of(labels));
    }

    /**
     * @param thresholds one threshold per label, each in {@code (0, 1)}
     * @return a copy with these thresholds
     * @throws IllegalArgumentException if the count differs from the labels' or one is out of
     *         range
     */
    public MultiLabel withThresholds(double... thresholds) {
        return new MultiLabel(labels, thresholds, separator);
    }

    /**
     * @param text the separator of the labels in one text column, or {@code ""} for columns
     * @return a copy with this separator
     */
    public MultiLabel withSeparator(String text) {
        return new MultiLabel(labels, thresholds, text);
    }

    /** @return the labels, in output order */
    public List<String> labels() {
        return labels;
    }

    /** @return the number of labels (the network's outputs) */
    public int size() {
        return labels.size();
    }

    /** @return a copy of the thresholds, in label order */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return the separator of the labels in one text column, {@code ""} for columns */
    public String separator() {
        return separator;
    }

    /**
     * @param probabilities one probability per label
     * @return 1 for each label whose probability is at least its threshold, else 0
     */
    public int[] decide(double[] probabilities) {
        requireOutputs(probabilities.length);
        int[] out = new int[thresholds.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = probabilities[j] >= thresholds[j] ? 1 : 0;
        }
        return out;
    }

    /**
     * @param outputs the number of outputs of a network
     * @throws IllegalArgumentException unless it is the number of labels
     */
    public void requireOutputs(int outputs) {
        if (outputs != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels (" + String.join(", ",
                    labels) + ") need " + labels.size() + " outputs, one sigmoid per label, "
                    + "found " + outputs);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiLabel m && labels.equals(m.labels)
                && Arrays.equals(thresholds, m.thresholds) && separator.equals(m.separator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Arrays.hashCode(thresholds), separator);
    }

    /** @return for example {@code "news 0.5, sport 0.3, tech 0.5"} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < thresholds.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(labels.get(j)).append(' ')
                    .append(String.format(Locale.ROOT, "%s", thresholds[j]));
        }
        return sb.toString();
    }
}
