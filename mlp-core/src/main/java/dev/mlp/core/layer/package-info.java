/**
 * Networks with more than dense layers: the network spec ({@code "dense(64, relu) batch-norm
 * residual(dense(64, relu), dense(64)) dense(3, softmax)"}), its parsing and assembly into a
 * network, the passes of such a network, and the built-in layers (batch, layer and RMS
 * normalization, dropout). Plain dense networks never pass through this package.
 */
package dev.mlp.core.layer;
