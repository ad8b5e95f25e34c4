package dev.mlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class W2BoundTest {

    @Test
    void theBoundLoopLearnsXor() {
        double first = W2Bound.train(4, 1);
        double trained = W2Bound.train(400_000, 1);
        assertTrue(first > 0.05, "an untrained network's loss on XOR, found " + first);
        // a 2-3-1 sigmoid network that has learnt XOR: every output within 0.1 of its target
        assertTrue(trained < 0.5 * 0.1 * 0.1, "loss after 400,000 updates: " + trained);
    }

    @Test
    void eachW2MeasurementIsReportedAsAShareOfTheBound() {
        List<Summary> all = List.of(
                Summary.of("w2", "mlp", "backend", "java", "precision", "float64",
                        "updates_per_s", 7_000_000),
                Summary.of("w2", "smile", "version", "3.1.1", "precision", "float64",
                        "updates_per_s", 1_000_000),
                Summary.of("w2", "bound", "op", "hand-written-2-3-1", "updates_per_s",
                        16_000_000));
        List<String> lines = new Report(all, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).ratios();
        assertEquals(List.of("ratio w2 mlp java float64: 44% of bound hand-written-2-3-1"),
                lines);
    }
}
