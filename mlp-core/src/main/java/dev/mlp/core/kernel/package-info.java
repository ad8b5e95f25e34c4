/**
 * Dense matrix kernels used by the forward and backward passes. Everything numeric on the
 * training path goes through this package, so speed work touches one place.
 */
package dev.mlp.core.kernel;
