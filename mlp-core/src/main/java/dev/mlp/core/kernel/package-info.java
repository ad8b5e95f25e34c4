/**
 * Dense matrix kernels used by the forward and backward passes. Everything numeric on the
 * training path goes through this package, so speed work touches one place.
 *
 * <p>{@link dev.mlp.core.kernel.Matrices} holds the plain loops (the reference the tests compare
 * against, and the path for tiny products); {@link dev.mlp.core.kernel.Gemm} the packed,
 * cache-blocked, multi-threaded products that HotSpot vectorizes, with results that do not
 * depend on the thread count. Other compute backends, such as native BLAS, are plugins of the
 * kind {@code compute backend} ({@link dev.mlp.api.spi.ComputeBackendProvider}), chosen with
 * {@code Mlp.builder().backend(name)}; see {@link dev.mlp.core.kernel.MatrixBackends}.
 */
package dev.mlp.core.kernel;
