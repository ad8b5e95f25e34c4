package dev.mlp.cli;

import dev.mlp.core.Model;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.io.AtomicFiles;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp predict}: reads the model's feature columns from a CSV file and writes them back,
 * as the file writes them, after any columns to keep ({@code --keep id}) and before the
 * predictions (and, for classifiers, one probability column per class; for multi-label models,
 * one 0/1 column per label, then one probability column per label).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a saved model: CSV in, CSV out with a prediction column "
                + "and, for classifiers, one probability column per class.")
final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private MlpCli parent;

    @Option(names = {"--model", "-m"}, required = true, paramLabel = "MODEL",
            description = "The model file, as saved by 'mlp train'.")
    private Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "CSV",
            description = "Rows to predict; must have the model's feature columns (others are "
                    + "ignored).")
    private Path data;

    @Option(names = {"--output", "-o"}, paramLabel = "CSV",
            description = "Where to write the predictions (default: standard output).")
    private Path output;

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN",
            description = "Columns of the input to copy to the output before the features, "
                    + "as written, comma separated; for example --keep id.")
    private List<String> keep = new ArrayList<>();

    @Mixin
    private CsvOptions csv;

    @Option(names = "--thresholds", split = ",", paramLabel = "P",
            description = "Multi-label models: decide each label at this probability instead "
                    + "of the model's thresholds, one per label, comma separated.")
    private List<Double> thresholds;

    @Mixin
    private BackendOption backend;

    @Override
    @SuppressWarnings("try") // the lock is held, not used, in its try block
    public Integer call() throws IOException {
        CliFiles.readable("--data", data);
        CliFiles.writable("-o", output);
        CliFiles.notAnInput("-o", output, "--data", data, "-m", modelFile);
        SavedModel saved = SavedModel.load(modelFile, backend.apply(parent.plugins().mlp()));
        if (thresholds != null && !saved.multiLabel()) {
            throw new BadInputException("--thresholds are for multi-label models; " + modelFile
                    + " is not one");
        }
        MultiLabel labels = saved.multiLabel()
                ? LabelOptions.withThresholds(saved.model().multiLabel(), thresholds) : null;
        DataTable table = saved.read(csv, data, null, false, spec.commandLine().getErr());
        double[][] p = saved.model().predict(table.x());
        List<String> columns = new ArrayList<>(keep);
        List<String> features = saved.featureNames().isEmpty() ? table.featureNames()
                : saved.featureNames();
        for (String f : features) {
            if (!columns.contains(f)) {
                columns.add(f);
            }
        }
        List<String> x = csv.reader().build().rowsAsWritten(data, columns);
        if (x.size() != p.length) {
            throw new IllegalStateException(data + " gave " + p.length + " rows to predict but "
                    + x.size() + " rows to copy");
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(out, saved, labels, columns, x, p);
            out.flush();
            return MlpCli.OK;
        }
        try (OutputLock lock = OutputLock.file("-o", output)) {
            AtomicFiles.write(output, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream,
                        StandardCharsets.UTF_8));
                write(w, saved, labels, columns, x, p);
            });
        }
        return MlpCli.OK;
    }

    private static void write(Writer w, SavedModel saved, MultiLabel labels,
                              List<String> columns, List<String> x, double[][] p)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (String f : columns) {
            line.append(quote(f)).append(',');
        }
        List<String> classes = saved.info().classNames();
        if (labels != null) {
            for (String l : labels.labels()) {
                line.append(quote(l)).append(',');
            }
            for (int j = 0; j < labels.size(); j++) {
                line.append(j == 0 ? "" : ",").append(quote("p(" + labels.labels().get(j)
                        + ")"));
            }
        } else if (saved.classification()) {
            line.append("prediction");
            for (String c : classes) {
                line.append(',').append(quote("p(" + c + ")"));
            }
        } else {
            List<String> names = saved.targetNames();
            for (int j = 0; j < p[0].length || (p.length == 0 && j < names.size()); j++) {
                line.append(j == 0 ? "" : ",").append(quote(j < names.size() ? names.get(j)
                        : "output" + j));
            }
        }
        w.write(line.append('\n').toString());
        for (int i = 0; i < p.length; i++) {
            line.setLength(0);
            line.append(x.get(i)).append(',');
            if (labels != null) {
                for (int d : labels.decide(p[i])) {
                    line.append(d).append(',');
                }
                for (int j = 0; j < p[i].length; j++) {
                    line.append(j == 0 ? "" : ",").append(p[i][j]);
                }
            } else if (saved.classification()) {
                line.append(quote(label(classes, p[i])));
                for (double v : probabilities(p[i])) {
                    line.append(',').append(v);
                }
            } else {
                for (int j = 0; j < p[i].length; j++) {
                    line.append(j == 0 ? "" : ",").append(p[i][j]);
                }
            }
            w.write(line.append('\n').toString());
        }
        w.flush();
    }

    /** A single sigmoid output is P(second class); softmax outputs are the probabilities. */
    private static double[] probabilities(double[] out) {
        return out.length == 1 ? new double[] {1 - out[0], out[0]} : out;
    }

    private static String label(List<String> classes, double[] out) {
        double[] prob = probabilities(out);
        return classes.get(Model.argmax(prob));
    }

    static String quote(String s) {
        return CsvReader.quoteCell(s);
    }
}
