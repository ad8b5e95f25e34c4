package dev.mlp.cli;

import dev.mlp.api.Metric;
import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.tune.CrossValidation;
import dev.mlp.core.tune.CrossValidationResult;
import dev.mlp.core.tune.FoldData;
import dev.mlp.data.DataTable;
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
                    + "recall, f1, mse, mae, r2 (default: accuracy,f1 for classification, "
                    + "mae,r2 for regression).")
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
        boolean classification = input.classification();
        List<String> shown = metrics(metrics, classification, parent.plugins());
        Plugins plugins = parent.plugins();
        TrainCommand.Prepared prepared = read(spec, input, tableOptions, classification, plugins);
        DataTable table = prepared.table();
        Dataset data = table.toDataset();
        if (folds > data.rows()) {
            throw new BadInputException("--folds " + folds + " needs at least " + folds
                    + " rows, but " + input.source() + " has " + data.rows());
        }
        if (classification) {
            modelOptions.checkClassWeights(data, table.classNames());
        }
        Function<Dataset, Model> models = models(plugins, modelOptions, table, classification,
                seed, validation, shown);
        CrossValidation cv = CrossValidation.of(folds, seed);
        if (parallel != null) {
            cv = cv.parallelism(parallel);
        }
        long start = System.nanoTime();
        CrossValidationResult r = cv.run(foldData(prepared, tableOptions, plugins), models);
        out.printf(Locale.ROOT, "%d-fold cross-validation of %s on %d rows of %s (seed %d, "
                + "precision %s, %.1f s)%n", folds, sizes(table, modelOptions), data.rows(),
                input.source(), seed, modelOptions.precision(),
                (System.nanoTime() - start) / 1e9);
        out.print(r.table(shown));
        out.flush();
        return MlpCli.OK;
    }

    /**
     * Reads the data of {@code cv} and {@code tune} as {@code train} reads it: text columns
     * encoded and missing cells imputed (fitted on every row here; each fold fits its own).
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
     * The folds' data, shared with {@code tune}: each fold's encoders and imputers fitted on its
     * training rows only ({@link TableFolds}); the input and target scalers need nothing here,
     * as each fold's fresh model fits them on its training part.
     */
    static FoldData foldData(TrainCommand.Prepared prepared, TableOptions table,
                             Plugins plugins) {
        return TableFolds.of(prepared, table.preprocessor(plugins.mlp().registry()));
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
    static List<String> metrics(List<String> given, boolean classification, Plugins plugins) {
        List<String> out = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            out.addAll(List.of(ModelOptions.defaultMetrics(classification)));
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
     * computing the given metrics (the loss is always computed).
     */
    static Function<Dataset, Model> models(Plugins plugins, ModelOptions options,
                                           DataTable table, boolean classification, long seed,
                                           double validation, List<String> metrics) {
        List<String> computed = new ArrayList<>(List.of(
                ModelOptions.defaultMetrics(classification)));
        for (String m : metrics) {
            if (!m.equals(Metrics.LOSS) && !computed.contains(m)) {
                computed.add(m);
            }
        }
        String[] names = computed.toArray(new String[0]);
        IntFunction<Model> build = inputs -> {
            Model m = options.builder(plugins.mlp(), inputs, table.outputs(),
                    classification, seed, validation, names).build();
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
