package dev.mlp.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The {@link SparkMlpParams} of one stage (estimator or model), with their documentation and
 * defaults, and the checks their setters share. One place declares them, so the estimator and
 * the model cannot drift apart.
 */
final class ParamSet implements Serializable {

    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> labelCol;
    final Param<String> weightCol;
    final Param<String> classWeight;
    final Param<String> predictionCol;
    final Param<String> rawPredictionCol;
    final Param<String> probabilityCol;
    final DoubleArrayParam thresholds;
    final Param<String> task;
    final IntArrayParam layers;
    final IntArrayParam fullLayers;
    final Param<String> activation;
    final Param<String> outputActivation;
    final Param<String> loss;
    final Param<String> optimizer;
    final Param<String> batch;
    final Param<String> initializer;
    final IntParam epochs;
    final LongParam seed;
    final DoubleParam tol;
    final Param<Vector> initialWeights;
    final IntParam blockSize;
    final IntParam aggregationDepth;
    final StringArrayParam inputCols;
    final StringArrayParam categoricalCols;
    final Param<String> encoder;
    final Param<String> numericImputation;
    final Param<String> categoricalImputation;
    final BooleanParam missingIndicators;
    final StringArrayParam missingValues;
    final Param<String> precision;

    /**
     * Declares the parameters of a stage and sets their defaults on it.
     *
     * @param owner the stage
     */
    ParamSet(Params owner) {
        featuresCol = new Param<>(owner, "featuresCol", "features column, a vector");
        labelCol = new Param<>(owner, "labelCol", "label column: a class index 0, 1, ... "
                + "(classification) or a number (regression)");
        weightCol = new Param<>(owner, "weightCol", "sample weight column; empty for weight 1");
        classWeight = new Param<>(owner, "classWeight", "class weights multiplying the sample "
                + "weights: 'balanced', or 'index=weight, ...' by class index; empty for none");
        predictionCol = new Param<>(owner, "predictionCol", "prediction column name; empty for "
                + "none");
        rawPredictionCol = new Param<>(owner, "rawPredictionCol", "raw prediction column name "
                + "(classification): the output layer's pre-activations shifted to mean 0; "
                + "empty for none");
        probabilityCol = new Param<>(owner, "probabilityCol", "class probabilities column name "
                + "(classification); empty for none");
        thresholds = new DoubleArrayParam(owner, "thresholds", "per-class thresholds "
                + "(classification): the prediction is the class with the largest "
                + "probability / threshold; values >= 0, at most one 0; unset for the most "
                + "probable class");
        task = new Param<>(owner, "task", "classification or regression");
        layers = new IntArrayParam(owner, "layers", "neurons of each hidden layer; the output "
                + "layer is added (one neuron per class, or one for regression)");
        fullLayers = new IntArrayParam(owner, "fullLayers", "all layer sizes as "
                + "MultilayerPerceptronClassifier's layers: the number of features, each hidden "
                + "layer, the number of classes (1 for regression); empty to use layers");
        activation = new Param<>(owner, "activation", "activation spec of the hidden layers");
        outputActivation = new Param<>(owner, "outputActivation", "activation spec of the "
                + "output layer; empty for softmax (classification) or identity (regression)");
        loss = new Param<>(owner, "loss", "loss spec; empty for cross-entropy (classification)"
                + " or mse (regression)");
        optimizer = new Param<>(owner, "optimizer", "optimizer spec, e.g. adam(lr=0.001)");
        batch = new Param<>(owner, "batch", "batch strategy spec: full-batch, or "
                + "mini-batch(size=n) for steps on seeded samples of about n rows");
        initializer = new Param<>(owner, "initializer", "weight initializer spec");
        epochs = new IntParam(owner, "epochs", "number of epochs (>= 0), MLPC's maxIter");
        seed = new LongParam(owner, "seed", "seed of the initial weights and of the samples");
        tol = new DoubleParam(owner, "tol", "training stops after an epoch whose mean loss "
                + "differs from the previous epoch's by less than tol * max(1, |previous|); "
                + "0 trains every epoch (>= 0)");
        initialWeights = new Param<>(owner, "initialWeights", "starting weights, layer by "
                + "layer: the weights row-major (inputs x neurons), then the biases; unset to "
                + "draw them with the initializer");
        blockSize = new IntParam(owner, "blockSize", "rows per block on the executors (>= 1)");
        aggregationDepth = new IntParam(owner, "aggregationDepth",
                "depth of the gradient treeAggregate (>= 1)");
        inputCols = new StringArrayParam(owner, "inputCols", "raw feature columns, numeric or "
                + "string (categories), encoded and imputed as mlp train does; empty to use the "
                + "vector featuresCol");
        categoricalCols = new StringArrayParam(owner, "categoricalCols", "input columns that "
                + "are categorical although numeric; string columns are categorical anyway");
        encoder = new Param<>(owner, "encoder", "encoder spec of categorical input columns, "
                + "e.g. one-hot(unseen=error)");
        numericImputation = new Param<>(owner, "numericImputation", "what a missing numeric "
                + "cell (null or NaN) becomes: mean, median, most-frequent or constant(v)");
        categoricalImputation = new Param<>(owner, "categoricalImputation", "what a missing "
                + "categorical cell becomes: most-frequent or constant(v)");
        missingIndicators = new BooleanParam(owner, "missingIndicators", "whether each input "
                + "column with missing training cells gets an input that is 1 where missing");
        missingValues = new StringArrayParam(owner, "missingValues", "texts of string cells "
                + "that count as missing, besides null");
        precision = new Param<>(owner, "precision", "precision of the executors' matrix "
                + "products in training: float64 (double) or float32 (float products over "
                + "double weights)");
        owner.setDefault(precision, dev.mlp.core.train.Precision.FLOAT64.label());
        owner.setDefault(inputCols, new String[0]);
        owner.setDefault(categoricalCols, new String[0]);
        owner.setDefault(encoder, dev.mlp.data.TablePreprocessor.DEFAULT_ENCODER);
        owner.setDefault(numericImputation, "mean");
        owner.setDefault(categoricalImputation, "most-frequent");
        owner.setDefault(missingIndicators, false);
        owner.setDefault(missingValues,
                dev.mlp.data.CsvReader.DEFAULT_MISSING.toArray(new String[0]));
        owner.setDefault(featuresCol, "features");
        owner.setDefault(labelCol, "label");
        owner.setDefault(weightCol, "");
        owner.setDefault(classWeight, "");
        owner.setDefault(predictionCol, "prediction");
        owner.setDefault(rawPredictionCol, "rawPrediction");
        owner.setDefault(probabilityCol, "probability");
        owner.setDefault(task, SparkMlp.CLASSIFICATION);
        owner.setDefault(layers, new int[0]);
        owner.setDefault(fullLayers, new int[0]);
        owner.setDefault(activation, "relu");
        owner.setDefault(outputActivation, "");
        owner.setDefault(loss, "");
        owner.setDefault(optimizer, "adam(lr=0.01)");
        owner.setDefault(batch, "full-batch");
        owner.setDefault(initializer, "xavier");
        owner.setDefault(epochs, 100);
        owner.setDefault(seed, 42L);
        owner.setDefault(tol, 0.0);
        owner.setDefault(blockSize, 256);
        owner.setDefault(aggregationDepth, 2);
    }

    static void checkTask(String t) {
        if (!SparkMlp.CLASSIFICATION.equals(t) && !SparkMlp.REGRESSION.equals(t)) {
            throw new IllegalArgumentException("task must be '" + SparkMlp.CLASSIFICATION
                    + "' or '" + SparkMlp.REGRESSION + "', found '" + t + "'");
        }
    }

    static void checkLayers(int[] neurons) {
        for (int i = 0; i < neurons.length; i++) {
            if (neurons[i] < 1) {
                throw new IllegalArgumentException("hidden layer " + (i + 1)
                        + " must have >= 1 neurons, found " + neurons[i]);
            }
        }
    }

    static void checkFullLayers(int[] sizes) {
        if (sizes.length == 1) {
            throw new IllegalArgumentException("fullLayers must list the number of features, "
                    + "any hidden layers and the number of outputs (at least 2 sizes), found "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("fullLayers[" + i + "] must be >= 1, found "
                        + sizes[i] + " in " + Arrays.toString(sizes));
            }
        }
    }

    static void checkThresholds(double[] t) {
        int zeros = 0;
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] >= 0) || Double.isInfinite(t[i])) {
                throw new IllegalArgumentException("thresholds must be finite and >= 0, found "
                        + t[i] + " at index " + i);
            }
            zeros += t[i] == 0 ? 1 : 0;
        }
        if (t.length < 2 || zeros > 1) {
            throw new IllegalArgumentException("thresholds need one value per class (at least "
                    + "2), at most one of them 0, found " + Arrays.toString(t));
        }
    }

    static void checkTol(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("tol must be finite and >= 0, found " + value);
        }
    }
}
