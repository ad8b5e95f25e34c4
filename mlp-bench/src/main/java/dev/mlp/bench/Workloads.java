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
 * The project's benchmark, one command for everything: workloads W1 (Fashion-MNIST
 * 784-256-128-10 training), W2 (a 2-3-1 sigmoid network trained one sample at a time) and W3
 * (inference latency and throughput), each run with this framework once per available compute
 * backend and precision; then, in the same process, Smile configured as closely as its API
 * allows; the GEMM bound at W1's shapes ({@link GemmBound}); and PyTorch and scikit-learn on the
 * same data ({@link PythonPeers}). Prints the tables, the ratios and one {@link Summary} line per
 * measurement ({@link Report}). Training time excludes data loading; W1 reports the median
 * epoch, W2 times a second identical run after an untimed one (JIT warm-up), W3 times warm
 * calls.
 *
 * <p>Options: {@code --data DIR} (Fashion-MNIST's four {@code .gz} files, default
 * {@value #DEFAULT_DATA}), {@code --epochs N} (3), {@code --updates N} (W2, 1000000),
 * {@code --seed N} (W1's seed for initialization and shuffling, here and in the Python peers;
 * 1),
 * {@code --threads N} (this framework's thread count; default all processors),
 * {@code --backend NAME} (one compute backend: {@code java}, {@code java-vector} or
 * {@code native-blas}; default every one that runs here), {@code --precision LIST}
 * ({@code float64,float32} by default; float32 runs when the builder takes
 * {@code precision("float32")}), {@code --only LIST} (a comma-separated subset of
 * {@code w1,w2,w3}; all by default; W3 without W1 measures an untrained network of W1's shape,
 * and the data are loaded only when W1 or W3 runs), {@code --no-smile}, {@code --no-bound},
 * {@code --no-python}, {@code --python PATH} ({@value #DEFAULT_PYTHON}), {@code --quick} (one
 * epoch, 200,000 W2 updates, short bound timings). {@code java-vector} runs only in a JVM
 * started with {@code --add-modules jdk.incubator.vector}; without the flag it is listed as
 * skipped.
 */
final class Workloads {

    static final String DEFAULT_DATA = "/usr/share/datasets/fashion-mnist";
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final String FLOAT64 = "float64";
    static final String FLOAT32 = "float32";

    static final String USAGE = "mlp-bench.jar [--data DIR] [--epochs N] [--updates N] [--seed N]"
            + " [--threads N] [--backend java|java-vector|native-blas]"
            + " [--precision float64,float32] [--only w1,w2,w3] [--no-smile] [--no-bound]"
            + " [--no-python] [--python PATH] [--quick], or mlp-bench.jar jmh [JMH options]";

    private Path data = Path.of(DEFAULT_DATA);
    private int epochs = 3;
    private int updates = 1_000_000;
    private long seed = 1;
    private boolean smile = true;
    private boolean bound = true;
    private boolean python = true;
    private boolean quick;
    private boolean epochsGiven;
    private boolean updatesGiven;
    private String pythonPath = DEFAULT_PYTHON;
    private List<String> precisions = List.of(FLOAT64, FLOAT32);
    private final java.util.Set<String> only = new java.util.TreeSet<>(List.of("w1", "w2", "w3"));
    private final List<Summary> results = new ArrayList<>();

    private Workloads() {
    }

    /**
     * Reads the options.
     *
     * @param args the options described in the class comment
     * @return the runner, or {@code null} after printing the usage for {@code --help}
     * @throws IllegalArgumentException if an option is unknown or its value wrong
     */
    static Workloads parse(String[] args) {
        Workloads w = new Workloads();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> w.data = Path.of(value(args, ++i, a));
                case "--epochs" -> {
                    w.epochs = positive(value(args, ++i, a), a);
                    w.epochsGiven = true;
                }
                case "--updates" -> {
                    w.updates = positive(value(args, ++i, a), a);
                    w.updatesGiven = true;
                }
                case "--seed" -> w.seed = positive(value(args, ++i, a), a);
                case "--threads" -> System.setProperty("mlp.threads",
                        Integer.toString(positive(value(args, ++i, a), a)));
                case "--backend" -> System.setProperty(MatrixBackends.PROPERTY,
                        value(args, ++i, a));
                case "--precision" -> w.precisions = list(value(args, ++i, a), a,
                        List.of(FLOAT64, FLOAT32));
                case "--no-smile" -> w.smile = false;
                case "--no-bound" -> w.bound = false;
                case "--no-python" -> w.python = false;
                case "--python" -> w.pythonPath = value(args, ++i, a);
                case "--quick" -> w.quick = true;
                case "--only" -> {
                    w.only.clear();
                    w.only.addAll(list(value(args, ++i, a), a, List.of("w1", "w2", "w3")));
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; known: " + USAGE.substring(USAGE.indexOf('[')));
            }
        }
        if (w.quick) {
            w.epochs = w.epochsGiven ? w.epochs : 1;
            w.updates = w.updatesGiven ? w.updates : 200_000;
        }
        return w;
    }

    private static List<String> list(String list, String option, List<String> known) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw new IllegalArgumentException(option + " takes a comma-separated subset of "
                        + String.join(",", known) + ", found '" + part + "' in '" + list + "'");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
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

    /**
     * Runs the workloads and peers chosen and prints the report.
     *
     * @throws IOException if the data cannot be read
     */
    void run() throws IOException {
        String load0 = loadAverage();
        int processors = Runtime.getRuntime().availableProcessors();
        System.out.println("machine: " + cpu() + ", " + processors + " processors; Java "
                + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        System.out.println("mlp threads: " + Gemm.defaultThreads() + "; OPENBLAS_CORETYPE="
                + System.getenv().getOrDefault("OPENBLAS_CORETYPE", "(unset)")
                + ", OPENBLAS_NUM_THREADS="
                + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "(unset)")
                + " (apply to OpenBLAS in native-blas, in the bound and in Smile; with"
                + " OPENBLAS_NUM_THREADS=1 native-blas runs a batch's shards in parallel)");
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

        List<String> runnable = new ArrayList<>();
        for (String precision : precisions) {
            String why = Precisions.unavailable(precision);
            if (why == null) {
                runnable.add(precision);
            } else {
                System.out.println("skipped: " + precision + " not available (" + why + ")");
            }
        }
        for (String backend : backends()) {
            System.setProperty(MatrixBackends.PROPERTY, backend);
            for (String precision : runnable) {
                System.out.println("-- mlp, backend " + MatrixBackends.create(
                        Gemm.defaultThreads()) + ", " + precision);
                Run r = new Run(backend, precision);
                try {
                    Network trained = w1 ? w1Ours(trainX, trainY, testX, testY, r) : null;
                    if (w2) {
                        w2Ours(r);
                    }
                    if (w3) {
                        w3Ours(trained != null ? trained : w1Model(1, precision, seed).network(),
                                testX, r);
                    }
                } catch (IllegalArgumentException | IllegalStateException
                         | UnsupportedOperationException e) {
                    if (precision.equals(FLOAT64)) {
                        throw e;
                    }
                    System.out.println("skipped: " + precision + " on " + backend + " ("
                            + e.getMessage() + ")");
                }
            }
        }
        if (smile) {
            System.out.println("-- Smile " + smileVersion());
            smile.classification.MLP model = w1 ? w1Smile(trainX, trainY, testX, testY)
                    : w1SmileModel();
            if (w2) {
                w2Smile();
            }
            if (w3) {
                w3Smile(model, testX);
            }
        }
        if (bound && w1) {
            System.out.println("-- bound: the products of W1's training steps alone");
            GemmBound b = GemmBound.load(quick ? 0.2 : 1.0);
            if (b != null) {
                results.addAll(b.measure(processors));
            }
        }
        if (bound && w2) {
            System.out.println("-- bound: W2 written for exactly its shape");
            results.add(W2Bound.measure(w2Updates()));
        }
        if (python && w1) {
            results.addAll(new PythonPeers(pythonPath, data, epochs, seed, processors).run());
        }

        System.out.println("load average after: " + loadAverage());
        System.out.println();
        new Report(results, System.out).print(epochs, BATCH);
    }

    /** One backend and precision of this framework: the settings of its summary lines. */
    private record Run(String backend, String precision) {
        Summary summary(String workload, Object... numbers) {
            Object[] kv = new Object[4 + numbers.length];
            kv[0] = "backend";
            kv[1] = backend;
            kv[2] = "precision";
            kv[3] = precision;
            System.arraycopy(numbers, 0, kv, 4, numbers.length);
            return Summary.of(workload, "mlp", kv);
        }
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

    private Network w1Ours(double[][] x, int[] y, double[][] testX, int[] testY, Run r) {
        EpochTimer timer = new EpochTimer();
        Model model = w1Model(epochs, r.precision(), seed, timer);
        model.fit(Dataset.of(x, oneHot(y, 10)));
        double accuracy = model.accuracy(testX, oneHot(testY, 10));
        double rate = x.length / median(timer.epochSeconds());
        System.out.printf(Locale.ROOT, "W1: epochs %s s, %.0f samples/s, accuracy %.4f%n",
                format(timer.epochSeconds()), rate, accuracy);
        results.add(r.summary("w1", "samples_per_s", rate, "accuracy", accuracy));
        return model.network();
    }

    /** W1's model: initialized from {@code seed}, trained only by {@code fit}. */
    private static Model w1Model(int epochs, String precision, long seed,
                                 TrainingListener... listeners) {
        var builder = Precisions.apply(Mlp.builder(), precision)
                .inputs(784)
                .layer(256, "relu")
                .layer(128, "relu")
                .layer(10, "softmax")
                .loss("cross-entropy")
                .optimizer("sgd(lr=0.1)")
                .batch("mini-batch(size=128, shuffle=true)")
                .initializer("he")
                .epochs(epochs)
                .seed(seed);
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
                                              int[] testY) {
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
        double accuracy = (double) correct / testX.length;
        double rate = n / median(seconds);
        System.out.printf(Locale.ROOT, "W1: epochs %s s, %.0f samples/s, accuracy %.4f%n",
                format(seconds), rate, accuracy);
        results.add(Summary.of("w1", "smile", "version", smileVersion(), "precision", FLOAT64,
                "samples_per_s", rate, "accuracy", accuracy));
        return model;
    }

    // ---------------------------------------------------------------- W2

    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};

    private long w2Updates() {
        return (long) (updates / XOR_X.length) * XOR_X.length;
    }

    private void w2Ours(Run r) {
        w2Model(r.precision()).fit(Dataset.of(XOR_X, XOR_Y)); // once untimed: JIT warm-up
        Model model = w2Model(r.precision());
        Dataset table4 = Dataset.of(XOR_X, XOR_Y);
        long start = System.nanoTime();
        model.fit(table4);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = w2Updates() / seconds;
        System.out.printf(Locale.ROOT, "W2: %d updates in %.3f s, %.0f updates/s, "
                + "final loss %.3g%n", w2Updates(), seconds, rate, model.loss(XOR_X, XOR_Y));
        results.add(r.summary("w2", "updates_per_s", rate));
    }

    private Model w2Model(String precision) {
        return Precisions.apply(Mlp.builder(), precision)
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

    private void w2Smile() {
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
        double rate = done / seconds;
        double sse = 0;
        for (int r = 0; r < 4; r++) {
            double d = s.predict(XOR_X[r]) - XOR_Y[r][0];
            sse += 0.5 * d * d;
        }
        System.out.printf(Locale.ROOT, "W2: %d updates in %.3f s, %.0f updates/s, "
                + "final loss %.3g%n", done, seconds, rate, sse / 4);
        results.add(Summary.of("w2", "smile", "version", smileVersion(), "precision", FLOAT64,
                "updates_per_s", rate));
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

    private void w3Ours(Network net, double[][] testX, Run r) {
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
        double latency = (System.nanoTime() - start) / 1e3 / n;
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
        double rate = chunks * BATCH / median(passes);
        System.out.printf(Locale.ROOT, "W3: %.1f us per sample, %.0f samples/s in batches of %d"
                + " (checksum %.6g)%n", latency, rate, BATCH, sink);
        results.add(r.summary("w3", "latency_us", latency, "samples_per_s", rate));
    }

    private void w3Smile(smile.classification.MLP model, double[][] testX) {
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
        double latency = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf(Locale.ROOT, "W3: %.1f us per sample, one by one (checksum %.6g)%n",
                latency, sink);
        results.add(Summary.of("w3", "smile", "version", smileVersion(), "precision", FLOAT64,
                "latency_us", latency, "samples_per_s", 1e6 / latency));
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

    private static String smileVersion() {
        String v = smile.classification.MLP.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
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
