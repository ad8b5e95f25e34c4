package dev.mlp.cli;

import dev.mlp.core.Model;
import dev.mlp.core.io.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * A catalogue of a user's mistakes, each run against the built command line ({@code java -jar
 * mlp-cli.jar}, one process per case) and classified:
 *
 * <ul>
 *   <li><b>clear</b>: exit code 2, at most two lines on standard error, no stack trace, and the
 *       message names the option or path at fault (or, for a case that must succeed with a
 *       warning or a result, it does);</li>
 *   <li><b>unclear</b>: exit code 2, but longer than two lines, or naming neither the option
 *       nor the path, or showing a Java class name;</li>
 *   <li><b>trace</b>: a stack trace, or exit code 1 (or any other code);</li>
 *   <li><b>wrong</b>: exit code 0 where the input must be refused, a missing warning or a wrong
 *       result, or no answer within two minutes.</li>
 * </ul>
 *
 * <p>{@code java -cp <test class path> dev.mlp.cli.MistakesCatalogue <mlp-cli.jar> <work dir>
 * [-v]} prints one line per case that is not clear (every case with {@code -v}) and a table per
 * category; it exits with 1 if any case is not clear. Cases that need another user (unreadable
 * files) run as {@code nobody} through {@code runuser} when started as root, and are skipped
 * otherwise.
 */
public final class MistakesCatalogue {

    /** How a case came out. */
    enum Verdict { CLEAR, UNCLEAR, TRACE, WRONG }

    /** One run of the command line. */
    record Outcome(int code, String out, String err, boolean timedOut) {
        String firstLines() {
            String e = err.strip();
            String s = e.isEmpty() ? "(nothing on stderr; stdout: " + abbreviate(out.strip())
                    + ")" : e;
            return abbreviate(s.replace("\n", " | "));
        }
    }

    /** How to start the process: JVM options, environment, user. */
    record Launch(List<String> jvm, Map<String, String> env, boolean asNobody) {
        static final Launch DEFAULT = new Launch(List.of(), Map.of(), false);

        Launch jvm(String... options) {
            return new Launch(List.of(options), env, asNobody);
        }

        Launch env(String name, String value) {
            Map<String, String> e = new LinkedHashMap<>(env);
            e.put(name, value);
            return new Launch(jvm, e, asNobody);
        }

        Launch nobody() {
            return new Launch(jvm, env, true);
        }
    }

    private static final Pattern JAVA_CLASS =
            Pattern.compile("\\b(java|javax|dev|picocli|com|org)\\.[a-z]+(\\.[a-zA-Z_$]+)*\\."
                    + "[A-Z]\\w*(Exception|Error)\\b");

    private final Path jar;
    private final Path work;
    private final boolean verbose;
    private final Map<String, int[]> table = new LinkedHashMap<>();
    private final List<String> notClear = new ArrayList<>();
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private MistakesCatalogue(Path jar, Path work, boolean verbose) {
        this.jar = jar.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.verbose = verbose;
    }

    /**
     * @param args the command line's jar, a work directory (emptied first), and optionally -v
     * @throws Exception on a failure of the catalogue itself
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MistakesCatalogue <mlp-cli.jar> <work dir> [-v]");
            System.exit(2);
        }
        MistakesCatalogue c = new MistakesCatalogue(Path.of(args[0]), Path.of(args[1]),
                args.length > 2 && args[2].equals("-v"));
        c.prepareWorkDir();
        c.runAll();
        System.exit(c.report() ? 0 : 1);
    }

    // ---------------------------------------------------------------- running and judging

    private Outcome exec(Launch launch, String... args) {
        List<String> cmd = new ArrayList<>();
        if (launch.asNobody()) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(launch.jvm());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().remove(MlpCli.PLUGIN_PATH);
        pb.environment().putAll(launch.env());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            return new Outcome(done ? p.exitValue() : -1, out.join(), err.join(), !done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static boolean hasTrace(Outcome o) {
        return o.err().contains("\tat ") || o.out().contains("\tat ")
                || o.err().contains("Exception in thread");
    }

    /** A refusal: exit code 2, short, naming at least one of the names. */
    static Verdict judgeRefusal(Outcome o, String... names) {
        if (o.timedOut()) {
            return Verdict.WRONG;
        }
        if (hasTrace(o) || (o.code() != 0 && o.code() != 2)) {
            return Verdict.TRACE;
        }
        if (o.code() == 0) {
            return Verdict.WRONG;
        }
        String err = o.err().strip();
        boolean named = names.length == 0;
        for (String n : names) {
            named |= err.contains(n);
        }
        boolean shortEnough = !err.isEmpty() && err.split("\\R").length <= 2;
        return named && shortEnough && !JAVA_CLASS.matcher(err).find() ? Verdict.CLEAR
                : Verdict.UNCLEAR;
    }

    private void record(String category, String name, Verdict v, Outcome o) {
        int[] row = table.computeIfAbsent(category, k -> new int[4]);
        row[v.ordinal()]++;
        String line = String.format(Locale.ROOT, "%-7s [%s] %s: exit %d: %s",
                v.name().toLowerCase(Locale.ROOT), category, name, o.code(), o.firstLines());
        if (v != Verdict.CLEAR) {
            notClear.add(line);
        }
        if (verbose || v != Verdict.CLEAR) {
            System.out.println(line);
        }
    }

    /** The command must be refused (exit 2) with a message naming one of {@code names}. */
    private void refuse(String category, String[] names, String... args) {
        refuse(category, Launch.DEFAULT, names, args);
    }

    private void refuse(String category, Launch launch, String[] names, String... args) {
        Outcome o = exec(launch, args);
        record(category, label(launch, args), judgeRefusal(o, names), o);
    }

    /** The command must succeed (exit 0) and its outcome pass the check. */
    private void expect(String category, String why, Predicate<Outcome> ok, String... args) {
        Outcome o = exec(Launch.DEFAULT, args);
        Verdict v = hasTrace(o) || (o.code() != 0 && o.code() != 2) ? Verdict.TRACE
                : o.code() == 0 && ok.test(o) ? Verdict.CLEAR : Verdict.WRONG;
        record(category, label(Launch.DEFAULT, args) + " (" + why + ")", v, o);
    }

    /** The command may succeed (exit 0); if it fails, it must be a clear refusal. */
    private void either(String category, String[] names, String... args) {
        Outcome o = exec(Launch.DEFAULT, args);
        Verdict v = o.code() == 0 && !hasTrace(o) ? Verdict.CLEAR : judgeRefusal(o, names);
        record(category, label(Launch.DEFAULT, args) + " (accepted or refused)", v, o);
    }

    private String label(Launch launch, String... args) {
        StringBuilder sb = new StringBuilder();
        if (launch.asNobody()) {
            sb.append("(as nobody) ");
        }
        for (String j : launch.jvm()) {
            sb.append(j).append(' ');
        }
        launch.env().forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        sb.append("mlp");
        for (String a : args) {
            String shown = a.replace(work + "/", "");
            sb.append(' ').append(shown.contains(" ") || shown.isEmpty() ? "'" + shown + "'"
                    : shown);
        }
        return abbreviate(sb.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 220 ? s.substring(0, 217) + "..." : s;
    }

    private boolean report() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %6s %6s %8s %6s %6s%n", "category", "cases",
                "clear", "unclear", "trace", "wrong");
        int[] total = new int[4];
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            System.out.printf(Locale.ROOT, "%-28s %6d %6d %8d %6d %6d%n", e.getKey(),
                    Arrays.stream(r).sum(), r[0], r[1], r[2], r[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += r[i];
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %6d %6d %8d %6d %6d%n", "total",
                Arrays.stream(total).sum(), total[0], total[1], total[2], total[3]);
        return notClear.isEmpty();
    }

    // ---------------------------------------------------------------- inputs

    private Path blobs;
    private Path regression;
    private Path model;
    private Path regressionModel;
    private Path checkpoint;
    private Path lastCheckpoint;

    private void prepareWorkDir() throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    p.toFile().setWritable(true);
                    p.toFile().setReadable(true);
                    p.toFile().setExecutable(true);
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        setPermissions(work, "rwxrwxrwx");
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind\n");
        String[] names = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            int c = i % 3;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", 4 * (c % 2)
                    + 0.5 * r.nextGaussian(), 4 * (c / 2) + 0.5 * r.nextGaussian(), names[c]));
        }
        blobs = write("blobs.csv", sb.toString());
        StringBuilder rg = new StringBuilder("u,v,y\n");
        for (int i = 0; i < 50; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            rg.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", u, v, 2 * u - v));
        }
        regression = write("regression.csv", rg.toString());
        model = work.resolve("blobs.mlp");
        regressionModel = work.resolve("regression.mlp");
        Path ck = work.resolve("ck");
        setup("train", "--data", blobs.toString(), "--target", "kind", "--layers", "4",
                "--epochs", "20", "--checkpoint-dir", ck.toString(), "--checkpoint-every", "10",
                "-q", "-o", model.toString());
        setup("train", "--data", regression.toString(), "--target", "y", "--task",
                "regression", "--layers", "4", "--epochs", "5", "-q", "-o",
                regressionModel.toString());
        checkpoint = ck.resolve("epoch-00010.ckpt");
        lastCheckpoint = ck.resolve("epoch-00020.ckpt");
        for (Path p : List.of(model, regressionModel, checkpoint, lastCheckpoint)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("setup did not write " + p);
            }
        }
    }

    private void setup(String... args) {
        Outcome o = exec(Launch.DEFAULT, args);
        if (o.code() != 0) {
            throw new IllegalStateException("setup failed: mlp " + String.join(" ", args)
                    + ": " + o.err());
        }
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = work.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static void setPermissions(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static String[] names(String... n) {
        return n;
    }

    private String s(Path p) {
        return p.toString();
    }

    /** The training command on blobs.csv with extra arguments. */
    private String[] train(String... extra) {
        return override(List.of("train", "--data", s(blobs), "--target", "kind", "--layers",
                "4", "--epochs", "3", "-q", "-o", s(work.resolve("out.mlp"))), extra);
    }

    /** The base command with each option of {@code extra} replacing its value, or appended. */
    private static String[] override(List<String> base, String... extra) {
        List<String> a = new ArrayList<>(base);
        int i = 0;
        while (i < extra.length) {
            int at = a.indexOf(extra[i]);
            if (extra[i].startsWith("-") && at > 0 && at + 1 < a.size()
                    && !a.get(at + 1).startsWith("-") && i + 1 < extra.length) {
                a.set(at + 1, extra[i + 1]);
                i += 2;
            } else {
                a.add(extra[i]);
                i++;
            }
        }
        return a.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Replaces the CRC-32 trailer of a model or checkpoint file's bytes. */
    static byte[] withCrc(byte[] file) {
        byte[] b = file.clone();
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b, b.length - 4, 4).putInt((int) crc.getValue());
        return b;
    }

    // ---------------------------------------------------------------- the cases

    private void runAll() throws Exception {
        issueStackTraces();
        issueSilentlyWrong();
        issueResume();
        issueConcurrentRuns();
        issuePathOnlyMessages();
        trainOptions();
        otherCommandOptions();
        specs();
        csvFiles();
        modelFiles();
    }

    /** The issue's "stack traces for a user's mistake". */
    private void issueStackTraces() throws IOException {
        String c = "issue: stack traces";
        Path dir = Files.createDirectories(work.resolve("a-directory"));
        refuse(c, names("--data", s(dir)), "train", "--data", s(dir), "--target", "kind", "-o",
                s(work.resolve("x.mlp")));
        refuse(c, names("--data", s(dir)), "evaluate", "-m", s(model), "--data", s(dir));
        refuse(c, names("--data", s(dir)), "predict", "-m", s(model), "--data", s(dir));
        refuse(c, names("-m", s(dir)), "evaluate", "-m", s(dir), "--data", s(blobs));
        refuse(c, names("-m", s(dir)), "predict", "-m", s(dir), "--data", s(blobs));
        refuse(c, names("-m", s(dir)), "export", "-m", s(dir), "-o", s(work.resolve("x.onnx")));
        refuse(c, names("-m", s(dir)), "serve", "-m", s(dir), "--port", "0");
        refuse(c, names(s(dir)), "inspect", s(dir));
        refuse(c, names("--resume", s(dir)), train("--resume", s(dir)));

        byte[] binary = new byte[4096];
        new SplittableRandom(5).nextBytes(binary);
        Path bin = write("binary.csv", binary);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(Files.readAllBytes(blobs));
        }
        Path gzip = write("blobs.csv.gz", gz.toByteArray());
        Path latin1 = write("latin1.csv", "x1,x2,kind\n1,2,caf\u00e9\n2,1,th\u00e9\n3,3,caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        // gzip is recognized by its first bytes and read (README, "Loading data")
        expect(c, "gzip is read", o -> true, "train", "--data", s(gzip), "--target", "kind",
                "-q", "--epochs", "2", "-o", s(work.resolve("gz.mlp")));
        expect(c, "gzip is read", o -> o.out().contains("accuracy"), "evaluate", "-m",
                s(model), "--data", s(gzip));
        for (Path p : List.of(bin, latin1)) {
            refuse(c, names(s(p)), "train", "--data", s(p), "--target", "kind", "-q", "-o",
                    s(work.resolve("x.mlp")));
            refuse(c, names(s(p)), "evaluate", "-m", s(model), "--data", s(p));
            refuse(c, names(s(p)), "predict", "-m", s(model), "--data", s(p));
        }

        refuse(c, names("-o", s(dir)), train("-o", s(dir)));
        refuse(c, names("-o", s(dir)), "predict", "-m", s(model), "--data", s(blobs), "-o",
                s(dir));
        refuse(c, names("-o", s(dir)), "export", "-m", s(model), "-o", s(dir));
        Path under = blobs.resolve("x.mlp");
        refuse(c, names("-o", s(blobs)), train("-o", s(under)));
        refuse(c, names("-o", s(blobs)), "predict", "-m", s(model), "--data", s(blobs), "-o",
                s(blobs.resolve("p.csv")));
        refuse(c, names("-o", s(blobs)), "export", "-m", s(model), "-o",
                s(blobs.resolve("m.onnx")));
        refuse(c, names("--checkpoint-dir", s(blobs)), train("--checkpoint-dir", s(blobs)));
        refuse(c, names("--chart", s(blobs)), train("--chart", s(blobs.resolve("c.png"))));
        refuse(c, names("--layers"), train("--layers", "100000000"));
        refuse(c, names("--layers"), train("--layers", "100000,100000"));
        refuse(c, names("--layers"), train("--layers", "2147483647"));

        Path plugins = Files.createDirectories(work.resolve("plugins-clash"));
        clashingJar(plugins.resolve("clash.jar"));
        for (String[] args : List.of(new String[] {"plugins"}, train(),
                new String[] {"predict", "-m", s(model), "--data", s(blobs)},
                new String[] {"evaluate", "-m", s(model), "--data", s(blobs)},
                new String[] {"serve", "-m", s(model), "--port", "0"})) {
            refuse(c, names("adam", "clash.jar"), concat(args, "--plugins", s(plugins)));
        }
        // inspect reads the file alone and needs no plugin
        either(c, names("adam", "clash.jar"), "inspect", s(model), "--plugins", s(plugins));
        Path examplePlugin = examplePluginJar();
        if (examplePlugin != null) {
            Path twice = Files.createDirectories(work.resolve("plugins-twice"));
            Files.copy(examplePlugin, twice.resolve("isru-1.jar"));
            Files.copy(examplePlugin, twice.resolve("isru-2.jar"));
            refuse(c, names("isru", "lion"), "plugins", "--plugins", s(twice));
            refuse(c, Launch.DEFAULT.env(MlpCli.PLUGIN_PATH, s(twice)), names("isru", "lion"),
                    train());
        }
        for (String[] args : List.of(train(), new String[] {"evaluate", "-m", s(model),
            "--data", s(blobs)}, new String[] {"predict", "-m", s(model), "--data", s(blobs)})) {
            refuse(c, Launch.DEFAULT.jvm("-Dmlp.backend=no-such-backend"),
                    names("mlp.backend"), args);
        }
        refuse(c, names("diverged"), train("--optimizer", "sgd(lr=1e300)", "--input-scaler",
                "none"));
        refuse(c, names("diverged"), train("--optimizer", "sgd(lr=1e30)", "--input-scaler",
                "none", "--epochs", "30", "--divergence", "rollback(factor=0.5, retries=3)"));
    }

    private static void clashingJar(Path file) throws IOException {
        Class<?> provider = TestPlugins.ClashingAdam.class;
        String resource = provider.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = provider.getClassLoader().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        try (OutputStream o = Files.newOutputStream(file);
             JarOutputStream jar = new JarOutputStream(o)) {
            jar.putNextEntry(new JarEntry("META-INF/services/"
                    + dev.mlp.api.spi.OptimizerProvider.class.getName()));
            jar.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            jar.putNextEntry(new JarEntry(resource));
            jar.write(bytes);
            jar.closeEntry();
        }
    }

    private static Path examplePluginJar() {
        try {
            Class<?> c = Class.forName("org.example.mlp.plugin.IsruProvider");
            Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The issue's "silently wrong" cases other than resuming and concurrent runs. */
    private void issueSilentlyWrong() throws IOException {
        String c = "issue: silently wrong";
        for (String v : List.of("-0.2", "NaN", "1.0", "1.5", "Infinity", "-0")) {
            if (v.equals("-0")) {
                either(c, names("--validation"), train("--validation", v));
            } else {
                refuse(c, names("--validation"), train("--validation", v));
            }
        }
        Path oneClass = write("one-class.csv", "a,b,c\n1,2,x\n3,4,x\n5,6,x\n");
        refuse(c, names(s(oneClass)), "train", "--data", s(oneClass), "--target", "c", "-q",
                "-o", s(work.resolve("x.mlp")));
        Path oneRow = write("one-row.csv", "a,b\n1,2\n");
        refuse(c, names(s(oneRow)), "train", "--data", s(oneRow), "--target", "b", "--task",
                "regression", "-q", "-o", s(work.resolve("x.mlp")));
        Path oneRowClass = write("one-row-class.csv", "a,b,c\n1,2,x\n");
        refuse(c, names(s(oneRowClass)), "train", "--data", s(oneRowClass), "--target", "c",
                "-q", "-o", s(work.resolve("x.mlp")));
        Path constantTarget = write("constant-target.csv", "a,y\n1,5\n2,5\n3,5\n4,5\n");
        either(c, names(s(constantTarget)), "train", "--data", s(constantTarget), "--target",
                "y", "--task", "regression", "-q", "-o", s(work.resolve("x.mlp")));

        Path dup = write("dup.csv", "a,a,b,b\n1,2,3,x\n2,3,4,y\n3,1,2,x\n5,5,5,y\n");
        refuse(c, names(s(dup)), "train", "--data", s(dup), "--target", "b", "-q", "-o",
                s(work.resolve("x.mlp")));
        refuse(c, names(s(dup)), "train", "--data", s(dup), "--target", "3", "-q", "-o",
                s(work.resolve("x.mlp")));
        refuse(c, names(s(dup)), "predict", "-m", s(model), "--data", s(dup));
        refuse(c, names(s(dup)), "evaluate", "-m", s(model), "--data", s(dup));
        Path dupBlobs = write("dup-blobs.csv", Files.readString(blobs)
                .replaceFirst("x1,x2,kind", "x1,x1,kind"));
        refuse(c, names(s(dupBlobs)), "predict", "-m", s(model), "--data", s(dupBlobs));
        // the advice ("give every column its own name") followed
        Path renamed = write("dup-renamed.csv", "a,a2,b,b2\n1,2,3,x\n2,3,4,y\n3,1,2,x\n5,5,5,y\n");
        expect(c, "advice followed trains", o -> true, "train", "--data", s(renamed),
                "--target", "b2", "-q", "--epochs", "2", "-o", s(work.resolve("dup.mlp")));

        Model m = ModelFile.load(model);
        double[] w = m.network().weights(1);
        w[0] = Double.NaN;
        m.network().setWeights(1, w);
        Path nan = work.resolve("nan-weight.mlp");
        ModelFile.save(m, nan);
        w[0] = Double.POSITIVE_INFINITY;
        m.network().setWeights(1, w);
        Path inf = work.resolve("inf-weight.mlp");
        ModelFile.save(m, inf);
        for (Path p : List.of(nan, inf)) {
            refuse(c, names(s(p)), "evaluate", "-m", s(p), "--data", s(blobs));
            refuse(c, names(s(p)), "predict", "-m", s(p), "--data", s(blobs));
            refuse(c, names(s(p)), "export", "-m", s(p), "-o", s(work.resolve("nan.onnx")));
            refuse(c, names(s(p)), "serve", "-m", s(p), "--port", "0");
        }

        // a rollback run records the rate it ended with and its rollbacks
        Path rolled = work.resolve("rolled.mlp");
        expect(c, "warns of the rollback", o -> o.err().contains("rolled back 1 time")
                && o.err().contains("ended at 1.000"), "train", "--data", s(blobs), "--target",
                "kind", "--layers", "4", "--epochs", "30", "--optimizer", "sgd(lr=1e300)",
                "--input-scaler", "none", "--divergence", "rollback(factor=1e-300, retries=3)",
                "-q", "-o", s(rolled));
        expect(c, "model records rollbacks and final rate", o -> o.out()
                .matches("(?s).*rollbacks:\\s+1\\.0.*final-learning-rate:\\s+1\\.0.*"),
                "inspect", s(rolled));
    }

    /** Resuming with other options or data. */
    private void issueResume() throws IOException {
        String c = "issue: resume changes";
        String[][] changes = {
            {"--activation", "tanh"}, {"--loss", "mse"}, {"--batch", "mini-batch(size=8)"},
            {"--optimizer", "adam(lr=0.05)"}, {"--optimizer", "sgd(lr=0.01)"},
            {"--layers", "5"}, {"--initializer", "he"}, {"--input-scaler", "none"},
            {"--output-activation", "sigmoid"}, {"--validation", "0.2"}, {"--features", "x1"},
        };
        for (String[] ch : changes) {
            refuse(c, names(ch[0], "--allow-changes"), resume(s(blobs), ch));
        }
        Path reordered = write("blobs-reordered.csv", reorder(Files.readString(blobs)));
        refuse(c, names("data", "--allow-changes"), resume(s(reordered)));
        Path changed = write("blobs-changed.csv", Files.readString(blobs)
                .replaceFirst("\n(-?[0-9])", "\n9$1"));
        refuse(c, names("data", "--allow-changes"), resume(s(changed)));
        refuse(c, names("--resume", s(model)), train("--resume", s(model)));
        refuse(c, names("--resume", s(blobs)), train("--resume", s(blobs)));
        refuse(c, names("-m", s(checkpoint)), "evaluate", "-m", s(checkpoint), "--data",
                s(blobs));
        refuse(c, names("--resume"), train("--resume", s(work.resolve("none.ckpt"))));
        Path allowed = work.resolve("allowed.mlp");
        expect(c, "--allow-changes lists the change", o -> o.err().contains("activation"),
                resume(s(blobs), "--activation", "tanh", "--allow-changes", "-o",
                        s(allowed)));
        expect(c, "inspect shows the option used", o -> o.out().contains("tanh"), "inspect",
                s(allowed));
        expect(c, "same options resume", o -> true, resume(s(blobs)));
        refuse(c, names("--epochs", "epoch"), resume(s(blobs), "--epochs", "5"));
    }

    private String[] resume(String data, String... change) {
        return override(List.of("train", "--data", data, "--target", "kind", "--layers", "4",
                "--epochs", "30", "-q", "--resume", s(checkpoint), "-o",
                s(work.resolve("resumed.mlp"))), change);
    }

    private static String reorder(String csv) {
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n")));
        String header = lines.remove(0);
        java.util.Collections.reverse(lines);
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    /** Two runs writing one model or sharing one checkpoint directory. */
    private void issueConcurrentRuns() throws Exception {
        String c = "issue: concurrent runs";
        Path busy = work.resolve("busy.mlp");
        Path busyCk = Files.createDirectories(work.resolve("busy-ck"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(), "train", "--data",
                s(blobs), "--target", "kind", "--layers", "4", "--epochs", "100000000",
                "--checkpoint-dir", s(busyCk), "--checkpoint-every", "100000", "-q", "-o",
                s(busy)));
        Process first = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path lock = work.resolve(".busy.mlp.lock");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(lock) && Files.exists(busyCk.resolve(".mlp-checkpoints.lock")))
                    && System.nanoTime() < until && first.isAlive()) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            refuse(c, names("-o", s(busy)), train("-o", s(busy)));
            refuse(c, names("--checkpoint-dir", s(busyCk)), train("--checkpoint-dir",
                    s(busyCk)));
            refuse(c, names("-o", s(busy)), train("-o", s(busy), "--checkpoint-dir",
                    s(busyCk)));
        } finally {
            first.destroyForcibly(); // SIGKILL: the locks go with the process
            first.waitFor();
        }
        expect(c, "the lock dies with its process", o -> true, train("-o", s(busy),
                "--checkpoint-dir", s(busyCk)));
    }

    /** Unreadable files and directories (as another user), and a payload longer than said. */
    private void issuePathOnlyMessages() throws IOException {
        String c = "issue: path-only messages";
        byte[] saved = Files.readAllBytes(model);
        Path longer = write("longer.mlp", Arrays.copyOf(saved, saved.length + 4));
        refuse(c, names(s(longer)), "inspect", s(longer));
        refuse(c, names(s(longer)), "evaluate", "-m", s(longer), "--data", s(blobs));
        Path longerCrc = write("longer-crc.mlp", withCrc(Arrays.copyOf(saved, saved.length
                + 4)));
        refuse(c, names(s(longerCrc)), "inspect", s(longerCrc));
        if (!root) {
            System.out.println("(not root: the permission cases are skipped)");
            return;
        }
        Path perm = Files.createDirectories(work.resolve("perm"));
        setPermissions(perm, "rwxrwxrwx");
        Path data = Files.copy(blobs, perm.resolve("unreadable.csv"));
        Path m = Files.copy(model, perm.resolve("unreadable.mlp"));
        Path ck = Files.copy(checkpoint, perm.resolve("unreadable.ckpt"));
        for (Path p : List.of(data, m, ck)) {
            setPermissions(p, "---------");
        }
        Path readable = Files.copy(blobs, perm.resolve("readable.csv"));
        Path readableModel = Files.copy(model, perm.resolve("readable.mlp"));
        setPermissions(readable, "rw-r--r--");
        setPermissions(readableModel, "rw-r--r--");
        Path closedDir = Files.createDirectories(perm.resolve("closed"));
        Files.copy(blobs, closedDir.resolve("inside.csv"));
        setPermissions(closedDir, "---------");
        Path readOnlyDir = Files.createDirectories(perm.resolve("read-only"));
        setPermissions(readOnlyDir, "r-xr-xr-x");
        Path existingReadOnly = Files.copy(model, readOnlyDir.resolve("existing.mlp"));
        setPermissions(existingReadOnly, "r--r--r--");
        Launch nobody = Launch.DEFAULT.nobody();
        String out = s(perm.resolve("out.mlp"));
        refuse(c, nobody, names(s(data), "permission"), "train", "--data", s(data), "--target",
                "kind", "-q", "-o", out);
        refuse(c, nobody, names(s(data), "permission"), "evaluate", "-m", s(readableModel),
                "--data", s(data));
        refuse(c, nobody, names(s(m), "permission"), "evaluate", "-m", s(m), "--data",
                s(readable));
        refuse(c, nobody, names(s(m), "permission"), "predict", "-m", s(m), "--data",
                s(readable));
        refuse(c, nobody, names(s(m), "permission"), "inspect", s(m));
        refuse(c, nobody, names(s(m), "permission"), "export", "-m", s(m), "-o",
                s(perm.resolve("m.onnx")));
        refuse(c, nobody, names(s(ck), "permission"), "train", "--data", s(readable),
                "--target", "kind", "--layers", "4", "--epochs", "30", "-q", "--resume", s(ck),
                "-o", out);
        refuse(c, nobody, names(s(closedDir), "permission"), "train", "--data",
                s(closedDir.resolve("inside.csv")), "--target", "kind", "-q", "-o", out);
        refuse(c, nobody, names(s(readOnlyDir), "permission"), "train", "--data", s(readable),
                "--target", "kind", "-q", "--epochs", "2", "-o", s(readOnlyDir.resolve("x.mlp")));
        refuse(c, nobody, names(s(existingReadOnly), "permission"), "train", "--data",
                s(readable), "--target", "kind", "-q", "--epochs", "2", "-o",
                s(existingReadOnly));
        refuse(c, nobody, names(s(readOnlyDir), "permission"), "predict", "-m",
                s(readableModel), "--data", s(readable), "-o", s(readOnlyDir.resolve("p.csv")));
        refuse(c, nobody, names(s(readOnlyDir), "permission"), "export", "-m",
                s(readableModel), "-o", s(readOnlyDir.resolve("m.onnx")));
        refuse(c, nobody, names(s(readOnlyDir), "permission"), "train", "--data", s(readable),
                "--target", "kind", "-q", "--epochs", "2", "-o", out, "--checkpoint-dir",
                s(readOnlyDir));
        refuse(c, nobody, names(s(readOnlyDir), "permission"), "train", "--data", s(readable),
                "--target", "kind", "-q", "--epochs", "2", "-o", out, "--chart",
                s(readOnlyDir.resolve("c.png")));
        refuse(c, nobody, names(s(closedDir), "permission"), "plugins", "--plugins",
                s(closedDir));
    }

    /** Options of train: missing, unknown, malformed and out of range. */
    private void trainOptions() throws IOException {
        String c = "options: train";
        String out = s(work.resolve("out.mlp"));
        refuse(c, names("-o", "--output"), "train", "--data", s(blobs), "--target", "kind");
        refuse(c, names("--data", "--images"), "train", "--target", "kind", "-o", out);
        refuse(c, names("--target"), "train", "--data", s(blobs), "-o", out);
        refuse(c, names("--data"), "train", "--data");
        refuse(c, names("--no-such-option"), train("--no-such-option"));
        refuse(c, names("--lr"), train("--lr", "0.1"));
        refuse(c, names("--target", "nope"), "train", "--data", s(blobs), "--target", "nope",
                "-o", out);
        refuse(c, names("--target", "2"), "train", "--data", s(blobs), "--target", "2", "-o",
                out);
        refuse(c, names("--features", "nope"), train("--features", "x1,nope"));
        refuse(c, names("--features", "kind"), train("--features", "x1,kind"));
        refuse(c, names("--features"), train("--features", ""));
        refuse(c, names("--task", "clustering"), train("--task", "clustering"));
        refuse(c, names("kind", "regression"), train("--task", "regression"));
        for (String e : List.of("abc", "-1", "0", "1.5", "99999999999", "")) {
            refuse(c, names("--epochs"), train("--epochs", e));
        }
        for (String l : List.of("0", "-3", "a", "", "4,,4", "4,0", "1e3")) {
            refuse(c, names("--layers"), train("--layers", l));
        }
        for (String v : List.of("abc", "")) {
            refuse(c, names("--validation"), train("--validation", v));
        }
        refuse(c, names("--seed"), train("--seed", "abc"));
        refuse(c, names("--seed"), train("--seed", "1.5"));
        for (String e : List.of("0", "-1", "x")) {
            refuse(c, names("--checkpoint-every"), train("--checkpoint-dir",
                    s(work.resolve("ck-every")), "--checkpoint-every", e));
        }
        refuse(c, names("--delimiter"), train("--delimiter", "ab"));
        refuse(c, names("--delimiter"), train("--delimiter", ""));
        refuse(c, names("--delimiter", "kind"), train("--delimiter", ";"));
        refuse(c, names("--chart"), train("--chart", s(work.resolve("c.gif"))));
        refuse(c, names("--images", "--labels"), train("--images", s(blobs)));
        refuse(c, names("--labels", "--images"), "train", "--labels", s(blobs), "-o", out);
        refuse(c, names("--data", "--images"), train("--images", s(blobs), "--labels",
                s(blobs)));
        refuse(c, names("--images", s(blobs)), "train", "--images", s(blobs), "--labels",
                s(blobs), "-q", "-o", out);
        refuse(c, names("--allow-changes", "--resume"), train("--allow-changes"));
        refuse(c, names("--target-scaler"), train("--target-scaler", "z-score"));
        // without validation data, early stopping's default monitor is the training loss
        either(c, names("--early-stopping"), train("--early-stopping", "patience=3"));
        refuse(c, names("--early-stopping", "validation"), train("--early-stopping",
                "monitor=validation-loss"));
        refuse(c, names("--checkpoint-every", "--checkpoint-dir"),
                train("--checkpoint-every", "5"));
        refuse(c, names("-o", out), concat(new String[] {"train", "--data", s(blobs),
            "--target", "kind", "-o", out}, "-o", s(work.resolve("other.mlp"))));
        refuse(c, names("--data", s(work.resolve("missing.csv"))), "train", "--data",
                s(work.resolve("missing.csv")), "--target", "kind", "-o", out);
        Path copy = write("blobs-copy.csv", Files.readAllBytes(blobs));
        refuse(c, names("-o", "--data"), train("--data", s(copy), "-o", s(copy)));
        refuse(c, names("--chart", "--data"), train("--data", s(copy), "--chart", s(copy)));
        refuse(c, names("-o", "--data"), "predict", "-m", s(model), "--data", s(copy), "-o",
                s(copy));
        refuse(c, names("-o", "-m"), "export", "-m", s(model), "-o", s(model));
        refuse(c, names("-o", "--resume"), train("--resume", s(lastCheckpoint), "--epochs",
                "30", "-o", s(lastCheckpoint)));
        refuse(c, names("-o"), train("-o", ""));
    }

    /** Options of the other commands. */
    private void otherCommandOptions() throws IOException {
        String c = "options: other commands";
        refuse(c, names("nosuchcommand"), "nosuchcommand");
        refuse(c, names("-m", "--model"), "evaluate", "--data", s(blobs));
        refuse(c, names("--data", "--images"), "evaluate", "-m", s(model));
        refuse(c, names("-m", s(work.resolve("missing.mlp"))), "evaluate", "-m",
                s(work.resolve("missing.mlp")), "--data", s(blobs));
        refuse(c, names("--target", "nope"), "evaluate", "-m", s(model), "--data", s(blobs),
                "--target", "nope");
        refuse(c, names("--bogus"), "evaluate", "-m", s(model), "--data", s(blobs), "--bogus");
        refuse(c, names("--delimiter"), "evaluate", "-m", s(model), "--data", s(blobs),
                "--delimiter", "xx");
        Path noTarget = write("no-target.csv", "x1,x2\n1,2\n3,4\n");
        refuse(c, names("kind", s(noTarget)), "evaluate", "-m", s(model), "--data",
                s(noTarget));
        Path unknownClass = write("unknown-class.csv", "x1,x2,kind\n1,2,purple\n3,4,red\n");
        refuse(c, names("purple", s(unknownClass)), "evaluate", "-m", s(model), "--data",
                s(unknownClass));
        refuse(c, names("-m", "--model"), "predict", "--data", s(blobs));
        refuse(c, names("--data"), "predict", "-m", s(model));
        refuse(c, names("x2", s(noTarget)), "predict", "-m", s(model), "--data",
                s(write("one-feature.csv", "x1\n1\n2\n")));
        refuse(c, names("--data", s(work.resolve("missing.csv"))), "predict", "-m", s(model),
                "--data", s(work.resolve("missing.csv")));
        refuse(c, names("-m", s(blobs)), "predict", "-m", s(blobs), "--data", s(blobs));
        Path predicted = write("with-prediction.csv", "x1,x2,prediction\n1,2,red\n3,4,blue\n");
        refuse(c, names("--keep", "prediction"), "predict", "-m", s(model), "--data",
                s(predicted), "--keep", "prediction");
        Path labels = write("labels.csv", "x1,x2,a,b\n1,2,0,1\n3,4,1,1\n5,6,1,0\n7,8,0,0\n");
        refuse(c, names("--metrics", "accuracy"), "cv", "--data", s(labels), "--targets", "a,b",
                "--metrics", "accuracy");
        refuse(c, names("--task"), "tune", "--data", s(labels), "--targets", "a,b", "--task",
                "classification", "--layers", "choice(2|4)");
        refuse(c, names("--precision", "float16"), "cv", "--data", s(blobs), "--target",
                "kind", "--precision", "float16");
        refuse(c, names("--precision", "float16"), "tune", "--data", s(blobs), "--target",
                "kind", "--layers", "choice(2|4)", "--precision", "float16");
        refuse(c, names("FILE"), "inspect");
        refuse(c, names(s(work.resolve("missing.mlp"))), "inspect",
                s(work.resolve("missing.mlp")));
        refuse(c, names(s(blobs)), "inspect", s(blobs));
        refuse(c, names("--kind", "gizmo"), "plugins", "--kind", "gizmo");
        refuse(c, names("--plugins", "nothing"), "plugins", "--plugins",
                s(work.resolve("nothing")));
        refuse(c, names("--plugins", s(blobs)), "plugins", "--plugins", s(blobs));
        refuse(c, Launch.DEFAULT.env(MlpCli.PLUGIN_PATH, s(work.resolve("nothing"))),
                names("MLP_PLUGIN_PATH"), "plugins");
        refuse(c, names("-o", "--output"), "export", "-m", s(model));
        refuse(c, names("-m", "--model"), "export", "-o", s(work.resolve("x.onnx")));
        refuse(c, names("-m", s(blobs)), "export", "-m", s(blobs), "-o",
                s(work.resolve("x.onnx")));
        refuse(c, names("-m", s(checkpoint)), "export", "-m", s(checkpoint), "-o",
                s(work.resolve("x.onnx")));
        refuse(c, names("-m", "--model"), "serve", "--port", "0");
        for (String[] o : new String[][] {{"--port", "-1"}, {"--port", "70000"},
            {"--port", "x"}, {"--threads", "0"}, {"--threads", "-2"}, {"--max-body", "foo"},
            {"--max-body", "0"}, {"--max-body", "-5M"}, {"--grace", "-1"},
            {"--request-timeout", "0"}, {"--request-timeout", "x"}}) {
            refuse(c, names(o[0]), "serve", "-m", s(model), o[0], o[1]);
        }
        refuse(c, names("-m", "blobs"), "serve", "-m", s(model), "-m", s(model));
        refuse(c, names("-m", "a=b=c"), "serve", "-m", "a=b=c", "--port", "0");
        refuse(c, names("-m", s(work.resolve("missing.mlp"))), "serve", "-m",
                "x=" + s(work.resolve("missing.mlp")), "--port", "0");
        refuse(c, names("--host"), "serve", "-m", s(model), "--port", "0", "--host",
                "no.such.host.invalid");
        refuse(c, names("--plugins", "nothing"), "serve", "--plugins",
                s(work.resolve("nothing")), "-m", s(model), "--port", "0");
    }

    /** Plugin specs: unknown names, syntax errors, bad parameters. */
    private void specs() {
        String c = "specs";
        String[][] bad = {
            {"--activation", "nosuch"}, {"--activation", "relu("}, {"--activation", "relu(x=1)"},
            {"--activation", "relu)"}, {"--activation", ""}, {"--activation", "leaky-relu(alpha=)"},
            {"--activation", "leaky-relu(alpha=abc)"}, {"--activation", "(alpha=1)"},
            {"--output-activation", "nosuch"}, {"--loss", "nosuch"}, {"--loss", "mse(x=1)"},
            {"--optimizer", "nosuch"}, {"--optimizer", "adam(lr=-1)"},
            {"--optimizer", "adam(lr=abc)"}, {"--optimizer", "adam(lr=NaN)"},
            {"--optimizer", "adam(lr=Infinity)"}, {"--optimizer", "adam(lr=)"},
            {"--optimizer", "adam(lr=0.1, lr=0.2)"}, {"--optimizer", "adam(beta1=2)"},
            {"--optimizer", "adam(lr=0.1"}, {"--optimizer", "adam(lr=\"0.1)"},
            {"--optimizer", "sgd(momentum=-1)"}, {"--optimizer", "adam(lr=1e999)"},
            {"--batch", "nosuch"}, {"--batch", "mini-batch(size=0)"},
            {"--batch", "mini-batch(size=-1)"}, {"--batch", "mini-batch(size=1.5)"},
            {"--batch", "mini-batch(size=99999999999)"}, {"--batch", "mini-batch(shuffle=maybe)"},
            {"--initializer", "nosuch"}, {"--initializer", "xavier(gain=-1)"},
            {"--input-scaler", "nosuch"}, {"--schedule", "nosuch"},
            {"--schedule", "cosine(warmup=-1)"}, {"--gradient", "nosuch"},
            {"--gradient", "clip-norm(max=-1)"}, {"--gradient", "clip-norm(max=0)"},
            {"--early-stopping", "patience=-1"}, {"--early-stopping", "monitor=nosuch"},
            {"--early-stopping", "nosuch(patience=3)"}, {"--divergence", "nosuch"},
            {"--divergence", "rollback(factor=2)"}, {"--divergence", "rollback(factor=0)"},
            {"--divergence", "rollback(retries=-1)"}, {"--divergence", "rollback(x=1)"},
            {"--precision", "float16"}, {"--precision", " "},
            {"--activation", "\u00fcber"}, {"--optimizer", "adam(" + "lr=0.1,".repeat(2000)
                + "lr=0.1)"},
            {"--optimizer", "lookahead(inner=adam(lr=))"},
            {"--optimizer", "lookahead(inner=adam(lr=0.1)"},
            {"--optimizer", "lookahead(inner=nosuch(lr=0.1))"},
            {"--optimizer", "lookahead(inner=adam(beta1=2))"},
            {"--optimizer", "lookahead(inner=adam(lr=0.1), lr=0.2)"},
            {"--optimizer", "lookahead(inner=rprop)"}, {"--optimizer", "lookahead(inner=lbfgs)"},
            {"--optimizer", "lookahead(inner=lookahead)"},
            {"--optimizer", "lookahead(inner=schedule-free-adamw(lr=0.01))"},
            {"--optimizer", "lookahead(inner=1.5(lr=1))"},
            {"--schedule", "warmup(then=cosine(min=2))"}, {"--schedule", "warmup(then=nosuch)"},
            {"--schedule", "warmup(then=" + "warmup(then=".repeat(9) + "cosine" + ")".repeat(10)},
            {"--optimizer", "lookahead(inner=" .repeat(5000) + "adam" + ")".repeat(5000)},
        };
        for (String[] b : bad) {
            String[] extra = b[0].equals("--early-stopping")
                    ? new String[] {b[0], b[1], "--validation", "0.2"}
                    : new String[] {b[0], b[1]};
            refuse(c, names(b[0]), train(extra));
        }
        refuse(c, names("--target-scaler"), "train", "--data", s(regression), "--target", "y",
                "--task", "regression", "-q", "-o", s(work.resolve("x.mlp")), "--target-scaler",
                "nosuch");
        refuse(c, names("--loss", "cross-entropy"), "train", "--data", s(regression),
                "--target", "y", "--task", "regression", "-q", "-o", s(work.resolve("x.mlp")),
                "--loss", "cross-entropy");
    }

    /** Bad CSV files for train, evaluate and predict. */
    private void csvFiles() throws IOException {
        String c = "CSV files";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("empty.csv", new byte[0]);
        bad.put("header-only.csv", utf8("x1,x2,kind\n"));
        bad.put("blank-lines.csv", utf8("\n\n\n"));
        bad.put("short-row.csv", utf8("x1,x2,kind\n1,2,red\n3,blue\n4,5,red\n"));
        bad.put("long-row.csv", utf8("x1,x2,kind\n1,2,red\n3,4,5,blue\n4,5,red\n"));
        bad.put("text-feature.csv", utf8("x1,x2,kind\n1,2,red\n3,abc,blue\n4,5,red\n"));
        bad.put("empty-field.csv", utf8("x1,x2,kind\n1,2,red\n3,,blue\n4,5,red\n"));
        bad.put("nan-feature.csv", utf8("x1,x2,kind\n1,2,red\n3,NaN,blue\n4,5,red\n"));
        bad.put("inf-feature.csv", utf8("x1,x2,kind\n1,2,red\n3,Infinity,blue\n4,5,red\n"));
        bad.put("huge-feature.csv", utf8("x1,x2,kind\n1,2,red\n3,1e400,blue\n4,5,red\n"));
        bad.put("hex-feature.csv", utf8("x1,x2,kind\n1,2,red\n3,0x1F,blue\n4,5,red\n"));
        bad.put("empty-target.csv", utf8("x1,x2,kind\n1,2,red\n3,4,\n4,5,blue\n"));
        bad.put("unclosed-quote.csv", utf8("x1,x2,kind\n1,2,red\n3,\"4,blue\n4,5,red\n"));
        bad.put("latin1-header.csv", "x1,\u00e92,kind\n1,2,red\n3,4,blue\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        bad.put("latin1-value.csv", "x1,x2,kind\n1,2,r\u00e9d\n3,4,blue\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        bad.put("utf16.csv", "\ufeffx1,x2,kind\n1,2,red\n3,4,blue\n"
                .getBytes(Charset.forName("UTF-16BE")));
        bad.put("nul-bytes.csv", utf8("x1,x2,kind\n1,2,red\n3\0,4,blue\n"));
        bad.put("one-column.csv", utf8("kind\nred\nblue\nred\n"));
        bad.put("semicolons.csv", utf8("x1;x2;kind\n1;2;red\n3;4;blue\n"));
        bad.put("empty-header-name.csv", utf8("x1,,kind\n1,2,red\n3,4,blue\n4,5,red\n"));
        byte[] longField = new byte[3_000_000];
        Arrays.fill(longField, (byte) '7');
        bad.put("long-field.csv", concatBytes(utf8("x1,x2,kind\n1,2,red\n3,"), longField,
                utf8(",blue\n")));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path p = write(e.getKey(), e.getValue());
            refuse(c, names(s(p)), "train", "--data", s(p), "--target", "kind", "-q", "-o",
                    s(work.resolve("x.mlp")));
            if (e.getKey().equals("empty-target.csv")) {
                // predict reads the feature columns only
                either(c, names(s(p)), "predict", "-m", s(model), "--data", s(p));
            } else if (!e.getKey().equals("one-column.csv")) {
                refuse(c, names(s(p)), "predict", "-m", s(model), "--data", s(p));
            }
            if (e.getKey().matches("(empty|header-only|short-row|long-row|text-feature|latin1"
                    + "-value|nan-feature|huge-feature|empty-target)\\.csv")) {
                refuse(c, names(s(p)), "evaluate", "-m", s(model), "--data", s(p));
            }
        }
        Path textTarget = write("text-target.csv", "u,v,y\n1,2,3\n2,3,four\n3,4,5\n");
        refuse(c, names(s(textTarget)), "train", "--data", s(textTarget), "--target", "y",
                "--task", "regression", "-q", "-o", s(work.resolve("x.mlp")));
        refuse(c, names(s(textTarget)), "evaluate", "-m", s(regressionModel), "--data",
                s(textTarget));
        Path headerAsData = write("header-as-data.csv", Files.readString(blobs));
        refuse(c, names(s(headerAsData)), "train", "--data", s(headerAsData), "--no-header",
                "--target", "2", "-q", "-o", s(work.resolve("x.mlp")));
        refuse(c, names("--target", "9"), "train", "--data", s(headerAsData), "--no-header",
                "--target", "9", "-q", "-o", s(work.resolve("x.mlp")));
        Path manyClasses = write("many-classes.csv", manyClasses());
        either(c, names(s(manyClasses)), "train", "--data", s(manyClasses), "--target",
                "kind", "-q", "--epochs", "1", "-o", s(work.resolve("x.mlp")));
        Path crlf = write("crlf.csv", Files.readString(blobs).replace("\n", "\r\n"));
        expect(c, "CRLF line ends train", o -> true, "train", "--data", s(crlf), "--target",
                "kind", "-q", "--epochs", "2", "-o", s(work.resolve("crlf.mlp")));
        Path bom = write("bom.csv", concatBytes(new byte[] {(byte) 0xEF, (byte) 0xBB,
            (byte) 0xBF}, Files.readAllBytes(blobs)));
        expect(c, "a UTF-8 byte order mark is skipped", o -> true, "train", "--data", s(bom),
                "--target", "x1", "--task", "regression", "--features", "x2", "-q",
                "--epochs", "2", "-o", s(work.resolve("bom.mlp")));
        expect(c, "predictions are finite", o -> o.out().lines().count() == 61
                && !o.out().contains("NaN"), "predict", "-m", s(model), "--data", s(blobs));
    }

    private String manyClasses() {
        StringBuilder sb = new StringBuilder("x1,kind\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i).append(",c").append(i).append('\n');
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concatBytes(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    /** Damaged model and checkpoint files. */
    private void modelFiles() throws IOException {
        String c = "model files";
        byte[] saved = Files.readAllBytes(model);
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("empty.mlp", new byte[0]);
        bad.put("signature-only.mlp", Arrays.copyOf(saved, 8));
        bad.put("half-header.mlp", Arrays.copyOf(saved, 12));
        bad.put("header-only.mlp", Arrays.copyOf(saved, 24));
        for (int cut : new int[] {30, saved.length / 3, saved.length / 2, saved.length - 5,
            saved.length - 1}) {
            bad.put("truncated-" + cut + ".mlp", Arrays.copyOf(saved, cut));
        }
        byte[] magic = saved.clone();
        magic[1] = 'X';
        bad.put("wrong-magic.mlp", magic);
        bad.put("text.mlp", utf8("this is not a model\n"));
        byte[] version = saved.clone();
        ByteBuffer.wrap(version, 12, 2).putShort((short) 2);
        bad.put("version-2.mlp", withCrc(version));
        byte[] version0 = saved.clone();
        ByteBuffer.wrap(version0, 12, 2).putShort((short) 0);
        bad.put("version-0.mlp", withCrc(version0));
        byte[] type = saved.clone();
        type[8] = 'Z';
        bad.put("unknown-type.mlp", withCrc(type));
        byte[] length = saved.clone();
        ByteBuffer.wrap(length, 16, 8).putLong(Long.MAX_VALUE);
        bad.put("huge-length.mlp", withCrc(length));
        byte[] negative = saved.clone();
        ByteBuffer.wrap(negative, 16, 8).putLong(-1);
        bad.put("negative-length.mlp", withCrc(negative));
        byte[] crc = saved.clone();
        crc[crc.length - 1] ^= 1;
        bad.put("bad-crc.mlp", crc);
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 16; i++) {
            byte[] flipped = saved.clone();
            int bit = r.nextInt(flipped.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            bad.put("bit-flip-" + bit + ".mlp", flipped);
        }
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path p = write("models/" + e.getKey(), e.getValue());
            String cmd = e.getKey().startsWith("bit-flip") ? "inspect"
                    : List.of("inspect", "evaluate", "predict").get(Math.floorMod(
                            e.getKey().hashCode(), 3));
            if (cmd.equals("inspect")) {
                refuse(c, names(s(p)), "inspect", s(p));
            } else {
                refuse(c, names(s(p)), cmd, "-m", s(p), "--data", s(blobs));
            }
        }
        // the payload damaged with a matching checksum: a valid model, or a clear refusal
        for (int i = 0; i < 12; i++) {
            byte[] b = saved.clone();
            int at = 24 + r.nextInt(b.length - 28);
            b[at] = (byte) r.nextInt(256);
            Path p = write("models/payload-" + at + ".mlp", withCrc(b));
            either(c, names(s(p)), "inspect", s(p));
        }
        byte[] ck = Files.readAllBytes(checkpoint);
        Path ckTruncated = write("models/truncated.ckpt", Arrays.copyOf(ck, ck.length / 2));
        refuse(c, names(s(ckTruncated)), "inspect", s(ckTruncated));
        refuse(c, names(s(ckTruncated)), train("--resume", s(ckTruncated)));
        byte[] ckFlip = ck.clone();
        ckFlip[ck.length / 2] ^= 4;
        Path ckFlipped = write("models/flipped.ckpt", ckFlip);
        refuse(c, names(s(ckFlipped)), train("--resume", s(ckFlipped)));
        byte[] ckVersion = ck.clone();
        ByteBuffer.wrap(ckVersion, 12, 2).putShort((short) 9);
        Path ckNewer = write("models/version-9.ckpt", withCrc(ckVersion));
        refuse(c, names(s(ckNewer)), train("--resume", s(ckNewer)));
        for (int i = 0; i < 6; i++) {
            byte[] b = ck.clone();
            int at = 24 + r.nextInt(b.length - 28);
            b[at] = (byte) r.nextInt(256);
            Path p = write("models/payload-" + at + ".ckpt", withCrc(b));
            either(c, names(s(p)), train("--resume", s(p), "--epochs", "30"));
        }
    }
}
