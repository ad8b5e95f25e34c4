package dev.mlp.cli;

import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.train.Seeds;
import dev.mlp.core.train.ValidationSplit;
import dev.mlp.data.ClassOrder;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads multi-label data from a CSV file: the features as {@code mlp train} reads them (encoded
 * and imputed), and the labels either from one 0/1 column per label or from one text column of
 * labels joined by a separator, as a {@code rows x labels} 0/1 target matrix.
 */
final class MultiLabelTable {

    private MultiLabelTable() {
    }

    /**
     * The data to train on and the labels found in it.
     *
     * @param prepared the table (0/1 targets, one column per label) with its preprocessing
     * @param labels the labels, in output order, with their thresholds ({@code null} where
     *               {@code cv} and {@code tune} read single-label data)
     */
    record Read(TrainCommand.Prepared prepared, MultiLabel labels) {
    }

    /** Reads training data: every label found in the file, in the order of --class-order. */
    static Read forTraining(CsvOptions csv, TableOptions options, List<String> features,
                            Path data, String target, LabelOptions labelOptions,
                            Plugins plugins) throws IOException {
        List<String> labelColumns = labelOptions.targets != null ? labelOptions.targets
                : List.of(target);
        CsvReader reader = csv.reader().build();
        List<String> names = reader.columnNames(data);
        for (String c : labelColumns) {
            if (!names.contains(c)) {
                throw new BadInputException(data + " has no column '" + c + "' for the labels; "
                        + "its columns are: " + String.join(", ", names));
            }
        }
        List<String> featureColumns = new ArrayList<>();
        if (features != null) {
            for (String f : features) {
                if (labelColumns.contains(f)) {
                    throw new BadInputException("--features names '" + f + "', which holds "
                            + "labels; leave it out of the features");
                }
            }
            featureColumns.addAll(features);
        } else {
            for (String n : names) {
                if (!labelColumns.contains(n)) {
                    featureColumns.add(n);
                }
            }
        }
        TablePreprocessor preprocessor = options.preprocessor(plugins.mlp().registry());
        RawTable raw = options.apply(csv.features(csv.reader(), featureColumns)).noTarget()
                .build().readRaw(data);
        FittedPreprocessing p = preprocessor.fit(raw);
        FittedPreprocessing.Encoded e = p.apply(raw);
        MultiLabel labels;
        double[] y;
        if (labelOptions.separator == null) {
            labels = MultiLabel.of(labelColumns);
            y = columns(reader, data, labelColumns);
        } else {
            List<List<String>> rows = split(reader.cells(data, target), labelOptions.separator);
            Set<String> found = options.order() == ClassOrder.SORTED ? new TreeSet<>()
                    : new LinkedHashSet<>();
            rows.forEach(found::addAll);
            if (found.isEmpty()) {
                throw new BadInputException("the column '" + target + "' of " + data
                        + " holds no label (labels separated by '" + labelOptions.separator
                        + "'); check --target and --label-separator");
            }
            labels = MultiLabel.of(new ArrayList<>(found));
            y = indicators(rows, labels.labels(), data, target);
        }
        labels = labelOptions.apply(labels);
        DataTable table = DataTable.regression(data.toString(), e.table().features(),
                e.table().featureNames(), y, labels.labels());
        return new Read(new TrainCommand.Prepared(table, raw, p, e.imputed()), labels);
    }

    /**
     * A multi-label table as the rows a model trains on. Its rows carry no class, even where
     * every row happens to have exactly one label: validation splits and folds are plain seeded
     * shuffles, the same in {@code train}, {@code cv} and {@code tune}.
     *
     * @param table a table with one 0/1 target column per label
     * @return its rows, as regression data
     */
    static Dataset dataset(DataTable table) {
        return table.toDataset().asRegression();
    }

    /**
     * The table {@code --validation} trains on: the inputs encoded and imputed with what was
     * fitted on the training rows only (see {@link TableFolds#forValidation}), the labels as
     * they are.
     */
    static TrainCommand.Prepared forValidation(TrainCommand.Prepared prepared,
                                               TablePreprocessor preprocessor, double fraction,
                                               long seed) {
        if (prepared.preprocessing().isIdentity()) {
            return prepared;
        }
        DataTable t = prepared.table();
        int[][] rows = ValidationSplit.rows(dataset(t), fraction, Seeds.of(seed).validation());
        FittedPreprocessing p = preprocessor.fit(prepared.raw().select(rows[0]));
        FittedPreprocessing.Encoded e = p.apply(prepared.raw());
        return new TrainCommand.Prepared(DataTable.regression(t.source(), e.table().features(),
                e.table().featureNames(), t.targets(), t.targetNames()), prepared.raw(), p,
                e.imputed());
    }

    /** Reads labelled data for a saved multi-label model: its features and its labels. */
    static DataTable forModel(SavedModel saved, CsvOptions csv, Path data, PrintWriter err)
            throws IOException {
        MultiLabel labels = saved.model().multiLabel();
        DataTable x = saved.read(csv, data, null, false, err);
        CsvReader reader = csv.reader().build();
        List<String> columns = saved.targetNames();
        double[] y;
        if (labels.separator().isEmpty()) {
            y = columns(reader, data, columns.isEmpty() ? labels.labels() : columns);
        } else {
            if (columns.size() != 1) {
                throw new BadInputException("the model " + saved.file() + " does not record "
                        + "the column of its labels");
            }
            y = indicators(split(reader.cells(data, columns.get(0)), labels.separator()),
                    labels.labels(), data, columns.get(0));
        }
        if (y.length != x.rows() * labels.size()) {
            throw new BadInputException(data + " gives " + x.rows() + " rows of features but "
                    + y.length / labels.size() + " rows of labels");
        }
        return DataTable.regression(data.toString(), x.features(), x.featureNames(), y,
                labels.labels());
    }

    /**
     * @param model a multi-label model about to be saved
     * @param table its training table, one target column per label
     * @param target the column holding the labels joined by the separator, if any
     * @return the columns the labels are read from: one per label, or the joined column
     */
    static List<String> labelColumns(Model model, DataTable table, String target) {
        return model.multiLabel() != null && !model.multiLabel().separator().isEmpty()
                ? List.of(target) : table.targetNames();
    }

    /** One 0/1 column per label. */
    private static double[] columns(CsvReader reader, Path data, List<String> columns)
            throws IOException {
        int k = columns.size();
        double[] y = null;
        for (int j = 0; j < k; j++) {
            List<String> cells = reader.cells(data, columns.get(j));
            if (y == null) {
                y = new double[cells.size() * k];
            }
            for (int r = 0; r < cells.size(); r++) {
                String c = cells.get(r);
                double v = switch (c) {
                    case "0", "0.0" -> 0.0;
                    case "1", "1.0" -> 1.0;
                    default -> throw new BadInputException(data + ": data row " + (r + 1)
                            + ", column '" + columns.get(j) + "': a label column holds 0 or 1, "
                            + "found '" + c + "'");
                };
                y[r * k + j] = v;
            }
        }
        return y;
    }

    private static List<List<String>> split(List<String> cells, String separator) {
        Pattern p = Pattern.compile(Pattern.quote(separator));
        List<List<String>> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            List<String> row = new ArrayList<>();
            for (String label : p.split(cell, -1)) {
                String l = label.strip();
                if (!l.isEmpty() && !row.contains(l)) {
                    row.add(l);
                }
            }
            out.add(row);
        }
        return out;
    }

    private static double[] indicators(List<List<String>> rows, List<String> labels, Path data,
                                       String column) {
        int k = labels.size();
        double[] y = new double[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) {
            for (String l : rows.get(r)) {
                int j = labels.indexOf(l);
                if (j < 0) {
                    throw new BadInputException(data + ": data row " + (r + 1) + ", column '"
                            + column + "': the label '" + l + "' is not one of the model's ("
                            + String.join(", ", labels) + ")");
                }
                y[r * k + j] = 1.0;
            }
        }
        return y;
    }
}
