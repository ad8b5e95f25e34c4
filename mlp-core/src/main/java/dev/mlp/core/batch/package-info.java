/**
 * Built-in batch strategies: {@code full-batch}, {@code stochastic} and
 * {@code mini-batch(size, shuffle)} ({@link dev.mlp.core.batch.FixedSizeBatches}),
 * {@code stratified-mini-batch(size)} ({@link dev.mlp.core.batch.StratifiedBatches}) and
 * {@code weighted-mini-batch(size)} ({@link dev.mlp.core.batch.WeightedBatches}).
 */
package dev.mlp.core.batch;
