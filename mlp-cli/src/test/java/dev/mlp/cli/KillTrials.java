package dev.mlp.cli;

import dev.mlp.api.OptimizerSnapshot;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.io.CheckpointFile;
import dev.mlp.core.io.ModelFile;
import dev.mlp.core.train.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kills a child JVM with SIGKILL while it saves models (or checkpoints) in a loop, then has a new
 * process save once more to the same place, and counts what is left: damaged files (the target
 * exists but cannot be read) and temporary files right after the kill and after the next save.
 *
 * <p>{@code java -cp <class path> dev.mlp.cli.KillTrials model|checkpoint <dir> <trials>} prints
 * the counts; {@link KillTrialsTest} runs a few trials.
 */
public final class KillTrials {

    /** The counts of one series of trials. */
    record Counts(int trials, int damaged, int temporariesAfterKill, int trialsWithLeftovers,
                  int temporariesAfterNextSave) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d trials: %d damaged, %d temporaries left by "
                    + "the kills (in %d trials), %d left after the next save", trials, damaged,
                    temporariesAfterKill, trialsWithLeftovers, temporariesAfterNextSave);
        }
    }

    private KillTrials() {
    }

    /**
     * @param args {@code model|checkpoint dir trials}, or {@code child model|checkpoint dir
     *             loop|once}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Path.of(args[2]), args[3].equals("loop"));
            return;
        }
        System.out.println(args[0] + ": " + run(args[0], Path.of(args[1]),
                Integer.parseInt(args[2]), System.getProperty("java.class.path")));
    }

    /** Saves to the directory, once or until killed, printing "ready" before the first save. */
    private static void child(String kind, Path dir, boolean loop) throws IOException {
        SplittableRandom r = new SplittableRandom();
        if (kind.equals("model")) {
            Model m = Mlp.builder().inputs(1000).layer(1000, "relu").layer(10, "softmax")
                    .loss("cross-entropy").build();
            System.out.println("ready");
            System.out.flush();
            do {
                ModelFile.save(m, dir.resolve("model.mlp"));
            } while (loop);
        } else {
            double[] p = new double[1_000_000];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextDouble();
            }
            System.out.println("ready");
            System.out.flush();
            int epoch = Math.abs(r.nextInt(1000)) * 1000;
            do {
                epoch++;
                CheckpointFile.save(new Checkpoint(1, epoch, new double[][] {p},
                        new OptimizerSnapshot("sgd", epoch, Map.of()), new double[0],
                        new long[] {1, 2}, Map.of()), dir.resolve(String.format(Locale.ROOT,
                        "epoch-%07d.ckpt", epoch)));
            } while (loop);
        }
    }

    static Counts run(String kind, Path dir, int trials, String classPath) throws Exception {
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(11);
        int damaged = 0;
        int leftAfterKill = 0;
        int trialsWithLeftovers = 0;
        int leftAfterSave = 0;
        for (int t = 0; t < trials; t++) {
            Path d = Files.createDirectories(dir.resolve(kind + "-" + t));
            Process p = start(classPath, kind, d, "loop");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = in.readLine();
                if (!"ready".equals(line)) {
                    throw new IllegalStateException("the child did not start: " + line);
                }
                Thread.sleep(100 + r.nextInt(400));
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
            }
            int left = temporaries(d).size();
            leftAfterKill += left;
            trialsWithLeftovers += left > 0 ? 1 : 0;
            damaged += damaged(kind, d);
            // the next save, by a new process, to the same place
            Process next = start(classPath, kind, d, "once");
            next.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (next.waitFor() != 0) {
                throw new IllegalStateException("the next save failed");
            }
            leftAfterSave += temporaries(d).size();
            damaged += damaged(kind, d);
        }
        return new Counts(trials, damaged, leftAfterKill, trialsWithLeftovers, leftAfterSave);
    }

    private static Process start(String classPath, String kind, Path dir, String mode)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classPath,
                KillTrials.class.getName(), "child", kind, dir.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int damaged(String kind, Path d) throws IOException {
        int n = 0;
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                try {
                    if (kind.equals("model")) {
                        ModelFile.read(f);
                    } else {
                        CheckpointFile.load(f);
                    }
                } catch (IOException e) {
                    n++;
                }
            }
        }
        return n;
    }

    static List<Path> temporaries(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return new ArrayList<>(s.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList());
        }
    }
}
