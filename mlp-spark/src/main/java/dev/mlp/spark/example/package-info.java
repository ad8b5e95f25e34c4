/**
 * A runnable example for {@code spark-submit}: training a classifier on LIBSVM data.
 */
package dev.mlp.spark.example;
