/**
 * The fluent entry point: {@link dev.mlp.core.Mlp} builds a network from spec strings, trains
 * it and returns a {@link dev.mlp.core.Model} that predicts in the data's own units. Guice, the
 * plugin registry and the trainer are behind it; callers never need to see them.
 */
package dev.mlp.core;
