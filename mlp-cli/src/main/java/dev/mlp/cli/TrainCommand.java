package dev.mlp.cli;

import dev.mlp.api.Evaluation;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.core.train.Checkpoint;
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

    @Option(names = "--data", paramLabel = "CSV",
            description = "The training data, a CSV file (or give --images and --labels).")
    private Path data;

    @Option(names = "--images", paramLabel = "IDX",
            description = "Training images in the IDX (MNIST) format, gzipped or not; bytes "
                    + "are scaled to [0, 1]. Needs --labels.")
    private Path images;

    @Option(names = "--labels", paramLabel = "IDX",
            description = "The class index of each image, an IDX file.")
    private Path labels;

    @Mixin
    private CsvOptions csv;

    @Mixin
    private TableOptions tableOptions;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The target column of the CSV file, by name (or 0-based index with "
                    + "--no-header).")
    private String target;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "Feature columns, comma separated (default: every other column).")
    private List<String> features;

    @Option(names = "--task", defaultValue = "classification",
            description = "classification or regression (default: ${DEFAULT-VALUE}).")
    private Task task;

    @Option(names = "--layers", split = ",", paramLabel = "N", defaultValue = "16",
            description = "Hidden layer sizes, comma separated (default: ${DEFAULT-VALUE}).")
    private List<Integer> layers;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "SPEC",
            description = "Activation of the hidden layers (default: ${DEFAULT-VALUE}).")
    private String activation;

    @Option(names = "--output-activation", paramLabel = "SPEC",
            description = "Activation of the output layer (default: softmax for "
                    + "classification, identity for regression).")
    private String outputActivation;

    @Option(names = "--loss", paramLabel = "SPEC", description = "Loss (default: "
            + "cross-entropy for classification, mse for regression).")
    private String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC",
            description = "Optimizer (default: ${DEFAULT-VALUE}; the Java builder's is "
                    + "sgd(lr=0.01), see above).")
    private String optimizer;

    @Option(names = "--batch", paramLabel = "SPEC",
            description = "Batch strategy (default: ${DEFAULT-VALUE}).")
    private String batch;

    @Option(names = "--initializer", paramLabel = "SPEC",
            description = "Weight initializer (default: ${DEFAULT-VALUE}).")
    private String initializer;

    @Option(names = "--input-scaler", paramLabel = "SPEC", defaultValue = "z-score",
            description = "Input scaler, or 'none' (default: ${DEFAULT-VALUE}).")
    private String inputScaler;

    @Option(names = "--target-scaler", paramLabel = "SPEC",
            description = "Target scaler for regression, or 'none' (default: z-score).")
    private String targetScaler;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "Learning-rate schedule, e.g. \"cosine(warmup=5)\".")
    private String schedule;

    @Option(names = "--gradient", paramLabel = "SPEC",
            description = "Gradient transform, e.g. \"clip-norm(max=1)\"; repeatable.")
    private List<String> gradients = new ArrayList<>();

    @Option(names = "--epochs",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--seed", description = "Seed (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of the rows held out for validation, in [0, 1), stratified "
                    + "for classification (default: none).")
    private double validation;

    @Option(names = "--early-stopping", paramLabel = "SPEC", description = "e.g. "
            + "\"early-stopping(monitor=validation-loss, patience=10)\", or just its "
            + "parameters: \"patience=10\".")
    private String earlyStopping;

    @Option(names = "--divergence", paramLabel = "SPEC", description = "What to do when the "
            + "loss turns NaN: stop (default) or \"rollback(factor=0.5, retries=3)\".")
    private String divergence;

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
        boolean classification = task == Task.CLASSIFICATION;
        checkOptions();
        Plugins plugins = parent.plugins();
        Prepared prepared = prepare(spec, csv, tableOptions, features, data, target, images,
                labels, classification, plugins);
        DataTable table = prepared.table();
        checkData(table, classification);

        Mlp.Builder b = plugins.mlp().newBuilder().inputs(table.inputs());
        requireMemory(table.inputs(), table.outputs());
        for (int n : layers) {
            b.layer(n, activation);
        }
        b.layer(table.outputs(), outputActivation != null ? outputActivation
                : classification ? "softmax" : "identity");
        b.loss(loss != null ? loss : classification ? "cross-entropy" : "mse")
                .optimizer(optimizer).batch(batch).initializer(initializer)
                .epochs(epochs).seed(seed);
        if (!"none".equals(inputScaler)) {
            b.inputScaler(inputScaler);
        }
        String ts = targetScaler != null ? targetScaler : classification ? "none" : "z-score";
        if (!"none".equals(ts)) {
            b.targetScaler(ts);
        }
        if (schedule != null) {
            b.schedule(schedule);
        }
        gradients.forEach(b::gradientTransform);
        b.metrics(classification ? new String[] {"accuracy", "f1"}
                : new String[] {"mae", "r2"});
        if (validation > 0) {
            b.validationFraction(validation);
        }
        String stopping = earlyStoppingSpec();
        if (stopping != null) {
            b.earlyStopping(stopping);
        }
        if (divergence != null) {
            b.divergence(divergence);
        }
        RunRecord[] record = new RunRecord[1];
        if (checkpointDir != null) {
            b.checkpoints(checkpointEvery, c -> saveCheckpoint(c, record[0]));
        }
        String monitored = monitored(stopping, validation, classification);
        ProgressBar bar = new ProgressBar(System.err, !quiet && System.console() != null,
                System::nanoTime);
        double[] learningRate = {Double.NaN};
        b.listener(new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                learningRate[0] = e.learningRate();
                bar.update(e.epoch(), epochs, e.loss(), monitored, monitoredValue(e, monitored));
            }
        });

        Model model = b.build();
        if (classification) {
            model.classNames(table.classNames());
        }
        record[0] = RunRecord.of(table, model, task.name().toLowerCase(Locale.ROOT), validation);
        Checkpoint from = resume == null ? null : resumable(record[0], err);
        long start = System.nanoTime();
        TrainingResult result;
        try (OutputLock o = OutputLock.file("-o", output);
             OutputLock c = checkpointDir == null ? null
                     : OutputLock.directory("--checkpoint-dir", checkpointDir)) {
            try {
                result = from != null ? model.resume(table.toDataset(), from)
                        : model.fit(table.toDataset());
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
            writeChart(result, classification ? "accuracy" : "r2");
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
        if (epochs < 1) {
            throw new BadInputException("--epochs must be at least 1, found " + epochs);
        }
        for (int n : layers) {
            if (n < 1) {
                throw new BadInputException("--layers: every size must be at least 1, found "
                        + n);
            }
        }
        if (checkpointEvery < 1) {
            throw new BadInputException("--checkpoint-every must be at least 1, found "
                    + checkpointEvery);
        }
        if (allowChanges && resume == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--allow-changes is only for --resume");
        }
        CliFiles.readable("--data", data);
        CliFiles.readable("--images", images);
        CliFiles.readable("--labels", labels);
        CliFiles.readable("--resume", resume);
        CliFiles.writable("-o", output);
        if (chart != null) {
            try {
                LearningCurves.Format.of(chart);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--chart: " + e.getMessage(), e);
            }
            CliFiles.writable("--chart", chart);
        }
        if (checkpointDir != null) {
            CliFiles.directory("--checkpoint-dir", checkpointDir);
        }
    }

    /** Data a network cannot learn from is refused before training. */
    private void checkData(DataTable table, boolean classification) {
        Object source = data != null ? data : images;
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
        for (int n : layers) {
            parameters += (double) prev * n + n;
            prev = n;
        }
        parameters += (double) prev * outputs + outputs;
        long max = Runtime.getRuntime().maxMemory();
        double needed = parameters * BYTES_PER_PARAMETER;
        if (parameters > Integer.MAX_VALUE || (max != Long.MAX_VALUE && needed > max)) {
            throw new BadInputException(String.format(Locale.ROOT, "--layers %s: the network "
                    + "would have %,.0f parameters, needing about %s of memory; the Java heap "
                    + "limit is %s", layers.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")), parameters,
                    MlpCli.megabytes((long) Math.min(needed, Long.MAX_VALUE - 1)),
                    MlpCli.megabytes(max)) + System.lineSeparator() + "Use smaller layers, or "
                    + "give Java more memory, for example: java -Xmx16g -jar mlp-cli.jar ...");
        }
    }

    /** The early-stopping spec, completing one given as parameters only. */
    private String earlyStoppingSpec() {
        if (earlyStopping == null) {
            return null;
        }
        String s = earlyStopping.strip();
        if (!s.contains("(") && s.contains("=")) {
            return "early-stopping(" + s + ")";
        }
        return s;
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
                : prepared.raw().columnNames(), table.targetNames());
        if (prepared.preprocessing() != null && !prepared.preprocessing().isIdentity()) {
            meta = meta.withPreprocessing(prepared.preprocessing().toStored());
        }
        for (Map.Entry<String, List<Double>> e : result.history().entrySet()) {
            List<Double> v = e.getValue();
            if (v.size() >= at && at > 0) {
                meta = meta.withMetric(e.getKey(), v.get(at - 1));
            }
        }
        if (divergence != null || result.rollbacks() > 0) {
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
                        + " validation rows)" : "", data != null ? data : images,
                result.epochs(), seconds,
                result.stopReason() == null ? "" : " (" + result.stopReason() + ")");
        if (at != result.epochs()) {
            out.printf(Locale.ROOT, "  metrics of epoch %d, whose weights were kept:%n", at);
        }
        for (Map.Entry<String, Double> e : meta.metrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %.6g%n", e.getKey(), e.getValue());
        }
        tableSummary(out, prepared);
        out.println("saved " + output);
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
     * fitted on all of its rows, or IDX images.
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
                + (data != null ? data : images).getFileName())
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
