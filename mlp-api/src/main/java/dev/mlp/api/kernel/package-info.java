/**
 * The kernel contract that compute backends implement: {@link dev.mlp.api.kernel.MatrixProducts}
 * (the three matrix products of a dense layer) and {@link dev.mlp.api.kernel.ComputeBackend},
 * which makes them. Backends are plugins found through
 * {@link dev.mlp.api.spi.ComputeBackendProvider}.
 */
package dev.mlp.api.kernel;
