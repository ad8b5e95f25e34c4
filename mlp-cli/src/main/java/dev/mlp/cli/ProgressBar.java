package dev.mlp.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display for training runs: epoch, a bar, the latest loss and validation
 * metric, and the estimated time left. Each update rewrites the line with a carriage return; the
 * last one ends it. Disabled bars print nothing, which is what the command line uses with
 * {@code --quiet} or when standard error is not a terminal.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long started;
    private int lastLength;

    /**
     * @param out where to draw, usually standard error
     * @param enabled whether to draw at all
     * @param clock nanosecond clock, {@code System::nanoTime} outside tests
     */
    public ProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = out;
        this.enabled = enabled;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * @return whether this bar draws anything
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Redraws the line after an epoch.
     *
     * @param epoch the epoch that ended, from 1
     * @param epochs the configured number of epochs
     * @param loss the epoch's training loss
     * @param metricName the monitored metric's name, or {@code null}
     * @param metric its value (ignored without a name)
     */
    public void update(int epoch, int epochs, double loss, String metricName, double metric) {
        if (!enabled) {
            return;
        }
        String line = line(epoch, epochs, loss, metricName, metric,
                clock.getAsLong() - started);
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = line.length();
        out.print(sb);
        out.flush();
    }

    /**
     * Ends the line, so later output starts on a fresh one.
     */
    public void finish() {
        if (enabled && lastLength > 0) {
            out.println();
            out.flush();
            lastLength = 0;
        }
    }

    static String line(int epoch, int epochs, double loss, String metricName, double metric,
                       long elapsedNanos) {
        int total = Math.max(epochs, 1);
        int filled = (int) Math.min(WIDTH, (long) WIDTH * epoch / total);
        StringBuilder bar = new StringBuilder(WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : (i == filled ? '>' : ' '));
        }
        String width = Integer.toString(String.valueOf(total).length());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "epoch %" + width + "d/%d [%s] loss %.4g", epoch, total, bar, loss));
        if (metricName != null) {
            sb.append(String.format(Locale.ROOT, " %s %.4g", metricName, metric));
        }
        long left = epoch <= 0 ? 0 : elapsedNanos / epoch * Math.max(0, total - epoch);
        sb.append(" left ").append(clockTime(Duration.ofNanos(left)));
        return sb.toString();
    }

    static String clockTime(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
