package dev.mlp.core;

import dev.mlp.core.network.Workspace;
import dev.mlp.api.Evaluation;
import dev.mlp.api.Scaler;
import dev.mlp.core.metric.Evaluator;
import dev.mlp.core.network.Network;
import dev.mlp.core.train.Checkpoint;
import dev.mlp.core.train.Trainer;
import dev.mlp.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A network with everything needed to train it and to predict from raw inputs: its trainer, and
 * the input and target scalers (fitted on the first training data). Not thread-safe while
 * training; predictions may run concurrently once training is done.
 */
public final class Model {

    private final Network network;
    private final Trainer trainer;
    private final Scaler inputScaler;
    private final Scaler targetScaler;
    private final Map<String, String> specs;
    private Scaler.Fitted inputs;
    private Scaler.Fitted targets;
    private final List<TrainingResult> history = new ArrayList<>();
    private final List<String> activationSpecs;
    private List<String> classNames = List.of();
    private ClassWeights classWeights;
    private boolean weightedMetrics;
    private MultiLabel multiLabel;

    Model(Network network, Trainer trainer, Scaler inputScaler, Scaler targetScaler,
          Map<String, String> specs) {
        this(network, trainer, inputScaler, targetScaler, specs, activationNames(network));
    }

    Model(Network network, Trainer trainer, Scaler inputScaler, Scaler targetScaler,
          Map<String, String> specs, List<String> activationSpecs) {
        this.network = network;
        this.trainer = trainer;
        this.inputScaler = inputScaler;
        this.targetScaler = targetScaler;
        this.specs = Collections.unmodifiableMap(specs);
        this.activationSpecs = Collections.unmodifiableList(new ArrayList<>(activationSpecs));
    }

    private static List<String> activationNames(Network network) {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= network.layerCount(); l++) {
            names.add(network.activation(l).name());
        }
        return names;
    }

    /**
     * Trains on raw data for the configured number of epochs. The first call fits the scalers.
     * Each call is a new run (fresh optimizer state, batch order drawn from the seed) that starts
     * from the current weights.
     *
     * @param x one row of features per sample, in the data's own units
     * @param y one row of targets per sample, in the data's own units
     * @return the run's loss per epoch
     */
    public TrainingResult fit(double[][] x, double[][] y) {
        return fit(Dataset.of(x, y));
    }

    /**
     * Trains on raw data with per-sample weights; see {@link #fit(double[][], double[][])}.
     *
     * @param x one row of features per sample, in the data's own units
     * @param y one row of targets per sample, in the data's own units
     * @param sampleWeights one weight per sample (finite, at least 0, not all 0)
     * @return the run's history
     */
    public TrainingResult fit(double[][] x, double[][] y, double[] sampleWeights) {
        return fit(Dataset.of(x, y, sampleWeights));
    }

    /**
     * Trains on raw data with explicit validation data (instead of a validation fraction).
     *
     * @param x training features, in the data's own units
     * @param y training targets, in the data's own units
     * @param validationX validation features
     * @param validationY validation targets
     * @return the run's history
     */
    public TrainingResult fit(double[][] x, double[][] y, double[][] validationX,
                              double[][] validationY) {
        return fit(Dataset.of(x, y), Dataset.of(validationX, validationY));
    }

    /**
     * Trains on raw data; see {@link #fit(double[][], double[][])}. The configured validation
     * fraction, if any, is held out of {@code raw}.
     *
     * @param raw the data in its own units
     * @return the run's history
     */
    public TrainingResult fit(Dataset raw) {
        return fit(raw, null);
    }

    /**
     * Trains on raw data with explicit validation data. The scalers are fitted on the first
     * training data (all of {@code raw}, before any validation fraction is held out); metrics are
     * reported in the targets' own units.
     *
     * @param raw the training data in its own units
     * @param validation validation data in its own units, or {@code null}
     * @return the run's history
     */
    public TrainingResult fit(Dataset raw, Dataset validation) {
        prepare(raw);
        Dataset[] parts = ClassWeights.applyTo(classWeights, raw, validation, trainer,
                classNames, weightedMetrics);
        TrainingResult r = runner().train(network, scaled(parts[0]),
                parts[1] == null ? null : scaled(parts[1]), targets);
        history.add(r);
        return r;
    }

    /**
     * Continues an interrupted run from one of its checkpoints, on the same data, to the
     * configured number of epochs; the network ends with the bits of the uninterrupted run.
     *
     * @param raw the training data of the run, in its own units
     * @param checkpoint a checkpoint the run emitted
     * @return the history of the whole run, from epoch 1
     */
    public TrainingResult resume(Dataset raw, Checkpoint checkpoint) {
        return resume(raw, null, checkpoint);
    }

    /**
     * Continues an interrupted run that had explicit validation data; see
     * {@link #resume(Dataset, Checkpoint)}.
     *
     * @param raw the training data of the run, in its own units
     * @param validation the validation data of the run, or {@code null}
     * @param checkpoint a checkpoint the run emitted
     * @return the history of the whole run, from epoch 1
     */
    public TrainingResult resume(Dataset raw, Dataset validation, Checkpoint checkpoint) {
        prepare(raw);
        Dataset[] parts = ClassWeights.applyTo(classWeights, raw, validation, trainer,
                classNames, weightedMetrics);
        TrainingResult r = runner().resume(network, scaled(parts[0]),
                parts[1] == null ? null : scaled(parts[1]), targets, checkpoint);
        history.add(r);
        return r;
    }

    /**
     * The trainer of a run: for a multi-label model, its per-epoch metrics decide at the labels'
     * thresholds, as {@link #evaluate} does.
     */
    private Trainer runner() {
        if (multiLabel == null) {
            return trainer;
        }
        return trainer.withOptions(trainer.options().toBuilder()
                .decideAt(multiLabel.thresholds()).build());
    }

    private void prepare(Dataset raw) {
        trainer.check(network, raw);
        if (inputScaler != null && inputs == null) {
            inputs = inputScaler.fit(raw.features(), raw.rows(), raw.inputs());
        }
        if (targetScaler != null && targets == null) {
            targets = targetScaler.fit(raw.targets(), raw.rows(), raw.outputs());
        }
    }

    /**
     * The loss and the configured metrics on raw data, metrics in the targets' own units,
     * weighted by the data's sample weights (times the class weights, with weighted metrics);
     * for a {@linkplain #multiLabel() multi-label} model, on the decisions at its thresholds.
     *
     * @param raw data in its own units
     * @return the evaluation (with the confusion matrix for classification data)
     */
    public Evaluation evaluate(Dataset raw) {
        Dataset d = scaled(classWeights != null && weightedMetrics
                ? classWeights.apply(raw, classNames) : raw);
        trainer.check(network, d);
        return new Evaluator(network, trainer.loss(), trainer.options().metrics(), targets,
                Inference.backend(trainer.options()))
                .decideAt(multiLabel == null ? null : multiLabel.thresholds()).evaluate(d);
    }

    /**
     * Applies the fitted scalers to raw data.
     *
     * @param raw data in its own units
     * @return the data as the network sees it
     */
    public Dataset scaled(Dataset raw) {
        double[] x = raw.features();
        double[] y = raw.targets();
        if (inputs != null) {
            x = new double[x.length];
            inputs.transform(raw.features(), x, raw.rows());
        }
        if (targets != null) {
            y = new double[y.length];
            targets.transform(raw.targets(), y, raw.rows());
        }
        if (x == raw.features() && y == raw.targets()) {
            return raw;
        }
        Dataset d = new Dataset(x, y, raw.rows(), raw.inputs(), raw.outputs(), raw.weights());
        // scaled 0/1 regression targets stay regression targets
        return raw.isClassification() || !d.isClassification() ? d : d.asRegression();
    }

    /**
     * Predicts one sample.
     *
     * @param x the features in the data's own units
     * @return the outputs in the targets' own units
     */
    public double[] predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    /**
     * Predicts many samples.
     *
     * @param x one row of features per sample, in the data's own units
     * @return one row of outputs per sample, in the targets' own units
     */
    public double[][] predict(double[][] x) {
        if (x.length == 0) {
            return new double[0][];
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != network.inputSize()) {
                throw new IllegalArgumentException("the network takes " + network.inputSize()
                        + " inputs, but row " + r + " has " + x[r].length);
            }
        }
        double[] flat = Dataset.flatten(x, "features");
        if (inputs != null) {
            inputs.transform(flat, flat, x.length);
        }
        double[] out = Inference.forward(network, trainer.options(), flat, x.length);
        if (targets != null) {
            targets.inverse(out, out, x.length);
        }
        int k = network.outputSize();
        double[][] rows = new double[x.length][k];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(out, r * k, rows[r], 0, k);
        }
        return rows;
    }

    /**
     * The mean per-sample loss on raw data, computed as in training (in scaled units).
     *
     * @param x features in the data's own units
     * @param y targets in the data's own units
     * @return the mean loss
     */
    public double loss(double[][] x, double[][] y) {
        Dataset d = scaled(Dataset.of(x, y));
        trainer.check(network, d);
        var ws = new Workspace(network, d.rows(), Inference.products(trainer.options()));
        double[] a = network.forward(ws, d.features(), d.rows());
        return trainer.loss().value(ws.preActivations(network.layerCount()), a, d.targets(),
                d.rows(), d.outputs()) / d.rows();
    }

    /**
     * The share of samples whose largest output is at the position of the largest target (for
     * one-hot classification targets), or, with one output, whose output falls on the same side
     * of 0.5 as the target.
     *
     * @param x features in the data's own units
     * @param y targets (one-hot rows, or one 0/1 column)
     * @return accuracy in [0, 1]
     */
    public double accuracy(double[][] x, double[][] y) {
        double[][] p = predict(x);
        int right = 0;
        for (int r = 0; r < p.length; r++) {
            if (p[r].length == 1) {
                if ((p[r][0] >= 0.5) == (y[r][0] >= 0.5)) {
                    right++;
                }
            } else if (argmax(p[r]) == argmax(y[r])) {
                right++;
            }
        }
        return p.length == 0 ? Double.NaN : (double) right / p.length;
    }

    /**
     * @param v values
     * @return the index of the largest (the first, on ties)
     */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return the network (live: its parameters are the model's) */
    public Network network() {
        return network;
    }

    /** @return the trainer */
    public Trainer trainer() {
        return trainer;
    }

    /** @return the canonical spec of each plugin chosen, by kind */
    public Map<String, String> specs() {
        return specs;
    }

    /** @return the fitted input scaler, or {@code null} */
    public Scaler.Fitted inputScaling() {
        return inputs;
    }

    /** @return the fitted target scaler, or {@code null} */
    public Scaler.Fitted targetScaling() {
        return targets;
    }

    /**
     * The canonical spec of each layer's activation, for example {@code "leaky-relu(alpha=0.01)"};
     * {@code null} for an activation given as an instance made in code.
     *
     * @return one entry per layer, first hidden layer first
     */
    public List<String> activationSpecs() {
        return activationSpecs;
    }

    /**
     * The names of the classes the outputs stand for, in output order, if known (set by
     * {@link #classNames(List)} or loaded from a model file).
     *
     * @return the class names, empty if none were given
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Names the classes the outputs stand for, so that predictions can be reported by name and
     * saved with the model.
     *
     * @param names one name per output (or two names for a single 0/1 output), distinct
     * @return this
     * @throws IllegalArgumentException if the count does not fit the outputs or a name repeats
     */
    public Model classNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        int k = network.outputSize();
        if (!copy.isEmpty() && copy.size() != k && !(k == 1 && copy.size() == 2)) {
            throw new IllegalArgumentException("the network has " + k + " output"
                    + (k == 1 ? "" : "s") + ", so it needs " + (k == 1 ? "2" : k)
                    + " class names, found " + copy.size() + ": " + copy);
        }
        if (new java.util.HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("class names must be distinct, found " + copy);
        }
        this.classNames = copy;
        return this;
    }

    /** @return the labels and thresholds of a multi-label model, or {@code null} */
    public MultiLabel multiLabel() {
        return multiLabel;
    }

    /**
     * Makes this a multi-label model: {@link #evaluate} hands the metrics the decisions at these
     * thresholds, and a model file records them.
     *
     * @param labels one label per output, or {@code null} for none
     * @return this
     * @throws IllegalArgumentException if the count does not fit the outputs
     */
    public Model multiLabel(MultiLabel labels) {
        if (labels != null) {
            labels.requireOutputs(network.outputSize());
        }
        this.multiLabel = labels;
        return this;
    }

    /**
     * @return the class weights applied to the training data, or {@code null} for none
     */
    public ClassWeights classWeights() {
        return classWeights;
    }

    /**
     * @return whether validation and evaluation metrics are weighted by the class weights too
     */
    public boolean weightedMetrics() {
        return weightedMetrics;
    }

    /**
     * Sets the class weights that multiply the training data's sample weights in every
     * {@link #fit} (see {@link ClassWeights}). Explicit weights name classes by
     * {@link #classNames()} (or by index, {@code "0"}, {@code "1"}..., without names).
     *
     * @param weights the weights, or {@code null} for none
     * @param weighted whether validation metrics and {@link #evaluate} are weighted by them too
     * @return this
     */
    public Model classWeights(ClassWeights weights, boolean weighted) {
        this.classWeights = weights;
        this.weightedMetrics = weighted;
        return this;
    }

    /**
     * Sets already fitted scalers, as when a saved model is loaded. Replaces any fitted before.
     *
     * @param inputs the fitted input scaling, or {@code null} for none
     * @param targets the fitted target scaling, or {@code null} for none
     * @throws IllegalArgumentException if a scaling's column count does not fit the network
     */
    public void restoreScaling(Scaler.Fitted inputs, Scaler.Fitted targets) {
        if (inputs != null && inputs.columns() != network.inputSize()) {
            throw new IllegalArgumentException("the input scaling has " + inputs.columns()
                    + " columns, but the network takes " + network.inputSize() + " inputs");
        }
        if (targets != null && targets.columns() != network.outputSize()) {
            throw new IllegalArgumentException("the target scaling has " + targets.columns()
                    + " columns, but the network gives " + network.outputSize() + " outputs");
        }
        this.inputs = inputs;
        this.targets = targets;
    }

    /** @return the result of every {@link #fit} call, in order */
    public List<TrainingResult> history() {
        return List.copyOf(history);
    }
}
