package dev.mlp.cli;

import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.api.spi.PluginProvider;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.core.plugin.PluginCatalog;
import dev.mlp.api.spi.PluginKind;
import dev.mlp.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlp plugins}: every plugin on the class path by kind, with its aliases, parameters and
 * defaults, version, and the jar it came from.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin found on the class path, with parameters, defaults "
                + "and the jar each came from.")
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private MlpCli parent;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "Only this kind, as listed: activation, loss, optimizer, "
                    + "batch-strategy, initializer, scaler, listener, schedule, "
                    + "gradient-transform, metric, compute-backend.")
    private PluginKind<?> kind;

    /** Reads a kind as printed ("batch strategy"), with a hyphen, or as its constant name. */
    static final class KindConverter implements CommandLine.ITypeConverter<PluginKind<?>> {
        @Override
        public PluginKind<?> convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
            List<String> known = new ArrayList<>();
            for (PluginKind<?> k : PluginKind.ALL) {
                if (k.label().equals(v)) {
                    return k;
                }
                known.add(k.label().replace(' ', '-'));
            }
            throw new CommandLine.TypeConversionException("unknown plugin kind '" + value
                    + "'; known: " + String.join(", ", known));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = parent.plugins();
        PluginRegistry registry = plugins.mlp().registry();
        for (java.nio.file.Path jar : plugins.jars()) {
            out.println("plugin path: " + jar);
        }
        for (PluginKind<?> k : PluginKind.ALL) {
            if (kind != null && k != kind) {
                continue;
            }
            out.println(k.label() + ":");
            for (PluginProvider<?> p : registry.providers(k)) {
                String aliases = p.aliases().isEmpty() ? ""
                        : " (alias " + String.join(", ", p.aliases()) + ")";
                out.printf(Locale.ROOT, "  %s%s  version %s%n", p.name(), aliases, p.version());
                out.println("      " + p.description());
                for (ParameterSpec param : p.parameters()) {
                    out.println("      " + param.describe());
                }
                out.println("      from " + PluginCatalog.origin(p));
                if (p instanceof ComputeBackendProvider b) {
                    String why = b.unavailableReason();
                    out.println("      " + (why == null ? "runs here" : "cannot run here: " + why));
                }
            }
            if (k == PluginKind.COMPUTE_BACKEND) {
                out.println("  used when none is named: " + defaultBackend(registry));
            }
        }
        out.flush();
        return MlpCli.OK;
    }

    /** The backend of runs that name none, and why. */
    private static String defaultBackend(PluginRegistry registry) {
        String named = MatrixBackends.defaultName();
        String name = MatrixBackends.resolve(registry, null).name();
        return name + (named != null ? " (named by -D" + MatrixBackends.PROPERTY + ")"
                : " (the fastest that runs here)");
    }
}
