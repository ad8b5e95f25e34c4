package dev.mlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.kernel.MatrixBackends;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a real Spark standalone cluster survives a killed executor with the same bits: a
 * Master and two Workers run as JVMs of their own on 127.0.0.1 from the test class path (as
 * {@code SPARK_HOME/jars}), {@link ClusterFaultJob} drives four runs in a third JVM, and this
 * test {@code kill -9}s the executor of the first Worker partway through two of them. Tagged
 * {@code spark-cluster}: it runs with {@code -Pspark-cluster}, not in the default build.
 */
@Tag("spark-cluster")
class SparkClusterFaultTest {

    private static final Pattern MASTER_URL =
            Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @Test
    void trainingFinishesWithTheSameBitsWhenAnExecutorIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
                        || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions"))
                .toList();
        List<String> classPath = List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator));
        Path home = sparkHome(classPath);
        String daemonClassPath = home.resolve("conf") + File.pathSeparator
                + home.resolve("jars") + File.separator + "*";
        try {
            Path masterLog = dir.resolve("master.log");
            start(List.of(java, "-Xmx512m"), options, List.of("-cp", daemonClassPath,
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    "0", "--webui-port", "0"), home, masterLog);
            String url = await(masterLog, MASTER_URL, 60).group(1);
            List<Process> workers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + w));
                Path log = dir.resolve("worker-" + w + ".log");
                workers.add(start(List.of(java, "-Xmx512m"), options, List.of("-cp",
                        daemonClassPath, "org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1",
                        "--memory", "1g", "--work-dir", work.toString(), url), home, log));
                await(log, Pattern.compile("Successfully registered with master"), 60);
            }

            Path talk = Files.createDirectories(dir.resolve("talk"));
            String dirs = String.join(File.pathSeparator, classPath.stream()
                    .filter(e -> Files.isDirectory(Path.of(e))).toList());
            Path driverLog = dir.resolve("driver.log");
            Process driver = start(List.of(java, "-Xmx768m",
                    "-Dmlp.executor.classpath=" + dirs,
                    "-Dmlp.executor.options=" + String.join(" ", options)), options,
                    List.of("-cp", String.join(File.pathSeparator, classPath),
                            ClusterFaultJob.class.getName(), url, talk.toString()), home,
                    driverLog);

            Set<String> killed = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
            while (driver.isAlive() && System.nanoTime() < deadline) {
                for (String run : List.of("estimator-killed", "trainer-killed")) {
                    if (!killed.contains(run) && Files.exists(talk.resolve("kill-" + run))) {
                        ProcessHandle executor = executorOf(workers.get(0));
                        assertTrue(executor.destroyForcibly(), "kill -9 of " + executor.pid());
                        executor.onExit().get(30, TimeUnit.SECONDS);
                        Files.writeString(talk.resolve("killed-" + run), "" + executor.pid());
                        killed.add(run);
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(driver.waitFor(5, TimeUnit.SECONDS), "the driver did not finish in time; "
                    + "its log: " + driverLog);
            assertEquals(0, driver.exitValue(), () -> "the driver failed: " + tail(driverLog));
            assertEquals(Set.of("estimator-killed", "trainer-killed"), killed);

            for (String path : List.of("estimator", "trainer")) {
                List<String> clean = Files.readAllLines(talk.resolve(path + "-clean.result"));
                List<String> hit = Files.readAllLines(talk.resolve(path + "-killed.result"));
                assertEquals("removedAtJob -1", clean.get(0), path + ": no executor lost");
                int removedAt = Integer.parseInt(hit.get(0).split(" ")[1]);
                int jobs = Integer.parseInt(hit.get(1).split(" ")[1]);
                assertTrue(removedAt >= 1 && removedAt < jobs, path + ": the executor was lost "
                        + "after job " + removedAt + " of " + jobs);
                // every weight, bit for bit
                assertEquals(clean.subList(2, clean.size()), hit.subList(2, hit.size()), path);
            }
            // executors started with the same class path and options as this JVM choose the
            // backend this JVM chooses by default
            assertEquals(MatrixBackends.standard().name() + " float64",
                    Files.readString(talk.resolve("backend")));
        } finally {
            stopAll();
        }
    }

    /** A SPARK_HOME whose jars are links to the test class path's jars, with an empty conf. */
    private Path sparkHome(List<String> classPath) throws IOException {
        Path home = dir.resolve("spark");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        Set<String> names = new HashSet<>();
        for (String e : classPath) {
            Path p = Path.of(e);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && Files.isRegularFile(p) && names.add(name)
                    && !name.startsWith("surefire") && !name.startsWith("junit-")) {
                Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
            }
        }
        return home;
    }

    private Process start(List<String> head, List<String> options, List<String> tail, Path home,
                          Path log) throws IOException {
        List<String> command = new ArrayList<>(head);
        command.addAll(options);
        command.addAll(tail);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        // set by a distribution's load-spark-env.sh; the launcher looks for build trees without it
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static Matcher await(Path log, Pattern pattern, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + pattern + "' in " + log + " within " + seconds
                + " s: " + tail(log));
    }

    /** The executor a Worker runs: its child process (found by parent, never by name). */
    private static ProcessHandle executorOf(Process worker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = worker.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("worker " + worker.pid() + " runs no executor");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The driver first, then the Workers (which stop their executors), then the Master. */
    private void stopAll() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
