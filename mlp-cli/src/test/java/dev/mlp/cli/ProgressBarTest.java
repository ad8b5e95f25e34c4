package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void lineShowsEpochBarLossMetricAndTimeLeft() {
        // 10 of 40 epochs in 20 s: 60 s left
        String line = ProgressBar.line(10, 40, 0.12345, "validation-accuracy", 0.9375,
                Duration.ofSeconds(20).toNanos());
        assertEquals("epoch 10/40 [=======>                      ] loss 0.1235 "
                + "validation-accuracy 0.9375 left 01:00", line);
    }

    @Test
    void fullBarAtTheEnd() {
        String line = ProgressBar.line(5, 5, 1.0, null, 0, 1);
        assertTrue(line.contains("[==============================]"), line);
        assertTrue(line.endsWith("left 00:00"), line);
    }

    @Test
    void longRunsShowHours() {
        assertEquals("1:01:01", ProgressBar.clockTime(Duration.ofSeconds(3661)));
    }

    @Test
    void rewritesOneLineAndEndsIt() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(buf, true, StandardCharsets.UTF_8), true,
                now::get);
        now.set(1_000_000_000L);
        bar.update(1, 2, 0.5, null, 0);
        now.set(2_000_000_000L);
        bar.update(2, 2, 0.25, null, 0);
        bar.finish();
        String s = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, s.chars().filter(c -> c == '\r').count(), s);
        assertTrue(s.endsWith(System.lineSeparator()), s);
        assertTrue(s.contains("loss 0.2500"), s);
    }

    @Test
    void disabledBarPrintsNothing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(buf, true, StandardCharsets.UTF_8),
                false, System::nanoTime);
        bar.update(1, 2, 0.5, "accuracy", 1);
        bar.finish();
        assertEquals(0, buf.size());
    }
}
