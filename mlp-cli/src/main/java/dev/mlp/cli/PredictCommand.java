package dev.mlp.cli;

import dev.mlp.core.Model;
import dev.mlp.core.io.AtomicFiles;
import dev.mlp.data.DataTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp predict}: reads the model's feature columns from a CSV file and writes them back
 * with the predictions (and, for classifiers, one probability column per class).
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

    @Mixin
    private CsvOptions csv;

    @Override
    @SuppressWarnings("try") // the lock is held, not used, in its try block
    public Integer call() throws IOException {
        CliFiles.readable("--data", data);
        CliFiles.writable("-o", output);
        CliFiles.notAnInput("-o", output, "--data", data, "-m", modelFile);
        SavedModel saved = SavedModel.load(modelFile, parent.plugins());
        DataTable table = saved.read(csv, data, null, false);
        double[][] x = table.x();
        double[][] p = saved.model().predict(x);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(out, saved, table, x, p);
            out.flush();
            return MlpCli.OK;
        }
        try (OutputLock lock = OutputLock.file("-o", output)) {
            AtomicFiles.write(output, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream,
                        StandardCharsets.UTF_8));
                write(w, saved, table, x, p);
            });
        }
        return MlpCli.OK;
    }

    private static void write(Writer w, SavedModel saved, DataTable table, double[][] x,
                              double[][] p) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String f : table.featureNames()) {
            line.append(quote(f)).append(',');
        }
        List<String> classes = saved.info().classNames();
        if (saved.classification()) {
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
        for (int i = 0; i < x.length; i++) {
            line.setLength(0);
            for (double v : x[i]) {
                line.append(v).append(',');
            }
            if (saved.classification()) {
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
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
