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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp predict}: reads the model's feature columns from a CSV file and writes them back,
 * as the file writes them, after any columns to keep ({@code --keep id}) and before the
 * predictions (and, for classifiers, one probability column per class; for multi-label models,
 * one 0/1 column per label, then one probability column per label). Every column of the output
 * has a name of its own: a kept column named like an output column is refused.
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
                    + "as written, comma separated, each once; for example --keep id. A column "
                    + "with the name of an output column (prediction, p(CLASS), a target, or a "
                    + "multi-label model's LABEL and p(LABEL)) is refused: every output column "
                    + "has a name of its own.")
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
        Map<String, String> outputs = outputColumns(saved, labels);
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(keep));
        for (String k : kept) {
            if (outputs.containsKey(k)) {
                throw new BadInputException("--keep " + k + ": the predictions have a column '"
                        + k + "' of their own (" + outputs.get(k) + "); every output column "
                        + "needs a name of its own: leave '" + k + "' out of --keep (mlp "
                        + "evaluate compares predictions with the data)");
            }
        }
        DataTable table = saved.read(csv, data, null, false, spec.commandLine().getErr());
        double[][] p = saved.model().predict(table.x());
        List<String> columns = new ArrayList<>(kept);
        List<String> features = saved.featureNames().isEmpty() ? table.featureNames()
                : saved.featureNames();
        for (String f : features) {
            if (outputs.containsKey(f)) {
                throw new BadInputException(modelFile + ": the feature column '" + f + "' has "
                        + "the name of an output column (" + outputs.get(f) + "); predict "
                        + "cannot write both under one name");
            }
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
            write(out, saved, labels, columns, outputs.keySet(), x, p);
            out.flush();
            return MlpCli.OK;
        }
        try (OutputLock lock = OutputLock.file("-o", output)) {
            AtomicFiles.write(output, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream,
                        StandardCharsets.UTF_8));
                write(w, saved, labels, columns, outputs.keySet(), x, p);
            });
        }
        return MlpCli.OK;
    }

    /**
     * The columns the predictions are written in, each with what it holds: for multi-label
     * models one 0/1 column per label, then one probability column per label; for classifiers
     * the predicted class and one probability column per class; else one column per target.
     *
     * @throws BadInputException if two of them would have one name
     */
    static Map<String, String> outputColumns(SavedModel saved, MultiLabel labels) {
        List<String[]> named = new ArrayList<>();
        if (labels != null) {
            for (String l : labels.labels()) {
                named.add(new String[] {l, "label '" + l + "' decided at its threshold"});
            }
            for (String l : labels.labels()) {
                named.add(new String[] {"p(" + l + ")", "the probability of label '" + l + "'"});
            }
        } else if (saved.classification()) {
            named.add(new String[] {"prediction", "the predicted class"});
            for (String c : saved.info().classNames()) {
                named.add(new String[] {"p(" + c + ")", "the probability of class '" + c + "'"});
            }
        } else {
            List<String> names = saved.targetNames();
            int n = saved.model().network().outputSize();
            for (int j = 0; j < n; j++) {
                String name = j < names.size() ? names.get(j) : "output" + j;
                named.add(new String[] {name, "the prediction of target '" + name + "'"});
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] c : named) {
            String before = out.putIfAbsent(c[0], c[1]);
            if (before != null) {
                throw new BadInputException(saved.file() + ": two output columns would be "
                        + "named '" + c[0] + "' (" + before + ", and " + c[1] + "); predict "
                        + "cannot write both under one name");
            }
        }
        return out;
    }

    private static void write(Writer w, SavedModel saved, MultiLabel labels,
                              List<String> columns, Collection<String> outputs, List<String> x,
                              double[][] p) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String f : columns) {
            line.append(quote(f)).append(',');
        }
        List<String> classes = saved.info().classNames();
        String comma = "";
        for (String o : outputs) {
            line.append(comma).append(quote(o));
            comma = ",";
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
