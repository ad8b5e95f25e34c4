package dev.mlp.cli;

import dev.mlp.core.ClassWeights;
import dev.mlp.core.Mlp;
import dev.mlp.core.MultiLabel;
import dev.mlp.core.layer.NetworkSpec;
import dev.mlp.core.plugin.PluginRegistry;
import dev.mlp.core.train.DivergencePolicy;
import dev.mlp.core.train.EarlyStopping;
import dev.mlp.core.train.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options that configure a network and its training: layers, plugins, epochs, class
 * weights, compute backend and precision. Shared by {@code train} and {@code cv}; {@code tune}
 * searches over them (see {@link TuneCommand}). Their defaults come from the command's
 * {@link TrainCommand.Defaults}.
 */
final class ModelOptions {

    @Option(names = "--layers", split = ",", paramLabel = "N",
            description = "Hidden layer sizes, comma separated (default: 16).")
    List<Integer> layers;

    @Option(names = "--network", paramLabel = "SPEC", description = "The whole network, "
            + "output layer last, instead of --layers and --output-activation, e.g. "
            + "\"dense(64,relu) batch-norm dropout(0.1) residual(dense(64,relu),dense(64)) "
            + "dense(3,softmax)\".")
    String network;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "SPEC",
            description = "Activation of the hidden layers (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output-activation", paramLabel = "SPEC",
            description = "Activation of the output layer (default: softmax for "
                    + "classification, identity for regression).")
    String outputActivation;

    @Option(names = "--loss", paramLabel = "SPEC", description = "Loss (default: "
            + "cross-entropy for classification, mse for regression).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC",
            description = "Optimizer (default: ${DEFAULT-VALUE}; the Java builder's is "
                    + "sgd(lr=0.01), see above).")
    String optimizer;

    @Option(names = "--batch", paramLabel = "SPEC",
            description = "Batch strategy (default: ${DEFAULT-VALUE}).")
    String batch;

    @Option(names = "--initializer", paramLabel = "SPEC",
            description = "Weight initializer (default: ${DEFAULT-VALUE}).")
    String initializer;

    @Option(names = "--input-scaler", paramLabel = "SPEC", defaultValue = "z-score",
            description = "Input scaler, or 'none' (default: ${DEFAULT-VALUE}).")
    String inputScaler;

    @Option(names = "--target-scaler", paramLabel = "SPEC",
            description = "Target scaler for regression, or 'none' (default: z-score).")
    String targetScaler;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "Learning-rate schedule, e.g. \"cosine(warmup=5)\".")
    String schedule;

    @Option(names = "--gradient", paramLabel = "SPEC",
            description = "Gradient transform, e.g. \"clip-norm(max=1)\"; repeatable.")
    List<String> gradients = new ArrayList<>();

    @Option(names = "--epochs",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--early-stopping", paramLabel = "SPEC", description = "e.g. "
            + "\"early-stopping(monitor=validation-loss, patience=10)\", or just its "
            + "parameters: \"patience=10\".")
    String earlyStopping;

    @Option(names = "--divergence", paramLabel = "SPEC", description = "What to do when the "
            + "loss turns NaN: stop (default) or \"rollback(factor=0.5, retries=3)\".")
    String divergence;

    @Option(names = "--class-weight", paramLabel = "WEIGHTS", description = "Weight the "
            + "classes in the training loss: 'balanced' (rows / (classes x rows of the class)) "
            + "or \"bad=3,good=1\" (classes not named keep 1). Multiplies the rows' sample "
            + "weights; validation metrics stay unweighted unless --weighted-metrics.")
    String classWeight;

    @Option(names = "--weighted-metrics", description = "With --class-weight: weight the "
            + "validation and test metrics (and early stopping on them) by the class weights "
            + "too.")
    boolean weightedMetrics;

    @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend of the "
            + "matrix products: java, java-vector or native-blas (default: the fastest that "
            + "runs here; mlp plugins --kind compute-backend lists them). native-blas is not "
            + "bit-identical to java.")
    String backend;

    @Option(names = "--precision", paramLabel = "float64|float32", description = "Precision "
            + "of the matrix products: float64 (default) or float32, float products over double "
            + "weights, about twice as fast on large networks and not bit-identical to float64. "
            + "Kept in the model; evaluate and predict run in it.")
    String precision;

    /** Option checks that need no data. */
    void check() {
        if (epochs < 1) {
            throw new BadInputException("--epochs must be at least 1, found " + epochs);
        }
        if (network != null && (layers != null || outputActivation != null)) {
            throw new BadInputException("--network gives the whole network, output layer "
                    + "included; leave out --layers and --output-activation");
        }
        for (int n : hiddenLayers()) {
            if (n < 1) {
                throw new BadInputException("--layers: every size must be at least 1, found "
                        + n);
            }
        }
        if (weightedMetrics && classWeight == null) {
            throw new BadInputException("--weighted-metrics weights metrics by the class "
                    + "weights; give --class-weight too");
        }
        classWeights();
        precision();
    }

    /**
     * @return the precision of --precision, {@link Precision#FLOAT64} if not given
     * @throws BadInputException naming the value and the known precisions if it is neither
     */
    Precision precision() {
        if (precision == null) {
            return Precision.FLOAT64;
        }
        try {
            return Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--precision: " + e.getMessage(), e);
        }
    }

    /** @return the hidden layer sizes of --layers, 16 if not given */
    List<Integer> hiddenLayers() {
        return layers == null ? List.of(16) : layers;
    }

    /** @return the parsed class weights, or {@code null} */
    ClassWeights classWeights() {
        if (classWeight == null) {
            return null;
        }
        try {
            return ClassWeights.parse(classWeight);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--class-weight: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses class weights that name a class the data does not have, before any training.
     *
     * @param data the data as read
     * @param classNames its classes
     */
    void checkClassWeights(dev.mlp.core.Dataset data, List<String> classNames) {
        ClassWeights cw = classWeights();
        if (cw == null || !data.isClassification()) {
            return;
        }
        try {
            cw.resolve(data, classNames);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--class-weight: " + e.getMessage(), e);
        }
    }

    /** The early-stopping spec, completing one given as parameters only. */
    String earlyStoppingSpec() {
        if (earlyStopping == null) {
            return null;
        }
        String s = earlyStopping.strip();
        if (!s.contains("(") && s.contains("=")) {
            return "early-stopping(" + s + ")";
        }
        return s;
    }

    /** The metrics multi-label training computes. */
    static final String[] MULTI_LABEL_METRICS = {"subset-accuracy", "hamming-loss", "micro-f1",
        "macro-f1"};

    /** The metrics every command computes by default: accuracy and F1, or MAE and R². */
    static String[] defaultMetrics(boolean classification) {
        return classification ? new String[] {"accuracy", "f1"} : new String[] {"mae", "r2"};
    }

    /**
     * @return the metrics {@code train} computes and reports: the multi-label ones for
     *         multi-label data, else {@link #defaultMetrics(boolean)}
     */
    static String[] defaultMetrics(boolean classification, boolean multiLabel) {
        return multiLabel ? MULTI_LABEL_METRICS.clone() : defaultMetrics(classification);
    }

    /**
     * A builder configured with these options.
     *
     * @param mlp the plugins' instance
     * @param inputs the number of features
     * @param outputs the number of target columns
     * @param classification whether the targets are classes
     * @param seed the run's seed
     * @param validation the share held out for validation, or 0
     * @param metrics the metrics to compute
     * @return the builder
     */
    Mlp.Builder builder(Mlp mlp, int inputs, int outputs, boolean classification, long seed,
                        double validation, String... metrics) {
        return builder(mlp, inputs, outputs, classification, seed, validation, null, metrics);
    }

    /**
     * A builder configured with these options, for a multi-label model when {@code labels} is
     * given: one sigmoid output per label and binary cross-entropy unless the options say
     * otherwise, no target scaler.
     *
     * @param mlp the plugins' instance
     * @param inputs the number of features
     * @param outputs the number of target columns
     * @param classification whether the targets are classes
     * @param seed the run's seed
     * @param validation the share held out for validation, or 0
     * @param labels the labels of a multi-label model, or {@code null}
     * @param metrics the metrics to compute
     * @return the builder
     */
    Mlp.Builder builder(Mlp mlp, int inputs, int outputs, boolean classification, long seed,
                        double validation, MultiLabel labels, String... metrics) {
        Mlp.Builder b = mlp.newBuilder().inputs(inputs);
        if (network != null) {
            b.network(network);
        } else {
            for (int n : hiddenLayers()) {
                b.layer(n, activation);
            }
            b.layer(outputs, outputActivation != null ? outputActivation
                    : labels != null ? "sigmoid" : classification ? "softmax" : "identity");
        }
        if (labels != null) {
            if (targetScaler != null && !"none".equals(targetScaler)) {
                throw new BadInputException("--target-scaler is for regression; multi-label "
                        + "targets are 0/1 and not scaled");
            }
            b.multiLabel(labels);
            if (loss != null) {
                b.loss(loss);
            }
        } else {
            b.loss(loss != null ? loss : classification ? "cross-entropy" : "mse");
        }
        b.optimizer(optimizer).batch(batch).initializer(initializer)
                .epochs(epochs).seed(seed);
        if (!"none".equals(inputScaler)) {
            b.inputScaler(inputScaler);
        }
        String ts = targetScaler != null ? targetScaler
                : classification || labels != null ? "none" : "z-score";
        if (!"none".equals(ts)) {
            b.targetScaler(ts);
        }
        if (schedule != null) {
            b.schedule(schedule);
        }
        gradients.forEach(b::gradientTransform);
        b.metrics(metrics);
        if (validation > 0) {
            b.validationFraction(validation);
        }
        String stopping = earlyStoppingSpec();
        if (stopping != null) {
            b.earlyStopping(stopping);
        }
        if (divergence != null) {
            b.divergence(divergence);
        }
        if (backend != null) {
            b.backend(backend);
        }
        if (precision != null) {
            b.precision(precision().label());
        }
        ClassWeights cw = classWeights();
        if (cw != null) {
            if (!classification) {
                throw new BadInputException("--class-weight weights classes; it needs --task "
                        + "classification");
            }
            b.classWeights(cw).weightedMetrics(weightedMetrics);
        }
        return b;
    }

    /**
     * Makes each plugin the options name once, before the data is read, so that a bad spec is
     * reported at once and by its option.
     */
    void checkSpecs(PluginRegistry r) {
        checkSpec("--network", network, NetworkSpec::parse);
        checkSpec("--activation", activation, r::activation);
        checkSpec("--output-activation", outputActivation, r::activation);
        checkSpec("--loss", loss, r::loss);
        checkSpec("--optimizer", optimizer, r::optimizer);
        checkSpec("--batch", batch, r::batchStrategy);
        checkSpec("--initializer", initializer, r::initializer);
        checkSpec("--input-scaler", "none".equals(inputScaler) ? null : inputScaler, r::scaler);
        checkSpec("--target-scaler", "none".equals(targetScaler) ? null : targetScaler,
                r::scaler);
        checkSpec("--schedule", schedule, r::schedule);
        for (String g : gradients) {
            checkSpec("--gradient", g, r::gradientTransform);
        }
        checkSpec("--early-stopping", earlyStoppingSpec(), EarlyStopping::parse);
        checkSpec("--divergence", divergence, DivergencePolicy::parse);
        BackendOption.check(r, backend);
    }

    private static void checkSpec(String option, String spec, Function<String, ?> make) {
        if (spec == null) {
            return;
        }
        try {
            make.apply(spec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }
}
