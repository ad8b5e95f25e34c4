/**
 * Built-in weight initializers ({@code uniform(min, max)}, {@code xavier}, {@code he},
 * {@code zeros}) and {@link dev.mlp.core.init.ExplicitWeights} for weights given in code.
 */
package dev.mlp.core.init;
