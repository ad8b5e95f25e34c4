package dev.mlp.cli;

import dev.mlp.api.Evaluation;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.Checkpoint;
import dev.mlp.core.train.DivergencePolicy;
import dev.mlp.core.train.EarlyStopping;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
import dev.mlp.data.FittedPreprocessing;
import dev.mlp.data.RawTable;
import dev.mlp.data.TablePreprocessor;
import dev.mlp.data.Idx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp train}: reads a CSV file, trains a network on it and saves the model.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Train a network on a CSV file and save the model.",
            "Every plugin is chosen by its spec, e.g. --optimizer \"adam(lr=0.001)\" "
                    + "--batch \"mini-batch(size=64)\"; 'mlp plugins' lists them.",
            "Defaults are those of the Java builder (TrainingDefaults), except the loss, "
                    + "which follows --task, and the optimizer: adam(lr=0.01) here, "
                    + "sgd(lr=0.01) in the builder, because adam trains most tabular data "
                    + "well without tuning its rate."})
final class TrainCommand implements Callable<Integer> {

    /** The optimizer the command line uses when none is given; see the command description. */
    static final String OPTIMIZER = "adam(lr=0.01)";

    /** The heap a network needs per parameter: weights, gradients, optimizer state, copies. */
    private static final long BYTES_PER_PARAMETER = 8 * 6;

    /** Takes the defaults shared with the Java builder from {@link TrainingDefaults}. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof CommandLine.Model.OptionSpec o)) {
                return null;
            }
            TrainingDefaults d = TrainingDefaults.standard();
            return switch (o.longestName()) {
                case "--batch" -> d.batch();
                case "--initializer" -> d.initializer();
                case "--epochs" -> Integer.toString(d.epochs());
                case "--seed" -> Long.toString(d.seed());
                case "--optimizer" -> OPTIMIZER;
                default -> null;
            };
        }
    }

    @CommandLine.ParentCommand
    private MlpCli parent;

    /** Classification or regression. */
    enum Task {
        /** One class per row; the target column holds class names, one-hot encoded. */
        CLASSIFICATION,
        /** Numeric targets. */
        REGRESSION
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions input;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    private TableOptions tableOptions;

    @Mixin
    private LabelOptions labelOptions;

    @Option(names = "--seed", description = "Seed (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of the rows held out for validation, in [0, 1), stratified "
                    + "for classification (default: none).")
    private double validation;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "MODEL",
            description = "Where to save the trained model.")
    private Path output;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save the run's state here every --checkpoint-every epochs.")
    private Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "EPOCHS", defaultValue = "10",
            description = "Epochs between checkpoints (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue the run saved in this checkpoint file; the data and "
                    + "options must be those of the checkpoint's run.")
    private Path resume;

    @Option(names = "--allow-changes", description = "With --resume: continue even if the "
            + "data or options differ from the checkpoint's run (each difference is listed, "
            + "the model records the options used).")
    private boolean allowChanges;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Write the learning curves to this .png or .svg file.")
    private Path chart;

    @Option(names = {"--quiet", "-q"}, description = "No progress bar or summary.")
    private boolean quiet;

    @Override
    @SuppressWarnings("try") // the locks are held, not used, in their try block
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean multiLabel = labelOptions.given();
        boolean classification = !multiLabel && input.classification();
        checkOptions();
        Plugins plugins = parent.plugins();
        modelOptions.checkSpecs(plugins.mlp().registry());
        Prepared prepared;
        MultiLabel labels = null;
        if (multiLabel) {
            if (input.images != null || input.labels != null || input.data == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "multi-label "
                        + "training reads a CSV file: give --data with --targets (or --target "
                        + "with --label-separator)");
            }
            MultiLabelTable.Read read = MultiLabelTable.forTraining(input.csv, tableOptions,
                    input.features, input.data, input.target, labelOptions, plugins);
            prepared = read.prepared();
            labels = read.labels();
        } else {
            prepared = prepare(spec, input.csv, tableOptions, input.features, input.data,
                    input.target, input.images, input.labels, classification, plugins);
        }
        checkData(prepared.table(), classification);
        if (validation > 0) {
            // the refit changes the encoding only, not the rows or the classes checked above
            var preprocessor = tableOptions.preprocessor(plugins.mlp().registry());
            prepared = multiLabel
                    ? MultiLabelTable.forValidation(prepared, preprocessor, validation, seed)
                    : TableFolds.forValidation(prepared, preprocessor, validation, seed);
        }
        DataTable table = prepared.table();

        requireMemory(table.inputs(), table.outputs());
        Mlp.Builder b = modelOptions.builder(plugins.mlp(), table.inputs(), table.outputs(),
                classification, seed, validation, labels, multiLabel
                        ? ModelOptions.MULTI_LABEL_METRICS
                        : ModelOptions.defaultMetrics(classification));
        String stopping = modelOptions.earlyStoppingSpec();
        RunRecord[] record = new RunRecord[1];
        if (checkpointDir != null) {
            b.checkpoints(checkpointEvery, c -> saveCheckpoint(c, record[0]));
        }
        String monitored = multiLabel && stopping == null
                ? (validation > 0 ? "validation-" : "training-") + "micro-f1"
                : monitored(stopping, validation, classification);
        ProgressBar bar = new ProgressBar(System.err, !quiet && System.console() != null,
                System::nanoTime);
        double[] learningRate = {Double.NaN};
        b.listener(new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                learningRate[0] = e.learningRate();
                bar.update(e.epoch(), modelOptions.epochs, e.loss(), monitored,
                        monitoredValue(e, monitored));
            }
        });

        Model model;
        try {
            model = b.build();
        } catch (IllegalArgumentException e) {
            if (modelOptions.network != null) {
                throw new BadInputException("--network: " + e.getMessage(), e);
            }
            if (multiLabel) {
                throw new BadInputException(e.getMessage(), e);
            }
            if (e.getMessage() != null && e.getMessage().contains("output layer")) {
                throw new BadInputException("--output-activation with --loss: "
                        + e.getMessage(), e);
            }
            throw e;
        }
        if (classification) {
            model.classNames(table.classNames());
            if (modelOptions.classWeight != null) {
                modelOptions.checkClassWeights(table.toDataset(), table.classNames());
            }
        }
        record[0] = RunRecord.of(table, model, multiLabel ? "multi-label"
                : input.task.name().toLowerCase(Locale.ROOT), validation);
        Checkpoint from = resume == null ? null : resumable(record[0], err);
        long start = System.nanoTime();
        TrainingResult result;
        try (OutputLock o = OutputLock.file("-o", output);
             OutputLock c = checkpointDir == null ? null
                     : OutputLock.directory("--checkpoint-dir", checkpointDir)) {
            try {
                Dataset rows = multiLabel ? MultiLabelTable.dataset(table) : table.toDataset();
                result = from != null ? model.resume(rows, from) : model.fit(rows);
            } finally {
                bar.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelMetadata meta = save(model, prepared, result, plugins, from, learningRate[0]);
            if (!quiet) {
                summary(out, model, prepared, result, meta, seconds);
            }
        }
        if (result.rollbacks() > 0) {
            err.printf(Locale.ROOT, "warning: training diverged and rolled back %d time%s; "
                    + "the learning rate ended at %s (recorded in the model)%n",
                    result.rollbacks(), result.rollbacks() == 1 ? "" : "s",
                    String.format(Locale.ROOT, "%.4g", learningRate[0]));
        }
        if (chart != null) {
            writeChart(result, multiLabel ? "micro-f1" : classification ? "accuracy" : "r2");
            if (!quiet) {
                out.println("learning curves in " + chart);
            }
        }
        out.flush();
        err.flush();
        return MlpCli.OK;
    }

    /** Option checks that need no data: ranges, and every path before any work is done. */
    private void checkOptions() {
        if (!(validation >= 0 && validation < 1)) {
            throw new BadInputException("--validation must be a share of the rows in [0, 1), "
                    + "found " + validation + "; for example 0.2 holds out a fifth of them");
        }
        modelOptions.check();
        labelOptions.check(input.target, spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--task"));
        if (checkpointEvery < 1) {
            throw new BadInputException("--checkpoint-every must be at least 1, found "
                    + checkpointEvery);
        }
        if (allowChanges && resume == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--allow-changes is only for --resume");
        }
        if (checkpointDir == null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--checkpoint-every")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--checkpoint-every needs --checkpoint-dir, the directory to save them in");
        }
        if (modelOptions.targetScaler != null && !"none".equals(modelOptions.targetScaler)
                && input.task == Task.CLASSIFICATION) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--target-scaler "
                    + "is for --task regression; a class target is not scaled");
        }
        input.checkFiles();
        CliFiles.readable("--resume", resume);
        CliFiles.writable("-o", output);
        CliFiles.notAnInput("-o", output, "--data", input.data, "--images", input.images,
                "--labels", input.labels, "--resume", resume);
        if (chart != null) {
            try {
                LearningCurves.Format.of(chart);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--chart: " + e.getMessage(), e);
            }
            CliFiles.writable("--chart", chart);
            CliFiles.notAnInput("--chart", chart, "--data", input.data, "--images",
                    input.images, "--labels", input.labels, "--resume", resume, "-o", output);
        }
        if (checkpointDir != null) {
            CliFiles.directory("--checkpoint-dir", checkpointDir);
        }
    }

    /** Data a network cannot learn from is refused before training. */
    private void checkData(DataTable table, boolean classification) {
        input.checkTable(table, classification);
        if (validation > 0 && Math.floor(table.rows() * validation) < 1) {
            throw new BadInputException("--validation " + validation + " of " + table.rows()
                    + " rows holds out no row; give a larger share or more data");
        }
    }

    /**
     * Refuses a network whose parameters alone would not fit in the heap, before it is
     * allocated, with the number and the limit.
     */
    private void requireMemory(int inputs, int outputs) {
        double parameters = 0;
        long prev = inputs;
        if (modelOptions.network != null) {
            return;
        }
        for (int n : modelOptions.hiddenLayers()) {
            parameters += (double) prev * n + n;
            prev = n;
        }
        parameters += (double) prev * outputs + outputs;
        long max = Runtime.getRuntime().maxMemory();
        double needed = parameters * BYTES_PER_PARAMETER;
        if (parameters > Integer.MAX_VALUE || (max != Long.MAX_VALUE && needed > max)) {
            throw new BadInputException(String.format(Locale.ROOT, "--layers %s: the network "
                    + "would have %,.0f parameters, needing about %s of memory; the Java heap "
                    + "limit is %s", modelOptions.hiddenLayers().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")), parameters,
                    MlpCli.megabytes((long) Math.min(needed, Long.MAX_VALUE - 1)),
                    MlpCli.megabytes(max)) + System.lineSeparator() + "Use smaller layers, or "
                    + "give Java more memory, for example: java -Xmx16g -jar mlp-cli.jar ...");
        }
    }

    /** The metric the progress bar shows: early stopping's, else accuracy or r2. */
    static String monitored(String stopping, double validation, boolean classification) {
        return stopping != null ? EarlyStopping.parse(stopping).monitor()
                : validation > 0 ? (classification ? "validation-accuracy" : "validation-r2")
                : (classification ? "training-accuracy" : "training-r2");
    }

    private static double monitoredValue(TrainingListener.EpochEnd e, String monitored) {
        boolean validationMetric = monitored.startsWith("validation-");
        Evaluation ev = validationMetric ? e.validation() : e.training();
        String metric = monitored.substring(monitored.indexOf('-') + 1);
        if (ev != null && ev.values().containsKey(metric)) {
            return ev.value(metric);
        }
        return !validationMetric && metric.equals("loss") ? e.loss() : Double.NaN;
    }

    /** Loads the checkpoint to resume and refuses it if the data or options changed. */
    private Checkpoint resumable(RunRecord record, PrintWriter err) throws IOException {
        Checkpoint c = CheckpointFile.load(resume);
        if (!RunRecord.recorded(c.values())) {
            err.println("warning: " + resume + " does not record the data and options of its "
                    + "run (it was not written by 'mlp train'); they cannot be checked");
            return c;
        }
        List<String> changes = record.differences(c.values());
        if (changes.isEmpty()) {
            return c;
        }
        if (!allowChanges) {
            throw new BadInputException("--resume " + resume + ": this run differs from the "
                    + "checkpoint's: " + String.join("; ", changes) + System.lineSeparator()
                    + "Give the same data and options, or --allow-changes to continue anyway.");
        }
        for (String change : changes) {
            err.println("warning: resuming with a change: " + change);
        }
        resumeChanges = changes.size();
        return c;
    }

    private int resumeChanges;

    /** Saves the model with its metrics, rollbacks, final learning rate and resume record. */
    private ModelMetadata save(Model model, Prepared prepared, TrainingResult result,
                               Plugins plugins, Checkpoint from, double learningRate)
            throws IOException {
        // with early stopping the model holds the best epoch's weights: report that epoch
        int at = result.bestEpoch() > 0 ? result.bestEpoch() : result.epochs();
        DataTable table = prepared.table();
        ModelMetadata meta = ModelMetadata.columns(prepared.raw() == null ? table.featureNames()
                : prepared.raw().columnNames(),
                MultiLabelTable.labelColumns(model, table, input.target));
        if (prepared.preprocessing() != null && !prepared.preprocessing().isIdentity()) {
            meta = meta.withPreprocessing(prepared.preprocessing().toStored());
        }
        for (Map.Entry<String, List<Double>> e : result.history().entrySet()) {
            List<Double> v = e.getValue();
            if (v.size() >= at && at > 0) {
                meta = meta.withMetric(e.getKey(), v.get(at - 1));
            }
        }
        if (modelOptions.divergence != null || result.rollbacks() > 0) {
            meta = meta.withMetric("rollbacks", result.rollbacks());
        }
        if (Double.isFinite(learningRate)) {
            meta = meta.withMetric("final-learning-rate", learningRate);
        }
        if (from != null) {
            meta = meta.withMetric("resumed-at-epoch", from.epoch());
            if (resumeChanges > 0) {
                meta = meta.withMetric("changes-on-resume", resumeChanges);
            }
        }
        ModelFile.save(model, output, meta, plugins.mlp().registry());
        return meta;
    }

    private void summary(PrintWriter out, Model model, Prepared prepared,
                         TrainingResult result, ModelMetadata meta, double seconds) {
        DataTable table = prepared.table();
        int at = result.bestEpoch() > 0 ? result.bestEpoch() : result.epochs();
        int trainRows = result.training() != null ? result.training().samples() : table.rows();
        int validRows = result.validation() != null ? result.validation().samples() : 0;
        out.printf(Locale.ROOT, "trained %s on %d training rows%s of %s: %d epochs in %.1f s%s%n",
                sizes(model), trainRows, validRows > 0 ? " (and " + validRows
                        + " validation rows)" : "", input.source(),
                result.epochs(), seconds,
                result.stopReason() == null ? "" : " (" + result.stopReason() + ")");
        out.printf(Locale.ROOT, "  compute backend        %s%n", backendName(model));
        out.printf(Locale.ROOT, "  precision              %s%n",
                model.trainer().options().precision());
        if (at != result.epochs()) {
            out.printf(Locale.ROOT, "  metrics of epoch %d, whose weights were kept:%n", at);
        }
        for (Map.Entry<String, Double> e : meta.metrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %.6g%n", e.getKey(), e.getValue());
        }
        tableSummary(out, prepared);
        out.println("saved " + output);
    }

    /** @return the name of the compute backend the model trained on */
    static String backendName(Model model) {
        var backend = model.trainer().options().backend();
        return backend != null ? backend.name() : MatrixBackends.standard().name();
    }

    /** What reading the table did: rows left out, categorical columns, filled cells. */
    private static void tableSummary(PrintWriter out, Prepared prepared) {
        RawTable raw = prepared.raw();
        if (raw == null) {
            return;
        }
        if (raw.droppedRows() > 0) {
            out.printf(Locale.ROOT, "  %d row%s without a target left out%n", raw.droppedRows(),
                    raw.droppedRows() == 1 ? "" : "s");
        }
        Map<String, Integer> categories = prepared.preprocessing().categoryCounts();
        if (!categories.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            categories.forEach((c, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(c)
                    .append(" (").append(n).append(')'));
            out.printf(Locale.ROOT, "  categorical columns: %s, %d inputs in all%n", sb,
                    prepared.preprocessing().width());
        }
        if (prepared.imputed() > 0) {
            out.printf(Locale.ROOT, "  %d missing cell%s filled%n", prepared.imputed(),
                    prepared.imputed() == 1 ? "" : "s");
        }
    }

    /**
     * The table to train on: for a CSV file its raw columns, the preprocessing fitted on them
     * and the encoded table; for IDX images the table alone.
     *
     * @param table the numeric table
     * @param raw the table as read, or {@code null} for images
     * @param preprocessing the fitted preprocessing, or {@code null} for images
     * @param imputed the number of missing cells filled
     */
    record Prepared(DataTable table, RawTable raw, FittedPreprocessing preprocessing,
                    long imputed) {
    }

    /**
     * Reads the training data: a CSV file's raw columns, encoded and imputed by preprocessing
     * fitted on all of its rows (see {@link TableFolds} for fitting on a part), or IDX images.
     */
    static Prepared prepare(CommandLine.Model.CommandSpec spec, CsvOptions csv,
                            TableOptions options, List<String> features, Path data,
                            String target, Path images, Path labels, boolean classification,
                            Plugins plugins) throws IOException {
        if (images != null || labels != null) {
            return new Prepared(read(spec, csv, features, data, target, images, labels,
                    classification), null, null, 0);
        }
        if (data == null || target == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --data with --target (or --images with --labels)");
        }
        TablePreprocessor preprocessor = options.preprocessor(plugins.mlp().registry());
        CsvReader.Builder rb = options.apply(csv.features(csv.reader(), features));
        if (classification) {
            rb.classTarget(target);
        } else {
            rb.numericTargets(target);
        }
        RawTable raw = rb.build().readRaw(data);
        FittedPreprocessing p = preprocessor.fit(raw);
        FittedPreprocessing.Encoded e = p.apply(raw);
        return new Prepared(e.table(), raw, p, e.imputed());
    }

    /** Reads either a CSV file with its target column, or an IDX image file with its labels. */
    static DataTable read(CommandLine.Model.CommandSpec spec, CsvOptions csv,
                          List<String> features, Path data, String target, Path images,
                          Path labels, boolean classification) throws IOException {
        if (images != null || labels != null) {
            if (images == null || labels == null || data != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --images and --labels together, and no --data");
            }
            if (!classification) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "IDX images with labels are classification data; drop --task regression");
            }
            return Idx.classification(images, labels, true, List.of());
        }
        if (data == null || target == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --data with --target (or --images with --labels)");
        }
        CsvReader.Builder rb = csv.features(csv.reader(), features);
        if (classification) {
            rb.classTarget(target);
        } else {
            rb.numericTargets(target);
        }
        return rb.build().read(data);
    }

    private void saveCheckpoint(Checkpoint c, RunRecord record) {
        Path file = checkpointDir.resolve(String.format(Locale.ROOT, "epoch-%05d.ckpt",
                c.epoch()));
        try {
            CheckpointFile.save(new Checkpoint(c.seed(), c.epoch(), c.parameters(), c.optimizer(),
                    c.schedule(), c.random(), record.addTo(c.values())), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + file, e);
        }
    }

    private void writeChart(TrainingResult result, String metric) throws IOException {
        LearningCurves curves = new LearningCurves("learning curves: "
                + ((Path) input.source()).getFileName())
                .axes("loss", metric).bestEpoch(result.bestEpoch());
        for (String split : new String[] {"training", "validation"}) {
            List<Double> l = result.history().get(split + "-loss");
            if (l != null && !l.isEmpty()) {
                curves.left(split + " loss", toArray(l));
            }
            List<Double> m = result.history().get(split + "-" + metric);
            if (m != null && !m.isEmpty()) {
                curves.right(split + " " + metric, toArray(m));
            }
        }
        curves.write(chart);
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

    static String sizes(Model model) {
        StringBuilder sb = new StringBuilder();
        for (int s : model.network().sizes()) {
            sb.append(sb.length() == 0 ? "" : "-").append(s);
        }
        return sb.toString();
    }
}
