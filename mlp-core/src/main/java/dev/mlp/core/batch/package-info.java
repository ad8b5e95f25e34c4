/**
 * Built-in batch strategies: {@code full-batch}, {@code stochastic} and
 * {@code mini-batch(size, shuffle)}.
 */
package dev.mlp.core.batch;
