/**
 * The training loop: {@link dev.mlp.core.train.Trainer} composes a loss, an optimizer, a batch
 * strategy and listeners, and runs epochs of forward pass, loss, backward pass and update on a
 * {@link dev.mlp.core.network.Network}.
 */
package dev.mlp.core.train;
