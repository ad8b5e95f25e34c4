/**
 * Dense feed-forward networks: layer sizes, activations, weights and biases, per-layer dropout,
 * and the forward and backward passes on whole batches in matrix form ({@code Z = A·W + b},
 * {@code A' = f(Z)}), with preallocated {@link dev.mlp.core.network.Workspace}s so that a
 * training step allocates nothing.
 */
package dev.mlp.core.network;
