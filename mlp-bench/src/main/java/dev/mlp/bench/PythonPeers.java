package dev.mlp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * W1 with PyTorch and scikit-learn, each in its own Python process on the same IDX files,
 * started by the runner: {@code peers.py} (in this module's {@code src/main/python}, carried in
 * the jar) prints one {@link Summary} line, which is read back. Each peer is skipped with one
 * line when its package does not import. Settings:
 * <ul>
 *   <li>PyTorch {@code best}: {@code torch.set_num_threads(1)} with OpenBLAS on all
 *       processors ({@code OPENBLAS_NUM_THREADS}), the fastest setting on a 2-core machine;</li>
 *   <li>PyTorch {@code default}: no thread setting and no thread variables;</li>
 *   <li>scikit-learn ({@code MLPClassifier}, sgd): OpenBLAS on all processors.</li>
 * </ul>
 */
final class PythonPeers {

    private static final String SCRIPT = "/python/peers.py";
    private static final long TIMEOUT_MINUTES = 30;

    private final String python;
    private final Path data;
    private final int epochs;
    private final long seed;
    private final int threads;

    /**
     * @param python  the interpreter
     * @param data    the Fashion-MNIST directory
     * @param epochs  epochs per run
     * @param seed    the seed of initialization and shuffling
     * @param threads the machine's processors
     */
    PythonPeers(String python, Path data, int epochs, long seed, int threads) {
        this.python = python;
        this.data = data;
        this.epochs = epochs;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Runs every peer that can run.
     *
     * @return their summaries
     * @throws IOException if the script cannot be written to a temporary file
     */
    List<Summary> run() throws IOException {
        List<Summary> out = new ArrayList<>();
        if (!Files.isExecutable(Path.of(python))) {
            System.out.println("pytorch and scikit-learn skipped: " + python + " not found "
                    + "(--python PATH names another interpreter)");
            return out;
        }
        Path script = extractScript();
        try {
            if (imports("torch")) {
                String all = Integer.toString(threads);
                runPeer(script, out, "PyTorch, best setting", Map.of("OPENBLAS_NUM_THREADS", all),
                        "--peer", "pytorch", "--setting", "best", "--torch-threads", "1");
                runPeer(script, out, "PyTorch, default setting", Map.of(), "--peer", "pytorch",
                        "--setting", "default");
            } else {
                System.out.println("pytorch skipped: " + python + " cannot import torch (on "
                        + "Debian: apt-get install python3-torch)");
            }
            if (imports("sklearn")) {
                runPeer(script, out, "scikit-learn", Map.of("OPENBLAS_NUM_THREADS",
                        Integer.toString(threads)), "--peer", "scikit-learn", "--setting",
                        "threads" + threads);
            } else {
                System.out.println("scikit-learn skipped: " + python + " cannot import sklearn "
                        + "(on Debian: apt-get install python3-sklearn)");
            }
        } finally {
            Files.deleteIfExists(script);
        }
        return out;
    }

    private Path extractScript() throws IOException {
        Path tmp = Files.createTempFile("mlp-bench-peers", ".py");
        try (InputStream in = PythonPeers.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the jar; rebuild mlp-bench");
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    private boolean imports(String module) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runPeer(Path script, List<Summary> out, String title, Map<String, String> env,
                         String... args) {
        System.out.println("-- " + title);
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--data",
                data.toString(), "--epochs", Integer.toString(epochs), "--seed",
                Long.toString(seed)));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the runner's own thread variables (OPENBLAS_NUM_THREADS=1 for native-blas) are not
        // the peers': each setting names its own
        pb.environment().keySet().removeAll(List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                "MKL_NUM_THREADS"));
        pb.environment().putAll(env);
        String last = "";
        Summary found = null;
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (Summary.isSummary(line)) {
                        found = Summary.parse(line);
                    } else {
                        System.out.println("  " + line);
                        last = line;
                    }
                }
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                System.out.println(title + " skipped: no result in " + TIMEOUT_MINUTES
                        + " minutes");
                return;
            }
            if (p.exitValue() != 0 || found == null) {
                System.out.println(title + " skipped: exit code " + p.exitValue()
                        + (last.isEmpty() ? "" : " (" + last.strip() + ")"));
                return;
            }
        } catch (IOException | IllegalArgumentException e) {
            System.out.println(title + " skipped: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println(title + " skipped: interrupted");
            return;
        }
        String env0 = env.isEmpty() ? "no thread settings" : env.toString();
        System.out.printf("%s: %s samples/s, accuracy %s (%s)%n", title,
                found.get("samples_per_s"), found.get("accuracy"), env0);
        out.add(found);
    }
}
