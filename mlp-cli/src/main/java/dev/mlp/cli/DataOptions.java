package dev.mlp.cli;

import dev.mlp.data.DataTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say what data to train on: a CSV file with its target and feature columns,
 * or IDX images with labels, and the task. Shared by {@code train}, {@code cv} and
 * {@code tune}.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "CSV",
            description = "The training data, a CSV file (or give --images and --labels).")
    Path data;

    @Option(names = "--images", paramLabel = "IDX",
            description = "Training images in the IDX (MNIST) format, gzipped or not; bytes "
                    + "are scaled to [0, 1]. Needs --labels.")
    Path images;

    @Option(names = "--labels", paramLabel = "IDX",
            description = "The class index of each image, an IDX file.")
    Path labels;

    @Mixin
    CsvOptions csv;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The target column of the CSV file, by name (or 0-based index with "
                    + "--no-header).")
    String target;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "Feature columns, comma separated (default: every other column).")
    List<String> features;

    @Option(names = "--task", defaultValue = "classification",
            description = "classification or regression (default: ${DEFAULT-VALUE}).")
    TrainCommand.Task task;

    /** @return whether the task is classification */
    boolean classification() {
        return task == TrainCommand.Task.CLASSIFICATION;
    }

    /** @return the data file or image file, for messages */
    Object source() {
        return data != null ? data : images;
    }

    /** Checks that the input files are readable, before any work is done. */
    void checkFiles() {
        CliFiles.readable("--data", data);
        CliFiles.readable("--images", images);
        CliFiles.readable("--labels", labels);
    }

    /** Reads the data. */
    DataTable read(CommandLine.Model.CommandSpec spec) throws IOException {
        return TrainCommand.read(spec, csv, features, data, target, images, labels,
                classification());
    }

    /** Data a network cannot learn from is refused before training. */
    void checkTable(DataTable table) {
        checkTable(table, classification());
    }

    /** Data a network cannot learn from is refused before training. */
    void checkTable(DataTable table, boolean classification) {
        Object source = source();
        if (table.rows() < 2) {
            throw new BadInputException(source + " has " + table.rows() + " row"
                    + (table.rows() == 1 ? "" : "s") + " of data; training needs at least 2 "
                    + "(check the file, --no-header and --delimiter)");
        }
        if (classification && table.classNames().size() < 2) {
            throw new BadInputException("the target column '" + String.join(", ",
                    table.targetNames()) + "' of " + source + " holds only one class ("
                    + String.join(", ", table.classNames()) + ") in " + table.rows()
                    + " rows; a classifier needs at least two (check --target, or use --task "
                    + "regression)");
        }
    }
}
