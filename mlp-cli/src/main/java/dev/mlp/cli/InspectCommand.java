package dev.mlp.cli;

import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.FileFormatException;
import dev.mlp.core.io.InputPreprocessing;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
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
                + "version, layers, plugins with their versions, precision, scalers, classes, "
                + "training.")
final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A model or checkpoint file.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CliFiles.readable("FILE", file);
        String text;
        try {
            ModelInfo info = ModelFile.read(file);
            text = info.describe() + preprocessing(info.metadata().preprocessing());
        } catch (FileFormatException e) {
            if (e.problem() != FileFormatException.Problem.WRONG_TYPE) {
                throw new BadInputException(e.getMessage(), e);
            }
            text = CheckpointFile.describe(file);
        }
        out.print(align(text));
        out.flush();
        return MlpCli.OK;
    }

    /** One line per raw column a model's preprocessing encodes or fills; empty without any. */
    static String preprocessing(InputPreprocessing p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("missing values: ").append(p.missingMarkers().stream()
                .map(m -> "'" + m + "'").collect(java.util.stream.Collectors.joining(", ")))
                .append('\n');
        for (InputPreprocessing.Column c : p.columns()) {
            sb.append("column ").append(c.name()).append(": ");
            if (c.categorical()) {
                sb.append(c.encoder()).append(" of ").append(c.state().categories().size())
                        .append(" categories (").append(String.join(", ",
                                c.state().categories())).append("), missing -> ")
                        .append(c.fillCategory());
            } else {
                sb.append("numeric, missing -> ").append(c.fill());
            }
            sb.append(" (").append(c.imputation()).append(')')
                    .append(c.indicator() ? ", with a missing indicator" : "").append('\n');
        }
        return sb.toString();
    }

    /** Lines {@code key: value}, with every value starting in one column. */
    static String align(String text) {
        String[] lines = text.split("\\R");
        int width = 0;
        for (String l : lines) {
            int colon = key(l);
            if (colon > 0) {
                width = Math.max(width, colon + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            int colon = key(l);
            if (colon > 0) {
                String k = l.substring(0, colon + 1);
                sb.append(k).append(" ".repeat(width - k.length() + 1))
                        .append(l.substring(colon + 1).strip());
            } else {
                sb.append(l);
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The position of the colon ending a line's key, or -1. */
    private static int key(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0 && line.endsWith(":")) {
            colon = line.length() - 1;
        }
        return colon;
    }
}
