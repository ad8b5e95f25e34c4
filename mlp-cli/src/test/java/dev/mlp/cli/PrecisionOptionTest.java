package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.io.ModelFile;
import dev.mlp.core.io.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --precision} of train, cv and tune, and the precision evaluate and predict run in. */
class PrecisionOptionTest {

    @TempDir
    Path dir;

    private Path data;
    private final List<double[]> rows = new ArrayList<>();

    /** y = x1 - 2 x2 + x1 x3 + noise, 80 rows. */
    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 80; i++) {
            double[] x = new double[3];
            for (int k = 0; k < 3; k++) {
                x[k] = Double.parseDouble(String.format(Locale.ROOT, "%.4f",
                        r.nextDouble(-1, 1)));
            }
            rows.add(x);
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", x[0], x[1], x[2],
                    x[0] - 2 * x[1] + x[0] * x[2] + 0.05 * r.nextGaussian()));
        }
        data = Files.writeString(dir.resolve("data.csv"), sb);
    }

    /** Trains a small unscaled regression network, so that its forward pass is plain algebra. */
    private Cli train(Path model, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(),
                "--target", "y", "--task", "regression", "--layers", "8", "--input-scaler",
                "none", "--target-scaler", "none", "--backend", "java", "--epochs", "30",
                "--seed", "3", "-o", model.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    private double[] predict(Path model) throws IOException {
        Path out = dir.resolve(model.getFileName() + ".csv");
        Cli p = Cli.run("predict", "-m", model.toString(), "--data", data.toString(),
                "-o", out.toString());
        assertEquals(MlpCli.OK, p.code(), p.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x1,x2,x3,y", lines.get(0));
        double[] y = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            y[i - 1] = Double.parseDouble(f[3]);
        }
        return y;
    }

    /** The network of a model file computed by hand in double: relu layer, identity output. */
    private double[] byHand(Path model) throws IOException {
        ModelInfo info = ModelFile.read(model);
        ModelInfo.Layer hidden = info.layers().get(0);
        ModelInfo.Layer output = info.layers().get(1);
        assertEquals("relu", hidden.activation());
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i);
            double sum = output.biases()[0];
            for (int n = 0; n < hidden.neurons(); n++) {
                double z = hidden.biases()[n];
                for (int k = 0; k < hidden.inputs(); k++) {
                    z += x[k] * hidden.weights()[k * hidden.neurons() + n];
                }
                sum += Math.max(0, z) * output.weights()[n];
            }
            y[i] = sum;
        }
        return y;
    }

    /** The numbers of the {@code precision} lines of {@code inspect}'s output. */
    private static List<Integer> precisionLines(String inspect) {
        List<String> lines = inspect.lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("precision:")) {
                found.add(i);
            }
        }
        return found;
    }

    private static double maxDifference(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void float32IsKeptInTheModelAndPredictionsRunInIt() throws IOException {
        Path m64 = dir.resolve("m64.mlp");
        Path m32 = dir.resolve("m32.mlp");
        Cli t64 = train(m64);
        Cli t32 = train(m32, "--precision", "float32");
        assertEquals(MlpCli.OK, t64.code(), t64.err());
        assertEquals(MlpCli.OK, t32.code(), t32.err());
        assertTrue(t64.out().contains("\n  precision              float64\n"), t64.out());
        assertTrue(t32.out().contains("\n  precision              float32\n"), t32.out());
        assertEquals("float32", ModelFile.read(m32).spec("precision"));
        assertNull(ModelFile.read(m64).spec("precision"));
        // inspect states the precision either way: float64 for a file that records none, on
        // the line where a float32 model's recorded precision is
        Cli inspect32 = Cli.run("inspect", m32.toString());
        Cli inspect64 = Cli.run("inspect", m64.toString());
        assertEquals(MlpCli.OK, inspect32.code(), inspect32.err());
        assertEquals(MlpCli.OK, inspect64.code(), inspect64.err());
        assertTrue(inspect32.out().matches("(?s).*\\nprecision:\\s+float32\\n.*"),
                inspect32.out());
        assertTrue(inspect64.out().matches("(?s).*\\nprecision:\\s+float64\\n.*"),
                inspect64.out());
        assertEquals(1, precisionLines(inspect32.out()).size(), inspect32.out());
        assertEquals(precisionLines(inspect32.out()), precisionLines(inspect64.out()),
                inspect64.out());

        double[] p64 = predict(m64);
        double[] p32 = predict(m32);
        // trained and predicting with float products: not the bits of float64, but close
        double trained = maxDifference(p64, p32);
        assertTrue(trained > 0 && trained < 1e-4, "float32 vs float64: " + trained);
        // the float64 model predicts its weights' exact algebra (to rounding in double) ...
        double exact = maxDifference(p64, byHand(m64));
        assertTrue(exact < 1e-12, "float64 vs by hand: " + exact);
        // ... the float32 one rounds its products to float: predict uses the model's precision
        double rounded = maxDifference(p32, byHand(m32));
        assertTrue(rounded > 1e-12 && rounded < 1e-4, "float32 vs by hand: " + rounded);

        // evaluate runs in the model's precision too: its MAE is that of predict's values
        Cli e = Cli.run("evaluate", "-m", m32.toString(), "--data", data.toString());
        assertEquals(MlpCli.OK, e.code(), e.err());
        double mae = 0;
        List<String> lines = Files.readAllLines(data);
        for (int i = 1; i < lines.size(); i++) {
            mae += Math.abs(Double.parseDouble(lines.get(i).split(",")[3]) - p32[i - 1]);
        }
        mae /= p32.length;
        String shown = e.out().replaceAll("(?s).*\\n\\s*mae\\s+([0-9.]+).*", "$1");
        assertEquals(mae, Double.parseDouble(shown), 1e-6, e.out());
    }

    /** The first mean of a cv table's "mean ± std" line. */
    private static double meanOf(String out) {
        return Double.parseDouble(out.replaceAll("(?s).*\\nmean ± std\\s+([0-9.]+) ± .*",
                "$1"));
    }

    @Test
    void aBadPrecisionIsRefusedByTrainCvAndTune() {
        String message = "--precision: unknown precision 'float16'; known: float64, float32";
        List<Cli> runs = List.of(
                train(dir.resolve("x.mlp"), "--precision", "float16"),
                Cli.run("cv", "--data", data.toString(), "--target", "y", "--task",
                        "regression", "--precision", "float16"),
                Cli.run("tune", "--data", data.toString(), "--target", "y", "--task",
                        "regression", "--layers", "choice(4|8)", "--precision", "float16"));
        for (Cli c : runs) {
            assertEquals(2, c.code(), c.err());
            assertTrue(c.err().contains(message), c.err());
            assertFalse(c.err().contains("\tat "), c.err());
        }
        assertFalse(Files.exists(dir.resolve("x.mlp")));
    }

    @Test
    void cvAndTuneRunInTheGivenPrecision() throws IOException {
        List<String> common = List.of("--data", data.toString(), "--target", "y", "--task",
                "regression", "--epochs", "10", "--seed", "3", "--backend", "java");
        List<String> cv = new ArrayList<>(List.of("cv"));
        cv.addAll(common);
        cv.addAll(List.of("--folds", "3", "--metrics", "mae"));
        Cli c64 = Cli.run(cv.toArray(new String[0]));
        cv.addAll(List.of("--precision", "float32"));
        Cli c32 = Cli.run(cv.toArray(new String[0]));
        assertEquals(MlpCli.OK, c64.code(), c64.err());
        assertEquals(MlpCli.OK, c32.code(), c32.err());
        assertTrue(c64.out().startsWith("3-fold cross-validation of 3-16-1 on 80 rows of "),
                c64.out());
        assertTrue(c64.out().contains("(seed 3, precision float64, "), c64.out());
        assertTrue(c32.out().contains("(seed 3, precision float32, "), c32.out());
        // float products change the mean MAE in its last digits at most
        assertEquals(meanOf(c64.out()), meanOf(c32.out()), 2e-4, c32.out());

        Path best = dir.resolve("best.mlp");
        List<String> tune = new ArrayList<>(List.of("tune"));
        tune.addAll(common);
        tune.addAll(List.of("--layers", "choice(4|8)", "--search", "grid", "--folds", "3",
                "--precision", "float32", "--train-best", "-o", best.toString()));
        Cli t = Cli.run(tune.toArray(new String[0]));
        assertEquals(MlpCli.OK, t.code(), t.err());
        assertTrue(t.out().contains("(seed 3, precision float32, "), t.out());
        assertTrue(t.out().contains("mlp train ") && t.out().contains("--precision float32"),
                t.out());
        assertEquals("float32", ModelFile.read(best).spec("precision"));

        // a searched precision is a column of the table, not part of the header
        List<String> searched = new ArrayList<>(List.of("tune"));
        searched.addAll(common);
        searched.addAll(List.of("--precision", "choice(float64|float32)", "--search", "grid",
                "--folds", "3"));
        Cli s = Cli.run(searched.toArray(new String[0]));
        assertEquals(MlpCli.OK, s.code(), s.err());
        assertFalse(s.out().lines().findFirst().orElseThrow().contains("precision"), s.out());
        assertTrue(s.out().contains("--precision"), s.out());
    }
}
