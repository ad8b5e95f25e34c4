/**
 * Data-parallel training on Apache Spark with the framework's own network, losses and plugins.
 *
 * <p>{@link dev.mlp.spark.SparkTrainer} runs synchronous gradient steps over
 * {@link dev.mlp.spark.TrainingData} cached on the executors; {@link dev.mlp.spark.SparkMlp}
 * and {@link dev.mlp.spark.SparkMlpModel} are the Spark ML estimator and model built on it.
 * Only spec strings and weights travel to the executors; each executor resolves the plugins by
 * name from its own class path.
 */
package dev.mlp.spark;
