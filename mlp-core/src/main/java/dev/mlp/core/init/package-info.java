/**
 * Built-in weight initializers ({@code uniform(min, max)}, {@code xavier}, {@code xavier-normal},
 * {@code he} (also {@code he-normal}), {@code lecun}, {@code normal(mean, std)},
 * {@code constant(value, bias)}, {@code orthogonal(gain)}, {@code zeros}) and
 * {@link dev.mlp.core.init.ExplicitWeights} for weights given in code. The normal initializers
 * draw plain (not truncated) normals with {@link java.util.random.RandomGenerator#nextGaussian()}
 * from the run's generator, so the weights are reproducible from the seed.
 */
package dev.mlp.core.init;
