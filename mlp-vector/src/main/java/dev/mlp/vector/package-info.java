/**
 * The {@code java-vector} compute backend: the three matrix products of training a dense layer
 * ({@code A·W + b}, {@code s·Aᵀ·δ}, {@code δ·Wᵀ}) as register-tiled micro-kernels written with
 * the Vector API of Java 17, which is still an incubator module, {@code jdk.incubator.vector}.
 *
 * <p>A block of 8 output rows by two vectors of columns stays in vector registers while the
 * inner dimension streams past, as in BLAS libraries; the pure-Java backend keeps the output row
 * in memory instead. The arithmetic is the same fused multiply-add chain in the same order, so
 * both backends give the same bits, for any thread count.
 *
 * <p>Using it: put this jar on the class path, start the JVM with
 * {@code --add-modules jdk.incubator.vector} (the JVM then prints a one-line warning that an
 * incubator module is in use) and set {@code -Dmlp.backend=java-vector}. Without the flag the
 * provider reports itself unavailable, saying so. Compiling this module needs the same flag,
 * and javac then always warns "using incubating module(s): jdk.incubator.vector": that warning is
 * expected.
 */
package dev.mlp.vector;
