package dev.mlp.cli;

import dev.mlp.core.Mlp;
import dev.mlp.core.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mlp} command line: train a network on a CSV file, cross-validate it, search its
 * options, evaluate it, predict with it, inspect a model file and list the plugins on the class
 * path.
 *
 * <p>Exit codes: 0 on success, 2 for bad usage or bad input (the message says what and where,
 * in one or two lines, and no stack trace unless {@code --verbose} is given), 1 for anything else
 * (a bug: the stack trace is printed). Bad input includes files that are missing, unreadable or
 * directories, options out of range, bad data, plugin jars that clash, a network too large for
 * the memory, and training that diverges.
 *
 * <p>Plugin jars are found on the class path, in the directories and jars given with
 * {@code --plugins}, and in those listed in the {@code MLP_PLUGIN_PATH} environment variable
 * (separated by the platform's path separator).
 */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        versionProvider = MlpCli.Version.class,
        description = "Train, evaluate and use multi-layer perceptrons.",
        subcommands = {TrainCommand.class, CvCommand.class, TuneCommand.class, CheckCommand.class,
            EvaluateCommand.class, PredictCommand.class,
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

    /** The environment variable listing plugin directories and jars. */
    public static final String PLUGIN_PATH = "MLP_PLUGIN_PATH";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the stack trace too.")
    boolean verbose;

    @CommandLine.Option(names = "--plugins", paramLabel = "DIR|JAR", split = ",",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Load plugin jars from these directories or jars, besides the class "
                    + "path and the directories and jars in $" + PLUGIN_PATH + ".")
    List<java.nio.file.Path> pluginDirs = new ArrayList<>();

    private Map<String, String> env = System.getenv();
    private Plugins plugins;

    /** @return the plugins of this command line: class path, --plugins and MLP_PLUGIN_PATH */
    Plugins plugins() {
        if (plugins == null) {
            plugins = Plugins.load(pluginDirs, env.get(PLUGIN_PATH));
        }
        return plugins;
    }

    /**
     * The framework backed by the plugins of this command line, for the commands outside this
     * package ({@code serve}): loads them on first use, as {@link #plugins()} does.
     *
     * @return the framework instance with the class path's, {@code --plugins}' and
     *         {@code $MLP_PLUGIN_PATH}'s plugins
     * @throws BadInputException if a plugin directory or jar does not exist, or two plugins
     *         claim one name
     */
    public Mlp mlp() {
        return plugins().mlp();
    }

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
        return run(args, out, err, System.getenv());
    }

    /** Runs a command line with the given environment variables (for tests). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        MlpCli root = new MlpCli();
        root.env = env;
        CommandLine cl = commandLine(root,
                new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8),
                        true));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // thrown past picocli's handler, which only sees exceptions
            return report(e, cl, root.verbose || List.of(args).contains("--verbose"));
        }
    }

    /**
     * Runs another command line in this process, with this one's environment and outputs (as
     * {@code tune --train-best} runs the {@code train} command it prints).
     *
     * @param args the arguments
     * @param current the command line running now, whose outputs are used
     * @return the exit code
     */
    int runAgain(String[] args, CommandLine current) {
        MlpCli root = new MlpCli();
        root.env = env;
        CommandLine cl = commandLine(root, current.getOut(), current.getErr());
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return report(e, cl, root.verbose || verbose);
        }
    }

    /** The command line of {@code root}, with its error handling and outputs. */
    private static CommandLine commandLine(MlpCli root, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        TuneCommand.addSearchOptions(cl.getSubcommands().get("tune"));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, c, root.verbose));
        return cl;
    }

    /** Reports a failure of a command: one or two lines for bad input, a trace for a bug. */
    static int report(Throwable ex, CommandLine c, boolean verbose) {
        String where = c.getCommandSpec().qualifiedName();
        PrintWriter err = c.getErr();
        if (ex instanceof OutOfMemoryError) {
            err.println(where + ": not enough memory (" + ex.getMessage() + "; the Java heap "
                    + "limit is " + megabytes(Runtime.getRuntime().maxMemory()) + ")");
            err.println("Use a smaller network or batch, or give Java more memory, for "
                    + "example: java -Xmx8g -jar mlp-cli.jar ...");
        } else if (isBadInput(ex)) {
            err.println(where + ": " + message(ex));
        } else {
            err.println(where + ": failed: " + message(ex));
            LOG.error("{} failed", where, ex);
            err.flush();
            return FAILED;
        }
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            LOG.debug("bad input", ex);
        }
        err.flush();
        return BAD_INPUT;
    }

    static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "unlimited"
                : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    /**
     * Whether an exception is the user's fault: a bad argument, a bad file, a spec that names
     * no plugin.
     */
    static boolean isBadInput(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof FileSystemException
                || ex instanceof dev.mlp.core.io.FileFormatException
                || ex instanceof BadInputException
                || ex instanceof TrainingDivergedException
                || ex instanceof java.io.UncheckedIOException u && isBadInput(u.getCause())
                || ex instanceof IOException && String.valueOf(ex.getMessage())
                        .contains("No space left on device");
    }

    static String message(Throwable ex) {
        if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            String outer = u.getMessage();
            String inner = message(u.getCause());
            return outer == null || outer.equals(u.getCause().toString()) ? inner
                    : outer + ": " + inner;
        }
        if (ex instanceof FileSystemException f) {
            return fileMessage(f);
        }
        String m = ex.getMessage();
        if (ex instanceof TrainingDivergedException) {
            if (m != null && m.contains("gave up after")) {
                // the user's rollbacks were not enough: advising rollbacks again would not help
                return m + System.lineSeparator() + "Start with a smaller learning rate or "
                        + "scaled inputs (--input-scaler z-score), or allow more rollbacks "
                        + "with a smaller factor.";
            }
            return m + System.lineSeparator() + "To continue past a divergence, try "
                    + "--divergence \"rollback(factor=0.5, retries=3)\" or a smaller learning "
                    + "rate.";
        }
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** A file system error in words: the file, the other file if any, and the reason. */
    static String fileMessage(FileSystemException f) {
        String file = f.getFile();
        String reason = f.getReason();
        String what;
        if (f instanceof NoSuchFileException) {
            what = "no such file: " + file;
        } else if (f instanceof AccessDeniedException) {
            what = "permission denied: " + file;
        } else if (f instanceof NotDirectoryException) {
            what = "not a directory: " + file;
        } else if (f instanceof java.nio.file.FileAlreadyExistsException) {
            what = "already exists: " + file;
        } else if (f instanceof java.nio.file.DirectoryNotEmptyException) {
            what = "directory not empty: " + file;
        } else {
            what = file == null ? "file system error" : file;
        }
        if (f.getOtherFile() != null) {
            what += " (moving to " + f.getOtherFile() + ")";
        }
        if (reason != null && !reason.isBlank()) {
            what += ": " + reason;
        } else if (!(f instanceof NoSuchFileException || f instanceof AccessDeniedException
                || f instanceof NotDirectoryException) && file != null) {
            what += ": " + f.getClass().getSimpleName();
        }
        return what;
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
