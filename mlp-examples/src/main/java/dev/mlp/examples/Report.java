package dev.mlp.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects an example's results: each number a seed prints beside the number computed at full
 * double precision, with a verdict.
 *
 * <p>A printed number with {@code d} decimals agrees with a computed one when
 * {@code |computed − printed| ≤ 0.5·10^−d + 10^−15}, i.e. when the seed's digits are the computed
 * value correctly rounded (the extra {@code 10^−15} absorbs differences in the last bit of
 * double arithmetic). A disagreement must be declared as a seed erratum with its reason;
 * an undeclared disagreement is a {@link Status#MISMATCH}, and a declared erratum that in fact
 * agrees is {@link Status#STALE_ERRATUM}. Tests fail on both.
 */
public final class Report {

    /** The verdict on one line. */
    public enum Status {
        /** The seed's printed digits are the computed value, rounded. */
        OK,
        /** The seed is wrong here, for the stated reason. */
        ERRATUM,
        /** Computed only: the seed prints nothing to compare with, or cannot be reproduced. */
        INFO,
        /** The seed and the computation disagree and no erratum explains it. */
        MISMATCH,
        /** An erratum was declared, but the seed's digits agree with the computation. */
        STALE_ERRATUM
    }

    /**
     * One reported number.
     *
     * @param section the section it belongs to
     * @param quantity what it is
     * @param printed the seed's text, or {@code null}
     * @param computed the computed value (NaN for text-only lines)
     * @param status the verdict
     * @param reason the erratum's reason or a note, or {@code null}
     */
    public record Line(String section, String quantity, String printed, double computed,
                       Status status, String reason) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final PrintStream out;
    private String section = "";

    /** Where convergence plots go, or {@code null} for none. */
    private final Path plots;

    /**
     * @param out where to print as results arrive, or {@code null} to only collect
     */
    public Report(PrintStream out) {
        this(out, null);
    }

    /**
     * @param out where to print as results arrive, or {@code null} to only collect
     * @param plots the directory to write convergence plots to, or {@code null} for none
     */
    public Report(PrintStream out, Path plots) {
        this.out = out;
        this.plots = plots;
    }

    /**
     * Draws the seed's picture of a single-sample run, if plots were asked for: the outputs
     * converging to their targets and the error {@code J = ½‖y − y*‖²}, against the
     * iterations, as {@code NAME.png} in the plot directory (the line saying so is printed only
     * then).
     *
     * @param name the file name without {@code .png}
     * @param title the picture's title
     * @param trace the run's outputs
     * @param target the targets
     * @param iterations how many iterations to draw
     */
    public void convergence(String name, String title, Trace trace, double[] target,
                            int iterations) {
        if (plots == null) {
            return;
        }
        List<double[]> ys = new ArrayList<>();
        for (int n = 0; n <= iterations; n++) {
            ys.add(trace.outputAfter(n));
        }
        double[][] outputs = new double[target.length][iterations + 1];
        for (int n = 0; n <= iterations; n++) {
            for (int j = 0; j < target.length; j++) {
                outputs[j][n] = ys.get(n)[j];
            }
        }
        writePlot(name, title, outputs, target, ConvergencePlot.halfSquaredError(ys, target),
                "J = 1/2 |y - y*|^2");
    }

    /**
     * Draws a run's mean loss per epoch, if plots were asked for, as {@code NAME.png}.
     *
     * @param name the file name without {@code .png}
     * @param title the picture's title
     * @param predictions the predictions after training, drawn on the left, one per sample
     * @param targets the samples' targets
     * @param epochLosses the mean loss of each epoch
     */
    public void lossCurve(String name, String title, double[] predictions, double[] targets,
                          List<Double> epochLosses) {
        if (plots == null) {
            return;
        }
        double[] loss = new double[epochLosses.size()];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = epochLosses.get(i);
        }
        try {
            Files.createDirectories(plots);
            Path file = plots.resolve(name + ".png");
            ConvergencePlot.writeSamples(file, title, predictions, targets, loss);
            printPlot(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + name, e);
        }
    }

    private void writePlot(String name, String title, double[][] outputs, double[] target,
                           double[] error, String errorName) {
        try {
            Files.createDirectories(plots);
            Path file = plots.resolve(name + ".png");
            ConvergencePlot.write(file, title, outputs, target, error, errorName);
            printPlot(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + name, e);
        }
    }

    private void printPlot(Path file) {
        if (out != null) {
            out.println("   plot: " + file);
        }
    }

    /**
     * Starts a section.
     *
     * @param title its title
     */
    public void section(String title) {
        section = title;
        if (out != null) {
            out.println();
            out.println("-- " + title);
        }
    }

    /**
     * Prints free text.
     *
     * @param text the text
     */
    public void note(String text) {
        if (out != null) {
            out.println("   " + text);
        }
    }

    /**
     * Compares a computed value with the seed's printed number, which should agree.
     *
     * @param quantity what it is
     * @param printed the seed's text, for example {@code "0.5027"}
     * @param computed the value computed by the framework
     */
    public void check(String quantity, String printed, double computed) {
        add(quantity, printed, computed, agrees(printed, computed) ? Status.OK : Status.MISMATCH,
                null);
    }

    /**
     * Records a printed number the seed gets wrong.
     *
     * @param quantity what it is
     * @param printed the seed's text
     * @param computed the correct value computed by the framework
     * @param reason what the seed's slip is
     */
    public void erratum(String quantity, String printed, double computed, String reason) {
        add(quantity, printed, computed,
                agrees(printed, computed) ? Status.STALE_ERRATUM : Status.ERRATUM, reason);
    }

    /**
     * Records a computed value with no seed number to compare with.
     *
     * @param quantity what it is
     * @param computed the value
     */
    public void value(String quantity, double computed) {
        add(quantity, null, computed, Status.INFO, null);
    }

    /**
     * Records a seed number that cannot be reproduced, with why, beside the framework's own
     * value for the same quantity.
     *
     * @param quantity what it is
     * @param printed the seed's text
     * @param computed the framework's value under the example's stated choices
     * @param why why the seed's number cannot be reproduced
     */
    public void unreproducible(String quantity, String printed, double computed, String why) {
        add(quantity, printed, computed, Status.INFO, why);
    }

    private void add(String quantity, String printed, double computed, Status status,
                     String reason) {
        Line line = new Line(section, quantity, printed, computed, status, reason);
        lines.add(line);
        if (out != null) {
            out.println(format(line));
        }
    }

    /**
     * @param printed a decimal number as printed
     * @param computed a value
     * @return whether the printed digits are the value rounded to that many decimals
     */
    public static boolean agrees(String printed, double computed) {
        BigDecimal p = new BigDecimal(printed.trim());
        int decimals = Math.max(0, p.scale());
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-15;
        return Math.abs(computed - p.doubleValue()) <= tolerance;
    }

    private static String format(Line l) {
        String computed = Double.isNaN(l.computed()) ? "" : repr(l.computed());
        String head = String.format(Locale.ROOT, "   %-44s %-22s %-24s", l.quantity(),
                l.printed() == null ? "" : "seed " + l.printed(), computed);
        String verdict = switch (l.status()) {
            case OK -> "ok";
            case INFO -> l.reason() == null ? "" : "(" + l.reason() + ")";
            case ERRATUM -> "SEED ERRATUM: " + l.reason();
            case MISMATCH -> "MISMATCH (no erratum declared)";
            case STALE_ERRATUM -> "STALE ERRATUM (seed agrees): " + l.reason();
        };
        return (head + " " + verdict).stripTrailing();
    }

    /**
     * @param v a value
     * @return its shortest exact decimal text
     */
    public static String repr(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** @return every line so far */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * @param status a verdict
     * @return how many lines have it
     */
    public long count(Status status) {
        return lines.stream().filter(l -> l.status() == status).count();
    }

    /**
     * Finds the first line with the given quantity.
     *
     * @param quantity the quantity's text
     * @return its computed value
     * @throws IllegalArgumentException if there is no such line
     */
    public double valueOf(String quantity) {
        for (Line l : lines) {
            if (l.quantity().equals(quantity)) {
                return l.computed();
            }
        }
        throw new IllegalArgumentException("no line '" + quantity + "'");
    }
}
