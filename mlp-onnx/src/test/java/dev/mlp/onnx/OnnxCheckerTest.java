package dev.mlp.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported models pass {@code onnx.checker.check_model(..., full_check=True)} (which also runs
 * ONNX's shape inference) of the Python {@code onnx} package, where {@code /usr/bin/python3}
 * has it (Debian's {@code python3-onnx}); skipped elsewhere.
 */
class OnnxCheckerTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? "ok\n" + out : "exit " + p.exitValue() + "\n" + out;
    }

    private static boolean pythonHasOnnx() {
        try {
            return Files.isExecutable(Path.of(PYTHON))
                    && run(List.of(PYTHON, "-c", "import onnx")).startsWith("ok");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void exportedModelsPassTheFullOnnxCheck() throws Exception {
        assumeTrue(pythonHasOnnx(), PYTHON + " has no onnx package (apt-get install "
                + "python3-onnx)");
        List<Path> files = new ArrayList<>();
        double[][] x = ParityTest.rows(1, 20, 3, 2);
        int i = 0;
        for (String hidden : ParityTest.HIDDEN) {
            Model reg = Mlp.builder().inputs(3).layer(4, hidden).layer(2, "identity")
                    .loss("mse").inputScaler("min-max(lo=-1, hi=1)").targetScaler("z-score")
                    .epochs(1).seed(1).build();
            reg.fit(x, ParityTest.regressionTargets(x));
            Path r = dir.resolve("regression" + i + ".onnx");
            OnnxExport.write(reg, r);
            files.add(r);
            Model cls = Mlp.builder().inputs(3).layer(4, hidden).layer(1, "sigmoid")
                    .loss("binary-cross-entropy").inputScaler("z-score").epochs(1).seed(1)
                    .build();
            double[][] y = new double[x.length][1];
            for (int k = 0; k < x.length; k++) {
                y[k][0] = x[k][0] > 0 ? 1 : 0;
            }
            cls.fit(x, y);
            cls.classNames(List.of("no", "yes"));
            Path c = dir.resolve("binary" + i + ".onnx");
            OnnxExport.of(cls).featureNames(List.of("a", "b", "c")).write(c);
            files.add(c);
            i++;
        }
        Model soft = Mlp.builder().inputs(3).layer(3, "relu").layer(3, "softmax")
                .loss("cross-entropy").epochs(1).seed(1).build();
        soft.fit(x, ParityTest.oneHot(x, 3));
        Path s = dir.resolve("softmax.onnx");
        OnnxExport.write(soft, s);
        files.add(s);
        assertEquals("ok\nchecked " + files.size() + "\n", check(files));
    }

    @Test
    void exportedLayeredNetworksPassTheFullOnnxCheck() throws Exception {
        assumeTrue(pythonHasOnnx(), PYTHON + " has no onnx package (apt-get install "
                + "python3-onnx)");
        List<Path> files = new ArrayList<>();
        int i = 0;
        for (String network : LayerParityTest.NETWORKS) {
            Path f = dir.resolve("layered" + i++ + ".onnx");
            OnnxExport.write(LayerParityTest.regression(network, 5), f);
            files.add(f);
        }
        Path mixed = dir.resolve("mixed.onnx");
        OnnxExport.write(LayerParityTest.classifier(LayerParityTest.MIXED, 5), mixed);
        files.add(mixed);
        assertEquals("ok\nchecked " + files.size() + "\n", check(files));
    }

    /** Runs the full check on each file: {@code "ok\nchecked N\n"} if all pass. */
    private static String check(List<Path> files) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("import onnx, sys\n"
                + "for f in sys.argv[1:]:\n"
                + "    onnx.checker.check_model(onnx.load(f), full_check=True)\n"
                + "print('checked', len(sys.argv) - 1)\n");
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script.toString()));
        files.forEach(f -> command.add(f.toString()));
        return run(command);
    }
}
