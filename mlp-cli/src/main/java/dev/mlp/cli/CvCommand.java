package dev.mlp.cli;

import dev.mlp.api.Metric;
import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.tune.CrossValidation;
import dev.mlp.core.tune.CrossValidationResult;
import dev.mlp.core.tune.FoldData;
import dev.mlp.data.DataTable;
import dev.mlp.data.TablePreprocessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp cv}: k-fold cross-validation of the network that {@code mlp train} with the same
 * options would train.
 */
@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Cross-validate a network on a CSV file: k folds, stratified by class "
                + "for classification, seeded; each fold trains a fresh network on the other "
                + "folds (its encoders, imputers and scalers fitted on them only) and is scored "
                + "on the fold.",
            "Multi-label data (--targets, or --target with --label-separator) has no one class "
                    + "column to stratify by: its folds are plain seeded shuffles, scored at "
                    + "the labels' --thresholds.",
            "Takes the options of 'mlp train' (without -o); prints each fold's metrics and "
                    + "their mean ± standard deviation."})
final class CvCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private MlpCli parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions input;

    @Mixin
    TableOptions tableOptions;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LabelOptions labelOptions;

    @Option(names = "--seed", description = "Seed of the folds and of every fold's training "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Number of folds, at least 2 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of each fold's training rows held out for validation (for "
                    + "early stopping on validation metrics), in [0, 1) (default: none).")
    double validation;

    @Option(names = "--metrics", split = ",", paramLabel = "NAME",
            description = "Metrics to show, comma separated, from loss, accuracy, precision, "
                    + "recall, f1, mse, mae, r2, or for multi-label data subset-accuracy, "
                    + "hamming-loss, micro-f1, macro-f1 (default: accuracy,f1 for "
                    + "classification, mae,r2 for regression, the four multi-label metrics for "
                    + "multi-label data).")
    List<String> metrics;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Folds run at once, each on one core (default: the number of "
                    + "cores); the results are the same for any number.")
    Integer parallel;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        check(folds, parallel, validation);
        modelOptions.check();
        boolean multiLabel = labelOptions.given();
        labelOptions.check(input.target, taskGiven(spec));
        boolean classification = !multiLabel && input.classification();
        List<String> shown = metrics(metrics, classification, multiLabel, parent.plugins());
        Plugins plugins = parent.plugins();
        MultiLabelTable.Read read = read(spec, input, tableOptions, labelOptions,
                classification, plugins);
        TrainCommand.Prepared prepared = read.prepared();
        DataTable table = prepared.table();
        Dataset data = multiLabel ? MultiLabelTable.dataset(table) : table.toDataset();
        if (folds > data.rows()) {
            throw new BadInputException("--folds " + folds + " needs at least " + folds
                    + " rows, but " + input.source() + " has " + data.rows());
        }
        if (classification) {
            modelOptions.checkClassWeights(data, table.classNames());
        }
        Function<Dataset, Model> models = models(plugins, modelOptions, table, classification,
                read.labels(), seed, validation, shown);
        CrossValidation cv = CrossValidation.of(folds, seed);
        if (parallel != null) {
            cv = cv.parallelism(parallel);
        }
        long start = System.nanoTime();
        CrossValidationResult r = cv.run(foldData(read, tableOptions, plugins), models);
        out.printf(Locale.ROOT, "%d-fold cross-validation of %s on %d rows of %s (seed %d, "
                + "precision %s, %.1f s)%n", folds, sizes(table, modelOptions), data.rows(),
                input.source(), seed, modelOptions.precision(),
                (System.nanoTime() - start) / 1e9);
        out.print(r.table(shown));
        out.flush();
        return MlpCli.OK;
    }

    /** @return whether the command line gave --task */
    static boolean taskGiven(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--task");
    }

    /**
     * Reads single-label data as {@code train} reads it: text columns encoded and missing cells
     * imputed, fitted on every row.
     */
    static TrainCommand.Prepared read(CommandLine.Model.CommandSpec spec, DataOptions input,
                                      TableOptions table, boolean classification,
                                      Plugins plugins) throws IOException {
        input.checkFiles();
        TrainCommand.Prepared prepared = TrainCommand.prepare(spec, input.csv, table,
                input.features, input.data, input.target, input.images, input.labels,
                classification, plugins);
        input.checkTable(prepared.table());
        return prepared;
    }

    /**
     * Reads the data of {@code cv} and {@code tune} as {@code train} reads it: text columns
     * encoded and missing cells imputed (fitted on every row here; each fold fits its own), and
     * for multi-label options the labels.
     *
     * @return the table, with its labels for multi-label data, else {@code null} labels
     */
    static MultiLabelTable.Read read(CommandLine.Model.CommandSpec spec, DataOptions input,
                                     TableOptions table, LabelOptions labels,
                                     boolean classification, Plugins plugins)
            throws IOException {
        input.checkFiles();
        if (labels.given()) {
            if (input.images != null || input.labels != null || input.data == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "multi-label "
                        + "data is a CSV file: give --data with --targets (or --target with "
                        + "--label-separator)");
            }
            MultiLabelTable.Read read = MultiLabelTable.forTraining(input.csv, table,
                    input.features, input.data, input.target, labels, plugins);
            input.checkTable(read.prepared().table(), false);
            return read;
        }
        return new MultiLabelTable.Read(read(spec, input, table, classification, plugins),
                null);
    }

    /**
     * The folds' data, shared with {@code tune}: each fold's encoders and imputers fitted on its
     * training rows only ({@link TableFolds}, {@link MultiLabelFolds} for multi-label data); the
     * input and target scalers need nothing here, as each fold's fresh model fits them on its
     * training part.
     */
    static FoldData foldData(MultiLabelTable.Read read, TableOptions table, Plugins plugins) {
        TablePreprocessor preprocessor = table.preprocessor(plugins.mlp().registry());
        return read.labels() != null ? MultiLabelFolds.of(read.prepared(), preprocessor)
                : TableFolds.of(read.prepared(), preprocessor);
    }

    /** Range checks of the options shared with {@code tune}. */
    static void check(int folds, Integer parallel, double validation) {
        if (folds < 2) {
            throw new BadInputException("--folds must be at least 2, found " + folds
                    + "; 5 or 10 are usual");
        }
        if (parallel != null && parallel < 1) {
            throw new BadInputException("--parallel must be at least 1, found " + parallel);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new BadInputException("--validation must be a share of the rows in [0, 1), "
                    + "found " + validation);
        }
    }

    /**
     * The metrics to show, checked against the metric plugins (built-in or on the plugin path):
     * the task's defaults when none are given.
     */
    static List<String> metrics(List<String> given, boolean classification, boolean multiLabel,
                                Plugins plugins) {
        List<String> out = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            out.addAll(List.of(ModelOptions.defaultMetrics(classification, multiLabel)));
            return out;
        }
        for (String m : given) {
            String name = m.strip();
            Metric metric;
            try {
                metric = Metrics.LOSS.equals(name) ? null
                        : plugins.mlp().registry().metric(name);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--metrics: " + e.getMessage(), e);
            }
            if (multiLabel && metric != null && metric.needsClasses()) {
                throw new BadInputException("--metrics: '" + name + "' needs one class per "
                        + "row; for multi-label data use " + String.join(", ",
                        ModelOptions.MULTI_LABEL_METRICS) + " or loss");
            }
            if (!classification && metric != null && metric.needsClasses()) {
                throw new BadInputException("--metrics: '" + name + "' needs classification; "
                        + "for regression use mse, mae, r2 or loss");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Makes the models of a run: the network {@code mlp train} would build with these options
     * for a fold's prepared training rows (whose input count one-hot encoding can change),
     * computing the given metrics (the loss is always computed); with {@code labels}, a
     * multi-label model deciding at their thresholds.
     */
    static Function<Dataset, Model> models(Plugins plugins, ModelOptions options,
                                           DataTable table, boolean classification,
                                           MultiLabel labels, long seed, double validation,
                                           List<String> metrics) {
        List<String> computed = new ArrayList<>(List.of(
                ModelOptions.defaultMetrics(classification, labels != null)));
        for (String m : metrics) {
            if (!m.equals(Metrics.LOSS) && !computed.contains(m)) {
                computed.add(m);
            }
        }
        String[] names = computed.toArray(new String[0]);
        IntFunction<Model> build = inputs -> {
            Model m;
            try {
                m = options.builder(plugins.mlp(), inputs, table.outputs(), classification,
                        seed, validation, labels, names).build();
            } catch (IllegalArgumentException e) {
                if (labels == null) {
                    throw e;
                }
                throw new BadInputException(e.getMessage(), e);
            }
            return classification ? m.classNames(table.classNames()) : m;
        };
        build.apply(table.inputs()); // resolves every spec now: a bad one fails before any fold
        return training -> build.apply(training.inputs());
    }

    static String sizes(DataTable table, ModelOptions options) {
        if (options.network != null) {
            return table.inputs() + " -> " + options.network;
        }
        StringBuilder sb = new StringBuilder().append(table.inputs());
        for (int n : options.hiddenLayers()) {
            sb.append('-').append(n);
        }
        return sb.append('-').append(table.outputs()).toString();
    }
}
