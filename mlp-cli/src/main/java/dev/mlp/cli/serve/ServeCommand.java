package dev.mlp.cli.serve;

import dev.mlp.cli.BackendOption;
import dev.mlp.cli.BadInputException;
import dev.mlp.cli.CliFiles;
import dev.mlp.cli.MlpCli;
import dev.mlp.core.Mlp;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlp serve}: answers predictions of saved models over HTTP until stopped. SIGTERM (or
 * Ctrl-C) stops taking new connections, lets the requests under way finish, and exits with 0.
 * The models are loaded with the plugins of the command line (the class path, {@code --plugins}
 * and {@code $MLP_PLUGIN_PATH}), as the other commands load them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve predictions of saved models over HTTP.",
            "Endpoints: POST /predict and GET /model (one model), "
                + "POST /models/NAME/predict and GET /models/NAME (any), GET /models, "
                + "GET /health. A request is JSON {\"rows\": [{\"feature\": value, ...}]} or "
                + "{\"rows\": [[...], ...]}, or CSV (Content-Type: text/csv) with a header row "
                + "of feature names; the answer is JSON, or CSV with Accept: text/csv."})
public final class ServeCommand implements Callable<Integer> {

    /** Creates the command; picocli sets its options. */
    public ServeCommand() {
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private MlpCli parent;

    @Option(names = {"--model", "-m"}, required = true, paramLabel = "[NAME=]MODEL",
            description = "A model file to serve, optionally named (default name: the file "
                    + "name without .mlp). Repeat to serve several.")
    private List<String> modelArgs;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for "
                    + "every interface).")
    private String host;

    @Option(names = "--port", defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads handling requests (default: the number of processors).")
    private Integer threads;

    @Option(names = "--max-body", defaultValue = "10M", paramLabel = "SIZE",
            description = "The largest request body, in bytes or with a K, M or G suffix "
                    + "(default: ${DEFAULT-VALUE}); larger requests get 413.")
    private String maxBody;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "A request must arrive, and its answer be sent, within this time, "
                    + "or the connection is closed (default: ${DEFAULT-VALUE}).")
    private long requestTimeout;

    @Option(names = "--grace", defaultValue = "10", paramLabel = "SECONDS",
            description = "On SIGTERM, how long requests under way may take to finish "
                    + "(default: ${DEFAULT-VALUE}).")
    private long grace;

    @Mixin
    private BackendOption backend;

    @Override
    public Integer call() throws IOException {
        if (requestTimeout < 1) {
            throw new BadInputException("--request-timeout must be at least 1 second, found "
                    + requestTimeout);
        }
        if (grace < 0) {
            throw new BadInputException("--grace must not be negative, found " + grace);
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be in [0, 65535] (0 for any free port), "
                    + "found " + port);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be at least 1, found " + threads);
        }
        Mlp mlp = backend.apply(parent.mlp());
        Map<String, ServedModel> models = new LinkedHashMap<>();
        for (String arg : modelArgs) {
            int eq = arg.indexOf('=');
            Path file = Path.of(eq < 0 ? arg : arg.substring(eq + 1));
            String name = eq < 0 ? defaultName(file) : arg.substring(0, eq);
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new BadInputException("model name '" + name + "' must be letters, digits, "
                        + "'.', '_' or '-' (it is part of the URL); name it with NAME=" + file);
            }
            if (models.containsKey(name)) {
                throw new BadInputException("two models named '" + name + "': name them with "
                        + "-m NAME=FILE");
            }
            CliFiles.readable("-m", file);
            try {
                models.put(name, ServedModel.load(name, file, mlp));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("-m " + file + ": " + e.getMessage(), e);
            }
        }
        PredictionServer.jdkServerSettings(requestTimeout);
        PredictionServer.Config config;
        try {
            config = new PredictionServer.Config(host, port,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    parseSize(maxBody));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PredictionServer server;
        try {
            server = PredictionServer.start(models, config);
        } catch (BindException e) {
            throw new BadInputException("cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + "; choose another --port or --host");
        } catch (java.net.SocketException e) {
            throw new BadInputException("--host " + host + ": cannot listen on " + host + ":"
                    + port + ": " + e.getMessage() + "; give an address of this machine, "
                    + "for example 127.0.0.1 or 0.0.0.0");
        }
        PrintWriter out = spec.commandLine().getOut();
        String base = "http://" + hostForUrl(server.address().getHostString()) + ":"
                + server.address().getPort();
        for (ServedModel m : models.values()) {
            out.println("serving " + m.name() + " (" + m.file() + ") at " + base + "/models/"
                    + m.name() + "/predict" + (models.size() == 1 ? " and " + base + "/predict"
                    : ""));
        }
        out.println("listening on " + base + "; stop with SIGTERM or Ctrl-C");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Duration graceTime = Duration.ofSeconds(grace);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(graceTime);
            out.println("stopped");
            out.flush();
            stopped.countDown();
            // a stop asked for by a signal is the normal end of serving, not a failure
            Runtime.getRuntime().halt(MlpCli.OK);
        }, "mlp-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(graceTime);
        }
        return MlpCli.OK;
    }

    private static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".mlp") ? n.substring(0, n.length() - 4) : n;
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /**
     * @param s a size such as {@code 1048576}, {@code 512K}, {@code 10M} or {@code 1G}
     * @return the bytes
     */
    static long parseSize(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            unit = switch (last) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1;
            };
            if (unit > 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long v = Long.parseLong(t.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException("--max-body must be a positive size such as 1048576, "
                    + "512K or 10M, found '" + s + "'");
        }
    }
}
