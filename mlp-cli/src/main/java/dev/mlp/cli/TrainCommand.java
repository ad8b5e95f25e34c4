package dev.mlp.cli;

import dev.mlp.api.Evaluation;
import dev.mlp.api.TrainingListener;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelMetadata;
import dev.mlp.core.train.Checkpoint;
import dev.mlp.core.train.TrainingResult;
import dev.mlp.data.CsvReader;
import dev.mlp.data.DataTable;
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
        description = {"Train a network on a CSV file and save the model.",
            "Every plugin is chosen by its spec, e.g. --optimizer \"adam(lr=0.001)\" "
                    + "--batch \"mini-batch(size=64)\"; 'mlp plugins' lists them."})
final class TrainCommand implements Callable<Integer> {

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

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam(lr=0.01)",
            description = "Optimizer (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(names = "--batch", paramLabel = "SPEC", defaultValue = "mini-batch(size=32)",
            description = "Batch strategy (default: ${DEFAULT-VALUE}).")
    private String batch;

    @Option(names = "--initializer", paramLabel = "SPEC", defaultValue = "xavier",
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

    @Option(names = "--epochs", defaultValue = "100",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of the rows held out for validation, stratified for "
                    + "classification (default: none).")
    private double validation;

    @Option(names = "--early-stopping", paramLabel = "SPEC", description = "e.g. "
            + "\"early-stopping(monitor=validation-loss, patience=10)\".")
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
            description = "Continue the run saved in this checkpoint file (same data and "
                    + "options).")
    private Path resume;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Write the learning curves to this .png or .svg file.")
    private Path chart;

    @Option(names = {"--quiet", "-q"}, description = "No progress bar or summary.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean classification = task == Task.CLASSIFICATION;
        DataTable table = read(spec, csv, features, data, target, images, labels, classification);

        Mlp.Builder b = Mlp.builder().inputs(table.inputs());
        for (int n : layers) {
            if (n < 1) {
                throw new BadInputException("--layers: every size must be at least 1, found "
                        + n);
            }
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
        if (earlyStopping != null) {
            b.earlyStopping(earlyStopping);
        }
        if (divergence != null) {
            b.divergence(divergence);
        }
        if (checkpointDir != null) {
            if (checkpointEvery < 1) {
                throw new BadInputException("--checkpoint-every must be at least 1, found "
                        + checkpointEvery);
            }
            Files.createDirectories(checkpointDir);
            b.checkpoints(checkpointEvery, this::saveCheckpoint);
        }
        String monitored = validation > 0 ? (classification ? "validation-accuracy"
                : "validation-r2") : (classification ? "training-accuracy" : "training-r2");
        ProgressBar bar = new ProgressBar(System.err, !quiet && System.console() != null,
                System::nanoTime);
        b.listener(new TrainingListener() {
            @Override
            public void epochFinished(EpochEnd e) {
                Evaluation ev = validation > 0 ? e.validation() : e.training();
                String metric = classification ? "accuracy" : "r2";
                double value = ev == null || !ev.values().containsKey(metric) ? Double.NaN
                        : ev.value(metric);
                bar.update(e.epoch(), epochs, e.loss(), monitored, value);
            }
        });

        Model model = b.build();
        if (classification) {
            model.classNames(table.classNames());
        }
        long start = System.nanoTime();
        TrainingResult result;
        try {
            result = resume != null ? model.resume(table.toDataset(), CheckpointFile.load(resume))
                    : model.fit(table.toDataset());
        } finally {
            bar.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // with early stopping the model holds the best epoch's weights: report that epoch
        int at = result.bestEpoch() > 0 ? result.bestEpoch() : result.epochs();
        ModelMetadata meta = ModelMetadata.columns(table.featureNames(), table.targetNames());
        for (Map.Entry<String, List<Double>> e : result.history().entrySet()) {
            List<Double> v = e.getValue();
            if (v.size() >= at && at > 0) {
                meta = meta.withMetric(e.getKey(), v.get(at - 1));
            }
        }
        ModelFile.save(model, output, meta);
        if (chart != null) {
            writeChart(result, classification ? "accuracy" : "r2");
        }
        if (!quiet) {
            out.printf(Locale.ROOT, "trained %s on %d rows of %s: %d epochs in %.1f s%s%n",
                    sizes(model), table.rows(), data != null ? data : images, result.epochs(), seconds,
                    result.stopReason() == null ? "" : " (" + result.stopReason() + ")");
            if (at != result.epochs()) {
                out.printf(Locale.ROOT, "  metrics of epoch %d, whose weights were kept:%n", at);
            }
            for (Map.Entry<String, Double> e : meta.metrics().entrySet()) {
                out.printf(Locale.ROOT, "  %-22s %.6g%n", e.getKey(), e.getValue());
            }
            out.println("saved " + output);
            if (chart != null) {
                out.println("learning curves in " + chart);
            }
        }
        out.flush();
        return MlpCli.OK;
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

    private void saveCheckpoint(Checkpoint c) {
        Path file = checkpointDir.resolve(String.format(Locale.ROOT, "epoch-%05d.ckpt",
                c.epoch()));
        try {
            CheckpointFile.save(c, file);
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
