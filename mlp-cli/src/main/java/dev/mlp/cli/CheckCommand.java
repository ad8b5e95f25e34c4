package dev.mlp.cli;

import dev.mlp.core.Dataset;
import dev.mlp.core.Model;
import dev.mlp.core.train.GradientCheck;
import dev.mlp.core.train.Precision;
import dev.mlp.data.DataTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp check}: the gradient check of the network {@code mlp train} with the same options
 * would train ({@link GradientCheck}), before any training.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Check the gradients of a network before training it: the backward "
                + "pass of the configured activations and loss (plugins included) against "
                + "central finite differences of the loss, on a few rows of the data.",
            "Takes the network, activation, loss and data options of 'mlp train'; prints the "
                    + "worst relative error per layer and PASS (exit 0) or FAIL (exit 1)."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private MlpCli parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions input;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    private TableOptions tableOptions;

    @Option(names = "--seed", description = "Seed of the initial weights (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5",
            description = "Rows checked, spread over the data (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--threshold", paramLabel = "ERROR", defaultValue = "1e-4",
            description = "Largest relative error that passes (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (rows < 1) {
            throw new BadInputException("--rows must be at least 1, found " + rows);
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new BadInputException("--threshold must be a number > 0, found " + threshold
                    + "; for example 1e-4");
        }
        modelOptions.check();
        if (modelOptions.precision() != Precision.FLOAT64) {
            throw new BadInputException("--precision " + modelOptions.precision() + ": the "
                    + "gradient check compares the float64 backward pass with finite "
                    + "differences, whatever precision training runs in; leave --precision out");
        }
        boolean classification = input.classification();
        Plugins plugins = parent.plugins();
        modelOptions.checkSpecs(plugins.mlp().registry());
        DataTable table = CvCommand.read(spec, input, tableOptions, classification, plugins)
                .table();
        Dataset data = table.toDataset();
        // no epochs: the run only fits the scalers, so the rows are checked as training sees them
        Model model = modelOptions.builder(plugins.mlp(), table.inputs(), table.outputs(),
                classification, seed, 0).epochs(0).build();
        model.fit(data);
        GradientCheck.Result r = GradientCheck.of(model, data, rows, threshold);
        out.print(r.format());
        out.flush();
        return r.passed() ? MlpCli.OK : MlpCli.FAILED;
    }
}
