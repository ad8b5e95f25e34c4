package dev.mlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void formatsFieldsInOrderWithMeasuredNumbersRounded() {
        Summary s = Summary.of("w1", "mlp", "backend", "native-blas", "precision", "float64",
                "samples_per_s", 72491.6, "accuracy", 0.84213);
        assertEquals("SUMMARY w1 mlp backend=native-blas precision=float64 samples_per_s=72492"
                + " accuracy=0.8421", s.format());
        assertEquals("38.0", Summary.number(38.04));
        assertEquals("nan", Summary.number(Double.NaN));
    }

    @Test
    void readsBackWhatItPrintsAndWhatThePythonPeersPrint() {
        Summary s = Summary.of("w1", "bound", "op", "sgemm", "threads", 2,
                "samples_per_s", 196_300.4);
        assertEquals(s, Summary.parse(s.format()));
        Summary py = Summary.parse("SUMMARY w1 pytorch setting=best version=1.13.0a0 "
                + "precision=float32 torch_threads=1 samples_per_s=99800 accuracy=0.8426");
        assertEquals("pytorch", py.subject());
        assertEquals(99_800, py.value("samples_per_s"));
        assertEquals("best", py.get("setting"));
        assertTrue(Double.isNaN(py.value("setting")));
        assertTrue(Double.isNaN(py.value("missing")));
        assertEquals("pytorch best float32", py.label());
    }

    @Test
    void refusesWhatIsNotASummaryLine() {
        assertFalse(Summary.isSummary("epoch 1: 0.84 s"));
        assertThrows(IllegalArgumentException.class, () -> Summary.parse("epoch 1: 0.84 s"));
        assertThrows(IllegalArgumentException.class,
                () -> Summary.parse("SUMMARY w1 pytorch samples_per_s"));
        assertThrows(IllegalArgumentException.class,
                () -> Summary.of("w1", "mlp", "backend", "native blas"));
    }

    @Test
    void ratiosSetEachOfOurW1NumbersAgainstEachPeerAndTheBoundOfItsPrecision() {
        List<Summary> run = List.of(
                Summary.of("w1", "mlp", "backend", "native-blas", "precision", "float64",
                        "samples_per_s", 80_000.0, "accuracy", 0.84),
                Summary.of("w1", "mlp", "backend", "native-blas", "precision", "float32",
                        "samples_per_s", 150_000.0, "accuracy", 0.84),
                Summary.of("w1", "pytorch", "setting", "best", "samples_per_s", 100_000.0),
                Summary.of("w1", "bound", "op", "dgemm", "threads", 1, "samples_per_s",
                        50_000.0),
                Summary.of("w1", "bound", "op", "dgemm", "threads", 2, "samples_per_s",
                        100_000.0),
                Summary.of("w1", "bound", "op", "sgemm", "threads", 2, "samples_per_s",
                        200_000.0));
        List<String> lines = new Report(run, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).ratios();
        assertEquals(List.of(
                "ratio w1 mlp native-blas float64: 0.80x pytorch best, 80% of bound dgemm 2 "
                        + "threads",
                "ratio w1 mlp native-blas float32: 1.50x pytorch best, 75% of bound sgemm 2 "
                        + "threads"), lines);
    }

    @Test
    void endsWithOneSummaryLinePerMeasurement() {
        List<Summary> run = List.of(
                Summary.of("w2", "mlp", "backend", "java", "precision", "float64",
                        "updates_per_s", 8_200_000.0),
                Summary.of("w2", "smile", "version", "3.1.1", "updates_per_s", 1_200_000.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Report(run, new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(3, 1024);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(run.get(0).format(), lines[lines.length - 2]);
        assertEquals(run.get(1).format(), lines[lines.length - 1]);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains(
                "| W2 2-3-1 sigmoid, stochastic, updates/s | 8,200,000 | 1,200,000 | 6.83x |"));
    }
}
