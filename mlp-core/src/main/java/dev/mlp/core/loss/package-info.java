/**
 * Built-in losses: {@code squared-error}, {@code half-squared-error}, {@code mse},
 * {@code cross-entropy} (with softmax) and {@code binary-cross-entropy} (with sigmoid). They are
 * registered through {@code META-INF/services} exactly like third-party plugins.
 */
package dev.mlp.core.loss;
