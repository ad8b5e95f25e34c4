package dev.mlp.cli;

import dev.mlp.data.ReadProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display for loading a CSV file: the share of the file read, the rows so
 * far and the elapsed time. It stays silent for loads shorter than two seconds, rewrites its
 * line with a carriage return, and ends it when the file has been read.
 */
final class LoadProgress implements ReadProgress {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private final long started;
    private long lastDrawn;
    private boolean drawn;

    /**
     * @param out where to draw, standard error on a terminal
     * @param clock nanosecond clock, {@code System::nanoTime} outside tests
     */
    LoadProgress(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rows, boolean done) {
        long now = clock.getAsLong();
        long elapsed = now - started;
        if (elapsed < QUIET_NANOS || (!done && drawn && now - lastDrawn < EVERY_NANOS)) {
            if (done && drawn) {
                out.println();
            }
            return;
        }
        out.print("\r" + line(bytesRead, totalBytes, rows, elapsed));
        if (done) {
            out.println();
        }
        out.flush();
        drawn = true;
        lastDrawn = now;
    }

    static String line(long bytesRead, long totalBytes, long rows, long elapsedNanos) {
        String share = totalBytes > 0
                ? String.format(Locale.ROOT, "%3d%% of %d MB", Math.min(100, 100 * bytesRead
                        / totalBytes), totalBytes >> 20)
                : String.format(Locale.ROOT, "%d MB", bytesRead >> 20);
        return String.format(Locale.ROOT, "loading: %s, %,d rows, %s", share, rows,
                ProgressBar.clockTime(java.time.Duration.ofNanos(elapsedNanos)));
    }
}
