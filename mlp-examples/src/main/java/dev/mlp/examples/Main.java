package dev.mlp.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs examples: {@code list} names them, {@code all} runs every one, and any other argument
 * runs the example of that name ({@link Examples#onDemand()} ones only this way). Exit code 0 on
 * success, 2 for an unknown name, bad usage or a data set that is not installed, 1 if an
 * example's numbers disagree with the seed in a way no declared erratum explains. With
 * {@code --plots DIR} the seed examples also draw the seeds' convergence pictures as PNG files
 * in {@code DIR}.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args {@code list}, {@code all}, or example names, and optionally
     *             {@code --plots DIR}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Prints every plugin found on the class path, by kind, with its parameters.
     *
     * @param out where to print
     */
    static void printPlugins(PrintStream out) {
        var registry = dev.mlp.core.Mlp.standard().registry();
        for (var kind : dev.mlp.api.spi.PluginKind.ALL) {
            out.println(kind.label() + ":");
            for (var p : registry.providers(kind)) {
                String aliases = p.aliases().isEmpty() ? ""
                        : " (alias " + String.join(", ", p.aliases()) + ")";
                out.println("  " + p.name() + aliases + " - " + p.description());
                for (var param : p.parameters()) {
                    out.println("      " + param.describe());
                }
            }
        }
    }

    /**
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: java -jar mlp-examples.jar list | all | plugins | <example>... "
                    + "[--plots DIR]");
            return 2;
        }
        List<Example> chosen = new ArrayList<>();
        java.nio.file.Path plots = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plots")) {
                if (i + 1 == args.length) {
                    err.println("--plots needs a directory: --plots DIR");
                    return 2;
                }
                plots = java.nio.file.Path.of(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            err.println("usage: java -jar mlp-examples.jar list | all | plugins | <example>... "
                    + "[--plots DIR]");
            return 2;
        }
        for (String a : names) {
            if (a.equals("plugins")) {
                printPlugins(out);
                return 0;
            } else if (a.equals("list")) {
                for (Example e : Examples.all()) {
                    out.printf("%-28s %s%n", e.name(), e.title());
                }
                for (Example e : Examples.onDemand()) {
                    out.printf("%-28s %s [not in 'all']%n", e.name(), e.title());
                }
                return 0;
            } else if (a.equals("all")) {
                chosen.addAll(Examples.all());
            } else {
                Optional<Example> e = Examples.named(a);
                if (e.isEmpty()) {
                    err.println("unknown example '" + a + "'; run 'list' to see the names");
                    return 2;
                }
                chosen.add(e.get());
            }
        }
        long ok = 0;
        long errata = 0;
        long bad = 0;
        for (Example e : chosen) {
            out.println();
            out.println("=== " + e.name() + ": " + e.title());
            Report report = new Report(out, plots);
            long start = System.nanoTime();
            try {
                e.run(report);
            } catch (DataUnavailableException missing) {
                err.println(missing.getMessage());
                return 2;
            }
            out.printf("   (%.1f ms)%n", (System.nanoTime() - start) / 1e6);
            ok += report.count(Report.Status.OK);
            errata += report.count(Report.Status.ERRATUM);
            bad += report.count(Report.Status.MISMATCH) + report.count(Report.Status.STALE_ERRATUM);
        }
        out.println();
        out.printf("%d examples: %d seed numbers reproduced, %d seed errata explained, "
                + "%d unexplained%n", chosen.size(), ok, errata, bad);
        return bad == 0 ? 0 : 1;
    }
}
