package dev.mlp.cli;

import dev.mlp.api.Evaluation;
import dev.mlp.api.Metric;
import dev.mlp.api.kernel.ComputeBackend;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.metric.Evaluator;
import dev.mlp.data.DataTable;
import dev.mlp.data.Idx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlp evaluate}: a model's loss and metrics on labelled data, with a confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a saved model on labelled CSV data: loss, metrics and, for "
                + "classifiers, the confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private MlpCli parent;

    @Option(names = {"--model", "-m"}, required = true, paramLabel = "MODEL",
            description = "The model file, as saved by 'mlp train'.")
    private Path modelFile;

    @Option(names = "--data", paramLabel = "CSV", description = "Labelled CSV data.")
    private Path data;

    @Option(names = "--images", paramLabel = "IDX",
            description = "Or: images in the IDX (MNIST) format, scaled to [0, 1]; needs "
                    + "--labels.")
    private Path images;

    @Option(names = "--labels", paramLabel = "IDX", description = "The images' class indices.")
    private Path labels;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The target column (default: the one the model was trained on).")
    private String target;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--thresholds", split = ",", paramLabel = "P",
            description = "Multi-label models: decide each label at this probability instead "
                    + "of the model's thresholds, one per label, comma separated.")
    private List<Double> thresholds;

    @Mixin
    private BackendOption backend;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CliFiles.readable("--data", data);
        CliFiles.readable("--images", images);
        CliFiles.readable("--labels", labels);
        Plugins plugins = parent.plugins();
        SavedModel saved = SavedModel.load(modelFile, backend.apply(plugins.mlp()));
        if (thresholds != null && !saved.multiLabel()) {
            throw new BadInputException("--thresholds are for multi-label models; " + modelFile
                    + " is not one");
        }
        if (saved.multiLabel()) {
            if (data == null || images != null || labels != null || target != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "the "
                        + "multi-label model " + modelFile + " is evaluated on --data, whose "
                        + "label columns it knows; give --data alone");
            }
            MultiLabelEvaluation.print(out, saved, modelFile, data,
                    MultiLabelTable.forModel(saved, csv, data, spec.commandLine().getErr()),
                    LabelOptions.withThresholds(saved.model().multiLabel(), thresholds),
                    plugins);
            out.flush();
            return MlpCli.OK;
        }
        DataTable table;
        if (images != null || labels != null) {
            if (!saved.classification()) {
                throw new BadInputException("the model " + modelFile + " is not a classifier; "
                        + "IDX images with labels need one");
            }
            if (images == null || labels == null || data != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give --images and --labels together, and no --data");
            }
            table = Idx.classification(images, labels, true, saved.info().classNames());
        } else {
            if (data == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give --data (or --images with --labels)");
            }
            table = saved.read(csv, data, target, true, spec.commandLine().getErr());
        }
        Model model = saved.model();
        List<Metric> metrics = new ArrayList<>();
        for (String name : saved.classification()
                ? List.of("accuracy", "precision", "recall", "f1")
                : List.of("mse", "mae", "r2")) {
            metrics.add(plugins.mlp().registry().metric(name));
        }
        Dataset scaled = model.scaled(table.toDataset());
        Evaluation ev = new Evaluator(model.network(), model.trainer().loss(), metrics,
                model.targetScaling(), backendOf(model)).evaluate(scaled);
        out.printf(Locale.ROOT, "%s on %s (%d rows)%n", modelFile, data != null ? data : images,
                ev.samples());
        for (Map.Entry<String, Double> e : ev.values().entrySet()) {
            out.printf(Locale.ROOT, "  %-10s %.6f%n", e.getKey(), e.getValue());
        }
        if (saved.classification() && ev.confusion() != null) {
            out.println();
            printConfusion(out, saved.info().classNames(), ev.confusion());
        }
        out.flush();
        return MlpCli.OK;
    }

    private static ComputeBackend backendOf(Model model) {
        ComputeBackend b = model.trainer().options().backend();
        return b != null ? b : MatrixBackends.standard();
    }

    static void printConfusion(PrintWriter out, List<String> classes, double[][] confusion) {
        int w = 9;
        for (String c : classes) {
            w = Math.max(w, c.length() + 1);
        }
        String cell = "%" + w + "s";
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        out.printf(Locale.ROOT, cell, "");
        for (String c : classes) {
            out.printf(Locale.ROOT, cell, c);
        }
        out.println();
        for (int i = 0; i < confusion.length; i++) {
            out.printf(Locale.ROOT, cell, classes.get(i));
            for (double v : confusion[i]) {
                out.printf(Locale.ROOT, cell, v == Math.rint(v) ? Long.toString((long) v)
                        : String.format(Locale.ROOT, "%.2f", v));
            }
            out.println();
        }
    }
}
