/**
 * A compute backend that runs the matrix products through the system's native BLAS (for
 * example OpenBLAS: {@code apt-get install libopenblas0}) via {@code dev.ludovic.netlib:blas}.
 * Select it with {@code -Dmlp.backend=native-blas}; the pure-Java backend stays the default.
 */
package dev.mlp.blas;
