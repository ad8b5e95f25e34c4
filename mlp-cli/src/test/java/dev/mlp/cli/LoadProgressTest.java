package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

    @Test
    void silentForShortLoadsThenOneRewrittenLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {0};
        LoadProgress p = new LoadProgress(out, () -> now[0]);
        now[0] = 1_000_000_000L;
        p.update(10 << 20, 200 << 20, 50_000, false);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        now[0] = 3_000_000_000L;
        p.update(100 << 20, 200 << 20, 550_000, false);
        now[0] = 3_100_000_000L;
        p.update(110 << 20, 200 << 20, 600_000, false);
        now[0] = 5_000_000_000L;
        p.update(200 << 20, 200 << 20, 1_100_000, true);
        assertEquals("\rloading:  50% of 200 MB, 550,000 rows, 00:03"
                + "\rloading: 100% of 200 MB, 1,100,000 rows, 00:05" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        LoadProgress q = new LoadProgress(new PrintStream(quiet, true, StandardCharsets.UTF_8),
                () -> 0);
        q.update(5, -1, 3, true);
        assertEquals("", quiet.toString(StandardCharsets.UTF_8));
    }
}
