package dev.mlp.bench;

import dev.mlp.api.TrainingListener;
import dev.mlp.core.Dataset;
import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.core.kernel.Gemm;
import dev.mlp.core.kernel.MatrixBackends;
import dev.mlp.api.spi.ComputeBackendProvider;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.math.TimeFunction;

/**
 * The project's benchmark: workloads W1 (Fashion-MNIST 784-256-128-10 training), W2 (a 2-3-1
 * sigmoid network trained one sample at a time) and W3 (inference latency and throughput), each
 * run with this framework (once per available compute backend) and, in the same process, with
 * Smile configured as closely as its API allows. Prints one Markdown table of the numbers and
 * their ratios. Training time excludes data loading; W1 reports the median epoch, W2 times a
 * second identical run after an untimed one (JIT warm-up), W3 times warm calls.
 *
 * <p>Options: {@code --data DIR} (Fashion-MNIST's four {@code .gz} files, default
 * {@value #DEFAULT_DATA}), {@code --epochs N} (3), {@code --updates N} (W2, 1000000),
 * {@code --threads N} (this framework's thread count; default all processors),
 * {@code --backend NAME} (compute backend, {@code java} by default, {@code java-vector} or
 * {@code native-blas}), {@code --no-smile}, {@code --only LIST} (a comma-separated subset of
 * {@code w1,w2,w3}; all by default; W3 without W1 measures an untrained network of W1's shape,
 * and the data are loaded only when W1 or W3 runs). {@code java-vector} runs only in a JVM
 * started with {@code --add-modules jdk.incubator.vector}; without the flag it is listed as
 * skipped.
 */
final class Workloads {

    static final String DEFAULT_DATA = "/usr/share/datasets/fashion-mnist";

    private Path data = Path.of(DEFAULT_DATA);
    private int epochs = 3;
    private int updates = 1_000_000;
    private boolean smile = true;
    private final java.util.Set<String> only = new java.util.TreeSet<>(List.of("w1", "w2", "w3"));

    private Workloads() {
    }

    /**
     * Runs all workloads and prints the table.
     *
     * @param args the options described in the class comment
     * @throws IOException if the data cannot be read
     */
    static void main(String[] args) throws IOException {
        Workloads w = new Workloads();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> w.data = Path.of(value(args, ++i, a));
                case "--epochs" -> w.epochs = positive(value(args, ++i, a), a);
                case "--updates" -> w.updates = positive(value(args, ++i, a), a);
                case "--threads" -> System.setProperty("mlp.threads",
                        Integer.toString(positive(value(args, ++i, a), a)));
                case "--backend" -> System.setProperty(MatrixBackends.PROPERTY,
                        value(args, ++i, a));
                case "--no-smile" -> w.smile = false;
                case "--only" -> w.only(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; known: --data DIR, --epochs N, --updates N, --threads N,"
                        + " --backend java|java-vector|native-blas, --no-smile, --only w1,w2,w3,"
                        + " or 'jmh [JMH options]' as the first argument");
            }
        }
        w.run();
    }

    private void only(String list) {
        only.clear();
        for (String part : list.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!List.of("w1", "w2", "w3").contains(name)) {
                throw new IllegalArgumentException("--only takes a comma-separated subset of "
                        + "w1,w2,w3, found '" + part + "' in '" + list + "'");
            }
            only.add(name);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, String option) {
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, found '" + s
                    + "'", e);
        }
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, found " + n);
        }
        return n;
    }

    private void run() throws IOException {
        String load0 = loadAverage();
        System.out.println("machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors; Java " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        System.out.println("mlp threads: " + Gemm.defaultThreads() + "; OPENBLAS_CORETYPE="
                + System.getenv().getOrDefault("OPENBLAS_CORETYPE", "(unset)")
                + ", OPENBLAS_NUM_THREADS="
                + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "(unset)")
                + " (apply to OpenBLAS in native-blas and in Smile; with OPENBLAS_NUM_THREADS=1"
                + " native-blas runs a batch's shards in parallel)");
        System.out.println("load average before: " + load0);

        boolean w1 = only.contains("w1");
        boolean w2 = only.contains("w2");
        boolean w3 = only.contains("w3");
        double[][] trainX = null;
        int[] trainY = null;
        double[][] testX = null;
        int[] testY = null;
        if (w1 || w3) {
            long t0 = System.nanoTime();
            trainX = Idx.images(file("train-images-idx3-ubyte.gz"));
            trainY = Idx.labels(file("train-labels-idx1-ubyte.gz"));
            testX = Idx.images(file("t10k-images-idx3-ubyte.gz"));
            testY = Idx.labels(file("t10k-labels-idx1-ubyte.gz"));
            System.out.printf(Locale.ROOT, "data: %d training, %d test images loaded in %.1f s"
                    + " (not counted)%n", trainX.length, testX.length,
                    (System.nanoTime() - t0) / 1e9);
        }

        List<String> names = new ArrayList<>();
        List<Numbers> results = new ArrayList<>();
        for (String backend : backends()) {
            System.setProperty(MatrixBackends.PROPERTY, backend);
            System.out.println("-- mlp, backend " + MatrixBackends.create(Gemm.defaultThreads()));
            Numbers n = new Numbers();
            Network trained = w1 ? w1Ours(trainX, trainY, testX, testY, n) : null;
            if (w2) {
                w2Ours(n);
            }
            if (w3) {
                w3Ours(trained != null ? trained : w1Model(1).network(), testX, n);
            }
            names.add("mlp " + backend);
            results.add(n);
        }
        Numbers theirs = new Numbers();
        if (smile) {
            System.out.println("-- Smile");
            smile.classification.MLP model = w1 ? w1Smile(trainX, trainY, testX, testY, theirs)
                    : w1SmileModel();
            if (w2) {
                w2Smile(theirs);
            }
            if (w3) {
                w3Smile(model, testX, theirs);
            }
        }

        System.out.println("load average after: " + loadAverage());
        System.out.println();
        StringBuilder head = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String name : names) {
            head.append(' ').append(name).append(" |");
            rule.append("---:|");
        }
        head.append(" Smile ").append(smileVersion()).append(" | best mlp / Smile |");
        rule.append("---:|---:|");
        System.out.println(head);
        System.out.println(rule);
        row("W1 training, samples/s (median of " + epochs + " epochs)", results, theirs,
                n -> n.w1Rate, Workloads::count, true);
        row("W1 test accuracy after " + epochs + " epochs", results, theirs, n -> n.w1Accuracy,
                Workloads::percent, true);
        row("W2 2-3-1 sigmoid, stochastic, updates/s", results, theirs, n -> n.w2Rate,
                Workloads::count, true);
        row("W3 latency, one sample, microseconds", results, theirs, n -> n.w3Latency,
                Workloads::fixed, false);
        row("W3 throughput, batches of " + BATCH + ", samples/s (Smile: one by one)", results,
                theirs, n -> n.w3Rate, Workloads::count, true);
    }

    /** What one library reached on each workload; {@code NaN} where not run. */
    private static final class Numbers {
        private double w1Rate = Double.NaN;
        private double w1Accuracy = Double.NaN;
        private double w2Rate = Double.NaN;
        private double w3Latency = Double.NaN;
        private double w3Rate = Double.NaN;
    }

    private static void row(String label, List<Numbers> ours, Numbers theirs,
                            java.util.function.ToDoubleFunction<Numbers> metric,
                            java.util.function.DoubleFunction<String> format,
                            boolean higherIsBetter) {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" |");
        double best = Double.NaN;
        for (Numbers n : ours) {
            double v = metric.applyAsDouble(n);
            sb.append(' ').append(format.apply(v)).append(" |");
            if (Double.isNaN(best) || (higherIsBetter ? v > best : v < best)) {
                best = v;
            }
        }
        double t = metric.applyAsDouble(theirs);
        sb.append(' ').append(format.apply(t)).append(" |");
        boolean isRatio = !label.contains("accuracy");
        sb.append(' ').append(isRatio ? ratio(higherIsBetter ? best / t : t / best) : "")
                .append(" |");
        System.out.println(sb);
    }

    /** The backends to run: the one given with --backend, otherwise every one available. */
    private List<String> backends() {
        String chosen = System.getProperty(MatrixBackends.PROPERTY);
        if (chosen != null) {
            return List.of(chosen);
        }
        List<String> out = new ArrayList<>();
        out.add(MatrixBackends.JAVA);
        for (ComputeBackendProvider p : MatrixBackends.providers()) {
            if (p.name().equals(MatrixBackends.JAVA)) {
                continue; // built in, listed first
            }
            if (p.unavailableReason() == null) {
                out.add(p.name());
            } else {
                System.out.println("backend " + p.name() + " skipped: " + p.unavailableReason());
            }
        }
        return out;
    }

    private Path file(String name) throws IOException {
        Path p = data.resolve(name);
        if (!Files.isReadable(p)) {
            throw new IOException("cannot read " + p + "; install the Debian package "
                    + "dataset-fashion-mnist or pass --data DIR");
        }
        return p;
    }

    // ---------------------------------------------------------------- W1

    private Network w1Ours(double[][] x, int[] y, double[][] testX, int[] testY, Numbers n) {
        EpochTimer timer = new EpochTimer();
        Model model = w1Model(epochs, timer);
        model.fit(Dataset.of(x, oneHot(y, 10)));
        n.w1Accuracy = model.accuracy(testX, oneHot(testY, 10));
        n.w1Rate = x.length / median(timer.epochSeconds());
        System.out.printf(Locale.ROOT, "W1: epochs %s s, %.0f samples/s, accuracy %.4f%n",
                format(timer.epochSeconds()), n.w1Rate, n.w1Accuracy);
        return model.network();
    }

    /** W1's model: initialized (seed 1), trained only by {@code fit}. */
    private static Model w1Model(int epochs, TrainingListener... listeners) {
        var builder = Mlp.builder()
                .inputs(784)
                .layer(256, "relu")
                .layer(128, "relu")
                .layer(10, "softmax")
                .loss("cross-entropy")
                .optimizer("sgd(lr=0.1)")
                .batch("mini-batch(size=128, shuffle=true)")
                .initializer("he")
                .epochs(epochs)
                .seed(1);
        for (TrainingListener l : listeners) {
            builder.listener(l);
        }
        return builder.build();
    }

    private static smile.classification.MLP w1SmileModel() {
        return new smile.classification.MLP(Layer.input(784), Layer.rectifier(256),
                Layer.rectifier(128), Layer.mle(10, OutputFunction.SOFTMAX));
    }

    private smile.classification.MLP w1Smile(double[][] x, int[] y, double[][] testX,
                                              int[] testY, Numbers out) {
        smile.classification.MLP model = w1SmileModel();
        model.setLearningRate(TimeFunction.constant(0.1));
        model.setMomentum(TimeFunction.constant(0.0));
        int n = x.length;
        int batch = 128;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] bx = new double[batch][];
        int[] by = new int[batch];
        int tail = n % batch;
        double[][] tx = new double[tail][];
        int[] ty = new int[tail];
        SplittableRandom random = new SplittableRandom(1);
        double[] seconds = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long start = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += batch) {
                int m = Math.min(batch, n - from);
                double[][] xs = m == batch ? bx : tx;
                int[] ys = m == batch ? by : ty;
                for (int i = 0; i < m; i++) {
                    xs[i] = x[order[from + i]];
                    ys[i] = y[order[from + i]];
                }
                model.update(xs, ys);
            }
            seconds[e] = (System.nanoTime() - start) / 1e9;
        }
        int correct = 0;
        for (int i = 0; i < testX.length; i++) {
            correct += model.predict(testX[i]) == testY[i] ? 1 : 0;
        }
        out.w1Accuracy = (double) correct / testX.length;
        out.w1Rate = n / median(seconds);
        System.out.printf(Locale.ROOT, "W1: epochs %s s, %.0f samples/s, accuracy %.4f%n",
                format(seconds), out.w1Rate, out.w1Accuracy);
        return model;
    }

    // ---------------------------------------------------------------- W2

    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    private long w2Updates() {
        return (long) (updates / XOR_X.length) * XOR_X.length;
    }

    private void w2Ours(Numbers n) {
        w2Model().fit(Dataset.of(XOR_X, XOR_Y)); // the same run once untimed: JIT warm-up
        Model model = w2Model();
        Dataset table4 = Dataset.of(XOR_X, XOR_Y);
        long start = System.nanoTime();
        model.fit(table4);
        double seconds = (System.nanoTime() - start) / 1e9;
        n.w2Rate = w2Updates() / seconds;
        System.out.printf(Locale.ROOT, "W2: %d updates in %.3f s, %.0f updates/s, "
                + "final loss %.3g%n", w2Updates(), seconds, n.w2Rate,
                model.loss(XOR_X, XOR_Y));
    }

    private Model w2Model() {
        return Mlp.builder()
                .inputs(2)
                .layer(3, "sigmoid")
                .layer(1, "sigmoid")
                .loss("half-squared-error")
                .optimizer("sgd(lr=0.5)")
                .batch("stochastic")
                .initializer("xavier")
                .epochs(updates / XOR_X.length)
                .seed(1)
                .build();
    }

    private void w2Smile(Numbers n) {
        long done = w2Updates();
        smile.regression.MLP s = w2SmileModel();
        for (long i = 0; i < done; i++) { // the same run once untimed: JIT warm-up
            int r = (int) (i & 3);
            s.update(XOR_X[r], XOR_Y[r][0]);
        }
        s = w2SmileModel();
        long start = System.nanoTime();
        for (long i = 0; i < done; i++) {
            int r = (int) (i & 3);
            s.update(XOR_X[r], XOR_Y[r][0]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        n.w2Rate = done / seconds;
        double sse = 0;
        for (int r = 0; r < 4; r++) {
            double d = s.predict(XOR_X[r]) - XOR_Y[r][0];
            sse += 0.5 * d * d;
        }
        System.out.printf(Locale.ROOT, "W2: %d updates in %.3f s, %.0f updates/s, "
                + "final loss %.3g%n", done, seconds, n.w2Rate, sse / 4);
    }

    private static smile.regression.MLP w2SmileModel() {
        smile.regression.MLP s = new smile.regression.MLP(Layer.input(2), Layer.sigmoid(3),
                Layer.mse(1, OutputFunction.SIGMOID));
        s.setLearningRate(TimeFunction.constant(0.5));
        s.setMomentum(TimeFunction.constant(0.0));
        return s;
    }

    // ---------------------------------------------------------------- W3

    private static final int BATCH = 1024;

    private void w3Ours(Network net, double[][] testX, Numbers out) {
        int in = net.inputSize();
        int n = testX.length;
        double[] flat = Dataset.flatten(testX, "test images");
        // latency: one sample at a time through a reused workspace
        Workspace one = new Workspace(net, 1);
        for (int i = 0; i < 2 * n; i++) {
            net.forward(one, testX[i % n], 1);
        }
        long start = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += net.forward(one, testX[i], 1)[0];
        }
        out.w3Latency = (System.nanoTime() - start) / 1e3 / n;
        // throughput: batches of 1024
        int chunks = n / BATCH;
        double[][] parts = new double[chunks][];
        for (int c = 0; c < chunks; c++) {
            parts[c] = Arrays.copyOfRange(flat, c * BATCH * in, (c + 1) * BATCH * in);
        }
        Workspace big = new Workspace(net, BATCH);
        double[] passes = new double[5];
        for (int pass = -2; pass < passes.length; pass++) {
            long t = System.nanoTime();
            for (int c = 0; c < chunks; c++) {
                sink += net.forward(big, parts[c], BATCH)[0];
            }
            if (pass >= 0) {
                passes[pass] = (System.nanoTime() - t) / 1e9;
            }
        }
        out.w3Rate = chunks * BATCH / median(passes);
        System.out.printf(Locale.ROOT, "W3: %.1f us per sample, %.0f samples/s in batches of %d"
                + " (checksum %.6g)%n", out.w3Latency, out.w3Rate, BATCH, sink);
    }

    private void w3Smile(smile.classification.MLP model, double[][] testX, Numbers out) {
        int n = testX.length;
        double[] p = new double[10];
        for (int i = 0; i < 2 * n; i++) {
            model.predict(testX[i % n], p);
        }
        long start = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += model.predict(testX[i], p);
        }
        out.w3Latency = (System.nanoTime() - start) / 1e3 / n;
        out.w3Rate = 1e6 / out.w3Latency;
        System.out.printf(Locale.ROOT, "W3: %.1f us per sample, one by one (checksum %.6g)%n",
                out.w3Latency, sink);
    }

    // ---------------------------------------------------------------- helpers

    /** Times each epoch from the run's start (data already in memory). */
    private static final class EpochTimer implements TrainingListener {
        private long last;
        private final List<Double> seconds = new ArrayList<>();

        @Override
        public void runStarted(RunStart event) {
            last = System.nanoTime();
        }

        @Override
        public void epochFinished(EpochEnd event) {
            long now = System.nanoTime();
            seconds.add((now - last) / 1e9);
            last = now;
        }

        double[] epochSeconds() {
            return seconds.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static double[][] oneHot(int[] labels, int classes) {
        double[][] out = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            out[i][labels[i]] = 1.0;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static String format(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v[i]));
        }
        return sb.append(']').toString();
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.1fx", r);
    }

    private static String smileVersion() {
        String v = smile.classification.MLP.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
