package dev.mlp.cli;

import dev.mlp.core.MultiLabel;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of multi-label training: several 0/1 target columns, or one column of labels
 * joined by a separator, and the decision threshold of each label.
 */
final class LabelOptions {

    @Option(names = "--targets", split = ",", paramLabel = "COLUMN",
            description = "Multi-label: the 0/1 columns, one per label, comma separated; a row "
                    + "may have any number of labels. Trains one sigmoid output per label with "
                    + "binary cross-entropy.")
    List<String> targets;

    @Option(names = "--label-separator", paramLabel = "TEXT",
            description = "Multi-label: --target is one column holding each row's labels "
                    + "joined by this text, e.g. \"sport;tech\" with ';' (an empty cell: no "
                    + "label).")
    String separator;

    @Option(names = "--thresholds", split = ",", paramLabel = "P",
            description = "Multi-label: the probability at which each label is decided, one "
                    + "per label in output order, comma separated (default: 0.5 each).")
    List<Double> thresholds;

    /** @return whether the options ask for multi-label training */
    boolean given() {
        return targets != null || separator != null;
    }

    /** Refuses combinations that make no sense, before any data is read. */
    void check(String target, boolean taskGiven) {
        if (targets != null && separator != null) {
            throw new BadInputException("--label-separator splits the one --target column; "
                    + "with --targets each label is a column of its own; give one of them");
        }
        if (targets != null && target != null) {
            throw new BadInputException("give --targets (multi-label, one 0/1 column per "
                    + "label) or --target, not both");
        }
        if (separator != null && (separator.isEmpty() || target == null)) {
            throw new BadInputException(separator.isEmpty()
                    ? "--label-separator must not be empty; for example --label-separator \";\""
                    : "--label-separator needs --target, the column holding the labels");
        }
        if (targets != null && (targets.isEmpty() || targets.stream().anyMatch(String::isBlank)
                || targets.stream().distinct().count() != targets.size())) {
            throw new BadInputException("--targets: give distinct column names, comma "
                    + "separated, found '" + String.join(",", targets) + "'");
        }
        if (thresholds != null && !given()) {
            throw new BadInputException("--thresholds are for multi-label training; give "
                    + "--targets or --target with --label-separator");
        }
        if (given() && taskGiven) {
            throw new BadInputException("--task does not apply to multi-label training "
                    + "(--targets or --label-separator); leave it out");
        }
    }

    /**
     * @param labels the labels found in the data
     * @return them with the thresholds of {@code --thresholds} and the separator
     */
    MultiLabel apply(MultiLabel labels) {
        return withThresholds(labels.withSeparator(separator == null ? "" : separator),
                thresholds);
    }

    /**
     * @param labels labels
     * @param given thresholds from the command line, or {@code null}
     * @return the labels with these thresholds
     */
    static MultiLabel withThresholds(MultiLabel labels, List<Double> given) {
        if (given == null) {
            return labels;
        }
        double[] t = new double[given.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = given.get(j);
        }
        try {
            return labels.withThresholds(t);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--thresholds: " + e.getMessage(), e);
        }
    }
}
