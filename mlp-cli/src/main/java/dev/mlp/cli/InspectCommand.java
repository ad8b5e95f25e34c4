package dev.mlp.cli;

import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.FileFormatException;
import dev.mlp.core.io.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mlp inspect}: what a model or checkpoint file holds, without loading any plugin. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a model (or checkpoint) file holds: format and framework "
                + "version, layers, plugins with their versions, scalers, classes, training.")
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A model or checkpoint file.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try {
            text = ModelFile.read(file).describe();
        } catch (FileFormatException e) {
            if (e.problem() != FileFormatException.Problem.WRONG_TYPE) {
                throw new BadInputException(e.getMessage(), e);
            }
            text = CheckpointFile.describe(file);
        }
        out.println(text);
        out.flush();
        return MlpCli.OK;
    }
}
