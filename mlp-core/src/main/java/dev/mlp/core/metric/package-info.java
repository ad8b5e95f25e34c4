/**
 * Metrics of a network on a data set, computed per epoch for training and validation data:
 * accuracy, macro precision, recall and F1 and the confusion matrix for classifiers; mean squared
 * error, mean absolute error and R² for regressors. {@link dev.mlp.core.metric.Metrics} finds
 * them by name.
 */
package dev.mlp.core.metric;
