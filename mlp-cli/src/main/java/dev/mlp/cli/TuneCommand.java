package dev.mlp.cli;

import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.TrainingDefaults;
import dev.mlp.core.metric.Metrics;
import dev.mlp.core.tune.Candidate;
import dev.mlp.core.tune.CrossValidation;
import dev.mlp.core.tune.HyperparameterSearch;
import dev.mlp.core.tune.Scored;
import dev.mlp.core.tune.SearchResult;
import dev.mlp.core.tune.SearchSpace;
import dev.mlp.data.DataTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp tune}: a grid or seeded random search over the options of {@code mlp train}, whose
 * values may hold ranges and choices; each candidate is scored by cross-validation or a
 * validation split, and the best is printed as the {@code mlp train} command that trains it.
 *
 * <p>The searchable options are those of {@link ModelOptions}, added to this command as text
 * options by {@link #addSearchOptions(CommandLine)}, so they follow {@code train} by
 * construction.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the options of 'mlp train' for the best network on a CSV file.",
            "Any training option may hold choice(a|b|...) (or choice(a,b) without |), "
                    + "uniform(lo,hi), loguniform(lo,hi) or int(lo,hi), alone or inside a "
                    + "spec: --optimizer \"adam(lr=loguniform(1e-4,1e-1))\" --layers "
                    + "\"choice(32|64,64|128)\". Drawn numbers keep 3 significant digits.",
            "Each candidate is scored by --folds cross-validation (default 5) or a "
                    + "--validation split, candidates in parallel on the cores; prints the "
                    + "candidates ranked and the best as the exact 'mlp train' command.",
            "Multi-label data (--targets, or --target with --label-separator) is scored at "
                    + "the labels' --thresholds, on plain seeded shuffled folds (no one class "
                    + "column to stratify by)."})
final class TuneCommand implements Callable<Integer> {

    /** The search strategies. */
    enum Search {
        /** Every combination of the choices and whole-number ranges. */
        GRID,
        /** Seeded random draws. */
        RANDOM
    }

    @CommandLine.ParentCommand
    private MlpCli parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions input;

    @Mixin
    TableOptions tableOptions;

    @Mixin
    LabelOptions labelOptions;

    @Option(names = "--search", defaultValue = "random",
            description = "grid or random (default: ${DEFAULT-VALUE}).")
    Search search;

    @Option(names = "--candidates", paramLabel = "N",
            description = "Candidates a random search draws (default: 20); a grid tries every "
                    + "point.")
    Integer candidates;

    @Option(names = "--seed", description = "Seed of the draws, the folds and every training "
            + "run (default: the training default).")
    Long seed;

    @Option(names = "--folds", paramLabel = "K",
            description = "Score by K-fold cross-validation (default: 5, unless --validation).")
    Integer folds;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Score by the metric on this share of the rows, held out as "
                    + "'mlp train --validation' does, instead of cross-validation.")
    Double validation;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The metric to rank by (default: accuracy for classification, r2 "
                    + "for regression, micro-f1 for multi-label data); loss, mse, mae and "
                    + "hamming-loss rank lowest first.")
    String metric;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Candidates run at once, each on one core (default: the number of "
                    + "cores); the scores are the same for any number.")
    Integer parallel;

    @Option(names = "--train-best", description = "Train the best candidate on all the rows "
            + "and save it to -o, as the printed 'mlp train' command does.")
    boolean trainBest;

    @Option(names = {"--output", "-o"}, paramLabel = "MODEL",
            description = "Where --train-best saves the model (default in the printed "
                    + "command: model.mlp).")
    Path output;

    /** The searchable options as given: option name to its binding, in declaration order. */
    private final Map<String, Binding> searchable = new LinkedHashMap<>();

    /** Holds one searchable option's value as picocli sets it. */
    private static final class Binding implements CommandLine.Model.IGetter,
            CommandLine.Model.ISetter {
        private Object value;
        private final boolean flag;

        Binding(boolean flag) {
            this.flag = flag;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T v) {
            Object old = value;
            value = v;
            return (T) old;
        }
    }

    /**
     * Adds every option of {@link ModelOptions} to the {@code tune} command as a text option
     * (flags stay flags), so that values may hold search expressions.
     *
     * @param tune the tune command's command line
     */
    static void addSearchOptions(CommandLine tune) {
        TuneCommand command = tune.getCommand();
        CommandLine.Model.CommandSpec model = CommandLine.Model.CommandSpec
                .forAnnotatedObject(new ModelOptions());
        // descriptions name the defaults 'train' takes for options that are not searched
        model.defaultValueProvider(new TrainCommand.Defaults());
        for (CommandLine.Model.OptionSpec o : model.options()) {
            boolean flag = o.arity().max() == 0;
            Binding b = new Binding(flag);
            command.searchable.put(o.longestName(), b);
            String[] description = o.description().clone();
            for (int i = 0; i < description.length; i++) {
                description[i] = description[i]
                        .replace("; the Java builder's is sgd(lr=0.01), see above", "");
            }
            CommandLine.Model.OptionSpec.Builder ob = CommandLine.Model.OptionSpec
                    .builder(o.names()).paramLabel(o.paramLabel()).description(description)
                    .getter(b).setter(b);
            if (flag) {
                ob.type(boolean.class).arity("0");
            } else if (o.isMultiValue()) {
                ob.type(List.class).auxiliaryTypes(String.class).arity("1");
            } else {
                ob.type(String.class).arity("1");
            }
            tune.getCommandSpec().addOption(ob.build());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean multiLabel = labelOptions.given();
        boolean classification = !multiLabel && input.classification();
        checkOptions();
        labelOptions.check(input.target, CvCommand.taskGiven(spec));
        long s = seed != null ? seed : TrainingDefaults.standard().seed();
        String rankBy = metric != null ? metric.strip()
                : multiLabel ? "micro-f1" : classification ? "accuracy" : "r2";
        CvCommand.metrics(List.of(rankBy), classification, multiLabel, parent.plugins());
        String[] reported = ModelOptions.defaultMetrics(classification, multiLabel);
        if (validation != null && !rankBy.equals(Metrics.LOSS)
                && !List.of(reported).contains(rankBy)) {
            throw new BadInputException("--metric " + rankBy + ": a validation split ranks by "
                    + "a metric 'mlp train' reports, loss or " + String.join(" or ", reported)
                    + "; rank by " + rankBy + " with --folds");
        }
        SearchSpace space = space();
        if (space.searched().isEmpty()) {
            throw new BadInputException("no option holds a range or choice to search; give "
                    + "for example --layers \"choice(16|32,32)\" or --optimizer "
                    + "\"adam(lr=loguniform(1e-4,1e-1))\"");
        }
        List<Candidate> points;
        try {
            points = search == Search.GRID ? space.grid()
                    : space.random(candidates != null ? candidates : 20, s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        for (Candidate c : points) {
            options(c).check(); // option checks that need no data, before it is read
        }
        Plugins plugins = parent.plugins();
        MultiLabelTable.Read read = CvCommand.read(spec, input, tableOptions, labelOptions,
                classification, plugins);
        DataTable table = read.prepared().table();
        Dataset data = multiLabel ? MultiLabelTable.dataset(table) : table.toDataset();
        int k = folds != null ? folds : 5;
        if (validation == null && k > data.rows()) {
            throw new BadInputException("--folds " + k + " needs at least " + k + " rows, but "
                    + input.source() + " has " + data.rows());
        }
        double split = validation != null ? validation : 0;
        // every candidate's options are read and checked here, before any training
        Map<Candidate, Function<Dataset, Model>> byCandidate = new HashMap<>();
        for (Candidate c : points) {
            ModelOptions o = options(c);
            o.check();
            if (classification) {
                o.checkClassWeights(data, table.classNames());
            }
            try {
                byCandidate.put(c, CvCommand.models(plugins, o, table, classification,
                        read.labels(), s, split, List.of(rankBy)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("candidate " + c.number() + " ("
                        + String.join(" ", args(c)) + "): " + MlpCli.message(e), e);
            }
        }
        BiFunction<Candidate, Dataset, Model> models =
                (c, training) -> byCandidate.get(c).apply(training);
        HyperparameterSearch hs = validation != null
                ? HyperparameterSearch.validationSplit(rankBy)
                : HyperparameterSearch.crossValidated(CrossValidation.of(k, s), rankBy);
        if (parallel != null) {
            hs = hs.parallelism(parallel);
        }
        long start = System.nanoTime();
        SearchResult result = hs.run(points, CvCommand.foldData(read, tableOptions, plugins),
                models);
        String scoredBy = validation != null ? "the " + rankBy + " on a " + validation
                + " validation split" : k + "-fold cross-validation " + rankBy;
        // a searched precision is a column of the table; a fixed one is said here
        String precision = space.searched().contains("--precision") ? ""
                : "precision " + options(points.get(0)).precision() + ", ";
        out.printf(Locale.ROOT, "%s search: %d candidate%s on %d rows of %s, scored by %s "
                + "(seed %d, %s%.1f s)%n", search.name().toLowerCase(Locale.ROOT), points.size(),
                points.size() == 1 ? "" : "s", data.rows(), input.source(), scoredBy, s,
                precision, (System.nanoTime() - start) / 1e9);
        out.print(result.table(space.searched()));
        Scored best;
        try {
            best = result.best();
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> common = new ArrayList<>(dataArgs());
        List<String> prefix = pluginArgs();
        common.addAll(args(best.candidate()));
        common.addAll(List.of("--seed", Long.toString(s)));
        List<String> train = new ArrayList<>(prefix);
        train.add("train");
        train.addAll(common);
        String file = output != null ? output.toString() : "model.mlp";
        if (validation != null) {
            train.addAll(List.of("--validation", Double.toString(validation)));
            out.printf(Locale.ROOT, "best: candidate %d, validation-%s %.6g%n",
                    best.candidate().number(), rankBy, best.score());
            out.println("train it (its summary shows validation-" + rankBy + " "
                    + String.format(Locale.ROOT, "%.6g", best.score()) + "):");
        } else {
            out.printf(Locale.ROOT, "best: candidate %d, %s %s ± %s (mean ± std over %d "
                    + "folds)%n", best.candidate().number(), rankBy,
                    String.format(Locale.ROOT, "%.4f", best.score()),
                    String.format(Locale.ROOT, "%.4f", best.std()), k);
            List<String> cv = new ArrayList<>(prefix);
            cv.add("cv");
            cv.addAll(common);
            cv.addAll(List.of("--folds", Integer.toString(k), "--metrics", rankBy));
            out.println("reproduce its score:");
            out.println("  " + command(cv));
            out.println("train it on all the rows:");
        }
        train.addAll(List.of("-o", file));
        out.println("  " + command(train));
        out.flush();
        if (trainBest) {
            List<String> run = new ArrayList<>(train);
            run.add("--quiet");
            int code = parent.runAgain(run.toArray(new String[0]), spec.commandLine());
            if (code == MlpCli.OK) {
                out.println("trained the best candidate and saved " + file);
            }
            return code;
        }
        return MlpCli.OK;
    }

    private void checkOptions() {
        if (folds != null && validation != null) {
            throw new BadInputException("give --folds (cross-validation) or --validation (a "
                    + "validation split) to score the candidates, not both");
        }
        if (validation != null && !(validation > 0 && validation < 1)) {
            throw new BadInputException("--validation must be a share of the rows in (0, 1), "
                    + "found " + validation + "; for example 0.2 holds out a fifth of them");
        }
        CvCommand.check(folds != null ? folds : 5, parallel, 0);
        if (candidates != null && search == Search.GRID) {
            throw new BadInputException("--candidates is for --search random; a grid search "
                    + "tries every point");
        }
        if (candidates != null && candidates < 1) {
            throw new BadInputException("--candidates must be at least 1, found " + candidates);
        }
        if (trainBest && output == null) {
            throw new BadInputException("--train-best saves the model: give -o MODEL");
        }
        if (output != null && !trainBest) {
            throw new BadInputException("-o is where --train-best saves the model; give "
                    + "--train-best too");
        }
        input.checkFiles();
        if (output != null) {
            CliFiles.writable("-o", output);
        }
    }

    /** The searched options' templates: one entry per value given, repeats numbered. */
    private SearchSpace space() {
        Map<String, String> templates = new LinkedHashMap<>();
        searchable.forEach((name, b) -> {
            Object v = b.value;
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    templates.put(i == 0 ? name : name + REPEAT + (i + 1), (String) list.get(i));
                }
            } else if (v instanceof Boolean flag) {
                if (flag) {
                    templates.put(name, "true");
                }
            } else if (v != null) {
                templates.put(name, (String) v);
            }
        });
        try {
            return SearchSpace.of(templates);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Marks the second and later values of a repeated option in a candidate's keys. */
    private static final String REPEAT = "#";

    /** The candidate's options as command-line arguments. */
    private List<String> args(Candidate c) {
        List<String> a = new ArrayList<>();
        c.values().forEach((key, value) -> {
            int at = key.indexOf(REPEAT);
            String name = at < 0 ? key : key.substring(0, at);
            a.add(name);
            if (!searchable.get(name).flag) {
                a.add(value);
            }
        });
        return a;
    }

    /** Reads a candidate's arguments as {@code mlp train} would. */
    private ModelOptions options(Candidate c) {
        ModelOptions o = new ModelOptions();
        CommandLine cl = new CommandLine(o);
        cl.setDefaultValueProvider(new TrainCommand.Defaults());
        try {
            cl.parseArgs(args(c).toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException("candidate " + c.number() + ": " + e.getMessage(), e);
        }
        return o;
    }

    /** The data options as the user gave them. */
    private List<String> dataArgs() {
        Set<String> names = new LinkedHashSet<>();
        for (String mixin : List.of("input", "tableOptions", "labelOptions")) {
            for (CommandLine.Model.OptionSpec o : spec.mixins().get(mixin).options()) {
                names.addAll(List.of(o.names()));
            }
        }
        List<String> a = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult()
                .matchedOptions()) {
            if (names.contains(o.longestName())) {
                for (String v : o.originalStringValues()) {
                    a.add(o.longestName());
                    if (o.arity().max() > 0) {
                        a.add(v);
                    }
                }
                if (o.originalStringValues().isEmpty()) {
                    a.add(o.longestName());
                }
            }
        }
        return a;
    }

    private List<String> pluginArgs() {
        List<String> a = new ArrayList<>();
        for (Path p : parent.pluginDirs) {
            a.addAll(List.of("--plugins", p.toString()));
        }
        return a;
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    /** The command as a user types it in a POSIX shell. */
    static String command(List<String> args) {
        StringBuilder sb = new StringBuilder("mlp");
        for (String a : args) {
            sb.append(' ').append(PLAIN.matcher(a).matches() ? a
                    : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
