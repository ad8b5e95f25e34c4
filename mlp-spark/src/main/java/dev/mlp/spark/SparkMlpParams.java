package dev.mlp.spark;

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
 * The parameters of {@link SparkMlp} and of the {@link SparkMlpModel} it fits, with typed
 * getters. The estimator copies every value to the model it fits, so a fitted model answers
 * {@code getLayers()}, {@code getOptimizer()}, {@code getEpochs()}... with what it was trained
 * with.
 *
 * <p>The column parameters and {@code thresholds} have the names and meaning of Spark ML's
 * {@code ProbabilisticClassifier} ({@code featuresCol}, {@code labelCol}, {@code weightCol},
 * {@code predictionCol}, {@code rawPredictionCol}, {@code probabilityCol}); {@code seed},
 * {@code tol}, {@code blockSize}, {@code initialWeights} and {@code fullLayers} mean what
 * {@code MultilayerPerceptronClassifier}'s {@code seed}, {@code tol}, {@code blockSize},
 * {@code initialWeights} and {@code layers} mean (the README has the table).
 */
public interface SparkMlpParams extends Params {

    /** @return the features column parameter: a vector column */
    Param<String> featuresCol();

    /** @return the label column parameter: a class index or a number */
    Param<String> labelCol();

    /** @return the sample weight column parameter; empty for weight 1 */
    Param<String> weightCol();

    /** @return the class weight parameter: 'balanced', 'index=weight, ...', or empty */
    Param<String> classWeight();

    /** @return the prediction column parameter; empty for none */
    Param<String> predictionCol();

    /** @return the raw prediction column parameter (classification); empty for none */
    Param<String> rawPredictionCol();

    /** @return the class probabilities column parameter (classification); empty for none */
    Param<String> probabilityCol();

    /** @return the per-class thresholds parameter (classification), unset by default */
    DoubleArrayParam thresholds();

    /** @return the task parameter: classification or regression */
    Param<String> task();

    /** @return the hidden layers parameter */
    IntArrayParam layers();

    /** @return the all-layers parameter, MLPC's form of the layers */
    IntArrayParam fullLayers();

    /** @return the hidden activation parameter */
    Param<String> activation();

    /** @return the output activation parameter */
    Param<String> outputActivation();

    /** @return the loss parameter */
    Param<String> loss();

    /** @return the optimizer parameter */
    Param<String> optimizer();

    /** @return the batch strategy parameter */
    Param<String> batch();

    /** @return the initializer parameter */
    Param<String> initializer();

    /** @return the epochs parameter */
    IntParam epochs();

    /** @return the seed parameter */
    LongParam seed();

    /** @return the loss-change tolerance parameter */
    DoubleParam tol();

    /** @return the initial weights parameter, unset by default */
    Param<Vector> initialWeights();

    /** @return the block size parameter */
    IntParam blockSize();

    /** @return the aggregation depth parameter */
    IntParam aggregationDepth();

    /** @return the raw input columns parameter; empty to use the features vector */
    StringArrayParam inputCols();

    /** @return the parameter naming numeric input columns to treat as categorical */
    StringArrayParam categoricalCols();

    /** @return the encoder spec parameter of categorical input columns */
    Param<String> encoder();

    /** @return the imputation parameter of numeric input columns */
    Param<String> numericImputation();

    /** @return the imputation parameter of categorical input columns */
    Param<String> categoricalImputation();

    /** @return the missing-value indicator parameter */
    BooleanParam missingIndicators();

    /** @return the parameter of the texts that count as missing */
    StringArrayParam missingValues();

    /** @return the training precision parameter: float64 or float32 */
    Param<String> precision();

    /**
     * @return the precision of the training's matrix products, {@code float64} (the default)
     *         or {@code float32}
     */
    default String getPrecision() {
        return getOrDefault(precision());
    }

    /** @return a copy of the raw input columns, empty when the features vector is used */
    default String[] getInputCols() {
        return getOrDefault(inputCols()).clone();
    }

    /** @return a copy of the input columns declared categorical */
    default String[] getCategoricalCols() {
        return getOrDefault(categoricalCols()).clone();
    }

    /** @return the encoder spec of categorical input columns */
    default String getEncoder() {
        return getOrDefault(encoder());
    }

    /** @return the imputation of numeric input columns */
    default String getNumericImputation() {
        return getOrDefault(numericImputation());
    }

    /** @return the imputation of categorical input columns */
    default String getCategoricalImputation() {
        return getOrDefault(categoricalImputation());
    }

    /** @return whether columns with missing cells get an indicator input */
    default boolean getMissingIndicators() {
        return (Boolean) getOrDefault(missingIndicators());
    }

    /** @return a copy of the texts that count as missing */
    default String[] getMissingValues() {
        return getOrDefault(missingValues()).clone();
    }

    /** @return the features column */
    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    /** @return the label column */
    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    /** @return the weight column, empty for weight 1 for every row */
    default String getWeightCol() {
        return getOrDefault(weightCol());
    }

    /** @return the class weights, empty for none */
    default String getClassWeight() {
        return getOrDefault(classWeight());
    }

    /** @return the prediction column, empty for none */
    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    /** @return the raw prediction column, empty for none */
    default String getRawPredictionCol() {
        return getOrDefault(rawPredictionCol());
    }

    /** @return the probability column, empty for none */
    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    /**
     * @return a copy of the per-class thresholds
     * @throws java.util.NoSuchElementException if they are not set (check with
     *         {@code isDefined(thresholds())})
     */
    default double[] getThresholds() {
        return getOrDefault(thresholds()).clone();
    }

    /** @return {@link SparkMlp#CLASSIFICATION} or {@link SparkMlp#REGRESSION} */
    default String getTask() {
        return getOrDefault(task());
    }

    /**
     * @return a copy of the hidden layer sizes; on a fitted model, the hidden layers it has
     *         (also when it was configured through {@code fullLayers})
     */
    default int[] getLayers() {
        return getOrDefault(layers()).clone();
    }

    /**
     * @return a copy of the all-layers sizes (inputs, hidden layers, outputs), empty when
     *         unused; on a fitted model, the sizes it has
     */
    default int[] getFullLayers() {
        return getOrDefault(fullLayers()).clone();
    }

    /** @return the hidden layers' activation spec */
    default String getActivation() {
        return getOrDefault(activation());
    }

    /** @return the output activation spec, empty for the task's default */
    default String getOutputActivation() {
        return getOrDefault(outputActivation());
    }

    /** @return the loss spec, empty for the task's default */
    default String getLoss() {
        return getOrDefault(loss());
    }

    /** @return the optimizer spec */
    default String getOptimizer() {
        return getOrDefault(optimizer());
    }

    /** @return the batch strategy spec */
    default String getBatch() {
        return getOrDefault(batch());
    }

    /** @return the initializer spec */
    default String getInitializer() {
        return getOrDefault(initializer());
    }

    /** @return the number of epochs (MLPC's {@code maxIter}) */
    default int getEpochs() {
        return (Integer) getOrDefault(epochs());
    }

    /** @return the seed */
    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** @return the loss-change tolerance; 0 trains every epoch */
    default double getTol() {
        return (Double) getOrDefault(tol());
    }

    /**
     * @return the initial weights
     * @throws java.util.NoSuchElementException if they are not set (check with
     *         {@code isDefined(initialWeights())})
     */
    default Vector getInitialWeights() {
        return getOrDefault(initialWeights());
    }

    /** @return rows per block on the executors */
    default int getBlockSize() {
        return (Integer) getOrDefault(blockSize());
    }

    /** @return the depth of the gradient aggregation tree */
    default int getAggregationDepth() {
        return (Integer) getOrDefault(aggregationDepth());
    }
}
