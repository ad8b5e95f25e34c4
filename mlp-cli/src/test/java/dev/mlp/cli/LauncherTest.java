package dev.mlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mlp} launcher script (src/main/dist/mlp), run by {@code sh} beside a jar that
 * starts the command line from this build's classes.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("src", "main", "dist", "mlp");

    @TempDir
    Path dir;

    private static Path sh() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path sh = Path.of(p, "sh");
            if (!p.isEmpty() && Files.isExecutable(sh)) {
                return sh;
            }
        }
        return null;
    }

    /** A jar whose manifest starts MlpCli on the test class path. */
    private void jarBesideTheScript(Path bin) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, MlpCli.class.getName());
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.append(Path.of(e).toAbsolutePath().toUri()).append(' ');
            }
        }
        a.put(Attributes.Name.CLASS_PATH, cp.toString().strip());
        try (OutputStream out = new JarOutputStream(
                Files.newOutputStream(bin.resolve("mlp-cli.jar")), mf)) {
            out.flush();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(Path script, Map<String, String> env, String... args) throws Exception {
        Path sh = sh();
        assumeTrue(sh != null, "no sh on PATH");
        List<String> cmd = new java.util.ArrayList<>(List.of(sh.toString(), script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher did not finish");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void runsTheCommandLineFromTheJarBesideIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = Files.copy(SCRIPT, bin.resolve("mlp"));
        jarBesideTheScript(bin);
        Run help = run(script, Map.of(), "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: mlp"), help.out());
        assertTrue(help.out().contains("serve"), help.out());

        // JAVA_OPTS reach the JVM: a bad option makes it fail before the command line runs
        Run badOpts = run(script, Map.of("JAVA_OPTS", "-XX:+NoSuchJvmOption"), "--help");
        assertTrue(badOpts.code() != 0, badOpts.out());
        assertTrue(badOpts.err().contains("NoSuchJvmOption"), badOpts.err());

        // a user's mistake is still exit code 2 through the script
        Run bad = run(script, Map.of(), "predict");
        assertEquals(MlpCli.BAD_INPUT, bad.code(), bad.err());
    }

    @Test
    void aMissingJarOrJavaIsSaidPlainly() throws Exception {
        Path alone = Files.copy(SCRIPT, dir.resolve("mlp"));
        Run noJar = run(alone, Map.of(), "--help");
        assertEquals(1, noJar.code());
        assertTrue(noJar.err().contains("cannot find mlp-cli.jar"), noJar.err());

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = Files.copy(SCRIPT, bin.resolve("mlp"));
        jarBesideTheScript(bin);
        Run noJava = run(script, Map.of("JAVA_HOME", dir.resolve("nowhere").toString()),
                "--help");
        assertEquals(1, noJava.code());
        assertTrue(noJava.err().contains("JAVA_HOME"), noJava.err());
        assertTrue(new String(Files.readAllBytes(SCRIPT), StandardCharsets.UTF_8)
                .startsWith("#!/bin/sh\n"));
    }
}
