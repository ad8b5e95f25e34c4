package dev.mlp.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;

/**
 * Prints what a run measured: the workload table (this framework per backend and precision
 * beside Smile), W1 beside every peer and the bound, the ratios of each of this framework's W1
 * numbers to each peer and to the bound of its precision, and last one {@link Summary} line
 * per measurement.
 */
final class Report {

    private final List<Summary> all;
    private final PrintStream out;

    /**
     * @param all every measurement of the run
     * @param out where to print
     */
    Report(List<Summary> all, PrintStream out) {
        this.all = List.copyOf(all);
        this.out = out;
    }

    /**
     * @param epochs W1's epochs
     * @param batch W3's batch size
     */
    void print(int epochs, int batch) {
        workloadTable(epochs, batch);
        out.println();
        if (w1Table(epochs)) {
            out.println();
        }
        List<String> ratios = ratios();
        for (String line : ratios) {
            out.println(line);
        }
        if (!ratios.isEmpty()) {
            out.println();
        }
        for (Summary s : all) {
            out.println(s.format());
        }
    }

    private List<Summary> find(String workload, Predicate<Summary> which) {
        List<Summary> found = new ArrayList<>();
        for (Summary s : all) {
            if (s.workload().equals(workload) && which.test(s)) {
                found.add(s);
            }
        }
        return found;
    }

    private static boolean isOurs(Summary s) {
        return s.subject().equals("mlp");
    }

    private static boolean isSmile(Summary s) {
        return s.subject().equals("smile");
    }

    /** The labels of this framework's columns, in the order they were run. */
    private List<String> ourColumns() {
        List<String> labels = new ArrayList<>();
        for (Summary s : all) {
            if (isOurs(s) && !labels.contains(s.label())) {
                labels.add(s.label());
            }
        }
        return labels;
    }

    private void workloadTable(int epochs, int batch) {
        List<String> cols = ourColumns();
        boolean smile = all.stream().anyMatch(Report::isSmile);
        StringBuilder head = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String c : cols) {
            head.append(' ').append(c).append(" |");
            rule.append("---:|");
        }
        if (smile) {
            head.append(" Smile | best mlp / Smile |");
            rule.append("---:|---:|");
        }
        out.println(head);
        out.println(rule);
        row("W1 training, samples/s (median of " + epochs + " epochs)", "w1", "samples_per_s",
                cols, smile, Report::count, true);
        row("W1 test accuracy after " + epochs + " epochs", "w1", "accuracy", cols, smile,
                Report::percent, true);
        row("W2 2-3-1 sigmoid, stochastic, updates/s", "w2", "updates_per_s", cols, smile,
                Report::count, true);
        row("W3 latency, one sample, microseconds", "w3", "latency_us", cols, smile,
                Report::fixed, false);
        row("W3 throughput, batches of " + batch + ", samples/s (Smile: one by one)", "w3",
                "samples_per_s", cols, smile, Report::count, true);
    }

    private void row(String label, String workload, String key, List<String> cols,
                     boolean smile, DoubleFunction<String> format, boolean higherIsBetter) {
        if (find(workload, s -> !Double.isNaN(s.value(key))).isEmpty()) {
            return; // not run
        }
        StringBuilder sb = new StringBuilder("| ").append(label).append(" |");
        double best = Double.NaN;
        for (String c : cols) {
            double v = first(find(workload, s -> isOurs(s) && s.label().equals(c)), key);
            sb.append(' ').append(format.apply(v)).append(" |");
            if (!Double.isNaN(v) && (Double.isNaN(best) || (higherIsBetter ? v > best
                    : v < best))) {
                best = v;
            }
        }
        if (smile) {
            double t = first(find(workload, Report::isSmile), key);
            sb.append(' ').append(format.apply(t)).append(" |");
            boolean isRatio = !key.equals("accuracy");
            sb.append(' ').append(isRatio ? times(higherIsBetter ? best / t : t / best) : "")
                    .append(" |");
        }
        out.println(sb);
    }

    private static double first(List<Summary> found, String key) {
        return found.isEmpty() ? Double.NaN : found.get(0).value(key);
    }

    private boolean w1Table(int epochs) {
        List<Summary> w1 = find("w1", s -> !Double.isNaN(s.value("samples_per_s")));
        if (w1.isEmpty()) {
            return false;
        }
        w1.sort(Comparator.comparingDouble((Summary s) -> s.value("samples_per_s")).reversed());
        out.println("| W1 (784-256-128-10, sgd 0.1, batch 128), median of " + epochs
                + " epochs | samples/s | test accuracy |");
        out.println("|---|---:|---:|");
        for (Summary s : w1) {
            out.println("| " + s.label() + (s.get("version") != null ? " " + s.get("version")
                    : "") + " | " + count(s.value("samples_per_s")) + " | "
                    + percent(s.value("accuracy")) + " |");
        }
        return true;
    }

    /**
     * One line per W1 measurement of this framework: its ratio to each peer and the share of
     * its precision's bound on the most threads measured; and one per W2 measurement: its share
     * of W2's bound (a loop written for exactly 2-3-1).
     *
     * @return the lines, empty without W1 and W2
     */
    List<String> ratios() {
        List<String> lines = new ArrayList<>();
        List<Summary> peers = find("w1", s -> !isOurs(s) && !s.subject().equals("bound"));
        List<Summary> bounds = find("w1", s -> s.subject().equals("bound"));
        for (Summary ours : find("w1", Report::isOurs)) {
            double v = ours.value("samples_per_s");
            StringBuilder sb = new StringBuilder("ratio w1 ").append(ours.label()).append(':');
            String sep = " ";
            for (Summary p : peers) {
                sb.append(sep).append(times(v / p.value("samples_per_s"))).append(' ')
                        .append(p.label());
                sep = ", ";
            }
            Summary bound = bound(bounds, "float32".equals(ours.get("precision")) ? "sgemm"
                    : "dgemm");
            if (bound != null) {
                sb.append(sep).append(String.format(Locale.ROOT, "%.0f%%",
                        100 * v / bound.value("samples_per_s"))).append(" of ")
                        .append(bound.label());
                sep = ", ";
            }
            if (!sep.equals(" ")) {
                lines.add(sb.toString());
            }
        }
        List<Summary> w2Bounds = find("w2", s -> s.subject().equals("bound"));
        if (!w2Bounds.isEmpty()) {
            Summary b = w2Bounds.get(0);
            for (Summary ours : find("w2", Report::isOurs)) {
                lines.add(String.format(Locale.ROOT, "ratio w2 %s: %.0f%% of %s",
                        ours.label(), 100 * ours.value("updates_per_s")
                                / b.value("updates_per_s"), b.label()));
            }
        }
        return lines;
    }

    /** The bound of an operation on the most threads measured, or {@code null}. */
    private static Summary bound(List<Summary> bounds, String op) {
        Summary best = null;
        for (Summary b : bounds) {
            if (op.equals(b.get("op")) && (best == null
                    || b.value("threads") > best.value("threads"))) {
                best = b;
            }
        }
        return best;
    }

    static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    static String times(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a"
                : String.format(Locale.ROOT, r >= 10 ? "%.1fx" : "%.2fx", r);
    }
}
