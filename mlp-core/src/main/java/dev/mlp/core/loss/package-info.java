/**
 * Built-in losses: {@code squared-error}, {@code half-squared-error}, {@code mse}, {@code mae},
 * {@code huber(delta)}, {@code log-cosh}, {@code hinge}, {@code squared-hinge},
 * {@code cross-entropy} and {@code kl-divergence} (with softmax), {@code binary-cross-entropy}
 * (with sigmoid) and {@code poisson} (with a positive output such as softplus). Each computes the
 * loss of every sample ({@link dev.mlp.api.Loss#values}) in one direct loop, and the batch's loss
 * ({@link dev.mlp.api.Loss#value}) as the sum of those per-sample values in row order. They are
 * registered through {@code META-INF/services} exactly like third-party plugins.
 */
package dev.mlp.core.loss;
