/**
 * Dense feed-forward networks: layer sizes, activations, weights and biases, and the forward and
 * backward passes on whole batches in matrix form ({@code Z = A·W + b}, {@code A' = f(Z)}).
 */
package dev.mlp.core.network;
