package dev.mlp.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mlp} command line: train a network on a CSV file, evaluate it, predict with it,
 * inspect a model file and list the plugins on the class path.
 *
 * <p>Exit codes: 0 on success, 2 for bad usage or bad input (the message says what and where),
 * 1 for anything else.
 */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        versionProvider = MlpCli.Version.class,
        description = "Train, evaluate and use multi-layer perceptrons.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
            InspectCommand.class, PluginsCommand.class, dev.mlp.cli.serve.ServeCommand.class,
            ExportCommand.class, CommandLine.HelpCommand.class})
public final class MlpCli implements Runnable {

    /** Success. */
    public static final int OK = 0;
    /** A failure that is not the user's input. */
    public static final int FAILED = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MlpCli.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new MlpCli());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8),
                true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String where = c.getCommandSpec().qualifiedName();
            if (isBadInput(ex)) {
                c.getErr().println(where + ": " + message(ex));
                LOG.debug("bad input", ex);
                return BAD_INPUT;
            }
            c.getErr().println(where + ": failed: " + message(ex));
            LOG.error("{} failed", where, ex);
            return FAILED;
        });
        return cl.execute(args);
    }

    /**
     * Whether an exception is the user's fault: a bad argument, a bad file, a spec that names
     * no plugin.
     */
    static boolean isBadInput(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof NoSuchFileException
                || ex instanceof java.nio.file.AccessDeniedException
                || ex instanceof dev.mlp.core.io.FileFormatException
                || ex instanceof BadInputException;
    }

    private static String message(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof NoSuchFileException) {
            return "no such file: " + m;
        }
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** Reports the framework version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MlpCli.class.getPackage().getImplementationVersion();
            return new String[] {"mlp " + (v == null ? "(development build)" : v)};
        }
    }
}
